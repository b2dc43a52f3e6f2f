/**
 * The node builders both diagrams share: cluster cards, task cards with
 * their container chips, and boxes of tasks (stacked when large). Keeping
 * them here means a task card reads the same in the hierarchy and placement
 * views.
 */
import type { Cluster, Service, TargetGroup, Task, Topology } from '../model/types';
import { SIZES, type StatusClass } from '../theme/theme';
import { isCollapsed, stackLabel, stackSummary } from './collapse';
import { problemContext, type ProblemContext } from './filters';
import { clusterStatus, containerProblem, containerStatus, taskStatus, type ContainerProblem } from './status';
import { stackTrouble, stackTroubleLabel } from './stack';
import { taskOverlay } from '../model/task-overlay';
import { compareText } from '../model/compare-text';
import type { GraphEdge, GraphNode, GroupVariant, LegendCounts, OverlayCounts, StatusCounts } from './types';
import type { ViewState } from './view';

/** Id of the synthetic node that holds objects whose cluster is not known. */
export const UNKNOWN_CLUSTER_ID = 'group:unknown-cluster';

/** Height of a task card holding `containers` chips (theme sizes). */
export function taskHeight(containers: number): number {
  return containers === 0
    ? SIZES.task.height
    : SIZES.task.height +
        SIZES.taskPadding +
        containers * SIZES.containerRow -
        (SIZES.containerRow - SIZES.container.height);
}

// Problems first inside a box: the card an operator came for is top-left.
const STATUS_RANK: Record<StatusClass, number> = { unhealthy: 0, stopped: 1, pending: 2, unknown: 3, running: 4 };

/** Adds one to a count. */
export function inc<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Orders named objects by name, then id, so graphs are deterministic. */
export function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Nodes a set of task cards adds (cards and chips), for "+N" hints. */
export function countNodes(tasks: readonly Task[]): number {
  return tasks.reduce((n, t) => n + 1 + t.containers.length, 0);
}

/**
 * What a build needs from the topology whatever the view: lookups, tallies,
 * and values made on first use (`derived`). A GraphCache keeps it between
 * builds of one load.
 */
export interface TopologyFacts {
  topology: Topology;
  clusterById: Map<string, Cluster>;
  serviceById: Map<string, Service>;
  targetGroupById: Map<string, TargetGroup>;
  problems: ProblemContext;
  /** `family:revision` of a task definition id (also of ones referenced but not loaded). */
  tdLabel(id: string | undefined): string | undefined;
  /** Revision number (as text) of a task definition id. */
  revisionOf(id: string | undefined): string | undefined;
  /** The primary deployment's task definition id per service id. */
  primaryTd: Map<string, string>;
  /** What a cluster holds (described objects, no placeholders), counted in one pass over the load. */
  clusterContents(clusterId: string): ClusterContents;
  /** Values of the topology alone, by name (see `derived`). */
  memo: Map<string, unknown>;
}

/** Lookups every builder needs, made once per graph: the topology's facts and the view. */
export interface BuildContext extends TopologyFacts {
  view: ViewState;
  /** `view.collapsed` as a set. */
  collapsed: ReadonlySet<string>;
}

/**
 * Keeps a topology's facts between builds, so an expand, collapse or filter
 * rebuilds only what depends on the view. One per load (`createGraphCache`);
 * the topology must not be changed while cached (another topology replaces
 * the facts). The graph is the same with or without it.
 */
export interface GraphCache {
  facts?: TopologyFacts;
}

/** An empty graph cache. */
export function createGraphCache(): GraphCache {
  return {};
}

/** A value of the topology alone, made on first use and kept with its facts (so across builds, with a GraphCache). */
export function derived<T>(facts: TopologyFacts, name: string, make: () => T): T {
  if (!facts.memo.has(name)) facts.memo.set(name, make());
  return facts.memo.get(name) as T;
}

/** The described tasks of a cluster and how many services and container instances it has. */
export interface ClusterContents {
  tasks: Task[];
  services: number;
  containerInstances: number;
}

function tallyClusters(topology: Topology): Map<string, ClusterContents> {
  const byCluster = new Map<string, ClusterContents>();
  const of = (id: string | undefined): ClusterContents | undefined => {
    if (id === undefined) return undefined;
    let c = byCluster.get(id);
    if (!c) byCluster.set(id, (c = { tasks: [], services: 0, containerInstances: 0 }));
    return c;
  };
  for (const t of topology.tasks) if (!t.placeholder) of(t.clusterId)?.tasks.push(t);
  for (const s of topology.services) if (!s.placeholder && s.clusterId) of(s.clusterId)!.services += 1;
  for (const ci of topology.containerInstances)
    if (!ci.placeholder && ci.clusterId) of(ci.clusterId)!.containerInstances += 1;
  return byCluster;
}

function topologyFacts(topology: Topology): TopologyFacts {
  const tds = new Map(topology.taskDefinitions.map((td) => [td.id, td]));
  // Ids of task definitions that were referenced but not loaded still end in family:revision.
  const tail = (id: string): string => id.slice(id.lastIndexOf('|') + 1);
  const tdLabel = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    const td = tds.get(id);
    if (!td) return tail(id);
    return td.revision !== undefined ? `${td.family}:${td.revision}` : td.family;
  };
  const revisionOf = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    const td = tds.get(id);
    if (td?.revision !== undefined) return String(td.revision);
    const m = /:(\d+)$/.exec(tail(id));
    return m ? m[1] : undefined;
  };
  const primaryTd = new Map<string, string>();
  for (const s of topology.services) {
    const primary =
      s.deployments.find((d) => d.status?.toUpperCase() === 'PRIMARY') ??
      (s.deployments.length === 1 ? s.deployments[0] : undefined);
    const td = primary?.taskDefinitionId ?? (s.deployments.length === 0 ? undefined : s.taskDefinitionId);
    if (td) primaryTd.set(s.id, td);
  }
  let tallies: Map<string, ClusterContents> | undefined;
  const empty: ClusterContents = { tasks: [], services: 0, containerInstances: 0 };
  return {
    clusterContents: (clusterId) => (tallies ??= tallyClusters(topology)).get(clusterId) ?? empty,
    topology,
    clusterById: new Map(topology.clusters.map((c) => [c.id, c])),
    serviceById: new Map(topology.services.map((s) => [s.id, s])),
    targetGroupById: new Map(topology.targetGroups.map((tg) => [tg.id, tg])),
    problems: problemContext(topology),
    tdLabel,
    revisionOf,
    primaryTd,
    memo: new Map(),
  };
}

/** The build context of a topology and view; with a cache, the topology's facts are made once. */
export function buildContext(topology: Topology, view: ViewState, cache?: GraphCache): BuildContext {
  let facts = cache?.facts;
  if (facts?.topology !== topology) {
    facts = topologyFacts(topology);
    if (cache) cache.facts = facts;
  }
  return { ...facts, view, collapsed: new Set(view.collapsed) };
}

/** Pushes an edge `source → target`; `cross` marks a link outside the layout tree (see GraphEdge). */
export function pushEdge(edges: GraphEdge[], source: string, target: string, cross = false): void {
  edges.push(
    cross ? { id: `${source}->${target}`, source, target, cross } : { id: `${source}->${target}`, source, target },
  );
}

/** The cluster card of `cluster`, with its loaded and reported totals. */
export function clusterNode(
  cluster: Cluster,
  ctx: BuildContext,
  state: { collapsed: boolean; hiddenCount: number; collapsible: boolean },
): GraphNode {
  // The card is the same in every view but for its collapse state: made once per topology.
  const cards = derived(ctx, 'clusterCards', () => new Map<string, ClusterNode>());
  let card = cards.get(cluster.id);
  if (!card) cards.set(cluster.id, (card = clusterCard(cluster, ctx)));
  return { ...card, ...state };
}

type ClusterNode = Extract<GraphNode, { kind: 'cluster' }>;

function clusterCard(cluster: Cluster, ctx: BuildContext): ClusterNode {
  const contents = ctx.clusterContents(cluster.id);
  const clusterTasks = contents.tasks;
  const tasksByOverlay: OverlayCounts = {};
  const tasksByStatus: StatusCounts = {};
  for (const t of clusterTasks) {
    inc(tasksByOverlay, taskOverlay(t));
    inc(tasksByStatus, taskStatus(t));
  }
  return {
    id: cluster.id,
    kind: 'cluster',
    entityId: cluster.id,
    placeholder: cluster.placeholder,
    ...(cluster.recoveredFrom ? { recovered: true } : {}),
    statusClass: clusterStatus(cluster),
    collapsed: false,
    hiddenCount: 0,
    collapsible: false,
    width: SIZES.cluster.width,
    height: SIZES.cluster.height,
    data: {
      name: cluster.name,
      region: cluster.region,
      accountId: cluster.accountId,
      status: cluster.status,
      reported: {
        activeServices: cluster.activeServicesCount,
        runningTasks: cluster.runningTasksCount,
        pendingTasks: cluster.pendingTasksCount,
        containerInstances: cluster.registeredContainerInstancesCount,
      },
      loaded: {
        services: contents.services,
        tasks: clusterTasks.length,
        containerInstances: contents.containerInstances,
      },
      tasksByOverlay,
      tasksByStatus,
      capacityProviders: cluster.capacityProviders,
    },
  };
}

/** The task card's `containerProblem`, left out when every container is fine. */
function withContainerProblem(t: Task): { containerProblem?: ContainerProblem } {
  const problem = containerProblem(t);
  return problem ? { containerProblem: problem } : {};
}

/** Pushes task cards (and their container chips) inside box `parentId`, problems first. */
export function pushTasks(nodes: GraphNode[], tasks: readonly Task[], parentId: string, ctx: BuildContext): void {
  const collapsed = ctx.collapsed;
  const sorted = [...tasks].sort(
    (a, b) => STATUS_RANK[taskStatus(a)] - STATUS_RANK[taskStatus(b)] || compareText(a.shortId, b.shortId),
  );
  for (const t of sorted) {
    const isCollapsed = collapsed.has(t.id);
    const shown = isCollapsed ? 0 : t.containers.length;
    const primary = t.serviceId ? ctx.primaryTd.get(t.serviceId) : undefined;
    // A stopped task's revision is history, not drift: flag only tasks that are (or will be) running.
    const stale =
      primary !== undefined &&
      t.taskDefinitionId !== undefined &&
      t.taskDefinitionId !== primary &&
      taskStatus(t) !== 'stopped';
    nodes.push({
      id: t.id,
      kind: 'task',
      entityId: t.id,
      parentId,
      placeholder: t.placeholder,
      recovered: t.recoveredFrom ? true : undefined,
      statusClass: taskStatus(t),
      collapsed: isCollapsed,
      hiddenCount: isCollapsed ? t.containers.length : 0,
      collapsible: t.containers.length > 0,
      width: SIZES.task.width,
      height: taskHeight(shown),
      data: {
        shortId: t.shortId,
        overlay: taskOverlay(t),
        launchType: t.launchType,
        lastStatus: t.lastStatus,
        desiredStatus: t.desiredStatus,
        healthStatus: t.healthStatus,
        availabilityZone: t.availabilityZone,
        privateIp: t.privateIp,
        cpu: t.cpu,
        memory: t.memory,
        taskDefinition: ctx.tdLabel(t.taskDefinitionId),
        stoppedReason: t.stoppedReason,
        stopCode: t.stopCode,
        containerCount: t.containers.length,
        ...(stale ? { primaryTaskDefinition: ctx.tdLabel(primary) } : {}),
        ...withContainerProblem(t),
      },
    });
    if (isCollapsed) continue;
    for (const c of t.containers) {
      nodes.push({
        id: c.id,
        kind: 'container',
        entityId: c.id,
        parentId: t.id,
        placeholder: false,
        statusClass: containerStatus(c),
        collapsed: false,
        hiddenCount: 0,
        collapsible: false,
        width: SIZES.container.width,
        height: SIZES.container.height,
        data: {
          name: c.name,
          image: c.image,
          imageTag: c.imageTag,
          lastStatus: c.lastStatus,
          healthStatus: c.healthStatus,
          exitCode: c.exitCode,
          reason: c.reason,
        },
      });
    }
  }
}

/**
 * Pushes a box of tasks wired from `from`, with its cards unless collapsed.
 * A box of more tasks than the view's stack threshold starts collapsed as a
 * stack ("24 tasks: 22 RUNNING, 2 PENDING · rev 41/42") until opened.
 */
export function pushGroup(
  nodes: GraphNode[],
  edges: GraphEdge[],
  box: { id: string; variant: GroupVariant; label: string; tasks: readonly Task[]; from: string },
  ctx: BuildContext,
): void {
  const { id, variant, label, tasks, from } = box;
  const tasksByStatus: StatusCounts = {};
  for (const t of tasks) inc(tasksByStatus, taskStatus(t));
  const collapsed = isCollapsed(ctx.view, id, tasks.length);
  const stack = collapsed ? stackLabel(stackSummary(tasks, (t) => ctx.revisionOf(t.taskDefinitionId))) : undefined;
  // A stack hides its cards: it says itself when one of them failed or is unhealthy, and is marked.
  const trouble = stack ? stackTroubleLabel(stackTrouble(tasks)) : undefined;
  nodes.push({
    id,
    kind: 'group',
    placeholder: false,
    statusClass: tasksByStatus.unhealthy || trouble ? 'unhealthy' : 'running',
    collapsed,
    hiddenCount: collapsed ? countNodes(tasks) : 0,
    collapsible: tasks.length > 0,
    // Boxes are sized by the layout from the cards they hold.
    width: stack ? SIZES.stack.width : SIZES.collapsedGroup.width,
    height: stack ? SIZES.stack.height : SIZES.collapsedGroup.height,
    data: {
      variant,
      label,
      taskCount: tasks.length,
      tasksByStatus,
      ...(stack ? { stackLabel: stack } : {}),
      ...(trouble ? { stackTrouble: trouble } : {}),
    },
  });
  pushEdge(edges, from, id);
  if (!collapsed) pushTasks(nodes, tasks, id, ctx);
}

/** Legend counts over the whole load, so filtering never makes a type look absent. */
export function legendCounts(topology: Topology): LegendCounts {
  const legend: LegendCounts = { tasksByOverlay: {}, servicesByOverlay: {}, tasksByStatus: {}, placeholders: 0 };
  for (const t of topology.tasks) {
    if (t.placeholder) continue;
    inc(legend.tasksByOverlay, taskOverlay(t));
    inc(legend.tasksByStatus, taskStatus(t));
  }
  for (const s of topology.services) if (!s.placeholder) inc(legend.servicesByOverlay, s.overlay);
  for (const list of [topology.clusters, topology.services, topology.tasks])
    legend.placeholders += list.filter((e) => e.placeholder).length;
  return legend;
}
