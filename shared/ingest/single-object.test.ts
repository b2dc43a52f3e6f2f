import { describe, expect, it } from 'vitest';
import { ingest, summarize } from './index';
import { jsonSource, loadFixture, loadFixtureDir } from '../../fixtures/load-fixtures';
import { independentCounts } from '../../fixtures/ingest/independent-counts';

/** The AWS CLI reference's own example outputs (fixtures/ingest/aws-cli-examples/SOURCES.md). */
const example = (file: string) => loadFixture('ingest/aws-cli-examples', file);
const parsed = (file: string) => JSON.parse(example(file).text);
const problems = (t: ReturnType<typeof ingest>) => t.diagnostics.filter((d) => d.severity !== 'info');

describe('single-object outputs load as the object a describe gives', () => {
  it.each([
    ['stop-task-1.json', 'task-output', 'tasks', '666fdccc2e2d4b6894dd422f4eeee8f8'],
    ['create-service-1.json', 'service-output', 'services', 'MyService'],
    ['update-service-2.json', 'service-output', 'services', 'my-http-service'],
    ['deregister-container-instance-1.json', 'container-instance-output', 'containerInstances', 'i-12345678901234678'],
    ['create-cluster-2.json', 'cluster-output', 'clusters', 'MyCluster'],
    ['update-cluster-2.json', 'cluster-output', 'clusters', 'ECS-project-update-cluster'],
    ['put-cluster-capacity-providers-1.json', 'cluster-output', 'clusters', 'MyCluster'],
    ['capacity-provider-update-1.json', 'capacity-provider-output', 'capacityProviders', undefined],
    ['delete-capacity-provider-1.json', 'capacity-provider-output', 'capacityProviders', 'ExampleCapacityProvider'],
  ] as const)('%s (%s): one described object, no error or warning', (file, shape, key, name) => {
    const t = ingest([example(file)]);
    expect(t.files[0].shapes).toEqual([shape]);
    const described = t[key].filter((x) => !x.placeholder);
    expect(described).toHaveLength(1);
    if (name) expect(described[0].name).toBe(name);
    expect(problems(t)).toEqual([]);
  });

  it('stop-task gives the same task as describe-tasks of the same object', () => {
    const stop = parsed('stop-task-1.json');
    const single = ingest([jsonSource('stop.json', stop)]).tasks.find((x) => !x.placeholder)!;
    const described = ingest([jsonSource('stop.json', { tasks: [stop.task], failures: [] })]).tasks.find(
      (x) => !x.placeholder,
    )!;
    expect(single).toEqual(described);
    expect(single).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', launchType: 'EC2' });
  });

  it('a stopped task (stop-task, version 2) wins over the running one (describe-tasks, version 1) in either order', () => {
    const stop = parsed('stop-task-1.json');
    const running = { ...stop.task, lastStatus: 'RUNNING', desiredStatus: 'RUNNING', version: 1 };
    delete running.stoppedAt;
    delete running.stopCode;
    const files = [jsonSource('describe-tasks.json', { tasks: [running] }), jsonSource('stop-task.json', stop)];
    for (const order of [files, [...files].reverse()]) {
      const tasks = ingest(order).tasks.filter((x) => !x.placeholder);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
      expect(tasks[0].sources.sort()).toEqual(['describe-tasks.json', 'stop-task.json']);
    }
  });

  it('delete-service (written from the CLI reference shape: the service, DRAINING) is the same service, newer', () => {
    const service = {
      serviceArn: 'arn:aws:ecs:us-west-2:123456789012:service/MyCluster/MyService',
      serviceName: 'MyService',
      clusterArn: 'arn:aws:ecs:us-west-2:123456789012:cluster/MyCluster',
      status: 'DRAINING',
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      launchType: 'FARGATE',
      deployments: [],
      events: [],
    };
    const t = ingest([example('create-service-1.json'), jsonSource('delete-service.json', { service })]);
    const services = t.services.filter((s) => !s.placeholder);
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ name: 'MyService', status: 'DRAINING', desiredCount: 0 });
  });

  it('update-container-agent (from the CLI reference shape) loads its container instance', () => {
    const t = ingest([
      jsonSource('agent.json', {
        containerInstance: {
          containerInstanceArn:
            'arn:aws:ecs:us-east-1:123456789012:container-instance/default/a3e98c65-2a40-4452-a63c-62beb4d9be9b',
          ec2InstanceId: 'i-0123456789abcdef0',
          status: 'ACTIVE',
          agentConnected: true,
          agentUpdateStatus: 'PENDING',
          versionInfo: { agentVersion: '1.0.0', agentHash: '4023248', dockerVersion: 'DockerVersion: 1.5.0' },
        },
      }),
    ]);
    expect(t.files[0].shapes).toEqual(['container-instance-output']);
    expect(t.containerInstances.filter((c) => !c.placeholder)).toMatchObject([
      { name: 'i-0123456789abcdef0', agentConnected: true },
    ]);
  });

  it('an unrelated object under a singular key is not taken for one: unknown shape, as before', () => {
    const t = ingest([jsonSource('compose.json', { service: { image: 'nginx', ports: ['80:80'] } })]);
    expect(t.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unknown-shape' })]);
  });
});

describe('task sets printed on their own are attached to their service', () => {
  it('create-task-set: the task set joins the described service, named by its own ARN', () => {
    const t = ingest([example('create-service-1.json'), example('create-task-set-1.json')]);
    const svc = t.services.find((s) => s.name === 'MyService')!;
    expect(svc.placeholder).toBe(false);
    expect(t.services).toHaveLength(1);
    expect(svc.deployments.filter((d) => d.source === 'taskSet')).toEqual([
      expect.objectContaining({ id: 'ecs-svc/1234567890123456789', status: 'ACTIVE', launchType: 'EC2' }),
    ]);
    expect(svc.sources).toEqual(['create-service-1.json', 'create-task-set-1.json']);
    expect(problems(t)).toEqual([]);
  });

  it('alone, it makes a placeholder service in its cluster that holds it', () => {
    const t = ingest([example('update-task-set-1.json')]);
    expect(t.services).toHaveLength(1);
    expect(t.services[0]).toMatchObject({ name: 'MyService', placeholder: true });
    expect(t.clusters[0]).toMatchObject({ name: 'MyCluster', placeholder: true });
    expect(t.services[0].clusterId).toBe(t.clusters[0].id);
    expect(t.services[0].deployments.map((d) => d.id)).toEqual(['ecs-svc/1234567890123456789']);
  });

  it('the same task set twice (update-task-set, describe-task-sets): one, the later updatedAt wins in either order', () => {
    const files = [example('describe-task-sets-1.json'), example('update-task-set-1.json')];
    for (const order of [files, [...files].reverse()]) {
      const sets = ingest(order).services[0].deployments;
      expect(sets).toHaveLength(1);
      // describe-task-sets says 1557207740.014 (STEADY_STATE run), update-task-set 1557129279.914.
      expect(sets[0].updatedAt).toBe('2019-05-07T05:42:20.014Z');
    }
  });

  it('a task started by the task set links to its service by the task set id', () => {
    const task = {
      taskArn: 'arn:aws:ecs:us-west-2:123456789012:task/MyCluster/0123456789abcdef0123456789abcdef',
      clusterArn: 'arn:aws:ecs:us-west-2:123456789012:cluster/MyCluster',
      startedBy: 'ecs-svc/1234567890123456789',
      lastStatus: 'RUNNING',
      launchType: 'EC2',
    };
    const t = ingest([
      example('create-service-1.json'),
      example('create-task-set-1.json'),
      jsonSource('tasks.json', { tasks: [task] }),
    ]);
    const svc = t.services.find((s) => s.name === 'MyService')!;
    expect(t.tasks.find((x) => !x.placeholder)!.serviceId).toBe(svc.id);
  });
});

describe('run-task, start-task and update-container-instances-state still load', () => {
  it.each([
    ['run-task-1.json', 'tasks', 1],
    ['run-task-2.json', 'tasks', 1],
    ['start-task-1.json', 'tasks', 1],
    ['start-task-2.json', 'tasks', 1],
    ['update-container-instances-state-1.json', 'containerInstances', 1],
  ] as const)('%s: %s described', (file, key, n) => {
    const t = ingest([example(file)]);
    expect(t[key].filter((x) => !x.placeholder)).toHaveLength(n);
    expect(problems(t)).toEqual([]);
  });
});

describe('a folder mixing describe, list and single-object outputs', () => {
  it('counts what an independent reading of the files counts', () => {
    const sources = loadFixtureDir('ingest/aws-cli-examples');
    const expected = independentCounts(sources.map((s) => JSON.parse(s.text)));
    const t = ingest(sources);
    expect(problems(t)).toEqual([]);
    const counts = summarize(t).counts;
    expect(counts).toEqual({ ...counts, ...expected });
    // Sanity of the independent count itself: every kind is there.
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
  });
});
