/** Messages between the layout client and its worker. */
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';

/**
 * Page → worker: build the graph of topology `topologyKey` under `view` and lay it out. The topology
 * itself is sent only with the first request for it; the worker keeps the last one it was given.
 */
export interface LayoutRequest {
  id: number;
  topologyKey: number;
  topology?: Topology;
  view: ViewState;
  direction: Direction;
}

/** Worker → page: the result or why it failed. */
export type LayoutResponse = { id: number; ok: true; result: LaidOutGraph } | { id: number; ok: false; error: string };
