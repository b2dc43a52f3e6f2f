/** Messages between the layout client and its worker. */
import type { Graph, LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';

/** Page → worker: lay out this graph. */
export interface LayoutRequest {
  id: number;
  graph: Graph;
  direction: Direction;
}

/** Worker → page: the result or why it failed. */
export type LayoutResponse = { id: number; ok: true; result: LaidOutGraph } | { id: number; ok: false; error: string };
