import { ENTITY_KIND_LABELS } from '../model/types';
import { taskOverlay } from '../model/task-overlay';
import type {
  CapacityProvider,
  Cluster,
  ContainerInstance,
  Diagnostic,
  EntityKind,
  LoadedFile,
  OverlayClass,
  Service,
  TargetGroup,
  Task,
  TaskDefinition,
  Topology,
} from '../model/types';
import {
  capacityProviderId,
  clusterId,
  containerInstanceId,
  parseArn,
  readEcsArn,
  serviceId,
  targetGroupId,
  taskDefinitionId,
  taskId,
  type Scope,
} from '../model/arn';
import type { RecordKind } from './detect';
import { readTaskDefinitionRef, type RawByKind, type RecordIdentity, type TaskSetOwner } from './identify';
import {
  normaliseCapacityProvider,
  normaliseCluster,
  normaliseContainerInstance,
  normaliseService,
  normaliseTargetGroup,
  normaliseTask,
  normaliseTaskDefinition,
  normaliseTaskSet,
  providerType,
  targetGroupName,
  type Identity,
} from './normalise';
import type { RawTaskSet } from './schemas';
import { serviceOfGroup } from './task-group';

/** One object after merging every file that described it. */
export interface MergedRecord {
  kind: RecordKind;
  identity: RecordIdentity;
  /** Validated in place, so it satisfies its kind's schema. */
  raw: Record<string, unknown>;
  sources: string[];
  /** The broken files it was recovered from (see `recoverJson`); absent when every file describing it was whole. */
  recoveredFrom?: string[];
}

/** A task set printed on its own, with the service it belongs to. */
export interface LooseTaskSet {
  owner: TaskSetOwner;
  raw: RawTaskSet;
  file: string;
  /** Read from a broken file (only commas missing or extra). */
  recovered?: boolean;
}

/** Everything the readers collected. */
export interface Collected {
  merged: MergedRecord[];
  listed: { arn: string; file: string }[];
  /** Task sets printed on their own; absent means none. */
  taskSets?: LooseTaskSet[];
  diagnostics: Diagnostic[];
  files: LoadedFile[];
  fetchedAt?: string;
}

/** Info diagnostics for placeholders are capped per kind: a list-tasks of 10,000 ARNs is one fact, not 10,000. */
const PLACEHOLDER_INFO_LIMIT = 20;

/** Holds the entities by id and makes placeholders for what is only referenced. */
class Linker {
  readonly clusters = new Map<string, Cluster>();
  readonly services = new Map<string, Service>();
  readonly tasks = new Map<string, Task>();
  readonly taskDefinitions = new Map<string, TaskDefinition>();
  readonly containerInstances = new Map<string, ContainerInstance>();
  readonly capacityProviders = new Map<string, CapacityProvider>();
  readonly targetGroups = new Map<string, TargetGroup>();
  readonly placeholderNotes = new Map<EntityKind, { count: number; notes: Diagnostic[] }>();
  /** Each map's objects in id order, as the last snapshot listed them (see `snapshot`). */
  readonly sorted = new Map<Map<string, { id: string }>, { id: string }[]>();
  // Thousands of tasks and deployments name the same few revisions: each reference is read once.
  private readonly taskDefinitionIds = new Map<string, string>();

  private note(kind: EntityKind, id: string, label: string, file: string): void {
    let entry = this.placeholderNotes.get(kind);
    if (!entry) {
      entry = { count: 0, notes: [] };
      this.placeholderNotes.set(kind, entry);
    }
    entry.count += 1;
    if (entry.notes.length < PLACEHOLDER_INFO_LIMIT) {
      const where = id.split('|').slice(1, 3).join(' ');
      entry.notes.push({
        severity: 'info',
        code: 'placeholder',
        message: `${ENTITY_KIND_LABELS[kind]} ${label} (${where}) is referenced but not described; drawn as a placeholder`,
        file,
        objectId: id,
      });
    }
  }

  // Copied, not pushed to: objects described in the same file share one sources array (see ingest's Collector).
  private touch(entity: { sources: string[] }, file: string): void {
    if (!entity.sources.includes(file)) entity.sources = [...entity.sources, file];
  }

  ensureCluster(scope: Scope, name: string, file: string): string {
    const id = clusterId(scope, name);
    const found = this.clusters.get(id);
    // The stored id, not the one just built: every reference then shares one string, and the new one dies young.
    if (found) return found.id;
    this.clusters.set(id, {
      id,
      kind: 'cluster',
      name,
      placeholder: true,
      sources: [file],
      region: scope.region,
      accountId: scope.accountId,
      arn: arnOf(scope, 'cluster', name),
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
    this.note('cluster', id, name, file);
    return id;
  }

  ensureService(scope: Scope, clusterName: string | undefined, name: string, file: string, arn?: string): string {
    const id = serviceId(scope, clusterName, name);
    const found = this.services.get(id);
    if (found) {
      this.touch(found, file);
      return found.id;
    }
    const cluster = clusterName ? this.ensureCluster(scope, clusterName, file) : undefined;
    this.services.set(id, {
      id,
      kind: 'service',
      name,
      placeholder: true,
      sources: [file],
      region: scope.region,
      accountId: scope.accountId,
      arn,
      clusterId: cluster,
      capacityProviderStrategy: [],
      overlay: 'UNKNOWN',
      deployments: [],
      events: [],
      loadBalancers: [],
    });
    this.note('service', id, clusterName ? `${name} (cluster ${clusterName})` : name, file);
    return id;
  }

  ensureTaskDefinition(ref: string | undefined, file: string): string | undefined {
    if (!ref) return undefined;
    const known = this.taskDefinitionIds.get(ref);
    if (known !== undefined) {
      this.touch(this.taskDefinitions.get(known)!, file);
      return known;
    }
    const parsed = readTaskDefinitionRef(ref);
    if (!parsed) return undefined;
    const id = taskDefinitionId(parsed.scope, parsed.family, parsed.revision);
    this.taskDefinitionIds.set(ref, id);
    const found = this.taskDefinitions.get(id);
    if (found) {
      this.touch(found, file);
      return id;
    }
    const name = parsed.revision === undefined ? parsed.family : `${parsed.family}:${parsed.revision}`;
    this.taskDefinitions.set(id, {
      id,
      kind: 'taskDefinition',
      name,
      placeholder: true,
      sources: [file],
      region: parsed.scope.region,
      accountId: parsed.scope.accountId,
      arn: ref.startsWith('arn:') ? ref : undefined,
      family: parsed.family,
      revision: parsed.revision,
      requiresCompatibilities: [],
      containerDefinitions: [],
    });
    this.note('taskDefinition', id, name, file);
    return id;
  }

  ensureContainerInstance(
    scope: Scope,
    shortId: string,
    file: string,
    cluster: string | undefined,
    arn?: string,
  ): string {
    const id = containerInstanceId(scope, shortId);
    const found = this.containerInstances.get(id);
    if (found) {
      found.clusterId ??= cluster;
      this.touch(found, file);
      return found.id;
    }
    this.containerInstances.set(id, {
      id,
      kind: 'containerInstance',
      name: shortId,
      placeholder: true,
      sources: [file],
      region: scope.region,
      accountId: scope.accountId,
      arn,
      clusterId: cluster,
      registered: {},
      remaining: {},
    });
    this.note('containerInstance', id, shortId, file);
    return id;
  }

  ensureCapacityProvider(scope: Scope, name: string, file: string): string {
    const id = capacityProviderId(scope, name);
    const found = this.capacityProviders.get(id);
    if (found) return found.id;
    this.capacityProviders.set(id, {
      id,
      kind: 'capacityProvider',
      name,
      placeholder: true,
      sources: [file],
      region: scope.region,
      accountId: scope.accountId,
      providerType: providerType(name),
    });
    this.note('capacityProvider', id, name, file);
    return id;
  }

  /**
   * The capacity provider a task or a service strategy names: a placeholder when it is not described.
   * FARGATE and FARGATE_SPOT are AWS's own: linked when described, never made up.
   */
  referCapacityProvider(scope: Scope, name: string, file: string): string | undefined {
    if (name === 'FARGATE' || name === 'FARGATE_SPOT')
      return this.capacityProviders.get(capacityProviderId(scope, name))?.id;
    return this.ensureCapacityProvider(scope, name, file);
  }

  ensureTargetGroup(arn: string, file: string): string {
    const id = targetGroupId(arn);
    const found = this.targetGroups.get(id);
    if (found) return found.id;
    const parsed = parseArn(arn);
    this.targetGroups.set(id, {
      id,
      kind: 'targetGroup',
      name: targetGroupName(arn),
      placeholder: true,
      sources: [file],
      arn,
      region: parsed?.region,
      accountId: parsed?.accountId,
      loadBalancerArns: [],
    });
    this.note('targetGroup', id, targetGroupName(arn), file);
    return id;
  }

  ensureTask(scope: Scope, shortId: string, clusterName: string | undefined, file: string, arn: string): string {
    const id = taskId(scope, shortId);
    const found = this.tasks.get(id);
    if (found) {
      this.touch(found, file);
      return id;
    }
    const cluster = clusterName ? this.ensureCluster(scope, clusterName, file) : undefined;
    this.tasks.set(id, {
      id,
      kind: 'task',
      name: shortId,
      shortId,
      placeholder: true,
      sources: [file],
      region: scope.region,
      accountId: scope.accountId,
      arn,
      clusterId: cluster,
      launchType: 'UNKNOWN',
      spot: false,
      containers: [],
    });
    this.note('task', id, shortId, file);
    return id;
  }
}

function arnOf(scope: Scope, type: string, name: string): string | undefined {
  return scope.region === '?' ? undefined : `arn:aws:ecs:${scope.region}:${scope.accountId}:${type}/${name}`;
}

function identityOf(m: MergedRecord): Identity {
  return {
    id: m.identity.id,
    arn: m.identity.arn,
    name: m.identity.name,
    scope: m.identity.scope,
    sources: m.sources,
    raw: m.raw,
    recoveredFrom: m.recoveredFrom,
  };
}

/** Overlay class of a capacity provider strategy, or null when the strategy says nothing. */
function strategyOverlay(
  items: { capacityProvider: string; weight?: number }[],
  providerKind: (name: string) => CapacityProvider['providerType'],
): OverlayClass | null {
  if (items.length === 0) return null;
  const kinds = items.map((i) => ({ kind: providerKind(i.capacityProvider), weight: i.weight ?? 0 }));
  if (kinds.every((k) => k.kind === 'FARGATE' || k.kind === 'FARGATE_SPOT')) {
    const weighted = kinds.filter((k) => k.weight > 0);
    return weighted.length > 0 && weighted.every((k) => k.kind === 'FARGATE_SPOT') ? 'FARGATE_SPOT' : 'FARGATE';
  }
  if (kinds.some((k) => k.kind === 'MANAGED_INSTANCES')) return 'MANAGED_INSTANCES';
  return 'EC2';
}

function explicitOverlay(launchType: string | undefined): OverlayClass | null {
  if (
    launchType === 'EC2' ||
    launchType === 'FARGATE' ||
    launchType === 'EXTERNAL' ||
    launchType === 'MANAGED_INSTANCES'
  )
    return launchType;
  return null;
}

function byId<T extends { id: string }>(map: Map<string, T>): T[] {
  // Keys are the ids: the default sort (UTF-16 order, as `<`) runs without calling back into a cold comparator.
  return [...map.keys()].sort().map((id) => map.get(id)!);
}

/**
 * Builds the linked model: normalises every merged record, resolves the
 * references DESIGN.md lists (cluster, service by group or deployment id, task
 * definition, host, capacity providers, target groups) and makes a placeholder
 * for every object only referenced or listed.
 */
export function buildTopology(input: Collected): Topology {
  return linkInStages(input, new Set()).finish(input);
}

/** The kinds a staged ingest reads and links last: what a first frame of the hierarchy does not draw. */
export const LINKED_LAST: ReadonlySet<RecordKind> = new Set(['task', 'taskDefinition', 'containerInstance']);

/**
 * `buildTopology` in two steps, for a caller that can use the topology before its tasks, task definitions and
 * hosts are linked (a big load's first frame, drawn while they are read): `head` is every other object (and the
 * placeholders they refer to, task definitions apart), each service's overlay said without its tasks' majority;
 * `finish` links the rest onto the same objects (the head's services get their final overlay) and gives exactly
 * what `buildTopology` gives.
 */
export interface LinkStages {
  /** The topology without what is linked last; asked before `finish` (buildTopology never asks: it sorts every list). */
  head(): Topology;
  /** Links what `rest.merged` holds of the kinds left for last, and `rest.listed`; `rest.diagnostics` are the whole load's. Once. */
  finish(rest: Collected): Topology;
}

/**
 * The first step of `buildTopology`: links what `input` holds but tasks and the kinds in `last` (LINKED_LAST
 * for a staged ingest, none for buildTopology). What the head refers to of those is linked in `finish` in the
 * order it was referred to, so the result is the same as linking everything in one go.
 */
export function linkInStages(input: Collected, last: ReadonlySet<RecordKind> = LINKED_LAST): LinkStages {
  const L = new Linker();
  // A merged record was validated in place against its kind's schema (see MergedRecord.raw), so its raw is that
  // kind's shape: said once here, for every kind, rather than cast at each use.
  // The merged records by kind, in one pass (60,000 records at 100k nodes, read once rather than once per kind).
  const grouped = (merged: MergedRecord[]) => {
    const byKind = new Map<RecordKind, MergedRecord[]>();
    for (const m of merged) {
      const list = byKind.get(m.kind);
      if (list) list.push(m);
      else byKind.set(m.kind, [m]);
    }
    return <K extends RecordKind>(kind: K) => (byKind.get(kind) ?? []) as (MergedRecord & { raw: RawByKind[K] })[];
  };
  const of = grouped(input.merged);
  const firstFile = (m: MergedRecord) => m.sources[0];

  const linkTaskDefinitions = (records: (MergedRecord & { raw: RawByKind['taskDefinition'] })[]) => {
    for (const m of records) {
      const family = m.identity.family ?? m.identity.name;
      L.taskDefinitions.set(m.identity.id, normaliseTaskDefinition(identityOf(m), m.raw, family, m.identity.revision));
    }
  };
  const linkContainerInstances = (records: (MergedRecord & { raw: RawByKind['containerInstance'] })[]) => {
    for (const m of records) {
      const ci = normaliseContainerInstance(identityOf(m), m.raw);
      if (m.identity.clusterName)
        ci.clusterId = L.ensureCluster(m.identity.scope, m.identity.clusterName, firstFile(m));
      L.containerInstances.set(ci.id, ci);
    }
  };
  // Task definitions the head refers to before they are linked: their ids now, the references in `finish`.
  const referred: [ref: string, file: string][] = [];
  const taskDefinitionOf = (file: string) =>
    last.has('taskDefinition')
      ? (ref: string | undefined) => {
          if (!ref) return undefined;
          referred.push([ref, file]);
          const parsed = readTaskDefinitionRef(ref);
          return parsed ? taskDefinitionId(parsed.scope, parsed.family, parsed.revision) : undefined;
        }
      : (ref: string | undefined) => L.ensureTaskDefinition(ref, file);

  for (const m of of('cluster')) L.clusters.set(m.identity.id, normaliseCluster(identityOf(m), m.raw));
  if (!last.has('taskDefinition')) linkTaskDefinitions(of('taskDefinition'));
  for (const m of of('capacityProvider'))
    L.capacityProviders.set(m.identity.id, normaliseCapacityProvider(identityOf(m), m.raw));
  for (const m of of('targetGroup')) L.targetGroups.set(m.identity.id, normaliseTargetGroup(identityOf(m), m.raw));
  if (!last.has('containerInstance')) linkContainerInstances(of('containerInstance'));
  // Hosts linked last still name their clusters now: a placeholder cluster is made where it would have been.
  else
    for (const m of of('containerInstance'))
      if (m.identity.clusterName) L.ensureCluster(m.identity.scope, m.identity.clusterName, firstFile(m));

  // Clusters name their capacity providers.
  for (const cluster of [...L.clusters.values()]) {
    if (cluster.placeholder) continue;
    const scope = { region: cluster.region ?? '?', accountId: cluster.accountId ?? '?' };
    for (const name of cluster.capacityProviders) L.ensureCapacityProvider(scope, name, cluster.sources[0]);
  }

  // Services: cluster, task definitions, target groups; index deployment ids for task linking.
  const deploymentIndex = new Map<string, string>();
  for (const m of of('service')) {
    const file = firstFile(m);
    const svc = normaliseService(identityOf(m), m.raw, taskDefinitionOf(file));
    if (m.identity.clusterName) svc.clusterId = L.ensureCluster(m.identity.scope, m.identity.clusterName, file);
    for (const lb of svc.loadBalancers)
      if (lb.targetGroupArn) lb.targetGroupId = L.ensureTargetGroup(lb.targetGroupArn, file);
    L.services.set(svc.id, svc);
  }
  for (const ts of input.taskSets ?? []) attachTaskSet(L, ts, taskDefinitionOf(ts.file));
  for (const svc of L.services.values()) {
    for (const d of svc.deployments) if (d.id) deploymentIndex.set(`${svc.clusterId ?? '?'}\u0000${d.id}`, svc.id);
    const scope = { region: svc.region ?? '?', accountId: svc.accountId ?? '?' };
    const file = svc.sources[0];
    for (const item of svc.capacityProviderStrategy) L.referCapacityProvider(scope, item.capacityProvider, file);
    for (const d of svc.deployments)
      for (const item of d.capacityProviderStrategy) L.referCapacityProvider(scope, item.capacityProvider, file);
  }

  let finished = false;
  const head = (): Topology => {
    if (finished) throw new Error('linkInStages: head asked after finish');
    setOverlays(L);
    return snapshot(L, [...input.diagnostics], input);
  };

  const finish = (rest: Collected): Topology => {
    if (finished) throw new Error('linkInStages: finish called twice');
    finished = true;
    const later = grouped(rest.merged);
    if (last.has('taskDefinition')) {
      linkTaskDefinitions(later('taskDefinition'));
      for (const [ref, file] of referred) L.ensureTaskDefinition(ref, file);
    }
    if (last.has('containerInstance')) linkContainerInstances(later('containerInstance'));
    for (const m of later('task')) {
      const file = firstFile(m);
      const raw = m.raw;
      const task = normaliseTask(identityOf(m), raw);
      const scope = m.identity.scope;
      if (m.identity.clusterName) task.clusterId = L.ensureCluster(scope, m.identity.clusterName, file);
      task.taskDefinitionId = L.ensureTaskDefinition(raw.taskDefinitionArn, file);
      if (task.capacityProviderName)
        task.capacityProviderId = L.referCapacityProvider(scope, task.capacityProviderName, file);
      const ci = raw.containerInstanceArn ? readEcsArn(raw.containerInstanceArn, 'container-instance') : null;
      if (ci)
        task.containerInstanceId = L.ensureContainerInstance(
          ci.scope,
          ci.name,
          file,
          task.clusterId,
          raw.containerInstanceArn,
        );
      const service = serviceOfGroup(task.group);
      if (service !== null) {
        task.serviceId = L.ensureService(scope, m.identity.clusterName, service, file);
      } else if (task.startedBy) {
        task.serviceId = deploymentIndex.get(`${task.clusterId ?? '?'}\u0000${task.startedBy}`);
      }
      L.tasks.set(task.id, task);
    }

    linkListed(L, rest.listed);
    setOverlays(L);

    const diagnostics = [...rest.diagnostics];
    for (const [kind, entry] of L.placeholderNotes) {
      diagnostics.push(...entry.notes);
      if (entry.count > entry.notes.length) {
        diagnostics.push({
          severity: 'info',
          code: 'placeholder',
          message: `${entry.count - entry.notes.length} more ${ENTITY_KIND_LABELS[kind]} placeholders not listed one by one`,
        });
      }
    }
    return snapshot(L, diagnostics, rest);
  };
  return { head, finish };
}

/** Service overlay: declared launch type, else its capacity provider strategy, else what its tasks run on, else the cluster default. */
function setOverlays(L: Linker): void {
  const kindOfProvider = (scope: Scope) => (name: string) =>
    L.capacityProviders.get(capacityProviderId(scope, name))?.providerType ?? providerType(name);
  const tasksByService = new Map<string, Task[]>();
  for (const t of L.tasks.values()) {
    if (!t.serviceId || t.placeholder) continue;
    const list = tasksByService.get(t.serviceId) ?? [];
    list.push(t);
    tasksByService.set(t.serviceId, list);
  }
  for (const svc of L.services.values()) {
    const scope = { region: svc.region ?? '?', accountId: svc.accountId ?? '?' };
    const cluster = svc.clusterId ? L.clusters.get(svc.clusterId) : undefined;
    svc.overlay =
      explicitOverlay(svc.launchType) ??
      strategyOverlay(svc.capacityProviderStrategy, kindOfProvider(scope)) ??
      majority((tasksByService.get(svc.id) ?? []).map(taskOverlay)) ??
      strategyOverlay(cluster?.defaultCapacityProviderStrategy ?? [], kindOfProvider(scope)) ??
      'UNKNOWN';
  }
}

/**
 * The linker's objects as a topology, each list in id order. The linker's maps only grow, so a list as long as
 * the one sorted for an earlier snapshot (the head's) is that one: not sorted again.
 */
function snapshot(L: Linker, diagnostics: Diagnostic[], input: Pick<Collected, 'files' | 'fetchedAt'>): Topology {
  const sorted = <T extends { id: string }>(map: Map<string, T>): T[] => {
    const before = L.sorted.get(map) as T[] | undefined;
    if (before?.length === map.size) return before;
    const list = byId(map);
    L.sorted.set(map, list);
    return list;
  };
  return {
    clusters: sorted(L.clusters),
    services: sorted(L.services),
    tasks: sorted(L.tasks),
    taskDefinitions: sorted(L.taskDefinitions),
    containerInstances: sorted(L.containerInstances),
    capacityProviders: sorted(L.capacityProviders),
    targetGroups: sorted(L.targetGroups),
    diagnostics,
    files: input.files,
    fetchedAt: input.fetchedAt,
  };
}

/**
 * Puts a task set printed on its own into its service's task sets (a placeholder service when the service is
 * not described). The same task set in the service's own `taskSets[]` is one: the later `updatedAt` wins.
 */
function attachTaskSet(
  L: Linker,
  ts: LooseTaskSet,
  taskDefinitionOf: (ref: string | undefined) => string | undefined,
): void {
  const { owner, file } = ts;
  const id = L.ensureService(owner.scope, owner.clusterName, owner.serviceName, file, owner.serviceArn);
  const svc = L.services.get(id)!;
  const set = normaliseTaskSet(ts.raw, taskDefinitionOf);
  const at = svc.deployments.findIndex((d) => d.source === 'taskSet' && d.id === set.id);
  if (at < 0) svc.deployments = [...svc.deployments, set];
  else if ((set.updatedAt ?? '') >= (svc.deployments[at].updatedAt ?? ''))
    svc.deployments = svc.deployments.map((d, i) => (i === at ? set : d));
  if (!svc.sources.includes(file)) svc.sources = [...svc.sources, file];
  if (ts.recovered && !svc.recoveredFrom?.includes(file)) svc.recoveredFrom = [...(svc.recoveredFrom ?? []), file];
}

function majority(values: OverlayClass[]): OverlayClass | null {
  if (values.length === 0) return null;
  const counts = new Map<OverlayClass, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** `list-*` ARNs become placeholders unless described elsewhere. */
function linkListed(L: Linker, listed: { arn: string; file: string }[]): void {
  for (const { arn, file } of listed) {
    const parsed = parseArn(arn);
    if (!parsed) continue;
    const scope = { region: parsed.region, accountId: parsed.accountId };
    switch (parsed.resourceType) {
      case 'cluster': {
        const ref = readEcsArn(arn, 'cluster');
        if (ref) L.ensureCluster(scope, ref.name, file);
        break;
      }
      case 'service': {
        const ref = readEcsArn(arn, 'service');
        if (!ref) break;
        if (!ref.clusterName) {
          // A short ARN does not say its cluster: it is a described service only if exactly one has that name here.
          const same = [...L.services.values()].filter(
            (s) =>
              !s.placeholder && s.name === ref.name && s.region === scope.region && s.accountId === scope.accountId,
          );
          if (same.length === 1) {
            if (!same[0].sources.includes(file)) same[0].sources = [...same[0].sources, file];
            break;
          }
        }
        L.ensureService(scope, ref.clusterName, ref.name, file, arn);
        break;
      }
      case 'task': {
        const ref = readEcsArn(arn, 'task');
        if (ref) L.ensureTask(scope, ref.name, ref.clusterName, file, arn);
        break;
      }
      case 'container-instance': {
        const ref = readEcsArn(arn, 'container-instance');
        if (ref)
          L.ensureContainerInstance(
            scope,
            ref.name,
            file,
            ref.clusterName ? L.ensureCluster(scope, ref.clusterName, file) : undefined,
            arn,
          );
        break;
      }
      case 'task-definition':
        L.ensureTaskDefinition(arn, file);
        break;
      default:
        break;
    }
  }
}
