/**
 * Topology → diagram nodes and edges. The hierarchy is Cluster → Service →
 * (box of its tasks) → Task ⊃ Containers. Tasks sit in a box per service (or
 * per standalone family) rather than one column each, so a service with 50
 * tasks stays readable and dagre only ranks the few hundred nodes above them.
 */
import type { Cluster, OverlayClass, Service, Task, Topology } from '../model/types';
import { SIZES, type StatusClass } from '../theme/theme';
import { clusterStatus, containerStatus, needsAttention, serviceStatus, taskStatus } from './status';
import type { Graph, GraphEdge, GraphNode, GroupVariant, LegendCounts, OverlayCounts, StatusCounts } from './types';
import type { ViewState } from './view';

/** Id of the synthetic node that holds objects whose cluster is not known. */
export const UNKNOWN_CLUSTER_ID = 'group:unknown-cluster';

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

/** The overlay class of a task: Fargate Spot is told apart from Fargate. */
export function taskOverlay(task: Pick<Task, 'launchType' | 'spot'>): OverlayClass {
  return task.spot ? 'FARGATE_SPOT' : task.launchType;
}

/** Height of a task card holding `containers` chips (theme sizes). */
export function taskHeight(containers: number): number {
  return containers === 0 ? SIZES.task.height : SIZES.task.height + SIZES.taskPadding + containers * SIZES.containerRow - (SIZES.containerRow - SIZES.container.height);
}

// Problems first inside a box: the card an operator came for is top-left.
const STATUS_RANK: Record<StatusClass, number> = { unhealthy: 0, stopped: 1, pending: 2, unknown: 3, running: 4 };

function inc<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function familyOf(task: Task): string | undefined {
  return task.group?.startsWith('family:') ? task.group.slice('family:'.length) : undefined;
}

function describeStrategy(service: Service): string {
  if (service.launchType) return service.launchType;
  if (service.capacityProviderStrategy.length === 0) return service.overlay === 'UNKNOWN' ? 'launch type unknown' : service.overlay;
  return service.capacityProviderStrategy
    .map((s) => `${s.capacityProvider}${s.weight !== undefined ? ` ×${s.weight}` : ''}${s.base ? ` (base ${s.base})` : ''}`)
    .join(' · ');
}

function textMatcher(text: string | undefined): ((...values: (string | undefined)[]) => boolean) | null {
  const needle = text?.trim().toLowerCase();
  if (!needle) return null;
  return (...values) => values.some((v) => v !== undefined && v.toLowerCase().includes(needle));
}

/**
 * Builds the diagram for one view. Pure: the same topology and view always
 * give the same nodes in the same order (parents before children). Node
 * sizes come from the theme; group boxes are sized by the layout from the
 * cards inside them.
 */
export function buildGraph(topology: Topology, view: ViewState): Graph {
  const collapsed = new Set(view.collapsed);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edge = (source: string, target: string): void => {
    edges.push({ id: `${source}->${target}`, source, target });
  };

  const tdLabels = new Map(topology.taskDefinitions.map((td) => [td.id, td.revision !== undefined ? `${td.family}:${td.revision}` : td.family]));
  const tdLabel = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    // Ids of task definitions that were referenced but not loaded still end in family:revision.
    return tdLabels.get(id) ?? id.slice(id.lastIndexOf('|') + 1);
  };

  const clusterById = new Map(topology.clusters.map((c) => [c.id, c]));
  const serviceById = new Map(topology.services.map((s) => [s.id, s]));
  const clusterKeyOf = (clusterId: string | undefined): string => (clusterId && clusterById.has(clusterId) ? clusterId : UNKNOWN_CLUSTER_ID);

  // Legend counts cover the whole load so filtering never makes a type look absent.
  const legend: LegendCounts = { tasksByOverlay: {}, servicesByOverlay: {}, tasksByStatus: {}, placeholders: 0 };
  for (const t of topology.tasks) {
    if (t.placeholder) continue;
    inc(legend.tasksByOverlay, taskOverlay(t));
    inc(legend.tasksByStatus, taskStatus(t));
  }
  for (const s of topology.services) if (!s.placeholder) inc(legend.servicesByOverlay, s.overlay);
  for (const list of [topology.clusters, topology.services, topology.tasks]) legend.placeholders += list.filter((e) => e.placeholder).length;

  // Filters: tasks are kept by predicate; services and clusters by what they hold or by their own match.
  const f = view.filters;
  const overlayFilter = f.overlays ? new Set(f.overlays) : null;
  const matches = textMatcher(f.text);
  const filtering = overlayFilter !== null || f.problemsOnly === true || matches !== null;
  const keepTask = (t: Task): boolean => {
    if (overlayFilter && !overlayFilter.has(taskOverlay(t))) return false;
    if (f.problemsOnly && !needsAttention(t)) return false;
    if (matches && !matches(t.shortId, t.name, t.id, t.group, t.privateIp, ...t.containers.flatMap((c) => [c.name, c.image]))) return false;
    return true;
  };
  const keepServiceAlone = (s: Service): boolean => {
    if (!filtering) return true;
    if (overlayFilter && !overlayFilter.has(s.overlay)) return false;
    if (f.problemsOnly) {
      const short = s.desiredCount !== undefined && s.runningCount !== undefined && s.runningCount < s.desiredCount;
      if (!short) return false;
    }
    return matches ? matches(s.name, s.id) : true;
  };

  // Bucket tasks: by service, else by (cluster, family), else by cluster.
  const tasksByService = new Map<string, Task[]>();
  const tasksByFamily = new Map<string, Map<string, Task[]>>();
  const otherTasks = new Map<string, Task[]>();
  const allTasksOfService = new Map<string, Task[]>();
  for (const t of topology.tasks) {
    if (t.serviceId && serviceById.has(t.serviceId)) {
      const all = allTasksOfService.get(t.serviceId) ?? [];
      all.push(t);
      allTasksOfService.set(t.serviceId, all);
    }
    if (!keepTask(t)) continue;
    if (t.serviceId && serviceById.has(t.serviceId)) {
      const list = tasksByService.get(t.serviceId) ?? [];
      list.push(t);
      tasksByService.set(t.serviceId, list);
      continue;
    }
    const key = clusterKeyOf(t.clusterId);
    const family = familyOf(t);
    if (family) {
      const fam = tasksByFamily.get(key) ?? new Map<string, Task[]>();
      const list = fam.get(family) ?? [];
      list.push(t);
      fam.set(family, list);
      tasksByFamily.set(key, fam);
    } else {
      const list = otherTasks.get(key) ?? [];
      list.push(t);
      otherTasks.set(key, list);
    }
  }

  const servicesByCluster = new Map<string, Service[]>();
  for (const s of topology.services) {
    const kept = (tasksByService.get(s.id)?.length ?? 0) > 0 || keepServiceAlone(s);
    if (!kept) continue;
    const key = clusterKeyOf(s.clusterId);
    const list = servicesByCluster.get(key) ?? [];
    list.push(s);
    servicesByCluster.set(key, list);
  }

  /** Emits task cards (and their container chips) inside a box. */
  const emitTasks = (tasks: Task[], parentId: string): void => {
    const sorted = [...tasks].sort((a, b) => STATUS_RANK[taskStatus(a)] - STATUS_RANK[taskStatus(b)] || a.shortId.localeCompare(b.shortId));
    for (const t of sorted) {
      const isCollapsed = collapsed.has(t.id);
      const shown = isCollapsed ? 0 : t.containers.length;
      nodes.push({
        id: t.id,
        kind: 'task',
        entityId: t.id,
        parentId,
        placeholder: t.placeholder,
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
          taskDefinition: tdLabel(t.taskDefinitionId),
          stoppedReason: t.stoppedReason,
          stopCode: t.stopCode,
          containerCount: t.containers.length,
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
          data: { name: c.name, image: c.image, imageTag: c.imageTag, lastStatus: c.lastStatus, healthStatus: c.healthStatus, exitCode: c.exitCode, reason: c.reason },
        });
      }
    }
  };

  const countNodes = (tasks: Task[]): number => tasks.reduce((n, t) => n + 1 + t.containers.length, 0);

  /** Emits a box of tasks wired from `from`, with its cards unless the box is collapsed. */
  const emitGroup = (id: string, variant: GroupVariant, label: string, tasks: Task[], from: string): void => {
    const tasksByStatus: StatusCounts = {};
    for (const t of tasks) inc(tasksByStatus, taskStatus(t));
    const isCollapsed = collapsed.has(id);
    nodes.push({
      id,
      kind: 'group',
      placeholder: false,
      statusClass: tasksByStatus.unhealthy ? 'unhealthy' : 'running',
      collapsed: isCollapsed,
      hiddenCount: isCollapsed ? countNodes(tasks) : 0,
      collapsible: tasks.length > 0,
      // Boxes are sized by the layout from the cards they hold.
      width: SIZES.collapsedGroup.width,
      height: SIZES.collapsedGroup.height,
      data: { variant, label, taskCount: tasks.length, tasksByStatus },
    });
    edge(from, id);
    if (!isCollapsed) emitTasks(tasks, id);
  };

  const clusterKeys: string[] = [...topology.clusters].sort(byName).map((c) => c.id);
  const needsUnknown = servicesByCluster.has(UNKNOWN_CLUSTER_ID) || tasksByFamily.has(UNKNOWN_CLUSTER_ID) || otherTasks.has(UNKNOWN_CLUSTER_ID);
  if (needsUnknown) clusterKeys.push(UNKNOWN_CLUSTER_ID);

  for (const key of clusterKeys) {
    const cluster: Cluster | undefined = clusterById.get(key);
    const services = (servicesByCluster.get(key) ?? []).sort(byName);
    const families = [...(tasksByFamily.get(key) ?? new Map<string, Task[]>()).entries()].sort(([a], [b]) => a.localeCompare(b));
    const others = otherTasks.get(key) ?? [];
    const hasChildren = services.length > 0 || families.length > 0 || others.length > 0;
    if (filtering && !hasChildren && !(cluster && matches?.(cluster.name, cluster.id))) continue;

    const isCollapsed = collapsed.has(key);
    const below =
      services.reduce((n, s) => n + 1 + (tasksByService.has(s.id) ? 1 + countNodes(tasksByService.get(s.id) ?? []) : 0), 0) +
      families.reduce((n, [, ts]) => n + 1 + countNodes(ts), 0) +
      (others.length > 0 ? 1 + countNodes(others) : 0);

    if (cluster) {
      const clusterTasks = topology.tasks.filter((t) => t.clusterId === cluster.id && !t.placeholder);
      const tasksByOverlay: OverlayCounts = {};
      const tasksByStatus: StatusCounts = {};
      for (const t of clusterTasks) {
        inc(tasksByOverlay, taskOverlay(t));
        inc(tasksByStatus, taskStatus(t));
      }
      nodes.push({
        id: cluster.id,
        kind: 'cluster',
        entityId: cluster.id,
        placeholder: cluster.placeholder,
        statusClass: clusterStatus(cluster),
        collapsed: isCollapsed,
        hiddenCount: isCollapsed ? below : 0,
        collapsible: hasChildren,
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
            services: topology.services.filter((s) => s.clusterId === cluster.id && !s.placeholder).length,
            tasks: clusterTasks.length,
            containerInstances: topology.containerInstances.filter((ci) => ci.clusterId === cluster.id && !ci.placeholder).length,
          },
          tasksByOverlay,
          tasksByStatus,
          capacityProviders: cluster.capacityProviders,
        },
      });
    } else {
      const count = others.length + families.reduce((n, [, ts]) => n + ts.length, 0) + services.reduce((n, s) => n + (tasksByService.get(s.id)?.length ?? 0), 0);
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
      const allTasks = allTasksOfService.get(s.id) ?? [];
      const tasksByOverlay: OverlayCounts = {};
      for (const t of allTasks) if (!t.placeholder) inc(tasksByOverlay, taskOverlay(t));
      const serviceCollapsed = collapsed.has(s.id);
      const events = [...s.events].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
      nodes.push({
        id: s.id,
        kind: 'service',
        entityId: s.id,
        placeholder: s.placeholder,
        statusClass: serviceStatus(s, allTasks),
        collapsed: serviceCollapsed,
        hiddenCount: serviceCollapsed && tasks.length > 0 ? 1 + countNodes(tasks) : 0,
        collapsible: tasks.length > 0,
        width: SIZES.service.width,
        height: SIZES.service.height,
        data: {
          name: s.name,
          overlay: s.overlay,
          status: s.status,
          desired: s.desiredCount,
          running: s.runningCount,
          pending: s.pendingCount,
          placement: describeStrategy(s),
          taskDefinition: tdLabel(s.taskDefinitionId),
          deploying: s.deployments.filter((d) => d.source === 'deployment').length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'),
          eventCount: s.events.length,
          latestEvent: events[0]?.message,
          loadBalanced: s.loadBalancers.length > 0,
          tasksByOverlay,
        },
      });
      edge(key, s.id);
      if (!serviceCollapsed && tasks.length > 0) emitGroup(serviceTasksGroupId(s.id), 'service-tasks', `Tasks of ${s.name}`, tasks, s.id);
    }
    for (const [family, tasks] of families) emitGroup(familyGroupId(key, family), 'family', `family:${family}`, tasks, key);
    if (others.length > 0) emitGroup(clusterTasksGroupId(key), 'cluster-tasks', 'Tasks (no service or family)', others, key);
  }

  return { nodes, edges, legend };
}

/**
 * Ids of the nodes that hold the node of `id` (its task, box, service,
 * cluster), nearest first, so a selection from a panel can expand whatever
 * collapsed node hides it.
 */
export function ancestorIds(topology: Topology, id: string): string[] {
  const clusterIds = new Set(topology.clusters.map((c) => c.id));
  const serviceIds = new Set(topology.services.map((s) => s.id));
  const clusterKey = (clusterId: string | undefined) => (clusterId && clusterIds.has(clusterId) ? clusterId : UNKNOWN_CLUSTER_ID);
  const ofTask = (t: Task): string[] => {
    const key = clusterKey(t.clusterId);
    if (t.serviceId && serviceIds.has(t.serviceId)) return [serviceTasksGroupId(t.serviceId), t.serviceId, key];
    const family = familyOf(t);
    return [family ? familyGroupId(key, family) : clusterTasksGroupId(key), key];
  };
  for (const t of topology.tasks) {
    if (t.id === id) return ofTask(t);
    if (t.containers.some((c) => c.id === id)) return [t.id, ...ofTask(t)];
  }
  const service = topology.services.find((s) => s.id === id);
  if (service) return [clusterKey(service.clusterId)];
  return [];
}
