import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { BUNDLE_FORMAT, makeBundle } from './bundle';
import { jsonSource, loadFixture } from '../../fixtures/load-fixtures';

const sample = (file: string) => loadFixture('samples', file);

describe('input shapes', () => {
  it('describe-clusters: clusters with their counts and capacity providers', () => {
    const t = ingest([sample('awscli-describe-clusters-2-attachments.json')]);
    expect(t.files[0].shapes).toEqual(['describe-clusters']);
    expect(t.clusters).toHaveLength(1);
    expect(t.clusters[0]).toMatchObject({
      name: 'sampleCluster',
      region: 'af-south-1',
      accountId: '123456789222',
      status: 'ACTIVE',
      capacityProviders: ['sampleCapacityProvider'],
      placeholder: false,
    });
  });

  it('describe-services (CLI v1): epoch-float timestamps become ISO-8601, deployments and events kept', () => {
    const t = ingest([sample('awscli-describe-services.json')]);
    const svc = t.services[0];
    expect(svc).toMatchObject({
      name: 'my-http-service',
      desiredCount: 10,
      runningCount: 10,
      pendingCount: 0,
      createdAt: '2016-06-24T20:56:48.595Z',
    });
    expect(svc.deployments[0]).toMatchObject({
      id: 'ecs-svc/1234567890123456789',
      status: 'PRIMARY',
      createdAt: '2016-06-24T20:56:48.595Z',
    });
    expect(svc.events[0].message).toContain('has reached a steady state');
  });

  it('describe-tasks (CLI v2): ISO timestamps with offsets are normalised to UTC', () => {
    const t = ingest([sample('awscli-describe-tasks-1-ec2.json')]);
    const task = t.tasks.find((x) => !x.placeholder)!;
    expect(task.startedAt).toBe('2021-08-11T16:21:34.945Z');
    expect(task.containers[0]).toMatchObject({
      name: 'simple-app',
      image: 'httpd:2.4',
      imageTag: '2.4',
      lastStatus: 'RUNNING',
      healthStatus: 'UNKNOWN',
    });
  });

  it('describe-tasks (Fargate): ENI private IP and subnet read from attachments, container IP from its interface', () => {
    const t = ingest([sample('awscli-describe-tasks-2-fargate.json')]);
    const task = t.tasks.find((x) => x.shortId === '74de0355a10a4f979ac495c14EXAMPLE')!;
    expect(task).toMatchObject({
      launchType: 'FARGATE',
      spot: false,
      privateIp: '10.0.1.184',
      subnetId: 'subnet-0d0eab1bb3EXAMPLE',
      availabilityZone: 'us-east-1b',
      cpu: '256',
      memory: '512',
    });
    expect(task.containers[0].privateIp).toBe('10.0.1.184');
  });

  it('describe-task-definition: containers summarised, environment names only', () => {
    const t = ingest([sample('awscli-describe-task-definition-multicontainer.json')]);
    expect(t.taskDefinitions[0]).toMatchObject({ family: 'hello_world', revision: 8, name: 'hello_world:8' });
    expect(t.taskDefinitions[0].containerDefinitions.map((c) => c.name)).toEqual(['wordpress', 'mysql']);
  });

  it('describe-container-instances: registered and remaining CPU/memory', () => {
    const t = ingest([sample('botocore-describe-container-instances.json')]);
    const ci = t.containerInstances[0];
    expect(ci).toMatchObject({
      ec2InstanceId: 'i-807f3249',
      agentConnected: true,
      registered: { cpu: 2048, memory: 3768 },
    });
    expect(ci.remaining.cpu).toBeLessThanOrEqual(2048);
  });

  it('describe-capacity-providers: ASG, FARGATE and FARGATE_SPOT told apart', () => {
    const t = ingest([sample('awscli-describe-capacity-providers-1.json')]);
    expect(Object.fromEntries(t.capacityProviders.map((c) => [c.name, c.providerType]))).toEqual({
      MyCapacityProvider: 'ASG',
      FARGATE: 'FARGATE',
      FARGATE_SPOT: 'FARGATE_SPOT',
    });
  });

  it('elbv2 describe-target-groups (PascalCase keys)', () => {
    const t = ingest([sample('awscli-elbv2-describe-target-groups.json')]);
    expect(t.files[0].shapes).toEqual(['elbv2-describe-target-groups']);
    expect(t.targetGroups[0]).toMatchObject({
      name: 'my-targets',
      protocol: 'HTTP',
      port: 80,
      vpcId: 'vpc-3ac0fb5f',
      placeholder: false,
    });
  });

  it.each([
    ['awscli-list-services.json', 'list-services', 'services'],
    ['awscli-list-tasks-1.json', 'list-tasks', 'tasks'],
    ['botocore-list-container-instances.json', 'list-container-instances', 'containerInstances'],
  ] as const)('%s: listed ARNs become placeholders, never counted as described', (file, shape, key) => {
    const t = ingest([sample(file)]);
    expect(t.files[0].shapes).toEqual([shape]);
    expect(t[key].length).toBeGreaterThan(0);
    expect(t[key].every((x) => x.placeholder)).toBe(true);
    const s = summarize(t);
    expect(s.counts[key]).toBe(0);
    expect(s.placeholders).toBeGreaterThanOrEqual(t[key].length);
  });

  it('describe-services with Service Connect: read off the PRIMARY deployment, each endpoint with its Cloud Map service; registries kept', () => {
    // As the AWS CLI prints it (Service Connect tutorial): the configuration and the Cloud Map services ECS made live on the deployment.
    const sc = (namespace: string, alias: Record<string, unknown>) => ({
      enabled: true,
      namespace,
      services: [{ portName: 'nginx', discoveryName: 'nginx', clientAliases: [alias] }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/service-connect-proxy', 'awslogs-region': 'us-west-2' },
      },
    });
    const t = ingest([
      jsonSource('services.json', {
        services: [
          {
            serviceArn: 'arn:aws:ecs:us-west-2:123456789012:service/tutorial-cluster/service-connect-nginx-service',
            serviceName: 'service-connect-nginx-service',
            clusterArn: 'arn:aws:ecs:us-west-2:123456789012:cluster/tutorial-cluster',
            loadBalancers: [],
            serviceRegistries: [
              {
                registryArn: 'arn:aws:servicediscovery:us-west-2:123456789012:service/srv-legacy1234',
                containerName: 'nginx',
                containerPort: 80,
              },
            ],
            status: 'ACTIVE',
            deployments: [
              {
                id: 'ecs-svc/1234567890123456789',
                status: 'PRIMARY',
                serviceConnectConfiguration: sc(
                  'arn:aws:servicediscovery:us-west-2:123456789012:namespace/ns-xmpl1234',
                  { port: 80, dnsName: 'nginx.service-connect' },
                ),
                serviceConnectResources: [
                  {
                    discoveryName: 'nginx',
                    discoveryArn: 'arn:aws:servicediscovery:us-west-2:123456789012:service/srv-xmpl1234',
                  },
                ],
              },
              {
                id: 'ecs-svc/9876543210987654321',
                status: 'ACTIVE',
                serviceConnectConfiguration: sc('service-connect', { port: 80 }),
              },
            ],
          },
          // create-service --cli-input-json style: the configuration on the service itself, no deployment yet.
          {
            serviceArn: 'arn:aws:ecs:us-west-2:123456789012:service/tutorial-cluster/client',
            serviceName: 'client',
            serviceConnectConfiguration: { enabled: true, namespace: 'service-connect' },
          },
        ],
      }),
    ]);
    const [nginx, client] = ['service-connect-nginx-service', 'client'].map((name) =>
      t.services.find((s) => s.name === name)!,
    );
    expect(nginx.serviceConnect).toEqual({
      enabled: true,
      namespace: 'arn:aws:servicediscovery:us-west-2:123456789012:namespace/ns-xmpl1234',
      endpoints: [
        {
          portName: 'nginx',
          discoveryName: 'nginx',
          discoveryArn: 'arn:aws:servicediscovery:us-west-2:123456789012:service/srv-xmpl1234',
          clientAliases: [{ port: 80, dnsName: 'nginx.service-connect' }],
          ingressPortOverride: undefined,
        },
      ],
      logDriver: 'awslogs',
    });
    // The older deployment keeps its own configuration, for comparing the two.
    expect(nginx.deployments[1].serviceConnect).toMatchObject({
      namespace: 'service-connect',
      endpoints: [{ clientAliases: [{ port: 80 }] }],
    });
    expect(nginx.serviceRegistries).toEqual([
      {
        registryArn: 'arn:aws:servicediscovery:us-west-2:123456789012:service/srv-legacy1234',
        containerName: 'nginx',
        containerPort: 80,
        port: undefined,
      },
    ]);
    expect(client.serviceConnect).toEqual({
      enabled: true,
      namespace: 'service-connect',
      endpoints: [],
      logDriver: undefined,
    });
    expect(client.serviceRegistries).toEqual([]);
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('a bare task definition (console JSON tab) loads without the describe wrapper', () => {
    const bare = {
      family: 'nginx-demo',
      containerDefinitions: [
        { name: 'nginx', image: 'nginx:1.27', essential: true, environment: [{ name: 'MODE', value: 'x' }] },
      ],
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      networkMode: 'awsvpc',
    };
    const t = ingest([jsonSource('taskdef.json', bare)]);
    expect(t.files[0].shapes).toEqual(['task-definition']);
    expect(t.taskDefinitions[0]).toMatchObject({
      family: 'nginx-demo',
      requiresCompatibilities: ['FARGATE'],
      placeholder: false,
    });
    expect(t.taskDefinitions[0].containerDefinitions[0].environmentNames).toEqual(['MODE']);
  });

  it('SDK v3 output passed through JSON.stringify ($metadata, Date as ISO) loads like the CLI', () => {
    const sdk = {
      $metadata: { httpStatusCode: 200, requestId: 'abc', attempts: 1, totalRetryDelay: 0 },
      failures: [],
      tasks: [
        {
          taskArn: 'arn:aws:ecs:us-east-1:111122223333:task/c1/abcdef0123456789',
          clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/c1',
          launchType: 'FARGATE',
          lastStatus: 'RUNNING',
          createdAt: new Date('2026-01-02T03:04:05Z'),
          containers: [],
        },
      ],
    };
    const t = ingest([{ name: 'sdk.json', text: JSON.stringify(sdk) }]);
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(t.tasks.find((x) => !x.placeholder)).toMatchObject({
      shortId: 'abcdef0123456789',
      createdAt: '2026-01-02T03:04:05.000Z',
      launchType: 'FARGATE',
    });
  });

  it('a bare array of tasks (jq .tasks) is recognised by its objects', () => {
    const tasks = JSON.parse(sample('awscli-describe-tasks-2-fargate.json').text).tasks;
    const t = ingest([jsonSource('tasks-array.json', tasks)]);
    expect(t.files[0].shapes).toEqual(['object-array']);
    expect(summarize(t).counts.tasks).toBe(2);
  });

  it('the ecs-visualizer/v1 bundle loads every kind and keeps its fetch time', () => {
    const raw = (f: string, key: string) => JSON.parse(sample(f).text)[key];
    const bundle = makeBundle({
      fetchedAt: '2026-11-29T04:00:00.000Z',
      source: { profile: 'prod', regions: ['us-east-1'] },
      clusters: raw('awscli-describe-clusters-1.json', 'clusters'),
      services: raw('awscli-describe-services.json', 'services'),
      tasks: raw('awscli-describe-tasks-2-fargate.json', 'tasks'),
      taskDefinitions: [raw('awscli-describe-task-definition-multicontainer.json', 'taskDefinition')],
      containerInstances: raw('awscli-describe-container-instances.json', 'containerInstances'),
      capacityProviders: raw('awscli-describe-capacity-providers-1.json', 'capacityProviders'),
      targetGroups: raw('awscli-elbv2-describe-target-groups.json', 'TargetGroups'),
    });
    expect(bundle.format).toBe(BUNDLE_FORMAT);
    const t = ingest([jsonSource('snapshot.json', bundle)]);
    expect(t.files[0].shapes).toEqual(['bundle']);
    expect(t.fetchedAt).toBe('2026-11-29T04:00:00.000Z');
    expect(summarize(t).counts).toEqual({
      clusters: 1,
      services: 1,
      tasks: 2,
      containers: 2,
      taskDefinitions: 1,
      containerInstances: 1,
      capacityProviders: 3,
      targetGroups: 1,
    });
  });

  it('a bundle of a newer format version is refused with an error that names it', () => {
    const t = ingest([jsonSource('future.json', { format: 'ecs-visualizer/v9', clusters: [] })]);
    expect(t.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unsupported-bundle',
        file: 'future.json',
        message: expect.stringContaining('ecs-visualizer/v9'),
      }),
    ]);
  });

  it('a UTF-8 byte order mark does not break parsing', () => {
    const s = sample('botocore-describe-clusters.json');
    const t = ingest([{ name: s.name, text: '\uFEFF' + s.text }]);
    expect(t.clusters).toHaveLength(1);
    expect(t.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
