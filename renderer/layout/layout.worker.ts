/**
 * The layout Web Worker: builds the graph from the view and lays it out off
 * the main thread. It keeps the last topology it was sent, so a view change
 * (collapse, filter, direction) sends only the view.
 */
import { buildGraph } from '../../shared/graph/build-graph';
import { layoutGraph } from '../../shared/layout/layout';
import type { Topology } from '../../shared/model/types';
import type { LayoutRequest, LayoutResponse } from './layout-worker-protocol';

let kept: { key: number; topology: Topology } | null = null;

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, topologyKey, topology, view, direction } = e.data;
  let response: LayoutResponse;
  try {
    if (topology) kept = { key: topologyKey, topology };
    // The client sends a topology with the first request for it, and requests arrive in order: a miss is a bug.
    if (!kept || kept.key !== topologyKey) throw new Error(`layout worker does not hold topology ${topologyKey}`);
    response = { id, ok: true, result: layoutGraph(buildGraph(kept.topology, view), direction) };
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
