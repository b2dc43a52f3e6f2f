/**
 * What changed between two snapshots of the same account: objects added,
 * removed, or changed in a way an operator watches (a task started or
 * stopped, a status or health changed, a desired count changed). Ids are the
 * model ids, which are also the diagram's node ids, so the renderer highlights
 * `byId` directly; removed objects are not in the new diagram, so each names
 * the parent that is (`parentId`) to carry a "gone" badge.
 */
import { ENTITY_KIND_LABELS, type EntityKind, type Topology } from '../model/types';
import { FIELD_LABELS, objectFacts, type FactValue, type ObjectFacts, type WatchList } from './object-facts';

/** Whether an object is new, gone, or there in both with a watched field changed. */
export type ChangeType = 'added' | 'removed' | 'changed';

/** A watched field that differs. */
export interface FieldChange {
  field: string;
  before?: string | number | boolean;
  after?: string | number | boolean;
}

/** One object that changed between the snapshots. */
export interface EntityChange {
  id: string;
  kind: EntityKind;
  name: string;
  change: ChangeType;
  /** Short text for a tooltip or the changes list, e.g. "task stopped", "desired count 2 → 4". */
  summary: string;
  fields: FieldChange[];
  /** The nearest object that is in the new diagram (service or cluster of a task, task of a container). */
  parentId?: string;
}

/** Every change between two snapshots. */
export interface TopologyDiff {
  changes: EntityChange[];
  /** Added and changed objects by id (those are in the new diagram), removed ones by id too. */
  byId: Record<string, EntityChange>;
  /** Removed objects grouped under the parent still in the new diagram. */
  removedByParent: Record<string, EntityChange[]>;
  counts: Record<ChangeType, number>;
  /** `fetchedAt` of the two snapshots, when they had one. */
  from?: string;
  to?: string;
}

// The fields an operator watches per kind, in the order a summary lists them. Counts that follow from tasks (a
// cluster's running count) are left out: the tasks themselves carry that change, and a cluster lit up by every task
// start would hide the signal. A container's image is read as the task names it, without the digest ECS resolved:
// a container never changes digest (a new one comes with a new task, which this diff shows as started and gone).
const WATCHED = {
  cluster: ['status'],
  service: ['status', 'desiredCount', 'runningCount', 'pendingCount', 'taskDefinition'],
  task: ['lastStatus', 'healthStatus', 'desiredStatus'],
  container: ['lastStatus', 'healthStatus', 'image'],
  containerInstance: ['status', 'agentConnected'],
} as const satisfies WatchList;

type Comparable = ObjectFacts<keyof typeof WATCHED>;

function comparables(t: Topology): Map<string, Comparable> {
  return objectFacts(t, WATCHED, { taskDefinition: 'model-id', placeholders: 'keep' });
}

// The last segment of an ARN or of a model id: a task definition reads `checkout:42`, not
// `taskDefinition|eu-west-1|111122223333|checkout:42` (the field keeps the id, for the canvas to link).
const show = (v: FactValue) => (v === undefined ? '—' : (String(v).split(/[/|]/).pop() ?? String(v)));

function summaryOf(kind: EntityKind, change: ChangeType, fields: FieldChange[], status: FactValue): string {
  if (kind === 'task' || kind === 'container') {
    const label = ENTITY_KIND_LABELS[kind];
    if (change === 'added') return status === 'STOPPED' ? `${label} stopped` : `${label} started`;
    if (change === 'removed') return `${label} gone (stopped)`;
    const last = fields.find((f) => f.field === 'lastStatus');
    if (last?.after === 'STOPPED') return `${label} stopped`;
    if (last?.after === 'RUNNING') return `${label} started`;
  }
  if (change === 'added') return `${ENTITY_KIND_LABELS[kind]} added`;
  if (change === 'removed') return `${ENTITY_KIND_LABELS[kind]} removed`;
  // The desired count first: it is the change an operator made on purpose.
  const ordered = [...fields].sort((a, b) => Number(b.field === 'desiredCount') - Number(a.field === 'desiredCount'));
  return ordered.map((f) => `${FIELD_LABELS[f.field] ?? f.field} ${show(f.before)} → ${show(f.after)}`).join(', ');
}

/** Compares two snapshots of an account: `before` is what was shown, `after` the refresh. */
export function diffTopology(before: Topology, after: Topology): TopologyDiff {
  const a = comparables(before);
  const b = comparables(after);
  const changes: EntityChange[] = [];
  const record = (c: Comparable, change: ChangeType, fields: FieldChange[]) =>
    changes.push({
      id: c.id,
      kind: c.kind,
      name: c.name,
      change,
      summary: summaryOf(c.kind, change, fields, c.fields.lastStatus),
      fields,
      ...(c.parentId ? { parentId: c.parentId } : {}),
    });

  for (const [id, now] of b) {
    if (now.placeholder) continue;
    const was = a.get(id);
    // Only listed before and described now is not news: it was there, just not looked at.
    if (!was) {
      record(now, 'added', []);
      continue;
    }
    if (was.placeholder) continue;
    const fields: FieldChange[] = [];
    // The kind's watched names, not Object.entries: no array of pairs per object (150,000 objects at 50k nodes).
    for (const field of WATCHED[now.kind]) {
      const after = now.fields[field];
      const prior = was.fields[field];
      // A field one snapshot lacks (not fetched) is unknown, not changed.
      if (prior === undefined || after === undefined || prior === after) continue;
      fields.push({ field, before: prior, after });
    }
    if (fields.length) record(now, 'changed', fields);
  }
  for (const [id, was] of a) {
    if (was.placeholder || b.has(id)) continue;
    // A container of a removed task is not news of its own.
    if (was.kind === 'container' && was.parentId && !b.has(was.parentId)) continue;
    record(was, 'removed', []);
  }

  const byId: Record<string, EntityChange> = {};
  const removedByParent: Record<string, EntityChange[]> = {};
  for (const c of changes) {
    byId[c.id] = c;
    if (c.change === 'removed') {
      // Climb to the nearest ancestor that is still in the new diagram.
      let parent = c.parentId;
      while (parent && !b.has(parent)) parent = a.get(parent)?.parentId;
      if (parent) (removedByParent[parent] ??= []).push(c);
    }
  }
  const counts: Record<ChangeType, number> = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.change] += 1;
  return {
    changes,
    byId,
    removedByParent,
    counts,
    ...(before.fetchedAt ? { from: before.fetchedAt } : {}),
    ...(after.fetchedAt ? { to: after.fetchedAt } : {}),
  };
}
