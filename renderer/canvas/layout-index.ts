/**
 * Which of a big layout's nodes and edges lie in a rectangle of the drawing: a uniform grid over the laid-out
 * boxes, so the canvas hands React Flow only what is near the screen. React Flow given every node of a
 * 100,000-node account spent its frames on them all (culling, its store, the zoom into the card band was one
 * 8.9 s frame); given a window of them, a frame's work follows what is on screen.
 */
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import { edgeBend, edgeEnds } from '../../shared/layout/positions';

/** A rectangle of the drawing, in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The grid of one layout: see `indexLayout`. */
export interface LayoutIndex {
  /** Absolute boxes by node index (x, y, width, height, …), the node order of the layout. */
  readonly boxes: Float64Array;
  /**
   * The nodes inside `rect` or at an end of an edge crossing it, with their parents, in layout order
   * (parents before children, as React Flow requires), and the edges whose two ends are among them.
   */
  query(rect: Rect): { nodes: number[]; edges: number[] };
  /** The index of node `i`'s parent, −1 for a top-level node. */
  parentOf(i: number): number;
  /** The source and target node indices of edge `e`. */
  endsOf(e: number): [number, number];
}

// One index per layout and direction, made when first asked for (or ahead, while the page is idle).
const made = new WeakMap<LaidOutGraph, { direction: Direction; index: LayoutIndex }>();
// An index being made in steps (`layoutIndexSteps`), until it is finished.
const making = new WeakMap<LaidOutGraph, { direction: Direction; work: Generator<void, LayoutIndex> }>();

/** Boxes (nodes, edge legs, or grid entries of them) handled between two pauses of a build in steps. */
const BOXES_PER_STEP = 4000;

/**
 * The index of `layout` drawn in `direction`, made once. The canvas asks for it while the page is idle after
 * a big layout lands: made in the frame that first zooms into the cards it was 30-70 ms of that frame.
 */
export function layoutIndexFor(layout: LaidOutGraph, direction: Direction): LayoutIndex {
  const kept = made.get(layout);
  if (kept && kept.direction === direction) return kept.index;
  const started = making.get(layout);
  return keep(
    layout,
    direction,
    runToEnd(started?.direction === direction ? started.work : indexWork(layout, direction)),
  );
}

/**
 * Makes the index of `layout` a step at a time (`perStep` boxes each): each call of the function returned
 * does one, and says true once the index is made. Made in one go, it was one 60-90 ms idle callback after a
 * 100,000-node load (with its collection); asked for in between (`layoutIndexFor`), it is finished at once.
 */
export function layoutIndexSteps(layout: LaidOutGraph, direction: Direction, perStep = BOXES_PER_STEP): () => boolean {
  return () => {
    if (made.get(layout)?.direction === direction) return true;
    let started = making.get(layout);
    if (started?.direction !== direction)
      making.set(layout, (started = { direction, work: indexWork(layout, direction, perStep) }));
    const step = started.work.next();
    if (!step.done) return false;
    keep(layout, direction, step.value);
    return true;
  };
}

/** Keeps `index` as the made index of `layout` in `direction`. */
function keep(layout: LaidOutGraph, direction: Direction, index: LayoutIndex): LayoutIndex {
  making.delete(layout);
  made.set(layout, { direction, index });
  return index;
}

/** Runs a build in steps to its end. */
function runToEnd<T>(work: Generator<void, T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** Aim for about this many cells: a query of one screen reads a handful, building stays linear. */
const CELLS = 128 * 128;

/** Builds the grid of `layout` (a single pass over its nodes and edges, typed arrays only). */
export function indexLayout(layout: LaidOutGraph, direction: Direction): LayoutIndex {
  return runToEnd(indexWork(layout, direction));
}

/**
 * A layout's index as plain data (typed arrays and sizes), so the ingest worker can make it with a big layout and
 * send it over (its buffers transferred): made on the page, it was a 47 ms part of the task that received a new
 * layout of the 100,000-node account while zoomed in (a search hit opened, a service expanded).
 */
export interface LayoutIndexData {
  direction: Direction;
  /** How many nodes and edges the layout has (a check that the data is for the layout it is kept with). */
  nodes: number;
  edges: number;
  boxes: Float64Array;
  parent: Int32Array;
  ends: Int32Array;
  segments: Float64Array;
  cell: number;
  cols: number;
  rows: number;
  nodeGrid: Grid;
  segmentGrid: Grid;
}

/** The index data of `layout` in `direction`, made in one go (the ingest worker's). */
export function layoutIndexData(layout: LaidOutGraph, direction: Direction): LayoutIndexData {
  return runToEnd(dataWork(layout, direction));
}

/** The buffers of index data, to transfer it between threads without copying. */
export function layoutIndexBuffers(data: LayoutIndexData): ArrayBuffer[] {
  return [
    data.boxes,
    data.parent,
    data.ends,
    data.segments,
    data.nodeGrid.start,
    data.nodeGrid.items,
    data.segmentGrid.start,
    data.segmentGrid.items,
  ].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Keeps an index made elsewhere (`layoutIndexData`, in the ingest worker) as the index of `layout`, when it has
 * the layout's counts; `layoutIndexFor` then answers with it at once.
 */
export function keepLayoutIndex(layout: LaidOutGraph, data: LayoutIndexData): boolean {
  if (data.nodes !== layout.nodes.length || data.edges !== layout.edges.length) return false;
  keep(layout, data.direction, fromData(data));
  return true;
}

/** `indexLayout` as a generator that pauses every `perStep` boxes. */
function* indexWork(
  layout: LaidOutGraph,
  direction: Direction,
  perStep = BOXES_PER_STEP,
): Generator<void, LayoutIndex> {
  return fromData(yield* dataWork(layout, direction, perStep));
}

/** The index's data, made as a generator that pauses every `perStep` boxes. */
function* dataWork(
  layout: LaidOutGraph,
  direction: Direction,
  perStep = BOXES_PER_STEP,
): Generator<void, LayoutIndexData> {
  const nodes = layout.nodes;
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  const parent = new Int32Array(n).fill(-1);
  const boxes = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    indexOf.set(node.id, i);
    const p = node.parentId === undefined ? -1 : (indexOf.get(node.parentId) ?? -1);
    parent[i] = p;
    boxes[i * 4] = node.x + (p >= 0 ? boxes[p * 4] : 0);
    boxes[i * 4 + 1] = node.y + (p >= 0 ? boxes[p * 4 + 1] : 0);
    boxes[i * 4 + 2] = node.width;
    boxes[i * 4 + 3] = node.height;
    if ((i + 1) % perStep === 0) yield;
  }
  // Edges by the three straight segments of their step path (a box around a whole edge from a cluster to a
  // service far along its wrapped rows would cover much of the drawing), with their ends.
  const m = layout.edges.length;
  const segments = new Float64Array(m * 12);
  const ends = new Int32Array(m * 2).fill(-1);
  const horizontal = direction === 'LR';
  for (let e = 0; e < m; e++) {
    const edge = layout.edges[e];
    const s = indexOf.get(edge.source) ?? -1;
    const t = indexOf.get(edge.target) ?? -1;
    if (s < 0 || t < 0) continue;
    ends[e * 2] = s;
    ends[e * 2 + 1] = t;
    const tips = edgeEnds(
      nodes[s],
      { x: boxes[s * 4], y: boxes[s * 4 + 1] },
      nodes[t],
      { x: boxes[t * 4], y: boxes[t * 4 + 1] },
      direction,
    );
    const { x1, y1, x2, y2 } = tips;
    const bend = edgeBend(tips, edge.bend, direction);
    const path = horizontal ? [x1, y1, bend, y1, bend, y2, x2, y2] : [x1, y1, x1, bend, x2, bend, x2, y2];
    for (let k = 0; k < 3; k++) {
      const ax = path[k * 2];
      const ay = path[k * 2 + 1];
      const bx = path[k * 2 + 2];
      const by = path[k * 2 + 3];
      const at = (e * 3 + k) * 4;
      segments[at] = Math.min(ax, bx);
      segments[at + 1] = Math.min(ay, by);
      segments[at + 2] = Math.abs(bx - ax);
      segments[at + 3] = Math.abs(by - ay);
    }
    if ((e + 1) % perStep === 0) yield;
  }
  const width = Math.max(1, layout.width);
  const height = Math.max(1, layout.height);
  const cell = Math.max(200, Math.sqrt((width * height) / CELLS));
  const cols = Math.ceil(width / cell) + 1;
  const rows = Math.ceil(height / cell) + 1;
  const nodeGrid = yield* buildGrid(boxes, n, cell, cols, rows, perStep);
  const segmentGrid = yield* buildGrid(segments, m * 3, cell, cols, rows, perStep);
  return { direction, nodes: n, edges: m, boxes, parent, ends, segments, cell, cols, rows, nodeGrid, segmentGrid };
}

/** The index answering from its data. */
function fromData(data: LayoutIndexData): LayoutIndex {
  const { direction, boxes, parent, ends, segments, cell, cols, rows, nodeGrid, segmentGrid } = data;
  const n = data.nodes;
  const m = data.edges;
  const horizontal = direction === 'LR';
  // Stamps instead of a fresh set per query: a query reads each candidate once however many cells hold it.
  const nodeSeen = new Uint32Array(n);
  const edgeSeen = new Uint32Array(m);
  let stamp = 0;

  return {
    boxes,
    parentOf: (i) => parent[i],
    endsOf: (e) => [ends[e * 2], ends[e * 2 + 1]],
    query(rect) {
      stamp++;
      const picked: number[] = [];
      const take = (i: number) => {
        // A node and the parents it is drawn in.
        for (let at = i; at >= 0 && nodeSeen[at] !== stamp; at = parent[at]) {
          nodeSeen[at] = stamp;
          picked.push(at);
        }
      };
      visit(nodeGrid, rect, cell, cols, rows, (i) => {
        if (nodeSeen[i] !== stamp && intersects(boxes, i, rect)) take(i);
      });
      const crossing: number[] = [];
      // An edge whose last leg is outside the window shows only its first two legs here, which it shares with
      // every edge from the same source turning at the same place the same way (a cluster's trunk to its
      // services): the longest of those draws them all. On the 100,000-node account a window of 16 cards
      // otherwise held 946 edges, each one an SVG element to mount.
      const trunks = new Map<string, { e: number; length: number }>();
      visit(segmentGrid, rect, cell, cols, rows, (k) => {
        const e = Math.floor(k / 3);
        if (edgeSeen[e] === stamp || ends[e * 2] < 0 || !intersects(segments, k, rect)) return;
        edgeSeen[e] = stamp;
        if (intersects(segments, e * 3 + 2, rect)) {
          crossing.push(e);
          return;
        }
        const middle = (e * 3 + 1) * 4;
        // The middle leg: along y (a vertical line at x = the bend) left to right, along x top to bottom.
        const along = horizontal ? 3 : 2;
        const start = horizontal ? segments[e * 12 + 1] : segments[e * 12];
        const forward = start === segments[middle + along - 2];
        const key = `${ends[e * 2]}:${segments[middle + (horizontal ? 0 : 1)]}:${forward}`;
        const length = segments[middle + along];
        const kept = trunks.get(key);
        if (!kept || kept.length < length) trunks.set(key, { e, length });
      });
      for (const { e } of trunks.values()) crossing.push(e);
      for (const e of crossing) {
        take(ends[e * 2]);
        take(ends[e * 2 + 1]);
      }
      picked.sort((a, b) => a - b);
      crossing.sort((a, b) => a - b);
      return { nodes: picked, edges: crossing };
    },
  };
}

export interface Grid {
  /** Where each cell's entries start in `items` (length cells + 1). */
  start: Uint32Array;
  items: Uint32Array;
}

function cellRange(x: number, size: number, cell: number, limit: number): [number, number] {
  const from = Math.min(limit - 1, Math.max(0, Math.floor(x / cell)));
  const to = Math.min(limit - 1, Math.max(0, Math.floor((x + size) / cell)));
  return [from, to];
}

/** Every box (x, y, width, height in `boxes`) listed in each cell it covers: counted, then placed. */
function* buildGrid(
  boxes: Float64Array,
  count: number,
  cell: number,
  cols: number,
  rows: number,
  perStep: number,
): Generator<void, Grid> {
  const start = new Uint32Array(cols * rows + 1);
  // The cell range of each box, worked out once for both passes.
  const ranges = new Uint32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const [c0, c1] = cellRange(boxes[i * 4], boxes[i * 4 + 2], cell, cols);
    const [r0, r1] = cellRange(boxes[i * 4 + 1], boxes[i * 4 + 3], cell, rows);
    ranges[i * 4] = c0;
    ranges[i * 4 + 1] = c1;
    ranges[i * 4 + 2] = r0;
    ranges[i * 4 + 3] = r1;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]++;
    if ((i + 1) % perStep === 0) yield;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const items = new Uint32Array(start[cols * rows]);
  const fill = start.slice(0, cols * rows);
  for (let i = 0; i < count; i++) {
    for (let r = ranges[i * 4 + 2]; r <= ranges[i * 4 + 3]; r++)
      for (let c = ranges[i * 4]; c <= ranges[i * 4 + 1]; c++) items[fill[r * cols + c]++] = i;
    if ((i + 1) % perStep === 0) yield;
  }
  return { start, items };
}

function visit(grid: Grid, rect: Rect, cell: number, cols: number, rows: number, each: (i: number) => void): void {
  const [c0, c1] = cellRange(rect.x, rect.width, cell, cols);
  const [r0, r1] = cellRange(rect.y, rect.height, cell, rows);
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const cellIndex = r * cols + c;
      for (let k = grid.start[cellIndex]; k < grid.start[cellIndex + 1]; k++) each(grid.items[k]);
    }
}

/** Whether box `i` of `boxes` (x, y, width, height, …) overlaps `rect`. */
export function intersects(boxes: Float64Array, i: number, rect: Rect): boolean {
  const x = boxes[i * 4];
  const y = boxes[i * 4 + 1];
  return !(
    x > rect.x + rect.width ||
    y > rect.y + rect.height ||
    x + boxes[i * 4 + 2] < rect.x ||
    y + boxes[i * 4 + 3] < rect.y
  );
}
