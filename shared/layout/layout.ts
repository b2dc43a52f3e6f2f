/**
 * Positions for a built graph: container chips stack inside their task card,
 * task cards pack into a grid inside their box, and dagre ranks the rest
 * (clusters, services, boxes) left-to-right or top-to-bottom. Pure, so it runs
 * in a Web Worker in the renderer and in the CLI for exports alike.
 */
import dagre from '@dagrejs/dagre';
import { LAYOUT_SPACING, SIZES } from '../theme/theme';
import type { Direction } from '../graph/view';
import type { Graph, GraphNode, LaidOutGraph, PositionedNode } from '../graph/types';

/**
 * Columns of the task grid in a box of `count` cards. Boxes stack along the
 * rank axis, so they grow across it: wide and short when ranks run left to
 * right (one row up to `groupRowColumns`, then about twice as wide as tall),
 * narrow and tall when they run top to bottom.
 */
export function gridColumns(count: number, direction: Direction = 'LR'): number {
  if (count <= 1) return 1;
  if (direction === 'TB') return Math.min(count, Math.max(2, Math.ceil(Math.sqrt(count / 2))));
  if (count <= SIZES.groupRowColumns) return count;
  const cols = Math.max(SIZES.groupRowColumns, Math.ceil(Math.sqrt(count * 2)));
  // Even rows: 7 tasks as 4+3, not 6+1.
  return Math.ceil(count / Math.ceil(count / cols));
}

interface Box {
  width: number;
  height: number;
}

/**
 * Lays out a graph. Children get positions relative to their parent; the
 * top-level boxes get absolute ones. Group boxes are sized here from the
 * cards they hold, which is why layout returns new node objects.
 */
export function layoutGraph(graph: Graph, direction: Direction): LaidOutGraph {
  const children = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const pos = new Map<string, { x: number; y: number }>();
  const size = new Map<string, Box>();
  for (const n of graph.nodes) size.set(n.id, { width: n.width, height: n.height });

  // Inside a task: container chips in one column under the card's own fields.
  for (const n of graph.nodes) {
    if (n.kind !== 'task') continue;
    const chips = children.get(n.id) ?? [];
    chips.forEach((c, i) => pos.set(c.id, { x: (n.width - c.width) / 2, y: SIZES.task.height + i * SIZES.containerRow }));
  }

  // Inside a box: task cards in a grid, each row as tall as its tallest card.
  for (const n of graph.nodes) {
    if (n.kind !== 'group') continue;
    const cards = children.get(n.id) ?? [];
    if (cards.length === 0) continue;
    const cols = gridColumns(cards.length, direction);
    const pad = SIZES.groupPadding;
    const gap = SIZES.groupGap;
    let y = SIZES.groupHeader + pad;
    let width = 0;
    for (let row = 0; row * cols < cards.length; row++) {
      const rowCards = cards.slice(row * cols, row * cols + cols);
      let x = pad;
      let rowHeight = 0;
      for (const c of rowCards) {
        const s = size.get(c.id) ?? { width: c.width, height: c.height };
        pos.set(c.id, { x, y });
        x += s.width + gap;
        rowHeight = Math.max(rowHeight, s.height);
      }
      width = Math.max(width, x - gap + pad);
      y += rowHeight + gap;
    }
    size.set(n.id, { width: Math.max(width, SIZES.collapsedGroup.width), height: y - gap + pad });
  }

  // Between boxes: dagre ranks the top level; edges run along the rank axis.
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, ranksep: LAYOUT_SPACING.rankSep, nodesep: LAYOUT_SPACING.nodeSep, marginx: LAYOUT_SPACING.marginX, marginy: LAYOUT_SPACING.marginY });
  g.setDefaultEdgeLabel(() => ({}));
  const topLevel = graph.nodes.filter((n) => !n.parentId);
  for (const n of topLevel) {
    const s = size.get(n.id) ?? n;
    g.setNode(n.id, { width: s.width, height: s.height });
  }
  const topIds = new Set(topLevel.map((n) => n.id));
  for (const e of graph.edges) if (topIds.has(e.source) && topIds.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  // dagre centres every box on its rank; start them all at the rank's near edge instead, so edges
  // enter a straight column of boxes and wide task boxes do not look ragged.
  const horizontal = direction === 'LR';
  const rankStart = new Map<number, number>();
  for (const n of topLevel) {
    const laid = g.node(n.id);
    const s = size.get(n.id) ?? n;
    const centre = Math.round(horizontal ? laid.x : laid.y);
    const start = centre - (horizontal ? s.width : s.height) / 2;
    rankStart.set(centre, Math.min(rankStart.get(centre) ?? start, start));
  }

  let width = 0;
  let height = 0;
  for (const n of topLevel) {
    const laid = g.node(n.id);
    const s = size.get(n.id) ?? n;
    const start = rankStart.get(Math.round(horizontal ? laid.x : laid.y)) ?? 0;
    const x = horizontal ? start : laid.x - s.width / 2;
    const y = horizontal ? laid.y - s.height / 2 : start;
    pos.set(n.id, { x, y });
    width = Math.max(width, x + s.width + LAYOUT_SPACING.marginX);
    height = Math.max(height, y + s.height + LAYOUT_SPACING.marginY);
  }

  const nodes: PositionedNode[] = graph.nodes.map((n) => {
    const p = pos.get(n.id) ?? { x: 0, y: 0 };
    const s = size.get(n.id) ?? n;
    return { ...n, width: s.width, height: s.height, x: p.x, y: p.y };
  });
  return { nodes, edges: graph.edges, legend: graph.legend, width, height };
}
