/**
 * Build and layout for the views of one load, keeping between calls what a
 * view change leaves alone: the topology's facts for the graph build (see
 * GraphCache) and the compact layout's blocks (see LayoutCache). An expand or
 * collapse then rebuilds the nodes and re-packs only the blocks on the path
 * from what changed to the root. The workers hold one per load.
 */
import { buildGraph, createGraphCache } from '../graph/build-graph';
import type { Graph, LaidOutGraph } from '../graph/types';
import type { Direction, ViewState } from '../graph/view';
import type { Topology } from '../model/types';
import { createLayoutCache, layoutGraph, type LayoutCache } from './layout';

/** Lays out views of one topology, reusing the work of earlier calls. */
export interface LayoutSession {
  /** Exactly `layoutGraph(buildGraph(topology, view), direction, { aspect: view.aspect })`. The topology must not be changed between calls. */
  layOut(topology: Topology, view: ViewState, direction: Direction): LaidOutGraph;
  /** `layOut` in two steps, for a caller with something to do in between (the graph's legend is known before it is laid out). */
  build(topology: Topology, view: ViewState): Graph;
  /** Lays out a graph `build` made. */
  place(graph: Graph, direction: Direction): LaidOutGraph;
  /** The layout cache, whose `compact.stats` say what the last call re-packed (tests, benchmarks). */
  readonly layoutCache: LayoutCache;
}

/** A session for one load: a new load (another topology) wants a new one. */
export function createLayoutSession(): LayoutSession {
  const graphCache = createGraphCache();
  const layoutCache = createLayoutCache();
  const build = (topology: Topology, view: ViewState): Graph => buildGraph(topology, view, { cache: graphCache });
  const place = (graph: Graph, direction: Direction): LaidOutGraph =>
    layoutGraph(graph, direction, { cache: layoutCache });
  return {
    layoutCache,
    build,
    place,
    // The view's aspect is the pane's: the app packs to it (exports call layoutGraph with none, 1.6).
    layOut: (topology, view, direction) =>
      layoutGraph(build(topology, view), direction, { cache: layoutCache, aspect: view.aspect }),
  };
}
