/**
 * Small builders of Topology objects for unit and component tests, so tests
 * of the graph, layout and nodes do not depend on the ingest pipeline.
 */
import type { Cluster, Container, Service, Task, Topology } from '../../model/types';

const SCOPE = 'eu-west-1|111122223333';

/** An empty topology. */
export function emptyTopology(): Topology {
  return {
    clusters: [],
    services: [],
    tasks: [],
    taskDefinitions: [],
    containerInstances: [],
    capacityProviders: [],
    targetGroups: [],
    diagnostics: [],
    files: [],
  };
}

/** A described cluster named `name`. */
export function makeCluster(name: string, extra: Partial<Cluster> = {}): Cluster {
  return {
    id: `cluster|${SCOPE}|${name}`,
    kind: 'cluster',
    arn: `arn:aws:ecs:eu-west-1:111122223333:cluster/${name}`,
    name,
    placeholder: false,
    sources: ['test.json'],
    region: 'eu-west-1',
    accountId: '111122223333',
    status: 'ACTIVE',
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
    raw: { clusterName: name },
    ...extra,
  };
}

/** A described service of `cluster`. */
export function makeService(cluster: Cluster, name: string, extra: Partial<Service> = {}): Service {
  return {
    id: `service|${SCOPE}|${cluster.name}|${name}`,
    kind: 'service',
    arn: `arn:aws:ecs:eu-west-1:111122223333:service/${cluster.name}/${name}`,
    name,
    placeholder: false,
    sources: ['test.json'],
    region: 'eu-west-1',
    accountId: '111122223333',
    clusterId: cluster.id,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    launchType: 'FARGATE',
    capacityProviderStrategy: [],
    overlay: 'FARGATE',
    deployments: [],
    events: [],
    loadBalancers: [],
    raw: { serviceName: name },
    ...extra,
  };
}

/** A container of task `taskId`. */
export function makeContainer(taskId: string, name: string, extra: Partial<Container> = {}): Container {
  return {
    id: `${taskId}|container|${name}`,
    kind: 'container',
    name,
    taskId,
    image: `example/${name}:1.0`,
    imageTag: '1.0',
    lastStatus: 'RUNNING',
    ...extra,
  };
}

/** A described task with `containers` container names; `service` links it, else `family` makes it standalone. */
export function makeTask(
  shortId: string,
  opts: { cluster?: Cluster; service?: Service; family?: string; containers?: string[] } & Omit<
    Partial<Task>,
    'containers'
  > = {},
): Task {
  const { cluster, service, family, containers = ['app'], ...extra } = opts;
  const id = `task|${SCOPE}|${shortId}`;
  return {
    id,
    kind: 'task',
    arn: `arn:aws:ecs:eu-west-1:111122223333:task/${cluster?.name ?? 'x'}/${shortId}`,
    name: shortId,
    shortId,
    placeholder: false,
    sources: ['test.json'],
    region: 'eu-west-1',
    accountId: '111122223333',
    clusterId: cluster?.id,
    serviceId: service?.id,
    group: service ? `service:${service.name}` : family ? `family:${family}` : undefined,
    launchType: 'FARGATE',
    spot: false,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    cpu: '256',
    memory: '512',
    containers: containers.map((c) => makeContainer(id, c)),
    raw: { taskArn: `arn:aws:ecs:eu-west-1:111122223333:task/${cluster?.name ?? 'x'}/${shortId}` },
    ...extra,
  };
}
