/**
 * Positions for a built graph: container chips stack inside their task card,
 * task cards pack into a grid inside their box, and the top level (clusters,
 * services, boxes) is placed by one of two algorithms: dagre's layered layout
 * for small graphs and anything that is not a tree, and a linear-time compact
 * tree (compact-layout.ts) for big ones, where dagre is slow and draws a
 * strip. Pure, so it runs in a Web Worker in the renderer and in the CLI.
 */
import dagre from '@dagrejs/dagre';
import { LAYOUT_SPACING, SIZES } from '../theme/theme';
import type { Direction } from '../graph/view';
import type { Graph, GraphNode, LaidOutEdge, LaidOutGraph, PositionedNode } from '../graph/types';
import { CompactCache, compactLayout, type CompactItem } from './compact-layout';
import { fitScale, packBlocks } from './pack-blocks';

/** How the top level is placed: `auto` picks by size and shape; the others force one (tests, benchmarks). */
export type LayoutAlgorithm = 'auto' | 'layered' | 'compact';

/**
 * What one layout keeps for the next layout of the same drawing, so an
 * expand or collapse re-packs only the blocks it changed. Make one per load
 * (`createLayoutCache`) and pass it to every layout of that load; the output
 * is the same as without it.
 */
export interface LayoutCache {
  /** Blocks of the compact layout by node; `compact.stats` says how many the last layout built and reused. */
  readonly compact: CompactCache;
}

/** A cache for the layouts of one load. */
export function createLayoutCache(): LayoutCache {
  return { compact: new CompactCache() };
}

/** Options of `layoutGraph`. */
export interface LayoutOptions {
  algorithm?: LayoutAlgorithm;
  /** Work of earlier layouts of this drawing to reuse (see LayoutCache). */
  cache?: LayoutCache;
  /** Width ÷ height of the window the drawing is fitted into (the app's pane); default TARGET_ASPECT, what exports use. */
  aspect?: number;
}

/** Above this many top-level boxes dagre is both slow (it is super-linear) and unreadable: use the compact layout. */
export const LAYERED_MAX_TOP_LEVEL = 300;

/** Width ÷ height the top level is packed to when no window says otherwise: exports (a 16:10 page). */
export const TARGET_ASPECT = 1.6;

/** Steps between the aspects a pane is packed to: a resize within one step does not lay out again. */
const ASPECT_STEP = 1.25;

/** The aspect a pane of width ÷ height `aspect` is packed to: TARGET_ASPECT × ASPECT_STEP^k, two decimals, 0.4–6. */
export function aspectBucket(aspect: number): number {
  if (!Number.isFinite(aspect) || aspect <= 0) return TARGET_ASPECT;
  const k = Math.round(Math.log(aspect / TARGET_ASPECT) / Math.log(ASPECT_STEP));
  return Math.round(Math.min(6, Math.max(0.4, TARGET_ASPECT * ASPECT_STEP ** k)) * 100) / 100;
}

/** Gap between wrapped lines of the compact layout: room for the edges that turn in it. */
const LINE_SEP = 56;

/** Gap between the packed trees of a small forest (see `packedTrees`). */
const TREE_GAP = 48;

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

/** Places children inside their parent (chips in a task, cards in a box) and sizes the parents that hold them. */
function layoutNested(
  graph: Graph,
  direction: Direction,
  children: Map<string, GraphNode[]>,
  pos: Map<string, { x: number; y: number }>,
  size: Map<string, Box>,
): void {
  // Children come after their parent in `nodes`: walking backwards sizes the innermost first.
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const n = graph.nodes[i];
    const kids = children.get(n.id);
    if (!kids || kids.length === 0) continue;
    if (n.kind === 'task') {
      // Container chips in one column under the card's own fields.
      kids.forEach((c, k) =>
        pos.set(c.id, { x: (n.width - c.width) / 2, y: SIZES.task.height + k * SIZES.containerRow }),
      );
      continue;
    }
    // Cards in a grid, each row as tall as its tallest card.
    const cols = gridColumns(kids.length, direction);
    const pad = SIZES.groupPadding;
    const gap = SIZES.groupGap;
    let y = SIZES.groupHeader + pad;
    let width = 0;
    for (let row = 0; row * cols < kids.length; row++) {
      let x = pad;
      let rowHeight = 0;
      for (let k = row * cols; k < Math.min(kids.length, row * cols + cols); k++) {
        const c = kids[k];
        const s = size.get(c.id) ?? c;
        pos.set(c.id, { x, y });
        x += s.width + gap;
        rowHeight = Math.max(rowHeight, s.height);
      }
      width = Math.max(width, x - gap + pad);
      y += rowHeight + gap;
    }
    size.set(n.id, { width: Math.max(width, SIZES.collapsedGroup.width), height: y - gap + pad });
  }
}

/**
 * The top level as a forest (children in graph order), or null when some box has two parents or there is a
 * cycle. Cross-links (a shared target group or namespace) are not part of the tree.
 */
function asForest(
  topLevel: GraphNode[],
  edges: Graph['edges'],
): { roots: string[]; children: Map<string, string[]> } | null {
  const index = new Map(topLevel.map((n, i) => [n.id, i]));
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const e of edges) {
    if (e.cross || !index.has(e.source) || !index.has(e.target)) continue;
    if (parent.has(e.target) || e.source === e.target) return null;
    parent.set(e.target, e.source);
    const list = children.get(e.source) ?? [];
    list.push(e.target);
    children.set(e.source, list);
  }
  for (const list of children.values()) list.sort((a, b) => index.get(a)! - index.get(b)!);
  const roots = topLevel.filter((n) => !parent.has(n.id)).map((n) => n.id);
  // A cycle leaves nodes no root reaches.
  let reached = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    reached++;
    for (const c of children.get(stack.pop()!) ?? []) stack.push(c);
  }
  return reached === topLevel.length ? { roots, children } : null;
}

/** Dagre's layered layout of the top level, every box starting at its rank's near edge. */
function layeredTop(
  topLevel: GraphNode[],
  edges: Graph['edges'],
  direction: Direction,
  pos: Map<string, { x: number; y: number }>,
  size: Map<string, Box>,
): Box {
  const g = new dagre.graphlib.Graph();
  g.setGraph({
    rankdir: direction,
    ranksep: LAYOUT_SPACING.rankSep,
    nodesep: LAYOUT_SPACING.nodeSep,
    marginx: LAYOUT_SPACING.marginX,
    marginy: LAYOUT_SPACING.marginY,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of topLevel) {
    const s = size.get(n.id) ?? n;
    g.setNode(n.id, { width: s.width, height: s.height });
  }
  const topIds = new Set(topLevel.map((n) => n.id));
  for (const e of edges) if (topIds.has(e.source) && topIds.has(e.target)) g.setEdge(e.source, e.target);
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
  return { width, height };
}

/**
 * Each tree of the forest laid out by dagre on its own, then the trees packed
 * as blocks to the window's shape: dagre alone stacks every root in one rank,
 * a tall column of clusters for a few accounts (issue #14: zoom 0.23 at fit).
 */
function packedTrees(
  topLevel: GraphNode[],
  edges: Graph['edges'],
  forest: { roots: string[]; children: Map<string, string[]> },
  direction: Direction,
  pos: Map<string, { x: number; y: number }>,
  size: Map<string, Box>,
  aspect: number,
): Box {
  const byId = new Map(topLevel.map((n) => [n.id, n]));
  const trees = forest.roots.map((root) => {
    const members: GraphNode[] = [];
    const work = [root];
    while (work.length > 0) {
      const id = work.pop()!;
      members.push(byId.get(id)!);
      for (const c of forest.children.get(id) ?? []) work.push(c);
    }
    const ids = new Set(members.map((m) => m.id));
    const local = new Map<string, { x: number; y: number }>();
    layeredTop(
      members,
      edges.filter((e) => !e.cross && ids.has(e.source) && ids.has(e.target)),
      direction,
      local,
      size,
    );
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const m of members) {
      const p = local.get(m.id)!;
      const s = size.get(m.id) ?? m;
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x + s.width);
      maxY = Math.max(maxY, p.y + s.height);
    }
    return { members, local, minX, minY, width: maxX - minX, height: maxY - minY };
  });
  const packed = packBlocks(trees, aspect, TREE_GAP, LAYOUT_SPACING.marginX);
  trees.forEach((t, i) => {
    const at = packed.positions[i];
    for (const m of t.members) {
      const p = t.local.get(m.id)!;
      pos.set(m.id, { x: at.x + p.x - t.minX, y: at.y + p.y - t.minY });
    }
  });
  return { width: packed.width, height: packed.height };
}

/**
 * Lays out a graph. Children get positions relative to their parent; the
 * top-level boxes get absolute ones. Group boxes are sized here from the
 * cards they hold, which is why layout returns new node objects. With the
 * compact layout, edges carry `bend`: where they turn, so they run in gaps.
 */
export function layoutGraph(graph: Graph, direction: Direction, options: LayoutOptions = {}): LaidOutGraph {
  const children = new Map<string, GraphNode[]>();
  const topLevel: GraphNode[] = [];
  for (const n of graph.nodes) {
    if (!n.parentId) {
      topLevel.push(n);
      continue;
    }
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }
  const pos = new Map<string, { x: number; y: number }>();
  const size = new Map<string, Box>();
  layoutNested(graph, direction, children, pos, size);

  const algorithm = options.algorithm ?? 'auto';
  const aspect = options.aspect ?? TARGET_ASPECT;
  const forest = algorithm === 'layered' ? null : asForest(topLevel, graph.edges);

  let edges: LaidOutEdge[] = graph.edges;
  let bounds: Box = { width: 0, height: 0 };
  let compact = false;
  const compactTop = (): { pos: Map<string, { x: number; y: number }>; bends: Map<string, number>; bounds: Box } => {
    const items = new Map<string, CompactItem>();
    for (const n of topLevel) {
      const s = size.get(n.id) ?? n;
      items.set(n.id, { id: n.id, width: s.width, height: s.height });
    }
    const r = compactLayout(
      items,
      forest!.roots,
      forest!.children,
      direction,
      {
        rankSep: LAYOUT_SPACING.rankSep,
        nodeSep: LAYOUT_SPACING.nodeSep,
        lineSep: LINE_SEP,
        margin: LAYOUT_SPACING.marginX,
        aspect,
      },
      options.cache?.compact,
    );
    return { pos: r.positions, bends: r.bends, bounds: { width: r.width, height: r.height } };
  };
  if (forest === null) {
    bounds = layeredTop(topLevel, graph.edges, direction, pos, size);
  } else {
    let chosen: ReturnType<typeof compactTop> | null = null;
    if (algorithm === 'compact' || topLevel.length > LAYERED_MAX_TOP_LEVEL) {
      chosen = compactTop();
    } else {
      // Small forests: the trees packed to the window, unless the compact tree fits the window bigger (one
      // cluster of many services is a strip however its tree is packed).
      const packedPos = new Map<string, { x: number; y: number }>();
      const packed = packedTrees(topLevel, graph.edges, forest, direction, packedPos, size, aspect);
      const alternative = compactTop();
      if (
        fitScale(alternative.bounds.width, alternative.bounds.height, aspect) >
        fitScale(packed.width, packed.height, aspect) * 1.05
      )
        chosen = alternative;
      else {
        for (const [id, p] of packedPos) pos.set(id, p);
        bounds = packed;
      }
    }
    if (chosen) {
      compact = true;
      const r = chosen;
      for (const [id, p] of r.pos) pos.set(id, p);
      edges = graph.edges.map((e) => {
        // A bend is where the tree edge into a node turns; a cross-link comes from elsewhere and draws its own way.
        const bend = e.cross ? undefined : r.bends.get(e.target);
        // Object.assign, not spread: about 10× faster here (V8), the same object.
        return bend === undefined ? e : Object.assign({}, e, { bend });
      });
      bounds = r.bounds;
    }
  }

  // Object.assign, not spread: V8 copies these nodes several times faster that way (measured at 20k nodes).
  const nodes: PositionedNode[] = graph.nodes.map((n) => {
    const p = pos.get(n.id) ?? { x: 0, y: 0 };
    const s = size.get(n.id);
    return Object.assign({}, n, s ? { width: s.width, height: s.height, x: p.x, y: p.y } : { x: p.x, y: p.y });
  });
  return {
    nodes,
    edges,
    legend: graph.legend,
    width: bounds.width,
    height: bounds.height,
    algorithm: compact ? 'compact' : 'layered',
  };
}
