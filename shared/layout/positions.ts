/**
 * Reading a laid-out graph's geometry: where each box sits on the whole
 * drawing, and where an edge meets its boxes. One definition for the SVG
 * export, the overview canvas and the canvas's "centre on this node".
 */
import type { PositionedNode } from '../graph/types';
import type { Direction } from '../graph/view';

/** A box's absolute top-left corner and how deeply it is nested (0 for a top-level box). */
export interface AbsolutePosition {
  x: number;
  y: number;
  depth: number;
}

/** Absolute positions by node id: layout positions are relative to the parent. */
export function absolutePositions(nodes: readonly PositionedNode[]): Map<string, AbsolutePosition> {
  const abs = new Map<string, AbsolutePosition>();
  // Parents come before children (Graph contract), so one pass suffices.
  for (const node of nodes) {
    const parent = node.parentId ? abs.get(node.parentId) : undefined;
    abs.set(node.id, {
      x: node.x + (parent?.x ?? 0),
      y: node.y + (parent?.y ?? 0),
      depth: parent ? parent.depth + 1 : 0,
    });
  }
  return abs;
}

type Box = Pick<PositionedNode, 'width' | 'height'>;
type Point = { x: number; y: number };

/**
 * Where an edge drawn in the reading direction leaves its source and enters its target: the middle of the
 * source's trailing side (right, or bottom) and of the target's leading side (left, or top). An object,
 * not an array: the overview's paint reads it cold for thousands of edges, where array destructuring is slow.
 */
export function edgeEnds(
  source: Box,
  from: Point,
  target: Box,
  to: Point,
  direction: Direction,
): { x1: number; y1: number; x2: number; y2: number } {
  return direction === 'LR'
    ? { x1: from.x + source.width, y1: from.y + source.height / 2, x2: to.x, y2: to.y + target.height / 2 }
    : { x1: from.x + source.width / 2, y1: from.y + source.height, x2: to.x + target.width / 2, y2: to.y };
}

/**
 * Where an edge from (x1, y1) to (x2, y2) turns along the reading direction: the layout's `bend` when it set
 * one (in the gap before a wrapped line), else halfway. The overview's paint and the canvas's layout index
 * both read the step path from this, so the index never misses a leg the paint draws.
 */
export function edgeBend(
  ends: { x1: number; y1: number; x2: number; y2: number },
  bend: number | undefined,
  direction: Direction,
): number {
  return bend ?? (direction === 'LR' ? (ends.x1 + ends.x2) / 2 : (ends.y1 + ends.y2) / 2);
}
