/**
 * The placement view: tasks grouped by where they run. Cluster → host card
 * (an EC2, Managed or External container instance; Fargate in one AZ; or
 * "unplaced" with the reason) → box of the tasks there. It is an ordinary
 * Graph, so the same layout, canvas and SVG export draw it.
 */
import { topologyIndex } from '../model/topology-index';
import type { ContainerInstance, Task, Topology } from '../model/types';
import { SIZES } from '../theme/theme';
import { filterPredicates, instanceProblems } from './filters';
import {
  buildContext,
  byName,
  clusterNode,
  countNodes,
  inc,
  legendCounts,
  pushEdge,
  pushGroup,
  UNKNOWN_CLUSTER_ID,
  type BuildContext,
  type GraphCache,
} from './node-builders';
import { taskStatus } from './status';
import type { Graph, GraphNode, HostData, HostVariant, ReservedResource, StatusCounts } from './types';
import type { ViewState } from './view';

/** Id of the host node of Fargate tasks of one cluster in one AZ. */
export function fargateHostId(clusterKey: string, az: string): string {
  return `host:fargate:${clusterKey}:${az}`;
}

/** Id of the host node of a cluster's tasks with no known host, per reason. */
export function unplacedHostId(clusterKey: string, reasonKey: string): string {
  return `host:unplaced:${clusterKey}:${reasonKey}`;
}

/** Id of the box of tasks under a host node. */
export function hostTasksGroupId(hostId: string): string {
  return `group:host-tasks:${hostId}`;
}

/** Where one task runs, as the placement view groups it. */
export type TaskPlace =
  | { kind: 'instance'; hostId: string; instance: ContainerInstance }
  | { kind: 'fargate'; hostId: string; az: string }
  | { kind: 'unplaced'; hostId: string; reason: string };

/** CPU and memory reserved on a container instance: registered − remaining, against registered. Not live usage. */
export function reservedResources(ci: Pick<ContainerInstance, 'registered' | 'remaining'>): {
  cpu?: ReservedResource;
  memory?: ReservedResource;
} {
  const one = (registered: number | undefined, remaining: number | undefined): ReservedResource | undefined =>
    registered === undefined
      ? undefined
      : { registered, reserved: Math.max(0, registered - (remaining ?? registered)) };
  const cpu = one(ci.registered.cpu, ci.remaining.cpu);
  const memory = one(ci.registered.memory, ci.remaining.memory);
  return { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) };
}

// Reasons a task has no known host, keyed for stable node ids.
const UNPLACED: Record<string, string> = {
  'host-missing': 'its container instance is not in the loaded files',
  'no-host': 'no container instance recorded (not placed yet)',
  'no-az': 'Fargate task with no availability zone recorded',
  'unknown-launch-type': 'launch type unknown: no launchType, capacity provider or host',
};

/** Where a task runs: its container instance, Fargate in its AZ, or unplaced with the reason. */
export function taskPlace(
  task: Task,
  clusterKey: string,
  instances: Pick<ReadonlyMap<string, ContainerInstance>, 'get'>,
): TaskPlace {
  const unplaced = (key: keyof typeof UNPLACED & string): TaskPlace => ({
    kind: 'unplaced',
    hostId: unplacedHostId(clusterKey, key),
    reason: UNPLACED[key],
  });
  if (task.containerInstanceId) {
    const instance = instances.get(task.containerInstanceId);
    return instance ? { kind: 'instance', hostId: instance.id, instance } : unplaced('host-missing');
  }
  if (task.launchType === 'FARGATE')
    return task.availabilityZone
      ? { kind: 'fargate', hostId: fargateHostId(clusterKey, task.availabilityZone), az: task.availabilityZone }
      : unplaced('no-az');
  if (task.launchType === 'UNKNOWN') return unplaced('unknown-launch-type');
  return unplaced('no-host');
}

function instanceVariant(ci: ContainerInstance, tasks: readonly Task[]): HostVariant {
  // External (ECS Anywhere) hosts are managed instances ("mi-…"), not EC2 ids; their tasks say EXTERNAL.
  if (tasks.some((t) => t.launchType === 'EXTERNAL') || (!ci.ec2InstanceId && /\/mi-|^mi-/.test(ci.arn ?? ci.name)))
    return 'external';
  if (tasks.some((t) => t.launchType === 'MANAGED_INSTANCES')) return 'managed';
  return 'ec2';
}

interface HostBucket {
  id: string;
  tasks: Task[];
  place: TaskPlace | { kind: 'instance'; hostId: string; instance: ContainerInstance };
}

// Hosts in a cluster: instances that need a look first, then instances, Fargate AZs, unplaced last.
function hostRank(b: HostBucket): number {
  if (b.place.kind === 'instance') return instanceProblems(b.place.instance).length > 0 ? 0 : 1;
  return b.place.kind === 'fargate' ? 2 : 3;
}

function hostLabel(b: HostBucket): string {
  if (b.place.kind === 'instance') return b.place.instance.ec2InstanceId ?? b.place.instance.name;
  if (b.place.kind === 'fargate') return `Fargate · ${b.place.az}`;
  return 'Unplaced';
}

function hostNode(b: HostBucket, ctx: BuildContext): GraphNode {
  const tasksByStatus: StatusCounts = {};
  for (const t of b.tasks) inc(tasksByStatus, taskStatus(t));
  const collapsed = ctx.view.collapsed.includes(b.id);
  const base = {
    taskCount: b.tasks.length,
    spotCount: b.tasks.filter((t) => t.spot).length,
    tasksByStatus,
    label: hostLabel(b),
  };
  let data: HostData;
  let placeholder = false;
  let statusClass: GraphNode['statusClass'] = tasksByStatus.unhealthy
    ? 'unhealthy'
    : b.tasks.length > 0
      ? 'running'
      : 'unknown';
  if (b.place.kind === 'instance') {
    const ci = b.place.instance;
    const problems = instanceProblems(ci);
    placeholder = ci.placeholder;
    if (ci.status && ci.status.toUpperCase() !== 'ACTIVE') statusClass = 'stopped';
    if (ci.agentConnected === false) statusClass = 'unhealthy';
    data = {
      ...base,
      variant: instanceVariant(ci, b.tasks),
      instanceType: ci.instanceType,
      availabilityZone: ci.availabilityZone,
      status: ci.status,
      agentConnected: ci.agentConnected,
      capacityProvider: ci.capacityProviderName,
      ...reservedResources(ci),
      problems,
    };
  } else if (b.place.kind === 'fargate') {
    data = { ...base, variant: 'fargate', availabilityZone: b.place.az, problems: [] };
  } else {
    data = { ...base, variant: 'unplaced', reason: b.place.reason, problems: [] };
  }
  return {
    id: b.id,
    kind: 'host',
    ...(b.place.kind === 'instance' ? { entityId: b.place.instance.id } : {}),
    placeholder,
    ...(b.place.kind === 'instance' && b.place.instance.recoveredFrom ? { recovered: true } : {}),
    statusClass,
    collapsed,
    hiddenCount: collapsed && b.tasks.length > 0 ? 1 + countNodes(b.tasks) : 0,
    collapsible: b.tasks.length > 0,
    width: SIZES.host.width,
    height: SIZES.host.height,
    data,
  };
}

/**
 * Builds the placement view: per cluster, one host card per container
 * instance (empty ones too, unless filtered), per Fargate AZ, and per reason
 * a task has no known host, each wired to a box of its tasks. Filters,
 * collapse and stacks work as in the hierarchy. A cache keeps the topology's lookups between builds.
 */
export function buildPlacementGraph(topology: Topology, view: ViewState, cache?: GraphCache): Graph {
  const ctx = buildContext(topology, view, cache);
  const keep = filterPredicates(view.filters, ctx.problems);
  const nodes: GraphNode[] = [];
  const edges: Graph['edges'] = [];
  const clusterKeyOf = (clusterId: string | undefined): string =>
    clusterId && ctx.clusterById.has(clusterId) ? clusterId : UNKNOWN_CLUSTER_ID;
  const instances = new Map(topology.containerInstances.map((ci) => [ci.id, ci]));

  const hostsByCluster = new Map<string, Map<string, HostBucket>>();
  const bucket = (clusterKey: string, place: HostBucket['place']): HostBucket => {
    const hosts = hostsByCluster.get(clusterKey) ?? new Map<string, HostBucket>();
    hostsByCluster.set(clusterKey, hosts);
    const existing = hosts.get(place.hostId);
    if (existing) return existing;
    const created: HostBucket = { id: place.hostId, tasks: [], place };
    hosts.set(place.hostId, created);
    return created;
  };
  for (const ci of topology.containerInstances) {
    if (keep.instanceAlone(ci)) bucket(clusterKeyOf(ci.clusterId), { kind: 'instance', hostId: ci.id, instance: ci });
  }
  for (const t of topology.tasks) {
    if (!keep.task(t)) continue;
    const key = clusterKeyOf(t.clusterId);
    bucket(key, taskPlace(t, key, instances)).tasks.push(t);
  }

  const clusterKeys = [...topology.clusters].sort(byName).map((c) => c.id);
  if (hostsByCluster.has(UNKNOWN_CLUSTER_ID)) clusterKeys.push(UNKNOWN_CLUSTER_ID);
  for (const key of clusterKeys) {
    const cluster = ctx.clusterById.get(key);
    if (cluster && !keep.cluster(cluster.id)) continue;
    const hosts = [...(hostsByCluster.get(key)?.values() ?? [])].sort(
      (a, b) => hostRank(a) - hostRank(b) || hostLabel(a).localeCompare(hostLabel(b)) || a.id.localeCompare(b.id),
    );
    if (keep.active && hosts.length === 0) continue;
    const collapsed = view.collapsed.includes(key);
    const below = hosts.reduce((n, h) => n + 1 + (h.tasks.length > 0 ? 1 + countNodes(h.tasks) : 0), 0);
    const state = { collapsed, hiddenCount: collapsed ? below : 0, collapsible: hosts.length > 0 };
    if (cluster) nodes.push(clusterNode(cluster, ctx, state));
    else {
      nodes.push({
        id: UNKNOWN_CLUSTER_ID,
        kind: 'group',
        placeholder: false,
        statusClass: 'unknown',
        ...state,
        width: SIZES.unknownCluster.width,
        height: SIZES.unknownCluster.height,
        data: {
          variant: 'unknown-cluster',
          label: 'Unknown cluster',
          taskCount: hosts.reduce((n, h) => n + h.tasks.length, 0),
          tasksByStatus: {},
        },
      });
    }
    if (collapsed) continue;
    for (const h of hosts) {
      const host = hostNode(h, ctx);
      nodes.push(host);
      pushEdge(edges, key, h.id);
      if (!host.collapsed && h.tasks.length > 0)
        pushGroup(
          nodes,
          edges,
          {
            id: hostTasksGroupId(h.id),
            variant: 'host-tasks',
            label: `Tasks on ${hostLabel(h)}`,
            tasks: h.tasks,
            from: h.id,
          },
          ctx,
        );
    }
  }
  return { nodes, edges, legend: legendCounts(topology) };
}

/** Ids of the placement-view nodes that hold `id` (task, box, host, cluster), nearest first. */
export function placementAncestorIds(topology: Topology, id: string): string[] {
  const index = topologyIndex(topology);
  const clusterKey = (clusterId: string | undefined): string =>
    clusterId && index.entityOfKind(clusterId, 'cluster') ? clusterId : UNKNOWN_CLUSTER_ID;
  // The hosts through the load's index: a one-letter Find or the canvas's holder warm-up asks for ~93,000 chains on
  // the 100,000-node account, and a map of its 1,552 hosts made per call was 4 s of them (idle steps of 57-128 ms).
  const instances = { get: (hostId: string) => index.entityOfKind(hostId, 'containerInstance') };
  const ofTask = (t: Task): string[] => {
    const key = clusterKey(t.clusterId);
    const place = taskPlace(t, key, instances);
    return [hostTasksGroupId(place.hostId), place.hostId, key];
  };
  const task = index.entityOfKind(id, 'task');
  if (task) return ofTask(task);
  const held = index.container(id);
  if (held) return [held.task.id, ...ofTask(held.task)];
  const ci = instances.get(id);
  if (ci) return [clusterKey(ci.clusterId)];
  return [];
}

/** Share reserved, 0–1 (0 when nothing is registered). */
export function reservedShare(r: ReservedResource): number {
  return r.registered > 0 ? Math.min(1, r.reserved / r.registered) : 0;
}

/** The line over a resource bar: "CPU reserved 1024 / 4096 units (25%)", "Memory reserved 2048 / 15576 MiB (13%)". */
export function reservedText(resource: 'cpu' | 'memory', r: ReservedResource): string {
  const unit = resource === 'cpu' ? 'units' : 'MiB';
  return `${resource === 'cpu' ? 'CPU' : 'Memory'} reserved ${r.reserved} / ${r.registered} ${unit} (${Math.round(reservedShare(r) * 100)}%)`;
}

/** The overlay class a host card is coloured with. */
export function hostOverlay(variant: HostVariant): 'EC2' | 'MANAGED_INSTANCES' | 'EXTERNAL' | 'FARGATE' | 'UNKNOWN' {
  return (
    { ec2: 'EC2', managed: 'MANAGED_INSTANCES', external: 'EXTERNAL', fargate: 'FARGATE', unplaced: 'UNKNOWN' } as const
  )[variant];
}

/** The small caps kind line of a host card. */
export function hostKicker(variant: HostVariant): string {
  return {
    ec2: 'EC2 container instance',
    managed: 'Managed instance',
    external: 'External instance',
    fargate: 'Fargate',
    unplaced: 'Unplaced tasks',
  }[variant];
}

/** The second line of a host card: instance type, AZ and agent state; the AZ for Fargate; the reason for unplaced tasks. */
export function hostDetail(d: HostData): string {
  if (d.variant === 'unplaced') return d.reason ?? 'host unknown';
  if (d.variant === 'fargate') return `${d.availabilityZone ?? 'AZ unknown'} · AWS-managed capacity`;
  const agent =
    d.agentConnected === undefined ? undefined : d.agentConnected ? 'agent connected' : 'agent DISCONNECTED';
  return [d.instanceType, d.availabilityZone, agent].filter(Boolean).join(' · ') || 'not described';
}

/** The last line of a host card: tasks, Spot share, capacity provider. */
export function hostTasksLine(d: HostData): string {
  const parts = [`${d.taskCount} ${d.taskCount === 1 ? 'task' : 'tasks'}`];
  if (d.spotCount > 0) parts.push(`${d.spotCount} on Spot`);
  if (d.capacityProvider) parts.push(d.capacityProvider);
  return parts.join(' · ');
}
