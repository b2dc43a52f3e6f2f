/**
 * What changed between any two loads (raw describe-* files, folders, bundles, in any mix), in ECS terms, each
 * change with its value before and after, grouped per service like a deployment log.
 *
 * The rules (issue #19):
 * - objects are matched by their canonical model id, whatever ARN format named them;
 * - OLD and NEW are taken as given; the time of each is the export caption's `dataTime()` or unknown (null), and a
 *   warning says when OLD's time is later than NEW's;
 * - only kinds and clusters described in BOTH loads are compared: a NEW without a tasks file says nothing about
 *   tasks, so no task is "removed"; a cluster only one load describes is skipped (and said);
 * - "equal" means no change of the watched fields below: timestamps and service event lists alone do not count.
 *
 * Tasks are replaced, never moved: a service whose running tasks now use another image digest or tag, or sit in
 * other AZs or on other hosts, is reported on the service (images / availabilityZones / hosts), not on the tasks.
 */
import { ENTITY_KIND_NAMES, ENTITY_KINDS } from '../model/entity-kinds';
import type { EntityKind, Service, Task, Topology } from '../model/types';
import { maskSecrets } from '../redact/mask-secrets';
import { dataTime } from '../render/caption';
import type { DiffHighlight } from '../render/diff-highlight';
import {
  exitCodes,
  FIELD_LABELS,
  isLive,
  maskText,
  objectFacts,
  type DiffKind,
  type DiffValue,
  type ObjectFacts,
  type WatchList,
} from './object-facts';

/** Re-exported: the CLI and the history panel read a diff's kinds and values from here. */
export type { DiffKind, DiffValue };

/** An object only one of the loads has. */
export interface DiffObject {
  objectId: string;
  kind: DiffKind;
  name: string;
  /** "task started", "host added", "task gone", "deployment started (rev 42)". */
  summary: string;
  /** The service it belongs to (tasks, deployments), for the per-service log. */
  serviceId?: string;
  clusterId?: string;
  /** The nearest object drawn in NEW's diagram (a removed task's service or cluster), for the "gone" mark. */
  parentId?: string;
}

/** One watched field that differs. */
export interface DiffChange {
  objectId: string;
  kind: DiffKind;
  name: string;
  field: string;
  from: DiffValue;
  to: DiffValue;
  /** "desired count 2 → 4", "task stopped (EssentialContainerExited: …)". */
  summary: string;
  serviceId?: string;
  clusterId?: string;
}

/** The time of a load: the export caption's data time, or null when the data has none. */
export interface LoadTime {
  time: string | null;
  /** `fetched` (a bundle's fetchedAt) or `newest-in-data` (the newest timestamp found); absent when unknown. */
  source?: 'fetched' | 'newest-in-data';
}

/** The changes of one service (or of a cluster's hosts and standalone tasks), as a deployment log reads them. */
export interface DiffLogEntry {
  /** Service or cluster id. */
  objectId: string;
  kind: 'service' | 'cluster';
  name: string;
  /** "checkout: rev 41 → 42, 6 tasks replaced, 1 failed to start (CannotPullContainerError)". */
  headline: string;
  /** One line per change under the headline. */
  details: string[];
}

/** Everything that differs between two loads. */
export interface LoadDiff {
  from: LoadTime;
  to: LoadTime;
  /** OLD later than NEW, kinds or clusters only one side describes: said, never silently dropped. */
  warnings: string[];
  /** What was compared: kinds (and deployments) and cluster ids described in both. */
  compared: { kinds: DiffKind[]; clusters: string[] };
  added: DiffObject[];
  removed: DiffObject[];
  changed: DiffChange[];
  log: DiffLogEntry[];
  /** No change of the watched kinds and fields. */
  equal: boolean;
}

/** Which kinds a file shape describes (an empty `{"tasks": []}` still says "there are no tasks"). */
const SHAPE_KINDS = new Map<string, EntityKind>([
  ...ENTITY_KIND_NAMES.flatMap((kind) => ENTITY_KINDS[kind].wrappers.map((w) => [w.shape, kind] as const)),
  ['task-output', 'task'],
  ['service-output', 'service'],
  ['container-instance-output', 'containerInstance'],
  ['cluster-output', 'cluster'],
  ['capacity-provider-output', 'capacityProvider'],
  ['describe-task-definition', 'taskDefinition'],
  ['task-definition', 'taskDefinition'],
]);

type ListKey = 'clusters' | 'services' | 'tasks' | 'taskDefinitions' | 'containerInstances' | 'capacityProviders';
const LISTS: [EntityKind, ListKey | 'targetGroups'][] = [
  ['cluster', 'clusters'],
  ['service', 'services'],
  ['task', 'tasks'],
  ['taskDefinition', 'taskDefinitions'],
  ['containerInstance', 'containerInstances'],
  ['capacityProvider', 'capacityProviders'],
  ['targetGroup', 'targetGroups'],
];

/** The kinds a load describes: by its files' shapes (a bundle is a whole snapshot: every kind), and by any described object. */
export function describedKinds(t: Topology): Set<EntityKind> {
  const kinds = new Set<EntityKind>();
  for (const f of t.files) {
    if (f.shapes.includes('bundle')) for (const [k] of LISTS) kinds.add(k);
    for (const s of f.shapes) {
      const k = SHAPE_KINDS.get(s);
      if (k) kinds.add(k);
    }
  }
  for (const [kind, key] of LISTS) if (t[key].some((e) => !e.placeholder)) kinds.add(kind);
  return kinds;
}

/** The clusters a load describes: described clusters and the clusters of its described services, tasks and hosts. */
export function describedClusters(t: Topology): Set<string> {
  const ids = new Set<string>();
  for (const c of t.clusters) if (!c.placeholder) ids.add(c.id);
  for (const list of [t.services, t.tasks, t.containerInstances])
    for (const e of list) if (!e.placeholder && e.clusterId) ids.add(e.clusterId);
  return ids;
}

/** `family:rev` of a task definition id or ARN. */
function revisionOf(id: string | undefined): { family: string; revision: number } | undefined {
  const m = /([^/:]+):(\d+)$/.exec(id ?? '');
  return m ? { family: m[1], revision: Number(m[2]) } : undefined;
}

/** "CannotPullContainerError" of "CannotPullContainerError: pull image manifest …", else the stop code. */
function failureKey(t: Task): string {
  const reason = t.stoppedReason ?? t.containers.find((c) => c.reason)?.reason ?? '';
  const m = /^([A-Za-z]+(?:Error|Exception|Exited))\b/.exec(reason.trim());
  return m ? m[1] : (t.stopCode ?? (reason ? reason.slice(0, 60) : 'stopped'));
}

/** A task that stopped without ever running (the circuit breaker counts these). */
const failedToStart = (t: Task): boolean =>
  t.lastStatus === 'STOPPED' && (t.stopCode === 'TaskFailedToStart' || !t.startedAt);

function stopText(t: Task): string {
  const parts = [t.stopCode, t.stoppedReason ? maskText(t.stoppedReason) : undefined, exitCodes(t) ?? undefined];
  const said = parts.filter(Boolean);
  return said.length ? ` (${said.join('; ')})` : '';
}

// The fields compared per kind, in the order the changed rows list them. Timestamps and event lists are not
// watched: alone they do not make two loads differ (module comment).
const WATCHED = {
  cluster: ['status', 'capacityProviders', 'defaultCapacityProviderStrategy'],
  service: [
    'status',
    'desiredCount',
    'runningCount',
    'pendingCount',
    'taskDefinition',
    'launchType',
    'capacityProviderStrategy',
    'loadBalancers',
  ],
  deployment: [
    'status',
    'rolloutState',
    'taskDefinition',
    'desiredCount',
    'runningCount',
    'pendingCount',
    'failedTasks',
  ],
  task: ['lastStatus', 'desiredStatus', 'healthStatus', 'stopCode', 'stoppedReason', 'exitCodes'],
  containerInstance: ['status', 'agentConnected'],
  taskDefinition: ['status'],
  capacityProvider: ['status'],
  targetGroup: ['port', 'healthCheckPath'],
} as const satisfies WatchList;

// A service's images, AZs and hosts are read from its running tasks: only when both loads describe tasks.
const WATCHED_WITH_TASKS = {
  ...WATCHED,
  service: [...WATCHED.service, 'images', 'availabilityZones', 'hosts'],
} as const satisfies WatchList;

/** The described objects of `t` by id: one listed but not described is unknown here (see `listedA`/`listedB`), not absent. */
function factsOf(t: Topology, compareTasks: boolean): Map<string, ObjectFacts> {
  return objectFacts(t, compareTasks ? WATCHED_WITH_TASKS : WATCHED, {
    taskDefinition: 'family:rev',
    placeholders: 'skip',
  });
}

const KIND_WORD: Record<DiffKind, string> = {
  cluster: 'cluster',
  service: 'service',
  task: 'task',
  container: 'container',
  taskDefinition: 'task definition',
  containerInstance: 'host',
  capacityProvider: 'capacity provider',
  targetGroup: 'target group',
  deployment: 'deployment',
};

const show = (v: DiffValue): string => (v === null ? '—' : String(v));

function changeSummary(f: ObjectFacts, field: string, from: DiffValue, to: DiffValue, task?: Task): string {
  if (f.kind === 'task' && field === 'lastStatus' && to === 'STOPPED' && task) return `task stopped${stopText(task)}`;
  if (f.kind === 'containerInstance' && field === 'status') {
    if (to === 'DRAINING') return 'host drained (DRAINING)';
    if (to === 'INACTIVE' || to === 'DEREGISTERING') return `host deregistered (${to})`;
  }
  if (f.kind === 'deployment' && field === 'rolloutState') {
    if (to === 'COMPLETED') return 'deployment completed';
    if (to === 'FAILED') return 'deployment failed';
  }
  if (field === 'taskDefinition') {
    const a = revisionOf(String(from));
    const b = revisionOf(String(to));
    if (a && b && a.family === b.family) return `rev ${a.revision} → ${b.revision}`;
  }
  if (field === 'availabilityZones') return `tasks replaced: now in ${show(to)} (were in ${show(from)})`;
  if (field === 'hosts') return `tasks replaced: now on ${show(to)} (were on ${show(from)})`;
  if (field === 'images') return `tasks replaced: images ${show(from)} → ${show(to)}`;
  return `${FIELD_LABELS[field] ?? field} ${show(from)} → ${show(to)}`;
}

function addedSummary(f: ObjectFacts, task?: Task, svc?: Service): string {
  if (task) {
    if (task.lastStatus === 'STOPPED')
      return failedToStart(task)
        ? `task failed to start${stopText(task)}`
        : `task started and stopped${stopText(task)}`;
    return 'task started';
  }
  if (f.kind === 'deployment' && svc) {
    const rev = revisionOf(String(f.fields.taskDefinition ?? ''));
    return `deployment started${rev ? ` (rev ${rev.revision})` : ''}`;
  }
  return `${KIND_WORD[f.kind]} added`;
}

function removedSummary(f: ObjectFacts): string {
  if (f.kind === 'task') return 'task gone (stopped, or forgotten by ECS)';
  if (f.kind === 'containerInstance') return 'host deregistered (gone)';
  if (f.kind === 'deployment') return 'deployment ended';
  return `${KIND_WORD[f.kind]} removed`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** Compares OLD and NEW (taken by position) by the rules of the module comment. */
export function compareLoads(older: Topology, newer: Topology): LoadDiff {
  const timeOf = (t: Topology): LoadTime => {
    const d = dataTime(t);
    return d ? { time: d.iso, source: d.source } : { time: null };
  };
  const from = timeOf(older);
  const to = timeOf(newer);
  const warnings: string[] = [];
  if (from.time && to.time && Date.parse(from.time) > Date.parse(to.time))
    warnings.push(
      `OLD (${from.time}) is later than NEW (${to.time}): the changes read backwards; swap the two if that is not meant`,
    );
  if (!from.time || !to.time)
    warnings.push(`the time of ${!from.time && !to.time ? 'both loads' : !from.time ? 'OLD' : 'NEW'} is unknown`);

  const kindsA = describedKinds(older);
  const kindsB = describedKinds(newer);
  const kinds = new Set<DiffKind>([...kindsA].filter((k) => kindsB.has(k)));
  if (kinds.has('service')) kinds.add('deployment');
  for (const [k] of LISTS)
    if (kindsA.has(k) !== kindsB.has(k))
      warnings.push(
        `${KIND_WORD[k]}s are described only in ${kindsA.has(k) ? 'OLD' : 'NEW'}: not compared (no ${KIND_WORD[k]} counts as added or removed)`,
      );
  const clustersA = describedClusters(older);
  const clustersB = describedClusters(newer);
  const clusters = new Set([...clustersA].filter((c) => clustersB.has(c)));
  const clusterName = new Map([...older.clusters, ...newer.clusters].map((c) => [c.id, c.name]));
  for (const [side, ids, other] of [
    ['OLD', clustersA, clustersB],
    ['NEW', clustersB, clustersA],
  ] as const)
    for (const id of ids)
      if (!other.has(id))
        warnings.push(`cluster ${clusterName.get(id) ?? id} is described only in ${side}: not compared`);

  const compareTasks = kinds.has('task');
  const a = factsOf(older, compareTasks);
  const b = factsOf(newer, compareTasks);
  const inScope = (f: ObjectFacts): boolean =>
    kinds.has(f.kind) && (f.kind === 'cluster' ? clusters.has(f.id) : !f.clusterId || clusters.has(f.clusterId));
  const tasksA = new Map(older.tasks.map((x) => [x.id, x]));
  const tasksB = new Map(newer.tasks.map((x) => [x.id, x]));
  const servicesB = new Map(newer.services.map((s) => [s.id, s]));
  // Listed but not described in one load is unknown there, not absent.
  const listedA = new Set(LISTS.flatMap(([, key]) => older[key].map((e) => e.id)));
  const listedB = new Set(LISTS.flatMap(([, key]) => newer[key].map((e) => e.id)));

  const added: DiffObject[] = [];
  const removed: DiffObject[] = [];
  const changed: DiffChange[] = [];
  const ref = (f: ObjectFacts) => ({
    objectId: f.id,
    kind: f.kind,
    name: f.name,
    ...(f.serviceId ? { serviceId: f.serviceId } : {}),
    ...(f.clusterId ? { clusterId: f.clusterId } : {}),
  });

  for (const [id, now] of b) {
    if (!inScope(now)) continue;
    const was = a.get(id);
    if (!was) {
      if (listedA.has(id)) continue;
      added.push({
        ...ref(now),
        summary: addedSummary(now, tasksB.get(id), now.serviceId ? servicesB.get(now.serviceId) : undefined),
      });
      continue;
    }
    const task = tasksB.get(id);
    // A stopped task's reason, code and exit codes are said once, in its "stopped" line.
    const stoppedNow =
      now.kind === 'task' && now.fields.lastStatus === 'STOPPED' && was.fields.lastStatus !== 'STOPPED';
    for (const [field, after] of Object.entries(now.fields)) {
      const before = was.fields[field];
      if (before === after) continue;
      // A field one load lacks (not fetched, no tasks running) is unknown, not changed; a task's stop facts appear.
      const appears = now.kind === 'task' && before === undefined && after !== undefined;
      if ((before === undefined || after === undefined) && !appears) continue;
      if (stoppedNow && ['stopCode', 'stoppedReason', 'exitCodes', 'desiredStatus'].includes(field)) {
        changed.push({
          ...ref(now),
          field,
          from: before ?? null,
          to: after ?? null,
          summary: `${FIELD_LABELS[field] ?? field} ${show(before ?? null)} → ${show(after ?? null)}`,
        });
        continue;
      }
      changed.push({
        ...ref(now),
        field,
        from: before ?? null,
        to: after ?? null,
        summary: changeSummary(now, field, before ?? null, after ?? null, task),
      });
    }
  }
  for (const [id, was] of a) {
    if (!inScope(was) || b.has(id) || listedB.has(id)) continue;
    // The nearest object NEW draws, for the "gone" mark: one NEW only lists is drawn too (as a placeholder).
    let parent = was.parentId;
    while (parent && !b.has(parent) && !listedB.has(parent)) parent = a.get(parent)?.parentId;
    removed.push({ ...ref(was), summary: removedSummary(was), ...(parent ? { parentId: parent } : {}) });
  }

  const log = buildLog(older, newer, added, removed, changed, tasksA, tasksB);
  const masked = maskSecrets({ added, removed, changed, log });
  return {
    from,
    to,
    warnings,
    compared: { kinds: [...kinds], clusters: [...clusters].sort() },
    ...masked,
    equal: added.length === 0 && removed.length === 0 && changed.length === 0,
  };
}

function buildLog(
  older: Topology,
  newer: Topology,
  added: DiffObject[],
  removed: DiffObject[],
  changed: DiffChange[],
  tasksA: Map<string, Task>,
  tasksB: Map<string, Task>,
): DiffLogEntry[] {
  const services = new Map([...older.services, ...newer.services].map((s) => [s.id, s]));
  const clusters = new Map([...older.clusters, ...newer.clusters].map((c) => [c.id, c]));
  interface Group {
    objectId: string;
    kind: 'service' | 'cluster';
    name: string;
    head: string[];
    details: string[];
    started: number;
    stopped: number;
    failed: Map<string, number>;
  }
  const groups = new Map<string, Group>();
  const groupOf = (row: { serviceId?: string; clusterId?: string; kind: DiffKind; objectId: string }): Group => {
    const service = row.serviceId ? services.get(row.serviceId) : undefined;
    const key = service ? service.id : (row.clusterId ?? (row.kind === 'cluster' ? row.objectId : '(account)'));
    let g = groups.get(key);
    if (!g) {
      const cluster = clusters.get(key);
      g = {
        objectId: key,
        kind: service ? 'service' : 'cluster',
        name: service ? service.name : cluster ? `cluster ${cluster.name}` : key === '(account)' ? 'account' : key,
        head: [],
        details: [],
        started: 0,
        stopped: 0,
        failed: new Map(),
      };
      groups.set(key, g);
    }
    return g;
  };
  const ongoing = (t: Task | undefined): boolean => Boolean(t && isLive(t));

  for (const o of added) {
    const g = groupOf(o);
    const task = o.kind === 'task' ? tasksB.get(o.objectId) : undefined;
    if (task) {
      if (failedToStart(task)) {
        const key = failureKey(task);
        g.failed.set(key, (g.failed.get(key) ?? 0) + 1);
      } else if (isLive(task)) g.started += 1;
    } else if (o.kind === 'deployment' || o.kind === 'containerInstance')
      g.head.push(o.summary.replace(/^host/, `host ${o.name}`));
    g.details.push(`+ ${KIND_WORD[o.kind]} ${o.name}: ${o.summary}`);
  }
  for (const o of removed) {
    const g = groupOf(o);
    if (o.kind === 'task' && ongoing(tasksA.get(o.objectId))) g.stopped += 1;
    else if (o.kind === 'containerInstance') g.head.push(`host ${o.name} deregistered`);
    g.details.push(`- ${KIND_WORD[o.kind]} ${o.name}: ${o.summary}`);
  }
  const stoppedTasks = new Set(
    changed.filter((c) => c.kind === 'task' && c.field === 'lastStatus' && c.to === 'STOPPED').map((c) => c.objectId),
  );
  for (const c of changed) {
    const g = groupOf(c);
    // The "task stopped" line already says the stop code, reason and exit codes.
    if (stoppedTasks.has(c.objectId) && c.field !== 'lastStatus') continue;
    if (c.kind === 'task') {
      if (c.field === 'lastStatus' && c.to === 'STOPPED') {
        const task = tasksB.get(c.objectId);
        if (task && failedToStart(task)) {
          const key = failureKey(task);
          g.failed.set(key, (g.failed.get(key) ?? 0) + 1);
        } else if (ongoing(tasksA.get(c.objectId))) g.stopped += 1;
      }
    } else if (
      c.kind === 'service' &&
      ['taskDefinition', 'desiredCount', 'capacityProviderStrategy', 'loadBalancers'].includes(c.field)
    )
      g.head.push(c.field === 'desiredCount' ? `desired ${show(c.from)} → ${show(c.to)}` : c.summary);
    else if (c.kind === 'deployment' && c.field === 'rolloutState' && (c.to === 'COMPLETED' || c.to === 'FAILED'))
      g.head.push(c.summary);
    else if (c.kind === 'containerInstance' && c.field === 'status')
      g.head.push(`host ${c.name} ${c.summary.replace(/^host /, '')}`);
    else if (c.kind === 'cluster') g.head.push(c.summary);
    g.details.push(`~ ${KIND_WORD[c.kind]} ${c.name}: ${c.summary}`);
  }

  // A rollback: a service's task definition went back to an earlier revision of its family.
  for (const c of changed) {
    if (c.kind !== 'service' || c.field !== 'taskDefinition') continue;
    const from = revisionOf(String(c.from));
    const toRev = revisionOf(String(c.to));
    if (from && toRev && from.family === toRev.family && toRev.revision < from.revision) {
      const g = groupOf(c);
      g.head = g.head.map((h) => (h === c.summary ? `rolled back: rev ${from.revision} → ${toRev.revision}` : h));
    }
  }
  // A deployment whose rollout reason says ECS rolled back.
  for (const s of newer.services)
    for (const d of s.deployments)
      if (/roll(ed|ing)? ?back/i.test(d.rolloutStateReason ?? '') && groups.has(s.id)) {
        const g = groups.get(s.id)!;
        if (!g.head.some((h) => h.startsWith('rolled back'))) g.head.push('rolled back');
      }

  // What an operator did on purpose first: the revision, then the desired count.
  const rank = (h: string): number =>
    /^(rev |rolled back|task definition)/.test(h) ? 0 : h.startsWith('desired') ? 1 : 2;
  return [...groups.values()].map((g) => {
    const parts = [...g.head].sort((x, y) => rank(x) - rank(y));
    const replaced = Math.min(g.started, g.stopped);
    if (replaced) parts.push(`${plural(replaced, 'task')} replaced`);
    if (g.started > replaced) parts.push(`${plural(g.started - replaced, 'task')} started`);
    if (g.stopped > replaced) parts.push(`${plural(g.stopped - replaced, 'task')} stopped`);
    for (const [why, n] of g.failed) parts.push(`${n} failed to start (${why})`);
    for (const d of g.details)
      if (/^~ service [^:]*: tasks replaced: /.test(d)) parts.push(d.replace(/^~ service [^:]*: tasks replaced: /, ''));
    if (parts.length === 0) parts.push(plural(g.details.length, 'change'));
    return {
      objectId: g.objectId,
      kind: g.kind,
      name: g.name,
      headline: `${g.name}: ${parts.join(', ')}`,
      details: g.details,
    };
  });
}

/** The export's highlight of a diff on NEW's diagram: added and changed objects (a deployment marks its service), gone ones counted on their parent. */
export function diffHighlightOf(d: LoadDiff): DiffHighlight {
  const marks: Record<string, 'added' | 'changed'> = {};
  const gone: Record<string, number> = {};
  for (const a of d.added) {
    if (a.kind === 'deployment') {
      if (a.serviceId) marks[a.serviceId] ??= 'changed';
    } else marks[a.objectId] = 'added';
  }
  for (const c of d.changed) {
    const id = c.kind === 'deployment' ? c.serviceId : c.objectId;
    if (id) marks[id] ??= 'changed';
  }
  for (const r of d.removed) if (r.parentId && r.kind !== 'deployment') gone[r.parentId] = (gone[r.parentId] ?? 0) + 1;
  return { marks, gone };
}
