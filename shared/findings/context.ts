/**
 * What every rule looks things up in, built once per run: objects by id, tasks by service and by host,
 * hosts by cluster, and the load's time.
 */
import type { Cluster, ContainerInstance, Service, Task, TaskDefinition, Topology } from '../model/types';
import { SOURCED_INSTANCE_TYPES, type InstanceTypeLimits } from './eni-limits';

/** Options of a findings run. */
export interface FindingOptions {
  /** Instance type limits for the awsvpc ENI check; the sourced table by default. */
  limits?: InstanceTypeLimits;
  /** The load's time (ms since epoch); by default the snapshot's fetch time, else the newest timestamp in it. */
  loadTime?: number;
}

/** Lookups shared by the rules. */
export interface FindingContext {
  topology: Topology;
  clusters: Map<string, Cluster>;
  services: Map<string, Service>;
  taskDefinitions: Map<string, TaskDefinition>;
  tasksByService: Map<string, Task[]>;
  tasksByHost: Map<string, Task[]>;
  hostsByCluster: Map<string, ContainerInstance[]>;
  hosts: Map<string, ContainerInstance>;
  limits: InstanceTypeLimits;
  loadTime?: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A task that holds resources now: not stopped and not on its way to stopping. */
export function isLive(t: Task): boolean {
  return t.lastStatus !== 'STOPPED' && t.desiredStatus !== 'STOPPED' && t.lastStatus !== 'DEPROVISIONING';
}

/** A task that is running (the rules on what runs read only these). */
export function isRunning(t: Task): boolean {
  return t.lastStatus === 'RUNNING' && t.desiredStatus !== 'STOPPED';
}

/**
 * The load's time when none is given: the snapshot's fetch time, else the newest timestamp the data holds
 * (a describe output is at least as new as the newest event or task in it). Files saved days ago are judged
 * at the moment they describe, not at the moment they are opened.
 */
function newestTime(t: Topology): number | undefined {
  if (t.fetchedAt && Number.isFinite(Date.parse(t.fetchedAt))) return Date.parse(t.fetchedAt);
  let newest: number | undefined;
  const see = (s: string | undefined) => {
    const v = s ? Date.parse(s) : NaN;
    if (Number.isFinite(v) && (newest === undefined || v > newest)) newest = v;
  };
  for (const s of t.services) {
    for (const e of s.events) see(e.createdAt);
    for (const d of s.deployments) see(d.updatedAt);
  }
  for (const task of t.tasks) {
    see(task.createdAt);
    see(task.startedAt);
    see(task.stoppedAt);
  }
  return newest;
}

/** Builds the lookups of one run. */
export function buildContext(topology: Topology, options: FindingOptions = {}): FindingContext {
  const tasksByService = new Map<string, Task[]>();
  const tasksByHost = new Map<string, Task[]>();
  const hostsByCluster = new Map<string, ContainerInstance[]>();
  for (const t of topology.tasks) {
    if (t.serviceId) push(tasksByService, t.serviceId, t);
    if (t.containerInstanceId) push(tasksByHost, t.containerInstanceId, t);
  }
  for (const ci of topology.containerInstances)
    if (ci.clusterId && !ci.placeholder) push(hostsByCluster, ci.clusterId, ci);
  return {
    topology,
    clusters: new Map(topology.clusters.map((c) => [c.id, c])),
    services: new Map(topology.services.map((s) => [s.id, s])),
    taskDefinitions: new Map(topology.taskDefinitions.map((d) => [d.id, d])),
    tasksByService,
    tasksByHost,
    hostsByCluster,
    hosts: new Map(topology.containerInstances.map((c) => [c.id, c])),
    limits: options.limits ?? SOURCED_INSTANCE_TYPES,
    // Only stuck-pending tasks need it: read the whole load's timestamps only then.
    get loadTime() {
      const value = options.loadTime ?? newestTime(topology);
      Object.defineProperty(this, 'loadTime', { value });
      return value;
    },
  };
}
