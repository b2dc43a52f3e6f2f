/**
 * Which nodes the canvas draws bright, highlighted or dimmed: search hits
 * (and what holds them) while there is a query, else the focus of the
 * selection (its ancestors and descendants). Nothing is dimmed otherwise.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ancestorIds } from '../../shared/graph/build-graph';
import { drawnHolder, focusSet, litAround, searchEmphasis } from '../../shared/graph/emphasis';
import { drawnIdsOf, searchTopology, type SearchHit } from '../../shared/graph/search';
import { useDiagramStore } from '../store/diagram-store';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { ViewMode } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';
import {
  INDEX_OBJECTS_PER_STEP,
  topologyIndex,
  topologyIndexReady,
  topologyIndexSteps,
} from '../../shared/model/topology-index';

/** What the canvas needs to style nodes. */
export interface Emphasis {
  /** Nodes drawn at full strength; null when nothing is dimmed. */
  lit: ReadonlySet<string> | null;
  /** Search hits present in the graph (or the collapsed node hiding them). */
  hits: ReadonlySet<string>;
  /** The hit Enter moved to last. */
  current: string | null;
}

/** The search hits of the current query over the load. */
export function useSearchHits(): readonly SearchHit[] {
  const topology = useDiagramStore((s) => s.topology);
  // Deferred: a keystroke shows its letter at once, and the search (with the canvas's emphasis of its hits) is
  // made in a render React can drop for the next keystroke. A one-letter query of the 100,000-node account was
  // one 300-370 ms task of the keystroke itself.
  const search = useDeferredValue(useDiagramStore((s) => s.search));
  const mode = useDiagramStore((s) => s.view.mode);
  return useMemo(() => (topology ? searchTopology(topology, search, mode) : []), [topology, search, mode]);
}

/** Nothing dimmed, nothing ringed. */
const NO_EMPHASIS: Emphasis = { lit: null, hits: new Set<string>(), current: null };

/** A search's emphasis found in slices (`emphasisInSlices`), with what it was found for. */
interface Found {
  layout: LaidOutGraph;
  topology: Topology;
  mode: ViewMode;
  lit: Set<string>;
  shown: Set<string>;
}

/** The emphasis of the drawn graph. */
export function useEmphasis(): Emphasis {
  const topology = useDiagramStore((s) => s.topology);
  const layout = useDiagramStore((s) => s.layout);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const mode = useDiagramStore((s) => s.view.mode) ?? 'hierarchy';
  const searchIndex = useDiagramStore((s) => s.searchIndex);
  const hits = useSearchHits();
  // Many hits are lit in slices of the page's time, after the render: found in it, the 93,000 hits of a
  // one-letter query at 100,000 nodes made that render a 106 ms task. Until they are, the last query's stay.
  const sliced = layout !== null && topology !== null && hits.length > SLICED_EMPHASIS_HITS;
  const [found, setFound] = useState<Found | null>(null);
  useEffect(() => {
    if (!sliced || !layout || !topology) {
      setFound(null);
      return;
    }
    return emphasisInSlices(layout, topology, mode, hits, (e) => setFound({ layout, topology, mode, ...e }));
  }, [sliced, layout, topology, mode, hits]);
  const current = searchIndex >= 0 && searchIndex < hits.length ? hits[searchIndex].id : null;
  // The same object while the next query's are found (the canvas draws again only for a new one).
  const foundEmphasis = useMemo(
    (): Emphasis | null => found && { lit: found.lit, hits: found.shown, current },
    [found, current],
  );
  return useMemo(() => {
    if (!layout || !topology) return NO_EMPHASIS;
    if (hits.length > 0) {
      if (sliced)
        return foundEmphasis && found?.layout === layout && found.topology === topology && found.mode === mode
          ? foundEmphasis
          : NO_EMPHASIS;
      // A task definition or capacity provider hit lights what uses it (it has no box of its own). A hit hidden in
      // a collapsed node is drawn by its nearest shown holder (ancestorIds keeps each chain per load).
      const { lit, shown } = hitsEmphasis(layout, topology, mode, hits);
      // Only the hits themselves (or their collapsed holders) are highlighted; their holders stay undimmed.
      return { lit, hits: shown, current };
    }
    if (search(selectedId, layout))
      return { lit: focusSet(layout, selectedId as string), hits: new Set<string>(), current: null };
    return NO_EMPHASIS;
  }, [layout, topology, hits, selectedId, mode, current, sliced, found, foundEmphasis]);
}

function search(selectedId: string | null, layout: { nodes: readonly { id: string }[] }): boolean {
  return selectedId !== null && layout.nodes.some((n) => n.id === selectedId);
}

/** What the hits light and which nodes draw them, reading (and filling) the layout's drawn holders. */
export function hitsEmphasis(
  layout: LaidOutGraph,
  topology: Topology,
  mode: ViewMode,
  hits: readonly SearchHit[],
): { lit: Set<string>; shown: Set<string> } {
  const ids = drawnIdsOf(topology, hits);
  return searchEmphasis(layout, ids, (id) => ancestorIds(topology, id, mode), holdersMemo(layout, topology, mode));
}

/** Above this many hits, a search's emphasis is found in slices of the page's time (`emphasisInSlices`). */
export const SLICED_EMPHASIS_HITS = 10_000;

/** The most (ms) one slice of a search's emphasis works before it gives the page back. */
export const EMPHASIS_SLICE_MS = 8;

/**
 * `hitsEmphasis`, found in tasks of at most about `sliceMs` each (a timer apart, so input and frames go in
 * between), then handed to `done`. The model's index the holders are found through, when the idle warm-up has
 * not finished it, is built a step per task first. Returns a cancel.
 */
export function emphasisInSlices(
  layout: LaidOutGraph,
  topology: Topology,
  mode: ViewMode,
  hits: readonly SearchHit[],
  done: (emphasis: { lit: Set<string>; shown: Set<string> }) => void,
  { sliceMs = EMPHASIS_SLICE_MS, indexPerStep = INDEX_OBJECTS_PER_STEP } = {},
): () => void {
  const memo = holdersMemo(layout, topology, mode);
  const ancestors = (id: string) => ancestorIds(topology, id, mode);
  const indexSteps = topologyIndexReady(topology) ? [] : topologyIndexSteps(topology, indexPerStep);
  const shown = new Set<string>();
  let ids: string[] | null = null;
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    timer = undefined;
    if (!topologyIndexReady(topology)) (indexSteps.shift() ?? (() => topologyIndex(topology)))();
    else if (!ids) ids = drawnIdsOf(topology, hits);
    else {
      const until = performance.now() + sliceMs;
      while (next < ids.length) {
        const drawn = drawnHolder(layout, ids[next], ancestors, memo);
        if (drawn !== null) shown.add(drawn);
        next += 1;
        // The clock read once per 256 ids: reading it for each was a tenth of the work.
        if ((next & 255) === 0 && performance.now() >= until) break;
      }
      if (next >= ids.length) return done({ lit: litAround(layout, shown), shown });
    }
    timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => clearTimeout(timer);
}

// The node drawing each task and container of the load in a layout (drawnHolder's memo), per layout, for the
// load and view it was made for.
const holderMemos = new WeakMap<
  LaidOutGraph,
  { topology: Topology; mode: ViewMode; memo: Map<string, string | null> }
>();

function holdersMemo(layout: LaidOutGraph, topology: Topology, mode: ViewMode): Map<string, string | null> {
  const kept = holderMemos.get(layout);
  if (kept?.topology === topology && kept.mode === mode) return kept.memo;
  const memo = new Map<string, string | null>();
  holderMemos.set(layout, { topology, mode, memo });
  return memo;
}

/** Tasks whose drawn holders (theirs and their containers') are found at least per idle callback. */
const HOLDERS_AT_LEAST = 300;

/**
 * The most (ms) of one idle callback the canvas's warm-ups spend (these holders, the layout index), however long
 * the browser says it is idle: callbacks that used the whole 50 ms were 48-90 ms tasks after a 100,000-node load
 * (a collection inside some), close to the 100 ms a task may take.
 */
export const IDLE_STEP_MS = 16;

/** Whether an idle callback that started now may go on: the browser still idle, and IDLE_STEP_MS not yet spent. */
export function idleSlice(deadline: IdleDeadline): () => boolean {
  const until = performance.now() + IDLE_STEP_MS;
  return () => deadline.timeRemaining() > 1 && performance.now() < until;
}

/**
 * Finds, in idle time, the node drawing each task and container of `topology` in `layout`: the emphasis of a
 * one-letter query (93,000 hits on the 100,000-node account) then reads them rather than walking 93,000
 * holder chains (110-140 ms). Each idle callback works while the browser says it has time, up to
 * IDLE_STEP_MS. Returns a cancel.
 * The model's index the holders are found through comes first, a step (`indexPerStep` objects) per callback:
 * asked for unfinished, it is finished at once, and that was a 93 ms task right after a big load completed.
 */
export function warmDrawnHolders(
  layout: LaidOutGraph,
  topology: Topology,
  mode: ViewMode,
  indexPerStep = INDEX_OBJECTS_PER_STEP,
): () => void {
  const memo = holdersMemo(layout, topology, mode);
  const ancestors = (id: string) => ancestorIds(topology, id, mode);
  const tasks = topology.tasks;
  // Find's warm-up builds the same index in its own steps: whichever runs first, each step adds to one build.
  const indexSteps = topologyIndexSteps(topology, indexPerStep);
  let next = 0;
  let handle = 0;
  const step = (deadline: IdleDeadline) => {
    if (!topologyIndexReady(topology)) {
      (indexSteps.shift() ?? (() => topologyIndex(topology)))();
      handle = requestIdleCallback(step, { timeout: 5000 });
      return;
    }
    const goOn = idleSlice(deadline);
    const more = (n: number) => n < HOLDERS_AT_LEAST || goOn();
    for (let n = 0; next < tasks.length && more(n); n++, next++) {
      const task = tasks[next];
      drawnHolder(layout, task.id, ancestors, memo);
      for (const c of task.containers) drawnHolder(layout, c.id, ancestors, memo);
    }
    if (next < tasks.length) handle = requestIdleCallback(step, { timeout: 5000 });
  };
  handle = requestIdleCallback(step, { timeout: 5000 });
  return () => cancelIdleCallback(handle);
}
