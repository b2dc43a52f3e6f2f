/**
 * The timeline of several loads (the history bundles, or the bundles opened together in web mode): the loads in
 * order of their data time, and what changed between each and the one before it.
 */
import type { Topology } from '../model/types';
import { compareLoads, type LoadDiff, type LoadTime } from './compare-loads';
import { dataTime } from '../render/caption';

/** One step of a timeline: a load's name and time. */
export interface TimelineStep {
  name: string;
  time: LoadTime;
}

/** The steps in time order and, for each step after the first, the diff from the step before. */
export interface Timeline {
  steps: TimelineStep[];
  /** `diffs[i]` is from `steps[i]` to `steps[i + 1]`. */
  diffs: LoadDiff[];
}

/** `loads` in data-time order (loads of unknown time keep their place after the timed ones), each with its time. */
export function orderByTime<L extends { name: string; topology: Topology }>(
  loads: readonly L[],
): (L & { time: LoadTime })[] {
  const timed = loads.map((l, index) => {
    const t = dataTime(l.topology);
    return { ...l, index, time: t ? { time: t.iso, source: t.source } : { time: null } } as const;
  });
  timed.sort((a, b) => {
    if (a.time.time && b.time.time) return a.time.time.localeCompare(b.time.time) || a.index - b.index;
    if (a.time.time) return -1;
    if (b.time.time) return 1;
    return a.index - b.index;
  });
  return timed.map(({ index: _index, ...rest }) => rest as unknown as L & { time: LoadTime });
}

/** Orders `loads` by data time and diffs neighbours. */
export function timelineOf(loads: readonly { name: string; topology: Topology }[]): Timeline {
  const timed = orderByTime(loads);
  const diffs: LoadDiff[] = [];
  for (let i = 1; i < timed.length; i += 1) diffs.push(compareLoads(timed[i - 1].topology, timed[i].topology));
  return { steps: timed.map((t) => ({ name: t.name, time: t.time })), diffs };
}
