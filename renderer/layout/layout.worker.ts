/**
 * The layout Web Worker: builds the graph from the view and lays it out off
 * the main thread. It keeps the last topology it was sent, so a view change
 * (collapse, filter, direction) sends only the view, and a layout session for
 * it, so an expand or collapse re-packs only what it changed.
 */
import { createLayoutSession, type LayoutSession } from '../../shared/layout/layout-session';
import type { Topology } from '../../shared/model/types';
import type { LayoutRequest, LayoutResponse } from './layout-worker-protocol';

let kept: { key: number; topology: Topology; session: LayoutSession } | null = null;

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, topologyKey, topology, view, direction } = e.data;
  let response: LayoutResponse;
  try {
    if (topology) kept = { key: topologyKey, topology, session: createLayoutSession() };
    // The client sends a topology with the first request for it, and requests arrive in order: a miss is a bug.
    if (!kept || kept.key !== topologyKey) throw new Error(`layout worker does not hold topology ${topologyKey}`);
    response = { id, ok: true, result: kept.session.layOut(kept.topology, view, direction) };
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
