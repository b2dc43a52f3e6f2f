/**
 * What "Compare with…" and the timeline get back from where the loads are held (web mode's ingest worker): the
 * diff in ECS terms, its canvas form, and the input errors that stopped a comparison.
 */
import type { Diagnostic, Topology } from '../model/types';
import { compareLoads, type LoadDiff } from './compare-loads';
import type { TopologyDiff } from './diff-topology';
import { timelineOf, type Timeline } from './timeline';
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

/** The timeline answer: the steps and neighbour diffs, and the files that had errors (left out of the steps). */
export interface TimelineAnswer extends Timeline {
  errors: Diagnostic[];
}

/** The timeline of separately ingested loads, leaving out (and reporting) those with an input error. */
export function timelineAnswer(loads: { name: string; topology: Topology }[]): TimelineAnswer {
  const errors = loads.flatMap((l) => l.topology.diagnostics.filter((d) => d.severity === 'error'));
  const usable = loads.filter((l) => !l.topology.diagnostics.some((d) => d.severity === 'error'));
  return { ...timelineOf(usable), errors };
}
