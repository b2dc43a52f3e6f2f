/**
 * A LoadDiff as the canvas and the Changes panel show a diff (TopologyDiff): one row per object, its summaries
 * joined, removed objects under the parent still drawn. A deployment's changes are its service's.
 */
import type { EntityKind } from '../model/types';
import type { LoadDiff } from './compare-loads';
import type { ChangeType, EntityChange, TopologyDiff } from './diff-topology';

/** The canvas's view of `d`. */
export function toTopologyDiff(d: LoadDiff): TopologyDiff {
  const rows = new Map<string, EntityChange>();
  const put = (
    id: string,
    kind: EntityKind,
    name: string,
    change: ChangeType,
    summary: string,
    parentId?: string,
  ): void => {
    const key = `${change}:${id}`;
    const row = rows.get(key);
    if (row) {
      if (!row.summary.includes(summary)) row.summary = `${row.summary}, ${summary}`;
      return;
    }
    rows.set(key, { id, kind, name, change, summary, fields: [], ...(parentId ? { parentId } : {}) });
  };
  for (const a of d.added)
    if (a.kind === 'deployment') {
      if (a.serviceId) put(a.serviceId, 'service', a.name.split(' ')[0], 'changed', a.summary);
    } else put(a.objectId, a.kind, a.name, 'added', a.summary);
  // A stopped task's line already says its stop code, reason and exit codes.
  const stopped = new Set(
    d.changed.filter((c) => c.kind === 'task' && c.field === 'lastStatus' && c.to === 'STOPPED').map((c) => c.objectId),
  );
  for (const c of d.changed) {
    if (stopped.has(c.objectId) && c.field !== 'lastStatus') continue;
    if (c.kind === 'deployment') {
      if (c.serviceId) put(c.serviceId, 'service', c.name.split(' ')[0], 'changed', c.summary);
    } else if (!rows.has(`added:${c.objectId}`)) put(c.objectId, c.kind, c.name, 'changed', c.summary);
  }
  for (const r of d.removed)
    if (r.kind !== 'deployment') put(r.objectId, r.kind, r.name, 'removed', r.summary, r.parentId);
  const changes = [...rows.values()];
  const byId: Record<string, EntityChange> = {};
  const removedByParent: Record<string, EntityChange[]> = {};
  const counts: Record<ChangeType, number> = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) {
    // An object changed and gone at once cannot be: the first row of an id wins the mark.
    byId[c.id] ??= c;
    counts[c.change] += 1;
    if (c.change === 'removed' && c.parentId) (removedByParent[c.parentId] ??= []).push(c);
  }
  return {
    changes,
    byId,
    removedByParent,
    counts,
    ...(d.from.time ? { from: d.from.time } : {}),
    ...(d.to.time ? { to: d.to.time } : {}),
  };
}
