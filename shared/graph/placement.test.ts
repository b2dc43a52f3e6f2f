import { describe, expect, it } from 'vitest';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import { ancestorIds, buildGraph } from './build-graph';
import { hostTasksGroupId, reservedText } from './placement';
import { DEFAULT_VIEW, type ViewState } from './view';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import type { ContainerInstance, Topology } from '../model/types';
import type { GraphNode } from './types';

const PLACEMENT: ViewState = { ...DEFAULT_VIEW, mode: 'placement' };
type HostNode = Extract<GraphNode, { kind: 'host' }>;
const hosts = (nodes: GraphNode[]) => nodes.filter((n): n is HostNode => n.kind === 'host');
const tasksIn = (nodes: GraphNode[], hostId: string) =>
  nodes
    .filter((n) => n.kind === 'task' && n.parentId === hostTasksGroupId(hostId))
    .map((n) => (n.kind === 'task' ? n.data.shortId : ''))
    .sort();

function instance(ec2: string, status: string, extra: Partial<ContainerInstance> = {}): ContainerInstance {
  return {
    id: `ci|${ec2}`,
    kind: 'containerInstance',
    name: ec2,
    placeholder: false,
    sources: [],
    clusterId: makeCluster('prod').id,
    ec2InstanceId: ec2,
    status,
    agentConnected: true,
    instanceType: 'm6i.xlarge',
    availabilityZone: 'eu-west-1a',
    registered: { cpu: 4096, memory: 15576 },
    remaining: { cpu: 4096, memory: 15576 },
    ...extra,
  };
}

function sample(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.containerInstances = [
    instance('i-active', 'ACTIVE'),
    instance('i-drain', 'DRAINING', { agentConnected: false }),
    instance('i-empty', 'ACTIVE'),
  ];
  t.tasks = [
    makeTask('on-active', { cluster: prod, service: web, launchType: 'EC2', containerInstanceId: 'ci|i-active' }),
    makeTask('on-drain', { cluster: prod, service: web, launchType: 'EC2', containerInstanceId: 'ci|i-drain' }),
    makeTask('fg-a', { cluster: prod, service: web, availabilityZone: 'eu-west-1a' }),
    makeTask('spot-a', { cluster: prod, service: web, availabilityZone: 'eu-west-1a', spot: true }),
    makeTask('fg-b', { cluster: prod, service: web, availabilityZone: 'eu-west-1b' }),
    makeTask('lost-host', { cluster: prod, service: web, launchType: 'EC2', containerInstanceId: 'ci|i-gone' }),
    makeTask('no-az', { cluster: prod, service: web }),
  ];
  return t;
}

describe('placement view', () => {
  it('groups tasks by the container instance they run on, one host node per instance (empty ones too)', () => {
    const g = buildGraph(sample(), PLACEMENT);
    expect(tasksIn(g.nodes, 'ci|i-active')).toEqual(['on-active']);
    expect(tasksIn(g.nodes, 'ci|i-drain')).toEqual(['on-drain']);
    const empty = hosts(g.nodes).find((h) => h.id === 'ci|i-empty');
    expect(empty?.data.taskCount).toBe(0);
    expect(g.nodes.filter((n) => n.kind === 'service')).toHaveLength(0);
  });

  it('shows instance id, type, AZ, status and agent state on each EC2 host, draining ones first', () => {
    const g = buildGraph(sample(), PLACEMENT);
    const [first] = hosts(g.nodes);
    expect(first.data).toMatchObject({
      variant: 'ec2',
      label: 'i-drain',
      instanceType: 'm6i.xlarge',
      availabilityZone: 'eu-west-1a',
      status: 'DRAINING',
      agentConnected: false,
    });
    expect(first.data.problems).toEqual(['instance DRAINING', 'agent disconnected']);
  });

  it('puts Fargate tasks in one group per AZ and counts Spot', () => {
    const g = buildGraph(sample(), PLACEMENT);
    const fargate = hosts(g.nodes).filter((h) => h.data.variant === 'fargate');
    expect(fargate.map((h) => h.data.label)).toEqual(['Fargate · eu-west-1a', 'Fargate · eu-west-1b']);
    expect(fargate[0].data.spotCount).toBe(1);
    expect(tasksIn(g.nodes, fargate[0].id)).toEqual(['fg-a', 'spot-a']);
  });

  it('puts tasks without a known host in an "unplaced" group with the reason', () => {
    const g = buildGraph(sample(), PLACEMENT);
    const unplaced = hosts(g.nodes).filter((h) => h.data.variant === 'unplaced');
    expect(unplaced.map((h) => h.data.reason).sort()).toEqual([
      'Fargate task with no availability zone recorded',
      'its container instance is not in the loaded files',
    ]);
    expect(unplaced.flatMap((h) => tasksIn(g.nodes, h.id)).sort()).toEqual(['lost-host', 'no-az']);
  });

  it('names the placement-view nodes that hold a task, so a search can open them', () => {
    const t = sample();
    const task = t.tasks[1];
    expect(ancestorIds(t, task.id, 'placement')).toEqual([
      hostTasksGroupId('ci|i-drain'),
      'ci|i-drain',
      t.clusters[0].id,
    ]);
    const collapsed = buildGraph(t, { ...PLACEMENT, collapsed: ['ci|i-drain'] });
    expect(collapsed.nodes.some((n) => n.id === task.id)).toBe(false);
  });

  it('keeps draining hosts under "problems only" and drops healthy empty ones', () => {
    const g = buildGraph(sample(), { ...PLACEMENT, filters: { problemsOnly: true } });
    expect(hosts(g.nodes).map((h) => h.data.label)).toEqual(['i-drain']);
    expect(tasksIn(g.nodes, 'ci|i-drain')).toEqual(['on-drain']);
  });

  it("draws reserved CPU and memory bars with describe-container-instances' numbers (fixtures/ingest/prod)", () => {
    const topology = ingest(loadFixtureDir('ingest/prod'));
    const g = buildGraph(topology, PLACEMENT);
    const host = hosts(g.nodes).find((h) => h.data.label === 'i-0123456789abcdef0');
    expect(host?.data.status).toBe('DRAINING');
    // Registered 4096 CPU / 15576 MiB, remaining 3072 / 13528: reserved is the difference, not live usage.
    expect(host?.data.cpu).toEqual({ reserved: 1024, registered: 4096 });
    expect(host?.data.memory).toEqual({ reserved: 2048, registered: 15576 });
    expect(reservedText('cpu', host!.data.cpu!)).toBe('CPU reserved 1024 / 4096 units (25%)');
    expect(reservedText('memory', host!.data.memory!)).toBe('Memory reserved 2048 / 15576 MiB (13%)');
    // Fargate and Spot tasks of the fixture sit in Fargate groups; every described task is placed somewhere.
    const fargate = hosts(g.nodes).filter((h) => h.data.variant === 'fargate');
    expect(fargate.reduce((n, h) => n + h.data.spotCount, 0)).toBe(1);
    const described = topology.tasks.filter((t) => !t.placeholder).length;
    expect(g.nodes.filter((n) => n.kind === 'task' && !n.placeholder)).toHaveLength(described);
  });
});
