import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { jsonSource, loadFixtureDir } from '../../fixtures/load-fixtures';
import type { Topology } from '../model/types';

const prod = ingest(loadFixtureDir('ingest/prod'));
const task = (t: Topology, shortId: string) => t.tasks.find((x) => x.shortId === shortId)!;
const service = (t: Topology, name: string) => t.services.find((x) => x.name === name)!;

const R = 'us-east-1';
const A = '111122223333';
const arn = (rest: string) => `arn:aws:ecs:${R}:${A}:${rest}`;

describe('linking rules', () => {
  it('task → cluster by clusterArn, → task definition by taskDefinitionArn', () => {
    const t = task(prod, '1a2b3c4d5e6f708192a3b4c5d6e7f809');
    expect(prod.clusters.find((c) => c.id === t.clusterId)?.name).toBe('prod');
    expect(prod.taskDefinitions.find((d) => d.id === t.taskDefinitionId)).toMatchObject({
      family: 'web',
      revision: 42,
      placeholder: false,
    });
  });

  it('task → service by group "service:<name>" inside its own cluster', () => {
    expect(task(prod, '1a2b3c4d5e6f708192a3b4c5d6e7f809').serviceId).toBe(service(prod, 'web').id);
    expect(task(prod, '2b3c4d5e6f708192a3b4c5d6e7f8091a').serviceId).toBe(service(prod, 'api').id);
  });

  it('task → service by startedBy deployment id when there is no group (CODE_DEPLOY task set)', () => {
    const bg = task(prod, '4d5e6f708192a3b4c5d6e7f8091a2b3c');
    expect(bg.group).toBeUndefined();
    expect(bg.serviceId).toBe(service(prod, 'checkout').id);
    expect(service(prod, 'checkout').deployments[0]).toMatchObject({
      source: 'taskSet',
      id: 'ecs-svc/3333333333333333333',
      desiredCount: 1,
    });
  });

  it('a standalone task (group family:<name>) has no service', () => {
    const cron = task(prod, '6f708192a3b4c5d6e7f8091a2b3c4d5e');
    expect(cron.group).toBe('family:nightly-report');
    expect(cron.serviceId).toBeUndefined();
    expect(cron.clusterId).toBe(prod.clusters[0].id);
  });

  it('service names are unique only inside a cluster: same name in two clusters never links across', () => {
    const mk = (cluster: string, id: string) => ({
      taskArn: arn(`task/${cluster}/${id}`),
      clusterArn: arn(`cluster/${cluster}`),
      group: 'service:web',
      launchType: 'FARGATE',
      containers: [],
    });
    const t = ingest([
      jsonSource('services.json', {
        services: ['blue', 'green'].map((c) => ({
          serviceArn: arn(`service/${c}/web`),
          serviceName: 'web',
          clusterArn: arn(`cluster/${c}`),
        })),
      }),
      jsonSource('tasks.json', { tasks: [mk('blue', 'aaaa'), mk('green', 'bbbb')] }),
    ]);
    const blue = t.services.find((s) => s.id.includes('|blue|'))!;
    const green = t.services.find((s) => s.id.includes('|green|'))!;
    expect(task(t, 'aaaa').serviceId).toBe(blue.id);
    expect(task(t, 'bbbb').serviceId).toBe(green.id);
    expect(t.services.filter((s) => s.placeholder)).toEqual([]);
  });

  it('task → EC2 host by containerInstanceArn: short and long ARNs of one instance are one host', () => {
    const ec2 = task(prod, '2b3c4d5e6f708192a3b4c5d6e7f8091a'); // short container-instance ARN
    const stopped = task(prod, '3c4d5e6f708192a3b4c5d6e7f8091a2b'); // long container-instance ARN
    expect(ec2.containerInstanceId).toBe(stopped.containerInstanceId);
    expect(prod.containerInstances).toHaveLength(1);
    expect(prod.containerInstances[0]).toMatchObject({
      ec2InstanceId: 'i-0123456789abcdef0',
      status: 'DRAINING',
      instanceType: 'm6i.xlarge',
      availabilityZone: 'eu-west-1a',
      placeholder: false,
      registered: { cpu: 4096, memory: 15576 },
      remaining: { cpu: 3072, memory: 13528 },
    });
  });

  it('the same task in two files, once with a short and once with a long ARN, is one task; the newer version wins in any order', () => {
    const files = loadFixtureDir('ingest/prod');
    for (const order of [files, [...files].reverse()]) {
      const spots = ingest(order).tasks.filter((t) => t.shortId === '0f1e2d3c4b5a69788796a5b4c3d2e1f0');
      expect(spots).toHaveLength(1);
      expect(spots[0]).toMatchObject({ lastStatus: 'DEACTIVATING', desiredStatus: 'STOPPED' });
      expect([...spots[0].sources].sort()).toEqual(['describe-tasks-later.json', 'describe-tasks.json']);
      expect(spots[0].arn).toBe('arn:aws:ecs:eu-west-1:111122223333:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0');
    }
  });

  it('without versions, the file given later wins', () => {
    const mk = (status: string) => ({ tasks: [{ taskArn: arn('task/c/vvvv'), lastStatus: status, containers: [] }] });
    expect(
      task(ingest([jsonSource('a.json', mk('PENDING')), jsonSource('b.json', mk('RUNNING'))]), 'vvvv').lastStatus,
    ).toBe('RUNNING');
  });

  it('duplicates across files merge: the same cluster described twice counts once', () => {
    const files = loadFixtureDir('ingest/prod');
    const clusters = files.find((f) => f.name === 'describe-clusters.json')!;
    const t = ingest([...files, { ...clusters, name: 'copy-of-clusters.json' }]);
    expect(summarize(t).counts.clusters).toBe(1);
    expect(t.clusters[0].sources).toEqual(['describe-clusters.json', 'copy-of-clusters.json']);
  });

  it('service → target group by loadBalancers[].targetGroupArn ↔ TargetGroupArn', () => {
    const web = service(prod, 'web');
    const tg = prod.targetGroups.find((g) => g.id === web.loadBalancers[0].targetGroupId);
    expect(tg).toMatchObject({ name: 'web-tg', port: 8080, placeholder: false });
    expect(web.loadBalancers[0]).toMatchObject({ containerName: 'web', containerPort: 8080 });
  });

  it('cluster → capacity providers by name; undescribed ones become placeholders', () => {
    const cps = prod.capacityProviders.map((c) => [c.name, c.providerType, c.placeholder]);
    expect(cps).toEqual(
      expect.arrayContaining([
        ['FARGATE', 'FARGATE', true],
        ['FARGATE_SPOT', 'FARGATE_SPOT', true],
        ['prod-asg', 'UNKNOWN', true],
      ]),
    );
  });

  it('a reference to an object not in the input becomes a placeholder with an info diagnostic', () => {
    const td = prod.taskDefinitions.find((d) => d.name === 'api:7')!;
    expect(td.placeholder).toBe(true);
    expect(prod.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'placeholder', objectId: td.id }),
    );
  });
});

describe('launch type inference', () => {
  it('explicit launchType, FARGATE_SPOT capacity provider, containerInstanceArn → EC2, EXTERNAL, else UNKNOWN', () => {
    expect(task(prod, '0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toMatchObject({ launchType: 'FARGATE', spot: true });
    expect(task(prod, '1a2b3c4d5e6f708192a3b4c5d6e7f809')).toMatchObject({ launchType: 'FARGATE', spot: false });
    expect(task(prod, '3c4d5e6f708192a3b4c5d6e7f8091a2b')).toMatchObject({ launchType: 'EC2' }); // no launchType, has a host
    expect(task(prod, '5e6f708192a3b4c5d6e7f8091a2b3c4d')).toMatchObject({ launchType: 'EXTERNAL' });
    expect(task(prod, '6f708192a3b4c5d6e7f8091a2b3c4d5e')).toMatchObject({ launchType: 'FARGATE' }); // capacity provider FARGATE only
    const bare = ingest([jsonSource('t.json', { tasks: [{ taskArn: arn('task/c/zzzz'), containers: [] }] })]);
    expect(task(bare, 'zzzz').launchType).toBe('UNKNOWN');
  });

  it('ECS Managed Instances is its own launch type', () => {
    const t = ingest([
      jsonSource('t.json', {
        tasks: [
          {
            taskArn: arn('task/c/mi01'),
            launchType: 'MANAGED_INSTANCES',
            containerInstanceArn: arn('container-instance/c/ci01'),
            containers: [],
          },
        ],
      }),
    ]);
    expect(summarize(t).tasksByLaunchType).toEqual({ MANAGED_INSTANCES: 1 });
  });

  it('Fargate Spot counts under FARGATE and again in tasksOnFargateSpot', () => {
    const s = summarize(prod);
    expect(s.tasksByLaunchType).toEqual({ FARGATE: 4, EC2: 2, EXTERNAL: 1 });
    expect(s.tasksOnFargateSpot).toBe(1);
  });

  it('service overlay: declared launch type, else its capacity provider strategy', () => {
    expect(service(prod, 'api').overlay).toBe('EC2');
    expect(service(prod, 'edge').overlay).toBe('EXTERNAL');
    expect(service(prod, 'web').overlay).toBe('FARGATE'); // FARGATE base 1 + FARGATE_SPOT weight 3: mixed
    const spotOnly = ingest([
      jsonSource('s.json', {
        services: [
          {
            serviceArn: arn('service/c/batch'),
            serviceName: 'batch',
            clusterArn: arn('cluster/c'),
            capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
          },
        ],
      }),
    ]);
    expect(service(spotOnly, 'batch').overlay).toBe('FARGATE_SPOT');
  });
});

describe('task details an operator looks for', () => {
  it('stopped task keeps stopCode, stoppedReason and the container exit code', () => {
    const t = task(prod, '3c4d5e6f708192a3b4c5d6e7f8091a2b');
    expect(t).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(t.containers[0]).toMatchObject({ exitCode: 137, reason: expect.stringContaining('OutOfMemoryError') });
  });

  it('image tag of a digest reference is the short digest', () => {
    expect(task(prod, '2b3c4d5e6f708192a3b4c5d6e7f8091a').containers[0].imageTag).toBe('sha256:9f86d081884c');
  });
});
