/** The layout Web Worker: dagre off the main thread. */
import { layoutGraph } from '../../shared/layout/layout';
import type { LayoutRequest, LayoutResponse } from './layout-worker-protocol';

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, graph, direction } = e.data;
  let response: LayoutResponse;
  try {
    response = { id, ok: true, result: layoutGraph(graph, direction) };
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
