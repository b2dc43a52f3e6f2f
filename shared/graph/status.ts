/**
 * Reduces ECS status fields to the few status classes the theme draws, so the
 * rules ("UNHEALTHY beats RUNNING", "STOPPING is in transit") live in one place.
 */
import type { Cluster, Container, Service, Task } from '../model/types';
import type { StatusClass } from '../theme/theme';

// Transitional states: the task is on its way up or down, drawn dimmed with a clock.
const TRANSIENT = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);

/** Status class of a task from lastStatus and healthStatus. */
export function taskStatus(task: Pick<Task, 'lastStatus' | 'healthStatus'>): StatusClass {
  const last = task.lastStatus?.toUpperCase();
  if (last === 'STOPPED') return 'stopped';
  if (task.healthStatus?.toUpperCase() === 'UNHEALTHY') return 'unhealthy';
  if (last && TRANSIENT.has(last)) return 'pending';
  if (last === 'RUNNING') return 'running';
  return 'unknown';
}

/** Status class of a container; a non-zero exit code of a stopped container is still "stopped". */
export function containerStatus(container: Pick<Container, 'lastStatus' | 'healthStatus'>): StatusClass {
  return taskStatus(container);
}

/** Status class of a service: unhealthy when one of its tasks is, stopped when INACTIVE/DRAINING. */
export function serviceStatus(service: Pick<Service, 'status'>, tasks: readonly Task[]): StatusClass {
  const status = service.status?.toUpperCase();
  if (status === 'INACTIVE' || status === 'DRAINING') return 'stopped';
  if (tasks.some((t) => taskStatus(t) === 'unhealthy')) return 'unhealthy';
  return status === 'ACTIVE' || tasks.length > 0 ? 'running' : 'unknown';
}

/** Status class of a cluster. */
export function clusterStatus(cluster: Pick<Cluster, 'status'>): StatusClass {
  const status = cluster.status?.toUpperCase();
  if (status === 'INACTIVE' || status === 'DEPROVISIONING') return 'stopped';
  if (status === 'PROVISIONING') return 'pending';
  return status ? 'running' : 'unknown';
}

/** True for a task an operator should look at first. */
export function needsAttention(task: Pick<Task, 'lastStatus' | 'healthStatus'>): boolean {
  const s = taskStatus(task);
  return s === 'unhealthy' || s === 'stopped' || s === 'pending';
}

/** The container that explains a task's trouble: its name, and the reason, exit code or health ECS gave it. */
export interface ContainerProblem {
  name: string;
  reason?: string;
  exitCode?: number;
  healthStatus?: string;
}

// How telling a container's state is: a reason (CannotPullContainerError, OutOfMemoryError…) says why, a non-zero
// exit code says that it failed, UNHEALTHY says that its health check does. 0 = nothing to tell.
function problemRank(c: Container): number {
  if (c.reason) return 3;
  if (c.exitCode !== undefined && c.exitCode !== 0) return 2;
  if (c.healthStatus?.toUpperCase() === 'UNHEALTHY') return 1;
  return 0;
}

/**
 * The first container of a task that stopped with a reason or a non-zero exit code, or is unhealthy (in that
 * order of preference: a sidecar stopped after the essential container failed says less than the one that
 * failed); undefined when every container is fine (a batch job's containers that exited 0 are fine) and for a
 * stopped task that did not fail (see `taskFailed`).
 */
export function containerProblem(
  task: Pick<Task, 'containers' | 'lastStatus' | 'healthStatus' | 'stopCode' | 'stoppedReason'>,
): ContainerProblem | undefined {
  // A task a scale-in or a deployment stopped did not fail: its containers' exit 143 (SIGTERM) is no cause.
  if (taskStatus(task) === 'stopped' && !taskFailed(task)) return undefined;
  let best: Container | undefined;
  for (const c of task.containers) if (problemRank(c) > (best ? problemRank(best) : 0)) best = c;
  if (!best) return undefined;
  return {
    name: best.name,
    ...(best.reason ? { reason: best.reason } : {}),
    ...(best.exitCode !== undefined ? { exitCode: best.exitCode } : {}),
    ...(best.healthStatus?.toUpperCase() === 'UNHEALTHY' ? { healthStatus: 'UNHEALTHY' } : {}),
  };
}

// Stop codes that mean the task itself failed; UserInitiated and ServiceSchedulerInitiated (scale-in, a deployment
// replacing it) do not, unless the reason says a health check failed. Codes: the StopCode enum of the ECS API's Task.
const FAILED_STOP_CODES = new Set(['TASKFAILEDTOSTART', 'ESSENTIALCONTAINEREXITED']);
const FAILED_REASON = /fail|unhealthy|error|killed|out ?of ?memory/i;

/**
 * True for a stopped task that failed: it did not start, its essential container exited, ECS stopped it for a
 * failed health check, or a container stopped with a reason. A task stopped by a user or by the scheduler
 * (scale-in, a deployment replacing it) did not fail, even when its containers exited 143 on SIGTERM.
 */
export function taskFailed(
  task: Pick<Task, 'lastStatus' | 'healthStatus' | 'stopCode' | 'stoppedReason' | 'containers'>,
): boolean {
  if (taskStatus(task) !== 'stopped') return false;
  if (task.stopCode && FAILED_STOP_CODES.has(task.stopCode.toUpperCase())) return true;
  if (task.stoppedReason && FAILED_REASON.test(task.stoppedReason)) return true;
  if (task.containers.some((c) => c.reason)) return true;
  // Without a stop code, a failed exit is the only sign left.
  return !task.stopCode && task.containers.some((c) => c.exitCode !== undefined && c.exitCode !== 0);
}

/** The task card's container line: "app · exit 1 · CannotPullContainerError: …" (name and exit first: the reason is what gets cut). */
export function containerProblemText(problem: ContainerProblem): string {
  return [
    problem.name,
    problem.exitCode !== undefined ? `exit ${problem.exitCode}` : undefined,
    problem.reason ?? (problem.healthStatus ? 'UNHEALTHY' : undefined),
  ]
    .filter(Boolean)
    .join(' · ');
}
