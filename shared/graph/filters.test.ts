import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { instanceProblems, serviceProblems, taskProblems, problemContext } from './filters';
import { DEFAULT_VIEW, type ViewFilters } from './view';
import { emptyTopology, makeCluster, makeContainer, makeService, makeTask } from './testing/make-topology';
import type { ContainerInstance, Topology } from '../model/types';
import type { GraphNode } from './types';

function instance(id: string, status: string, extra: Partial<ContainerInstance> = {}): ContainerInstance {
  return {
    id: `ci|${id}`,
    kind: 'containerInstance',
    name: id,
    placeholder: false,
    sources: ['test.json'],
    ec2InstanceId: id,
    status,
    agentConnected: true,
    registered: { cpu: 4096, memory: 15576 },
    remaining: { cpu: 3072, memory: 13528 },
    ...extra,
  };
}

/** Two clusters; EC2 tasks on a draining host, Fargate and Spot; one of each status and health; a stuck deployment. */
function sample(): Topology {
  const prod = makeCluster('prod');
  const staging = makeCluster('staging');
  const web = makeService(prod, 'web', { launchType: 'EC2', overlay: 'EC2' });
  const api = makeService(prod, 'api', { desiredCount: 3, runningCount: 2 });
  const jobs = makeService(prod, 'jobs', {
    deployments: [
      {
        id: 'ecs-svc/1',
        source: 'deployment',
        status: 'PRIMARY',
        rolloutState: 'FAILED',
        rolloutStateReason: 'circuit breaker',
        capacityProviderStrategy: [],
      },
    ],
  });
  const stage = makeService(staging, 'web');
  const t = emptyTopology();
  t.clusters = [prod, staging];
  t.services = [web, api, jobs, stage];
  t.containerInstances = [instance('i-draining', 'DRAINING'), instance('i-ok', 'ACTIVE')];
  t.tasks = [
    makeTask('ec2ok', { cluster: prod, service: web, launchType: 'EC2', containerInstanceId: 'ci|i-ok' }),
    makeTask('ec2drain', { cluster: prod, service: web, launchType: 'EC2', containerInstanceId: 'ci|i-draining' }),
    makeTask('sick', { cluster: prod, service: api, healthStatus: 'UNHEALTHY' }),
    makeTask('sickbox', { cluster: prod, service: api, healthStatus: 'UNKNOWN' }),
    makeTask('spot1', { cluster: prod, service: api, spot: true, lastStatus: 'PENDING', healthStatus: undefined }),
    makeTask('gone', {
      cluster: prod,
      family: 'migrate',
      lastStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
    }),
    makeTask('quiet', { cluster: prod, family: 'migrate', lastStatus: 'STOPPED' }),
    makeTask('stg1', { cluster: staging, service: stage }),
  ];
  // A task whose own health is unknown but one container failed its health check.
  t.tasks[3].containers = [makeContainer(t.tasks[3].id, 'app', { healthStatus: 'UNHEALTHY' })];
  return t;
}

const tasksOf = (nodes: GraphNode[]) =>
  nodes
    .filter((n): n is Extract<GraphNode, { kind: 'task' }> => n.kind === 'task')
    .map((n) => n.data.shortId)
    .sort();
const servicesOf = (nodes: GraphNode[]) =>
  nodes
    .filter((n): n is Extract<GraphNode, { kind: 'service' }> => n.kind === 'service')
    .map((n) => n.data.name)
    .sort();
const only = (filters: ViewFilters) => buildGraph(sample(), { ...DEFAULT_VIEW, filters }).nodes;

describe('problems', () => {
  it('names what is wrong with a task, a service and a host', () => {
    const t = sample();
    const ctx = problemContext(t);
    expect(taskProblems(t.tasks[2], ctx)).toEqual(['task unhealthy']);
    expect(taskProblems(t.tasks[3], ctx)).toEqual(['container app unhealthy']);
    expect(taskProblems(t.tasks[5], ctx)).toEqual(['stopped: Essential container in task exited']);
    expect(taskProblems(t.tasks[6], ctx)).toEqual([]); // stopped with no reason: nothing to act on
    expect(taskProblems(t.tasks[1], ctx)).toEqual(['on a draining or disconnected host']);
    expect(taskProblems(t.tasks[0], ctx)).toEqual([]);
    expect(serviceProblems(t.services[1])).toEqual(['running 2 of 3 desired']);
    expect(serviceProblems(t.services[2])).toEqual(['deployment ecs-svc/1 failed: circuit breaker']);
    expect(
      serviceProblems({
        ...t.services[0],
        deployments: [
          { id: 'ecs-svc/2', source: 'deployment', rolloutState: 'IN_PROGRESS', capacityProviderStrategy: [] },
        ],
      }),
    ).toEqual(['deployment ecs-svc/2 in progress']);
    expect(instanceProblems(t.containerInstances[0])).toEqual(['instance DRAINING']);
    expect(instanceProblems({ ...t.containerInstances[1], agentConnected: false })).toEqual(['agent disconnected']);
  });
});

describe('filters', () => {
  it('problems only keeps unhealthy tasks and containers, stopped tasks with a reason, tasks on draining hosts, short and failed services', () => {
    const nodes = only({ problemsOnly: true });
    expect(tasksOf(nodes)).toEqual(['ec2drain', 'gone', 'sick', 'sickbox']);
    expect(servicesOf(nodes)).toEqual(['api', 'jobs', 'web']);
  });

  it('launch type keeps only tasks of those overlay classes', () => {
    expect(tasksOf(only({ overlays: ['EC2'] }))).toEqual(['ec2drain', 'ec2ok']);
    expect(tasksOf(only({ overlays: ['FARGATE_SPOT'] }))).toEqual(['spot1']);
  });

  it('status keeps running, pending or stopped tasks', () => {
    expect(tasksOf(only({ statuses: ['pending'] }))).toEqual(['spot1']);
    expect(tasksOf(only({ statuses: ['stopped'] }))).toEqual(['gone', 'quiet']);
    expect(tasksOf(only({ statuses: ['running'] }))).toHaveLength(5);
    // A status filter is about tasks: services without a kept task go.
    expect(servicesOf(only({ statuses: ['pending'] }))).toEqual(['api']);
  });

  it('health keeps tasks by health check result, no check counting as UNKNOWN', () => {
    expect(tasksOf(only({ health: ['UNHEALTHY'] }))).toEqual(['sick']);
    expect(tasksOf(only({ health: ['UNKNOWN'] }))).toEqual(['sickbox', 'spot1']);
  });

  it('cluster keeps only that cluster', () => {
    const t = sample();
    const nodes = buildGraph(t, { ...DEFAULT_VIEW, filters: { clusterIds: [t.clusters[1].id] } }).nodes;
    expect(nodes.filter((n) => n.kind === 'cluster').map((n) => n.id)).toEqual([t.clusters[1].id]);
    expect(tasksOf(nodes)).toEqual(['stg1']);
  });

  it('service keeps only that service and its tasks (standalone tasks go)', () => {
    const t = sample();
    const nodes = buildGraph(t, { ...DEFAULT_VIEW, filters: { serviceIds: [t.services[0].id] } }).nodes;
    expect(servicesOf(nodes)).toEqual(['web']);
    expect(tasksOf(nodes)).toEqual(['ec2drain', 'ec2ok']);
    expect(nodes.filter((n) => n.kind === 'cluster')).toHaveLength(1);
  });

  it('filters combine: all of them must hold', () => {
    expect(tasksOf(only({ overlays: ['FARGATE'], health: ['UNHEALTHY'] }))).toEqual(['sick']);
    expect(tasksOf(only({ overlays: ['EC2'], problemsOnly: true }))).toEqual(['ec2drain']);
  });
});
