/**
 * Merging a history keeps the evidence ECS drops: a stopped task vanishes from describe-tasks about an hour after
 * it stops, and a service keeps only its latest 100 events. Every task and service event seen in any snapshot
 * stays available here — but as evidence, marked "last seen <time>" with what it looked like then, in lists of
 * its own beside the newest snapshot. Nothing is put back into the current topology, so nothing pretends to be
 * current.
 */
import type { ServiceEvent, Task, Topology } from '../model/types';
import { dataTime } from '../render/caption';

/** A task the newest snapshot no longer has, as last seen. */
export interface TaskEvidence {
  task: Task;
  /** Time of the last snapshot that had it (null when that snapshot's time is unknown). */
  lastSeen: string | null;
  /** "last seen 2026-11-28T09:30:00.000Z (STOPPED)", never a current status. */
  label: string;
}

/** A service event the newest snapshot's 100 no longer include. */
export interface EventEvidence {
  serviceId: string;
  serviceName: string;
  event: ServiceEvent;
  lastSeen: string | null;
  label: string;
}

/** The newest snapshot and what the older ones saw that it no longer shows. */
export interface MergedHistory {
  current: Topology;
  /** Newest last seen first. */
  tasks: TaskEvidence[];
  /** Newest event first. */
  events: EventEvidence[];
}

const eventKey = (e: ServiceEvent): string => e.id ?? `${e.createdAt ?? ''}|${e.message}`;

/** Merges snapshots given oldest first; the last one is current. Throws on an empty list. */
export function mergeHistory(snapshots: readonly Topology[]): MergedHistory {
  const current = snapshots.at(-1);
  if (!current) throw new Error('mergeHistory needs at least one snapshot');
  const currentTasks = new Set(current.tasks.filter((t) => !t.placeholder).map((t) => t.id));
  const currentEvents = new Set(current.services.flatMap((s) => s.events.map((e) => `${s.id}#${eventKey(e)}`)));
  const tasks = new Map<string, TaskEvidence>();
  const events = new Map<string, EventEvidence>();
  // Oldest first, so a later sighting replaces an earlier one: the evidence is the last state seen.
  for (const snapshot of snapshots.slice(0, -1)) {
    const seen = dataTime(snapshot)?.iso ?? null;
    const when = seen ?? 'at an unknown time';
    for (const task of snapshot.tasks) {
      if (task.placeholder || currentTasks.has(task.id)) continue;
      tasks.set(task.id, { task, lastSeen: seen, label: `last seen ${when} (${task.lastStatus ?? 'status unknown'})` });
    }
    for (const s of snapshot.services)
      for (const event of s.events) {
        const key = `${s.id}#${eventKey(event)}`;
        if (currentEvents.has(key)) continue;
        events.set(key, { serviceId: s.id, serviceName: s.name, event, lastSeen: seen, label: `last seen ${when}` });
      }
  }
  const byTime = (a: string | null | undefined, b: string | null | undefined) =>
    (Date.parse(b ?? '') || 0) - (Date.parse(a ?? '') || 0);
  return {
    current,
    tasks: [...tasks.values()].sort((a, b) => byTime(a.lastSeen, b.lastSeen)),
    events: [...events.values()].sort((a, b) => byTime(a.event.createdAt, b.event.createdAt)),
  };
}
