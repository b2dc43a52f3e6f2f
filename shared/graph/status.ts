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
