/**
 * The per-object facts a diff compares, read from a Topology in one place for both diffs: the refresh diff
 * (diff-topology.ts: the canvas after a Refresh) and the comparison of any two loads (compare-loads.ts: `diff`,
 * "Compare with…", the timeline). Each diff names the fields it watches per kind, in the order it lists them (a
 * `WatchList`); the walk over the model, each object's name and parents, and how each field is read live here.
 */
import type {
  CapacityProvider,
  CapacityProviderStrategyItem,
  Cluster,
  Container,
  ContainerInstance,
  Deployment,
  EntityKind,
  Service,
  ServiceLoadBalancer,
  TargetGroup,
  Task,
  TaskDefinition,
  Topology,
} from '../model/types';
import { maskSecrets } from '../redact/mask-secrets';

/** What a diff row is about: a model kind, or one deployment of a service. */
export type DiffKind = EntityKind | 'deployment';

/** A value before or after; null when the load did not say. */
export type DiffValue = string | number | boolean | null;

/** A watched field's value: a scalar, so before → after reads plainly; undefined when the load did not say. */
export type FactValue = string | number | boolean | undefined;

/** One object as a diff sees it: who it is, where it hangs, and its watched fields. */
export interface ObjectFacts<K extends DiffKind = DiffKind> {
  id: string;
  kind: K;
  name: string;
  /** Only listed or referenced, never described: its fields are unknown, so none are read. */
  placeholder: boolean;
  clusterId?: string;
  serviceId?: string;
  /** What it hangs under in the diagram: a service's cluster, a task's service (or cluster), a container's task. */
  parentId?: string;
  /** The watched fields, in the watch list's order (the order a diff lists its changes in). */
  fields: Record<string, FactValue>;
}

/** Free text from AWS (a stop reason, an image reference) masked by the one rule, as a command line is. */
export function maskText(value: string): string {
  return maskSecrets({ command: value }).command;
}

/** The last segment of an id or ARN ("checkout:42" of a task definition id); "—" for none. */
const short = (id: string | undefined): string => (id ? (id.split(/[|/]/).pop() ?? id) : '—');

const STOPPED_STATES = new Set(['STOPPED', 'DEPROVISIONING', 'STOPPING', 'DELETED']);

/** A task that runs or is on its way to run: not stopping, stopped, or told to stop. */
export const isLive = (t: Task): boolean => !STOPPED_STATES.has(t.lastStatus ?? '') && t.desiredStatus !== 'STOPPED';

/** "web=0, sidecar=137": the exit code of each container that has one; null when none has. */
export function exitCodes(t: Task): string | null {
  const codes = t.containers.filter((c) => c.exitCode !== undefined).map((c) => `${c.name}=${c.exitCode}`);
  return codes.length ? codes.join(', ') : null;
}

function strategyText(items: CapacityProviderStrategyItem[]): string | null {
  if (items.length === 0) return null;
  return items.map((i) => `${i.capacityProvider} weight ${i.weight ?? 0}${i.base ? ` base ${i.base}` : ''}`).join(', ');
}

function loadBalancersText(lbs: ServiceLoadBalancer[]): string {
  if (lbs.length === 0) return 'none';
  return lbs
    .map(
      (l) =>
        `${short(l.targetGroupArn ?? l.targetGroupId ?? l.loadBalancerName)} → ${l.containerName ?? '?'}:${l.containerPort ?? '?'}`,
    )
    .sort()
    .join(', ');
}

function rawContainers(t: Task): Record<string, unknown>[] {
  const list = t.raw?.containers;
  return Array.isArray(list) ? (list.filter((c) => c && typeof c === 'object') as Record<string, unknown>[]) : [];
}

/** "web nginx:1.25@sha256:0123456789ab": the image each container runs, with the digest ECS resolved (12 hex, as docker shows). */
function imagesOf(t: Task): string[] {
  const digests = new Map<string, string>();
  for (const c of rawContainers(t))
    if (typeof c.name === 'string' && typeof c.imageDigest === 'string') digests.set(c.name, c.imageDigest);
  return t.containers.map((c) => {
    const digest = digests.get(c.name);
    const shortDigest = digest ? digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]*$/i, '$1') : undefined;
    return `${c.name} ${c.image ?? '?'}${shortDigest ? `@${shortDigest}` : ''}`;
  });
}

/** The distinct values, sorted, said once: "eu-west-1a, eu-west-1b"; undefined when there are none. */
function joined(values: Iterable<string | undefined>): string | undefined {
  const list = [...new Set(values)].filter((v): v is string => Boolean(v)).sort();
  return list.length ? list.join(', ') : undefined;
}

/** How a diff wants some facts read (see `FactsOptions`), and what a service's task-derived fields need. */
interface Reading {
  taskDefinition: (id: string | undefined) => string | undefined;
  liveTasksOf: (serviceId: string) => Task[];
  hostName: (containerInstanceId: string) => string | undefined;
}

type Getter<E> = (e: E, r: Reading) => FactValue;

// How each field is read, per kind. A field is read only when a diff watches it.
const FIELDS = {
  cluster: {
    status: (c: Cluster) => c.status,
    capacityProviders: (c: Cluster) =>
      c.capacityProviders.length ? [...c.capacityProviders].sort().join(', ') : undefined,
    defaultCapacityProviderStrategy: (c: Cluster) => strategyText(c.defaultCapacityProviderStrategy) ?? undefined,
  },
  service: {
    status: (s: Service) => s.status,
    desiredCount: (s: Service) => s.desiredCount,
    runningCount: (s: Service) => s.runningCount,
    pendingCount: (s: Service) => s.pendingCount,
    taskDefinition: (s: Service, r: Reading) => r.taskDefinition(s.taskDefinitionId),
    launchType: (s: Service) => s.launchType,
    capacityProviderStrategy: (s: Service) =>
      strategyText(s.capacityProviderStrategy) ?? (s.launchType ? 'none' : undefined),
    loadBalancers: (s: Service) => (s.raw && 'loadBalancers' in s.raw ? loadBalancersText(s.loadBalancers) : undefined),
    // From the running tasks (undefined when none run): tasks are replaced, never moved, so a new image digest, AZ
    // or host of a service's tasks is news about the service.
    images: (s: Service, r: Reading) => joined(r.liveTasksOf(s.id).flatMap(imagesOf)),
    availabilityZones: (s: Service, r: Reading) => joined(r.liveTasksOf(s.id).map((x) => x.availabilityZone)),
    hosts: (s: Service, r: Reading) =>
      joined(r.liveTasksOf(s.id).map((x) => x.containerInstanceId && r.hostName(x.containerInstanceId))),
  },
  deployment: {
    status: (d: Deployment) => d.status,
    rolloutState: (d: Deployment) => d.rolloutState,
    taskDefinition: (d: Deployment, r: Reading) => r.taskDefinition(d.taskDefinitionId),
    desiredCount: (d: Deployment) => d.desiredCount,
    runningCount: (d: Deployment) => d.runningCount,
    pendingCount: (d: Deployment) => d.pendingCount,
    failedTasks: (d: Deployment) => d.failedTasks,
  },
  task: {
    lastStatus: (t: Task) => t.lastStatus,
    desiredStatus: (t: Task) => t.desiredStatus,
    healthStatus: (t: Task) => t.healthStatus,
    stopCode: (t: Task) => t.stopCode,
    stoppedReason: (t: Task) => (t.stoppedReason ? maskText(t.stoppedReason) : undefined),
    exitCodes: (t: Task) => exitCodes(t) ?? undefined,
  },
  container: {
    lastStatus: (c: Container) => c.lastStatus,
    healthStatus: (c: Container) => c.healthStatus,
    image: (c: Container) => c.image,
  },
  containerInstance: {
    status: (h: ContainerInstance) => h.status,
    agentConnected: (h: ContainerInstance) => h.agentConnected,
  },
  taskDefinition: { status: (td: TaskDefinition) => td.status },
  capacityProvider: { status: (cp: CapacityProvider) => cp.status },
  targetGroup: {
    port: (tg: TargetGroup) => tg.port,
    healthCheckPath: (tg: TargetGroup) => tg.healthCheckPath,
  },
} satisfies { [K in DiffKind]: Record<string, Getter<never>> };

/** A field of kind `K` that a diff can watch. */
export type FieldOf<K extends DiffKind> = keyof (typeof FIELDS)[K] & string;

/** The fields a diff watches per kind, in the order it lists them; a kind left out is not compared at all. */
export type WatchList = { readonly [K in DiffKind]?: readonly FieldOf<K>[] };

/** Where the two diffs read a fact differently on purpose. */
export interface FactsOptions {
  /**
   * A task definition as its model id (`taskDefinition|region|account|family:rev`) or as `family:rev`. The
   * comparison of loads prints `family:rev` in its rows, JSON and log and reads revisions from it. The refresh
   * diff carries the model id in its `FieldChange` values (its summary prints the id's last segment, `checkout:41`).
   */
  taskDefinition: 'model-id' | 'family:rev';
  /**
   * Whether objects only listed or referenced (placeholders) are in the answer. The refresh diff keeps them: one
   * only listed is still drawn, so a removed object's mark may hang on it, and listed-then-described is not
   * "added". The comparison of loads skips them and asks the model's lists instead ("listed in one load").
   */
  placeholders: 'keep' | 'skip';
}

/** The user-facing name of each watched field, for "desired count 2 → 4". */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'status',
  desiredCount: 'desired count',
  runningCount: 'running count',
  pendingCount: 'pending count',
  failedTasks: 'failed tasks',
  taskDefinition: 'task definition',
  launchType: 'launch type',
  capacityProviderStrategy: 'capacity provider strategy',
  defaultCapacityProviderStrategy: 'default capacity provider strategy',
  capacityProviders: 'capacity providers',
  loadBalancers: 'load balancers',
  images: 'images',
  image: 'image',
  availabilityZones: 'availability zones',
  hosts: 'hosts',
  lastStatus: 'status',
  desiredStatus: 'desired status',
  healthStatus: 'health',
  stopCode: 'stop code',
  stoppedReason: 'stopped reason',
  exitCodes: 'exit codes',
  rolloutState: 'rollout',
  agentConnected: 'agent connected',
  port: 'port',
  healthCheckPath: 'health check path',
};

function read<E>(getters: Record<string, Getter<E>>, watched: readonly string[], e: E, r: Reading) {
  const fields: Record<string, FactValue> = {};
  for (const name of watched) fields[name] = getters[name](e, r);
  return fields;
}

/**
 * The facts of every object of the watched kinds in `t` by id, in one fixed order: clusters; services, each
 * followed by its deployments; tasks, each followed by its containers; hosts; task definitions; capacity
 * providers; target groups. Deployments and containers come only from described services and tasks.
 */
export function objectFacts<W extends WatchList>(
  t: Topology,
  watch: W,
  options: FactsOptions,
): Map<string, ObjectFacts<keyof W & DiffKind>> {
  let live: Map<string, Task[]> | undefined;
  let hosts: Map<string, string> | undefined;
  const r: Reading = {
    taskDefinition: options.taskDefinition === 'family:rev' ? (id) => (id ? short(id) : undefined) : (id) => id,
    liveTasksOf: (serviceId) => {
      if (!live) {
        live = new Map();
        for (const task of t.tasks)
          if (!task.placeholder && task.serviceId && isLive(task))
            (live.get(task.serviceId) ?? live.set(task.serviceId, []).get(task.serviceId)!).push(task);
      }
      return live.get(serviceId) ?? [];
    },
    hostName: (id) => (hosts ??= new Map(t.containerInstances.map((h) => [h.id, h.ec2InstanceId ?? h.name]))).get(id),
  };
  const out = new Map<string, ObjectFacts>();
  const keep = options.placeholders === 'keep';
  const put = (f: ObjectFacts): void => {
    if (keep || !f.placeholder) out.set(f.id, f);
  };
  const fieldsOf = <E extends { placeholder: boolean }>(
    getters: Record<string, Getter<E>>,
    watched: readonly string[],
    e: E,
  ) => (e.placeholder ? {} : read(getters, watched, e, r));

  if (watch.cluster)
    for (const c of t.clusters)
      put({
        id: c.id,
        kind: 'cluster',
        name: c.name,
        placeholder: c.placeholder,
        clusterId: c.id,
        fields: fieldsOf(FIELDS.cluster, watch.cluster, c),
      });
  if (watch.service)
    for (const s of t.services) {
      put({
        id: s.id,
        kind: 'service',
        name: s.name,
        placeholder: s.placeholder,
        clusterId: s.clusterId,
        serviceId: s.id,
        parentId: s.clusterId,
        fields: fieldsOf(FIELDS.service, watch.service, s),
      });
      if (watch.deployment && !s.placeholder)
        for (const d of s.deployments)
          put({
            id: `${s.id}#${d.source}/${d.id}`,
            kind: 'deployment',
            name: `${s.name} ${d.id}`,
            placeholder: false,
            clusterId: s.clusterId,
            serviceId: s.id,
            parentId: s.id,
            fields: read(FIELDS.deployment, watch.deployment, d, r),
          });
    }
  if (watch.task)
    for (const task of t.tasks) {
      put({
        id: task.id,
        kind: 'task',
        name: task.shortId,
        placeholder: task.placeholder,
        clusterId: task.clusterId,
        serviceId: task.serviceId,
        parentId: task.serviceId ?? task.clusterId,
        fields: fieldsOf(FIELDS.task, watch.task, task),
      });
      if (watch.container && !task.placeholder)
        for (const c of task.containers)
          put({
            id: c.id,
            kind: 'container',
            name: c.name,
            placeholder: false,
            clusterId: task.clusterId,
            serviceId: task.serviceId,
            parentId: task.id,
            fields: read(FIELDS.container, watch.container, c, r),
          });
    }
  if (watch.containerInstance)
    for (const h of t.containerInstances)
      put({
        id: h.id,
        kind: 'containerInstance',
        name: h.ec2InstanceId ?? h.name,
        placeholder: h.placeholder,
        clusterId: h.clusterId,
        parentId: h.clusterId,
        fields: fieldsOf(FIELDS.containerInstance, watch.containerInstance, h),
      });
  const plain = [
    ['taskDefinition', t.taskDefinitions, FIELDS.taskDefinition, watch.taskDefinition],
    ['capacityProvider', t.capacityProviders, FIELDS.capacityProvider, watch.capacityProvider],
    ['targetGroup', t.targetGroups, FIELDS.targetGroup, watch.targetGroup],
  ] as const;
  for (const [kind, list, getters, watched] of plain)
    if (watched)
      for (const e of list)
        put({
          id: e.id,
          kind,
          name: e.name,
          placeholder: e.placeholder,
          fields: fieldsOf(getters as Record<string, Getter<typeof e>>, watched, e),
        });
  return out as Map<string, ObjectFacts<keyof W & DiffKind>>;
}
