/**
 * What "Compare with…" and the timeline get back from where the loads are held (web mode's ingest worker): the
 * diff in ECS terms, its canvas form, and the input errors that stopped a comparison.
 */
import type { Diagnostic, Topology } from '../model/types';
import { compareLoads, type LoadDiff } from './compare-loads';
import type { TopologyDiff } from './diff-topology';
import { orderByTime, timelineOf, type Timeline } from './timeline';
import { mergeHistory } from './merge-history';
import { maskSecrets } from '../redact/mask-secrets';
import { toTopologyDiff } from './to-topology-diff';

/** The answer to "Compare with…": null diff when OLD had an error (a broken file would read as "all removed"). */
export interface CompareAnswer {
  diff: LoadDiff | null;
  changes: TopologyDiff | null;
  errors: Diagnostic[];
}

/** Compares OLD (`older`, just read) with the load on screen (`newer`), as `diff` does. */
export function compareAnswer(older: Topology, newer: Topology): CompareAnswer {
  const errors = older.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { diff: null, changes: null, errors };
  const diff = compareLoads(older, newer);
  return { diff, changes: toTopologyDiff(diff), errors: [] };
}

/** One piece of evidence the newest load no longer has: a task or a service event, as last seen. */
export interface EvidenceRow {
  kind: 'task' | 'event';
  /** Task short id, or the service's name for an event. */
  name: string;
  /** The task's last status, stop code and reason; the event's message. */
  detail: string;
  /** "last seen 2026-11-28T10:10:00.000Z (STOPPED)": never a current status. */
  label: string;
}

/** The timeline answer: the steps and neighbour diffs, the evidence only older loads hold, and the files that had errors (left out of the steps). */
export interface TimelineAnswer extends Timeline {
  evidence: EvidenceRow[];
  errors: Diagnostic[];
}

/** The timeline of separately ingested loads, leaving out (and reporting) those with an input error. */
export function timelineAnswer(loads: { name: string; topology: Topology }[]): TimelineAnswer {
  const errors = loads.flatMap((l) => l.topology.diagnostics.filter((d) => d.severity === 'error'));
  const usable = loads.filter((l) => !l.topology.diagnostics.some((d) => d.severity === 'error'));
  const ordered = orderByTime(usable);
  const merged = ordered.length > 0 ? mergeHistory(ordered.map((l) => l.topology)) : { tasks: [], events: [] };
  const evidence: EvidenceRow[] = [
    ...merged.tasks.map((e) => ({
      kind: 'task' as const,
      name: e.task.shortId,
      detail: [e.task.lastStatus, e.task.stopCode, e.task.stoppedReason].filter(Boolean).join(' · '),
      label: e.label,
    })),
    ...merged.events.map((e) => ({
      kind: 'event' as const,
      name: e.serviceName,
      detail: e.event.message,
      label: e.label,
    })),
  ];
  // Stop reasons and event messages are free text from AWS: masked by the one rule, as the CLI's values are.
  const masked = evidence.map((row) => ({ ...row, detail: maskSecrets({ command: row.detail }).command }));
  return { ...timelineOf(ordered), evidence: masked, errors };
}
