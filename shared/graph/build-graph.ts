/**
 * Topology → diagram nodes and edges. The hierarchy is Cluster → Service →
 * (box of its tasks) → Task ⊃ Containers. Tasks sit in a box per service (or
 * per standalone family) rather than one column each, so a service with 50
 * tasks stays readable and dagre only ranks the few hundred nodes above them.
 */
import { topologyIndex } from '../model/topology-index';
import type { Service, Task, Topology } from '../model/types';
import { SIZES } from '../theme/theme';
import { filterPredicates, serviceProblems } from './filters';
import {
  buildContext,
  byName,
  clusterNode,
  countNodes,
  derived,
  inc,
  legendCounts,
  pushEdge,
  pushGroup,
  UNKNOWN_CLUSTER_ID,
  type BuildContext,
  type GraphCache,
} from './node-builders';
import { pushTargetGroups } from './target-group';
import {
  aroundServicesCounts,
  countNamespaceNodes,
  discoveryIndex,
  isNamespaceNodeId,
  namespaceNodes,
  pushNamespaces,
} from './namespace';
import { accountOfCluster, foldReferencedOnly, referencedGroupId, withAccounts } from './accounts';
import { buildPlacementGraph, placementAncestorIds } from './placement';
import { serviceStatus } from './status';
import { taskOverlay } from '../model/task-overlay';
import { compareText } from '../model/compare-text';
import type { FilterPredicates } from './filters';
import type { DeploymentSummary, Graph, GraphNode, OverlayCounts, ServiceData } from './types';
import type { ViewMode, ViewState } from './view';

export { taskOverlay } from '../model/task-overlay';
export { legendCounts, taskHeight } from './node-builders';

export { createGraphCache, UNKNOWN_CLUSTER_ID, type GraphCache } from './node-builders';

/** Id of the box holding a service's tasks. */
export function serviceTasksGroupId(serviceId: string): string {
  return `group:tasks:${serviceId}`;
}

/** Id of the box holding a cluster's standalone tasks of one family. */
export function familyGroupId(clusterKey: string, family: string): string {
  return `group:family:${clusterKey}:${family}`;
}

/** Id of the box holding a cluster's tasks that name neither a service nor a family (e.g. listed only). */
export function clusterTasksGroupId(clusterKey: string): string {
  return `group:other:${clusterKey}`;
}

function familyOf(task: Task): string | undefined {
  return task.group?.startsWith('family:') ? task.group.slice('family:'.length) : undefined;
}

function describeStrategy(service: Service): string {
  if (service.launchType) return service.launchType;
  if (service.capacityProviderStrategy.length === 0)
    return service.overlay === 'UNKNOWN' ? 'launch type unknown' : service.overlay;
  return service.capacityProviderStrategy
    .map(
      (s) =>
        `${s.capacityProvider}${s.weight !== undefined ? ` ×${s.weight}` : ''}${s.base ? ` (base ${s.base})` : ''}`,
    )
    .join(' · ');
}

// PRIMARY first, then ACTIVE, then the rest: the card lists the deployment that wins first.
const DEPLOYMENT_RANK: Record<string, number> = { PRIMARY: 0, ACTIVE: 1 };

function deploymentSummaries(service: Service, ctx: BuildContext): DeploymentSummary[] {
  return [...service.deployments]
    .sort(
      (a, b) =>
        (DEPLOYMENT_RANK[a.status?.toUpperCase() ?? ''] ?? 2) - (DEPLOYMENT_RANK[b.status?.toUpperCase() ?? ''] ?? 2),
    )
    .map((d) => ({
      id: d.id,
      status: d.status,
      rolloutState: d.rolloutState,
      rolloutStateReason: d.rolloutStateReason,
      taskDefinition: ctx.tdLabel(d.taskDefinitionId),
      running: d.runningCount,
      desired: d.desiredCount,
      failedTasks: d.failedTasks,
    }));
}

/** Options of `buildGraph`. */
export interface BuildOptions {
  /** What earlier builds of this topology derived whatever the view, to reuse (see GraphCache). */
  cache?: GraphCache;
}

/**
 * Builds the diagram for one view: the hierarchy, or the placement view when
 * `view.mode` says so. Pure: the same topology and view always give the same
 * nodes in the same order (parents before children). Node sizes come from
 * the theme; group boxes are sized by the layout from the cards inside them.
 */
export function buildGraph(topology: Topology, view: ViewState, options: BuildOptions = {}): Graph {
  const graph =
    view.mode === 'placement'
      ? buildPlacementGraph(topology, view, options.cache)
      : buildHierarchyGraph(topology, view, options.cache);
  return withAccounts(foldReferencedOnly(graph, topology, view), topology, view);
}

/** Tasks by where the hierarchy draws them, and the services each cluster draws (by name). */
interface TaskBuckets {
  tasksByService: Map<string, Task[]>;
  tasksByFamily: Map<string, Map<string, Task[]>>;
  otherTasks: Map<string, Task[]>;
  /** Every task of a service, filtered or not (its card counts them all). */
  allTasksOfService: Map<string, Task[]>;
  servicesByCluster: Map<string, Service[]>;
}

// One lookup a task, not a lookup and a store: bucketing runs cold over every task of the load.
function append<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** Buckets the tasks the filters keep: by service, else by (cluster, family), else by cluster. */
function bucketTasks(
  topology: Topology,
  ctx: BuildContext,
  keep: FilterPredicates,
  clusterKeyOf: (clusterId: string | undefined) => string,
): TaskBuckets {
  const { serviceById } = ctx;
  const tasksByService = new Map<string, Task[]>();
  const tasksByFamily = new Map<string, Map<string, Task[]>>();
  const otherTasks = new Map<string, Task[]>();
  const allTasksOfService = new Map<string, Task[]>();
  for (const t of topology.tasks) {
    const ofService = !!t.serviceId && serviceById.has(t.serviceId);
    if (ofService) append(allTasksOfService, t.serviceId!, t);
    if (!keep.task(t)) continue;
    if (ofService) {
      append(tasksByService, t.serviceId!, t);
      continue;
    }
    const key = clusterKeyOf(t.clusterId);
    const family = familyOf(t);
    if (family) {
      let fam = tasksByFamily.get(key);
      if (!fam) tasksByFamily.set(key, (fam = new Map<string, Task[]>()));
      append(fam, family, t);
    } else {
      append(otherTasks, key, t);
    }
  }

  const servicesByCluster = new Map<string, Service[]>();
  for (const s of topology.services) {
    const kept = (tasksByService.get(s.id)?.length ?? 0) > 0 || keep.serviceAlone(s);
    if (!kept) continue;
    append(servicesByCluster, clusterKeyOf(s.clusterId), s);
  }
  for (const list of servicesByCluster.values()) list.sort(byName);
  return { tasksByService, tasksByFamily, otherTasks, allTasksOfService, servicesByCluster };
}

/** What a service's card shows whatever the view (counts over all its tasks, deployments, events), and its target groups. */
interface ServiceCard {
  statusClass: GraphNode['statusClass'];
  data: ServiceData;
  targetGroups: number;
}

function serviceCard(s: Service, allTasks: readonly Task[], ctx: BuildContext): ServiceCard {
  const tasksByOverlay: OverlayCounts = {};
  for (const t of allTasks) if (!t.placeholder) inc(tasksByOverlay, taskOverlay(t));
  // The card shows only the newest event: the first of the latest, as a stable sort newest-first would give.
  let latest = s.events[0];
  for (const e of s.events) if (compareText(e.createdAt ?? '', latest.createdAt ?? '') > 0) latest = e;
  return {
    statusClass: serviceStatus(s, allTasks),
    targetGroups: new Set(s.loadBalancers.map((lb) => lb.targetGroupId).filter(Boolean)).size,
    data: {
      name: s.name,
      overlay: s.overlay,
      status: s.status,
      desired: s.desiredCount,
      running: s.runningCount,
      pending: s.pendingCount,
      placement: describeStrategy(s),
      taskDefinition: ctx.tdLabel(s.taskDefinitionId),
      deploying:
        s.deployments.filter((d) => d.source === 'deployment').length > 1 ||
        s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
      eventCount: s.events.length,
      latestEvent: latest?.message,
      loadBalanced: s.loadBalancers.length > 0,
      tasksByOverlay,
      deployments: deploymentSummaries(s, ctx),
      problems: serviceProblems(s),
    },
  };
}

/**
 * Cluster → Service → box of tasks → task ⊃ containers, with filters, collapse and stacks applied. With a
 * cache, what does not depend on the view (lookups, legend, unfiltered buckets, card data) is made once per topology.
 */
export function buildHierarchyGraph(topology: Topology, view: ViewState, cache?: GraphCache): Graph {
  const collapsed = new Set(view.collapsed);
  const nodes: GraphNode[] = [];
  const edges = [] as Graph['edges'];
  const ctx = buildContext(topology, view, cache);
  const { clusterById } = ctx;
  const clusterKeyOf = (clusterId: string | undefined): string =>
    clusterId && clusterById.has(clusterId) ? clusterId : UNKNOWN_CLUSTER_ID;
  const discovery = derived(ctx, 'discovery', () => discoveryIndex(topology));
  const legend = derived(ctx, 'legend', () => ({
    ...legendCounts(topology),
    aroundServices: aroundServicesCounts(topology, discovery),
  }));

  // Filters: tasks are kept by predicate; services and clusters by what they hold or by their own match.
  const keep = filterPredicates(view.filters, ctx.problems);
  const filtering = keep.active;
  const needle = view.filters.text?.trim().toLowerCase();
  const clusterMatches = (name: string, id: string): boolean =>
    !!needle && (name.toLowerCase().includes(needle) || id.toLowerCase().includes(needle));
  // Unfiltered, the buckets depend on the topology alone.
  const make = () => bucketTasks(topology, ctx, keep, clusterKeyOf);
  const { tasksByService, tasksByFamily, otherTasks, allTasksOfService, servicesByCluster } = filtering
    ? make()
    : derived(ctx, 'unfilteredBuckets', make);
  const cards = derived(ctx, 'serviceCards', () => new Map<string, ServiceCard>());
  const cardOf = (s: Service): ServiceCard => {
    let card = cards.get(s.id);
    if (!card) cards.set(s.id, (card = serviceCard(s, allTasksOfService.get(s.id) ?? [], ctx)));
    return card;
  };
  const belowCluster = derived(ctx, 'belowCluster', () => new Map<string, number>());

  const targetGroupsDrawn = new Map<string, GraphNode>();
  const namespacesDrawn = new Map<string, GraphNode>();
  const clusterKeys: string[] = [...topology.clusters].sort(byName).map((c) => c.id);
  const needsUnknown =
    servicesByCluster.has(UNKNOWN_CLUSTER_ID) ||
    tasksByFamily.has(UNKNOWN_CLUSTER_ID) ||
    otherTasks.has(UNKNOWN_CLUSTER_ID);
  if (needsUnknown) clusterKeys.push(UNKNOWN_CLUSTER_ID);

  for (const key of clusterKeys) {
    const cluster = clusterById.get(key);
    const services = servicesByCluster.get(key) ?? [];
    const families = [...(tasksByFamily.get(key) ?? new Map<string, Task[]>()).entries()].sort(([a], [b]) =>
      compareText(a, b),
    );
    const others = otherTasks.get(key) ?? [];
    const hasChildren = services.length > 0 || families.length > 0 || others.length > 0;
    if (filtering && !hasChildren && !(cluster && keep.cluster(cluster.id) && clusterMatches(cluster.name, cluster.id)))
      continue;

    const isCollapsed = collapsed.has(key);
    // What collapsing the cluster hides; unfiltered, a count of the topology alone.
    let below = filtering ? undefined : belowCluster.get(key);
    if (below === undefined) {
      below =
        services.reduce(
          (n, s) =>
            n +
            1 +
            cardOf(s).targetGroups +
            (tasksByService.has(s.id) ? 1 + countNodes(tasksByService.get(s.id) ?? []) : 0),
          0,
        ) +
        countNamespaceNodes(services) +
        families.reduce((n, [, ts]) => n + 1 + countNodes(ts), 0) +
        (others.length > 0 ? 1 + countNodes(others) : 0);
      if (!filtering) belowCluster.set(key, below);
    }

    if (cluster) {
      nodes.push(
        clusterNode(cluster, ctx, {
          collapsed: isCollapsed,
          hiddenCount: isCollapsed ? below : 0,
          collapsible: hasChildren,
        }),
      );
    } else {
      const count =
        others.length +
        families.reduce((n, [, ts]) => n + ts.length, 0) +
        services.reduce((n, s) => n + (tasksByService.get(s.id)?.length ?? 0), 0);
      nodes.push({
        id: UNKNOWN_CLUSTER_ID,
        kind: 'group',
        placeholder: false,
        statusClass: 'unknown',
        collapsed: isCollapsed,
        hiddenCount: isCollapsed ? below : 0,
        collapsible: hasChildren,
        width: SIZES.unknownCluster.width,
        height: SIZES.unknownCluster.height,
        data: { variant: 'unknown-cluster', label: 'Unknown cluster', taskCount: count, tasksByStatus: {} },
      });
    }
    if (isCollapsed) continue;

    for (const s of services) {
      const tasks = tasksByService.get(s.id) ?? [];
      const card = cardOf(s);
      const serviceCollapsed = collapsed.has(s.id);
      nodes.push({
        id: s.id,
        kind: 'service',
        entityId: s.id,
        placeholder: s.placeholder,
        ...(s.recoveredFrom ? { recovered: true } : {}),
        statusClass: card.statusClass,
        collapsed: serviceCollapsed,
        hiddenCount: serviceCollapsed && tasks.length > 0 ? 1 + countNodes(tasks) : 0,
        collapsible: tasks.length > 0,
        width: SIZES.service.width,
        height: SIZES.service.height,
        data: card.data,
      });
      pushEdge(edges, key, s.id);
      // Nodes before the task box, so a target group or namespace sits level with its service rather than below
      // a tall box; edges after it, so the service's first child (ArrowDown, focus order) is still its tasks.
      const targetEdges: typeof edges = [];
      pushTargetGroups(nodes, targetEdges, s, ctx, targetGroupsDrawn);
      pushNamespaces(nodes, targetEdges, s, key, discovery, namespacesDrawn);
      if (!serviceCollapsed && tasks.length > 0)
        pushGroup(
          nodes,
          edges,
          { id: serviceTasksGroupId(s.id), variant: 'service-tasks', label: `Tasks of ${s.name}`, tasks, from: s.id },
          ctx,
        );
      edges.push(...targetEdges);
    }
    for (const [family, tasks] of families)
      pushGroup(
        nodes,
        edges,
        { id: familyGroupId(key, family), variant: 'family', label: `family:${family}`, tasks, from: key },
        ctx,
      );
    if (others.length > 0)
      pushGroup(
        nodes,
        edges,
        {
          id: clusterTasksGroupId(key),
          variant: 'cluster-tasks',
          label: 'Tasks (no service or family)',
          tasks: others,
          from: key,
        },
        ctx,
      );
  }

  return { nodes, edges, legend };
}

/**
 * Ids of the nodes that hold the node of `id` (its task, box, service or
 * host, cluster) in the diagram of `mode`, nearest first, so a selection
 * from a panel or a search can expand whatever collapsed node hides it.
 */
export function ancestorIds(topology: Topology, id: string, mode: ViewMode = 'hierarchy'): readonly string[] {
  // Kept per load and view: a one-letter Find on the 100,000-node account asks for 93,000 chains, and the next
  // letter for most of them again.
  let byMode = chainsOf.get(topology);
  if (!byMode) chainsOf.set(topology, (byMode = { hierarchy: new Map(), placement: new Map() }));
  const known = byMode[mode].get(id);
  if (known) return known;
  const chain = holdersOf(topology, id, mode);
  byMode[mode].set(id, chain);
  return chain;
}

const chainsOf = new WeakMap<Topology, Record<ViewMode, Map<string, readonly string[]>>>();

function holdersOf(topology: Topology, id: string, mode: ViewMode): readonly string[] {
  const chain = mode === 'placement' ? placementAncestorIds(topology, id) : hierarchyAncestorIds(topology, id);
  // The account card above the cluster, when the load has that level.
  const accountOf = accountOfCluster(topology.clusters);
  // A referenced-only cluster that holds nothing may sit folded in its pair's card: opening the card is harmless otherwise.
  const cluster = chain.length === 0 ? topology.clusters.find((c) => c.id === id && c.placeholder) : undefined;
  const folded = cluster ? [referencedGroupId(cluster.accountId, cluster.region)] : [];
  const account = accountOf.get(chain[chain.length - 1] ?? id);
  return [...chain, ...folded, ...(account ? [account] : [])];
}

function hierarchyAncestorIds(topology: Topology, id: string): string[] {
  // Looked up in the load's index: a selection on a 20k-object account scanned every task and container.
  const index = topologyIndex(topology);
  const clusterKey = (clusterId: string | undefined) =>
    clusterId && index.entityOfKind(clusterId, 'cluster') ? clusterId : UNKNOWN_CLUSTER_ID;
  const ofTask = (t: Task): string[] => {
    const key = clusterKey(t.clusterId);
    if (t.serviceId && index.entityOfKind(t.serviceId, 'service'))
      return [serviceTasksGroupId(t.serviceId), t.serviceId, key];
    const family = familyOf(t);
    return [family ? familyGroupId(key, family) : clusterTasksGroupId(key), key];
  };
  const task = index.entityOfKind(id, 'task');
  if (task) return ofTask(task);
  const held = index.container(id);
  if (held) return [held.task.id, ...ofTask(held.task)];
  const service = index.entityOfKind(id, 'service');
  if (service) return [clusterKey(service.clusterId)];
  const front = topology.services.find((s) => s.loadBalancers.some((lb) => lb.targetGroupId === id));
  if (front) return [front.id, clusterKey(front.clusterId)];
  // A namespace node is held by its cluster: collapsing a service never hides it.
  if (isNamespaceNodeId(id)) {
    const ns = namespaceNodes(topology).find((n) => n.id === id);
    return ns ? [ns.clusterKey] : [];
  }
  return [];
}
