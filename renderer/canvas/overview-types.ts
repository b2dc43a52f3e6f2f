/**
 * The canvas's own types: what the overview layer paints far out, and what the page can show of a layout
 * before it arrives. They live with the canvas, not in shared/graph, because only the renderer (its page
 * and its workers) makes and draws them.
 */
import type { Direction } from '../../shared/graph/view';

/**
 * A layout painted far out (renderer/canvas/overview-paint.ts makes and draws it): the boxes in absolute
 * coordinates, bucketed by nesting depth and colour so a frame sets each fill style once (`rects`: x, y,
 * width, height, …), the cluster and service names, and the edges (`edges`: x1, y1, x2, y2, bend, …).
 */
export interface OverviewPaint {
  buckets: { depth: number; fill: string; stroke: string | null; rects: Float64Array }[];
  labels: { x: number; y: number; width: number; text: string; strong: boolean }[];
  edges: Float64Array;
}

/**
 * What the page can show of a layout before the layout itself arrives: the drawing's size, how many nodes
 * it has (level of detail), and its overview paint for one direction and overlay. A big load opens far
 * out, where that is all the canvas draws.
 */
export interface LayoutPreview {
  width: number;
  height: number;
  nodeCount: number;
  direction: Direction;
  overlayOn: boolean;
  paint: OverviewPaint;
}
