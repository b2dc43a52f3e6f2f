/**
 * What the filters keep and what counts as a problem, as pure predicates
 * over model objects. Both diagrams (hierarchy and placement) ask these, so
 * "problems only" means the same thing whichever view is on screen.
 */
import type { ContainerInstance, Service, Task, Topology } from '../model/types';
import { isProblemFinding } from '../findings/engine';
import { taskOverlay } from '../model/task-overlay';
import type { HealthFilter, LifecycleFilter, ViewFilters } from './view';

/** Facts about the load that a task's problems depend on (its host may be draining). */
export interface ProblemContext {
  /** Ids of container instances that are not ACTIVE (DRAINING, INACTIVE, …) or whose agent is disconnected. */
  troubledInstanceIds: ReadonlySet<string>;
  /** Ids of objects with a finding of warning or worse (shared/findings): problems too. */
  findingIds?: ReadonlySet<string>;
}

// Lifecycle states on the way up or down: counted as "pending" by the status filter.
const TRANSIENT = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);

/** Lifecycle of a task for the status filter: stopped, on its way (pending), running; undefined when unknown. */
export function taskLifecycle(task: Pick<Task, 'lastStatus'>): LifecycleFilter | undefined {
  const last = task.lastStatus?.toUpperCase();
  if (last === 'STOPPED') return 'stopped';
  if (last === 'RUNNING') return 'running';
  if (last && TRANSIENT.has(last)) return 'pending';
  return undefined;
}

/** Health of a task for the health filter; no health check reads as UNKNOWN. */
export function taskHealth(task: Pick<Task, 'healthStatus'>): HealthFilter {
  const h = task.healthStatus?.toUpperCase();
  return h === 'HEALTHY' || h === 'UNHEALTHY' ? h : 'UNKNOWN';
}

/** Why a container instance needs a look: not ACTIVE (DRAINING, …) or its agent disconnected. Empty when fine. */
export function instanceProblems(ci: Pick<ContainerInstance, 'status' | 'agentConnected' | 'placeholder'>): string[] {
  if (ci.placeholder) return [];
  const out: string[] = [];
  const status = ci.status?.toUpperCase();
  if (status && status !== 'ACTIVE') out.push(`instance ${status}`);
  if (ci.agentConnected === false) out.push('agent disconnected');
  return out;
}

/** The problem context of a load. */
export function problemContext(topology: Pick<Topology, 'containerInstances' | 'findings'>): ProblemContext {
  return {
    findingIds: new Set((topology.findings ?? []).filter(isProblemFinding).map((f) => f.objectId)),
    troubledInstanceIds: new Set(
      topology.containerInstances.filter((ci) => instanceProblems(ci).length > 0).map((ci) => ci.id),
    ),
  };
}

/**
 * Why a task needs a look: it or one of its containers is unhealthy, it
 * stopped with a reason, or its host is draining or lost its agent. Empty
 * when fine. Pending tasks are not problems by themselves: deployments make
 * them all day.
 */
export function taskProblems(task: Task, ctx: ProblemContext): string[] {
  const out: string[] = [];
  if (taskHealth(task) === 'UNHEALTHY') out.push('task unhealthy');
  for (const c of task.containers)
    if (c.healthStatus?.toUpperCase() === 'UNHEALTHY') out.push(`container ${c.name} unhealthy`);
  if (taskLifecycle(task) === 'stopped' && (task.stoppedReason || task.stopCode))
    out.push(`stopped: ${task.stoppedReason ?? task.stopCode}`);
  if (task.containerInstanceId && ctx.troubledInstanceIds.has(task.containerInstanceId))
    out.push('on a draining or disconnected host');
  return out;
}

/** Why a service needs a look: fewer running than desired, a failed deployment, or one still rolling out. Empty when fine. */
export function serviceProblems(service: Service): string[] {
  const out: string[] = [];
  if (service.placeholder) return out;
  if (
    service.desiredCount !== undefined &&
    service.runningCount !== undefined &&
    service.runningCount < service.desiredCount
  ) {
    out.push(`running ${service.runningCount} of ${service.desiredCount} desired`);
  }
  for (const d of service.deployments) {
    const state = d.rolloutState?.toUpperCase();
    if (state === 'FAILED')
      out.push(`deployment ${d.id} failed${d.rolloutStateReason ? `: ${d.rolloutStateReason}` : ''}`);
    else if (state === 'IN_PROGRESS') out.push(`deployment ${d.id} in progress`);
  }
  return out;
}

/** True when a filter keeps nothing out (the diagram shows everything). */
export function filtersActive(f: ViewFilters): boolean {
  return (
    f.overlays !== undefined ||
    (f.statuses?.length ?? 0) > 0 ||
    (f.health?.length ?? 0) > 0 ||
    (f.clusterIds?.length ?? 0) > 0 ||
    (f.serviceIds?.length ?? 0) > 0 ||
    f.problemsOnly === true ||
    (f.text?.trim() ?? '') !== ''
  );
}

function textMatcher(text: string | undefined): ((...values: (string | undefined)[]) => boolean) | null {
  const needle = text?.trim().toLowerCase();
  if (!needle) return null;
  return (...values) => values.some((v) => v !== undefined && v.toLowerCase().includes(needle));
}

/** The predicates of one set of filters, built once per graph. */
export interface FilterPredicates {
  /** Whether a task card stays. */
  task(task: Task): boolean;
  /** Whether a service stays even when none of its tasks do (it is itself a problem, or matched by name). */
  serviceAlone(service: Service): boolean;
  /** Whether a cluster may appear at all. */
  cluster(clusterId: string | undefined): boolean;
  /** Whether an empty host (container instance without kept tasks) stays in the placement view. */
  instanceAlone(ci: ContainerInstance): boolean;
  /** True when any filter is on. */
  active: boolean;
}

/** The filter predicates for `filters` over a load. */
export function filterPredicates(filters: ViewFilters, ctx: ProblemContext): FilterPredicates {
  const overlays = filters.overlays ? new Set(filters.overlays) : null;
  const statuses = filters.statuses?.length ? new Set(filters.statuses) : null;
  const health = filters.health?.length ? new Set(filters.health) : null;
  const clusters = filters.clusterIds?.length ? new Set(filters.clusterIds) : null;
  const services = filters.serviceIds?.length ? new Set(filters.serviceIds) : null;
  const matches = textMatcher(filters.text);
  const active = filtersActive(filters);
  const cluster = (clusterId: string | undefined): boolean =>
    !clusters || (clusterId !== undefined && clusters.has(clusterId));
  return {
    active,
    cluster,
    task(t) {
      if (!cluster(t.clusterId)) return false;
      if (services && !(t.serviceId && services.has(t.serviceId))) return false;
      if (overlays && !overlays.has(taskOverlay(t))) return false;
      if (statuses) {
        const life = taskLifecycle(t);
        if (!life || !statuses.has(life)) return false;
      }
      if (health && !health.has(taskHealth(t))) return false;
      if (filters.problemsOnly && taskProblems(t, ctx).length === 0 && !ctx.findingIds?.has(t.id)) return false;
      if (
        matches &&
        !matches(t.shortId, t.name, t.id, t.group, t.privateIp, ...t.containers.flatMap((c) => [c.name, c.image]))
      )
        return false;
      return true;
    },
    serviceAlone(s) {
      if (!active) return true;
      if (!cluster(s.clusterId)) return false;
      if (services && !services.has(s.id)) return false;
      if (overlays && !overlays.has(s.overlay)) return false;
      // A status or health filter is about tasks: a service with none of them left has nothing to show.
      if (statuses || health) return false;
      if (filters.problemsOnly && serviceProblems(s).length === 0 && !ctx.findingIds?.has(s.id)) return false;
      return matches ? matches(s.name, s.id) : true;
    },
    instanceAlone(ci) {
      if (!active) return true;
      if (!cluster(ci.clusterId)) return false;
      if (services || overlays || statuses || health || matches) return false;
      return filters.problemsOnly ? instanceProblems(ci).length > 0 || ctx.findingIds?.has(ci.id) === true : true;
    },
  };
}
