/**
 * What the overview canvas paints (see overview-layer.tsx), apart from React: the boxes bucketed by
 * depth and colour, the names and the edges of a layout, and drawing them under a viewport. Plain code
 * so the ingest worker can prepare the first paint of a big load with its layout (`preparePaint`), and
 * the page only draws it (`paintFor` finds it).
 */
import { revealBidi } from '../../shared/render/text';
import type { LaidOutGraph, PositionedNode } from '../../shared/graph/types';
import type { OverviewPaint } from './overview-types';
import { absolutePositions, edgeBend, edgeEnds } from '../../shared/layout/positions';
import type { Direction } from '../../shared/graph/view';
import { BASE_COLOURS, overlayStyle, STATUS_STYLES, STOPPED_FILL } from '../../shared/theme/theme';

/** What the overview canvas paints: see OverviewPaint. */
export type Paint = OverviewPaint;

function colours(n: PositionedNode, overlayOn: boolean): { fill: string; stroke: string | null } {
  const s = STATUS_STYLES[n.statusClass];
  switch (n.kind) {
    case 'group':
      return { fill: '#eef1f5', stroke: BASE_COLOURS.groupBorder };
    case 'container':
      return { fill: s.greyed ? '#d1d5db' : n.statusClass === 'unhealthy' ? '#fecaca' : '#ffffff', stroke: null };
    case 'task':
    case 'service': {
      // Far out the accent, not the pale fill, is what tells EC2 from Fargate.
      const fill = s.greyed ? STOPPED_FILL : overlayStyle(n.data.overlay, overlayOn).accent;
      return { fill, stroke: n.statusClass === 'unhealthy' ? BASE_COLOURS.danger : null };
    }
    case 'cluster':
      return { fill: BASE_COLOURS.clusterAccent, stroke: null };
    default:
      return { fill: '#94a3b8', stroke: null };
  }
}

export function preparePaint(layout: LaidOutGraph, direction: Direction, overlayOn: boolean): Paint {
  const abs = absolutePositions(layout.nodes);
  const labels: Paint['labels'] = [];
  for (const n of layout.nodes)
    if (n.kind === 'cluster' || n.kind === 'service') {
      const a = abs.get(n.id)!;
      // Bidi controls drawn as their codes, as on the cards and in exports: far out, a name cannot be spoofed either.
      labels.push({ x: a.x, y: a.y, width: n.width, text: revealBidi(n.data.name), strong: n.kind === 'cluster' });
    }
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const edges: number[] = [];
  for (const e of layout.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const sp = abs.get(e.source);
    const tp = abs.get(e.target);
    if (!s || !t || !sp || !tp) continue;
    const ends = edgeEnds(s, sp, t, tp, direction);
    edges.push(ends.x1, ends.y1, ends.x2, ends.y2, edgeBend(ends, e.bend, direction));
  }
  return { buckets: bucketsOf(layout.nodes, abs, overlayOn), labels, edges: Float64Array.from(edges) };
}

/** The boxes of `nodes`, bucketed by nesting depth and colour (shallowest first). */
function bucketsOf(
  nodes: Iterable<PositionedNode>,
  abs: ReadonlyMap<string, { x: number; y: number; depth: number }>,
  overlayOn: boolean,
): Paint['buckets'] {
  const groups = new Map<string, { depth: number; fill: string; stroke: string | null; rects: number[] }>();
  for (const n of nodes) {
    const a = abs.get(n.id)!;
    const c = colours(n, overlayOn);
    const key = `${a.depth}|${c.fill}|${c.stroke ?? ''}`;
    const g = groups.get(key) ?? { depth: a.depth, fill: c.fill, stroke: c.stroke, rects: [] };
    g.rects.push(a.x, a.y, n.width, n.height);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.depth - b.depth)
    .map((g) => ({ ...g, rects: Float64Array.from(g.rects) }));
}

/**
 * What a search or a selection adds to the overview: the boxes it lights, painted again over a veil that
 * dims the rest (as the cards dim theirs), and the hits ringed (the current one apart), at least a few
 * pixels wide however far out, so a hit can be found at fit-to-screen.
 */
export interface EmphasisPaint {
  lit: Paint['buckets'];
  /**
   * When most boxes are lit (a one-letter search lights nearly all of the 100,000-node account's 13,620), the boxes
   * left out instead, each veiled where it lies (only the outermost: a box's children are under its veil), and the
   * edges veiled by stroking them again: the same picture as a veil over everything and every lit box painted again,
   * for a few fills rather than thousands. `lit` is then empty.
   */
  dimmed: Float64Array | null;
  /** x, y, width, height of each hit, … */
  hits: Float64Array;
  current: Float64Array | null;
}

// Absolute positions of a layout's nodes, kept: every keystroke in Find asks for them.
const absoluteOf = new WeakMap<LaidOutGraph, Map<string, { x: number; y: number; depth: number }>>();

/** The emphasis paint of `lit` (null: nothing dimmed), `hits` and `current` in `layout`. */
export function emphasisPaint(
  layout: LaidOutGraph,
  overlayOn: boolean,
  emphasis: { lit: ReadonlySet<string> | null; hits: ReadonlySet<string>; current: string | null },
): EmphasisPaint | null {
  if (!emphasis.lit) return null;
  let abs = absoluteOf.get(layout);
  if (!abs) absoluteOf.set(layout, (abs = absolutePositions(layout.nodes)));
  const lit: PositionedNode[] = [];
  const dimmed: number[] = [];
  const hits: number[] = [];
  let current: Float64Array | null = null;
  for (const n of layout.nodes) {
    const a = abs.get(n.id)!;
    if (!emphasis.lit.has(n.id)) {
      // The outermost boxes left out: a lit box's child, or a box at the top.
      if (!n.parentId || emphasis.lit.has(n.parentId)) dimmed.push(a.x, a.y, n.width, n.height);
      continue;
    }
    lit.push(n);
    if (emphasis.hits.has(n.id)) hits.push(a.x, a.y, n.width, n.height);
    if (emphasis.current === n.id) current = Float64Array.of(a.x, a.y, n.width, n.height);
  }
  const mostLit = lit.length * 2 > layout.nodes.length;
  return {
    lit: mostLit ? [] : bucketsOf(lit, abs, overlayOn),
    dimmed: mostLit ? Float64Array.from(dimmed) : null,
    hits: Float64Array.from(hits),
    current,
  };
}

const CLUSTER_FONT = '600 13px system-ui, sans-serif';
const SERVICE_FONT = '11px system-ui, sans-serif';

/** Draws the labels' fonts once (what a canvas does first with a font is slow: see prepareOverview). */
export function warmUpLabels(ctx: CanvasRenderingContext2D): void {
  for (const font of [CLUSTER_FONT, SERVICE_FONT]) {
    ctx.font = font;
    ctx.fillText('abcdefghijklmnopqrstuvwxyz-0123456789', 0, 10, 100);
  }
}

export function draw(
  ctx: CanvasRenderingContext2D,
  paint: Paint,
  horizontal: boolean,
  [tx, ty, zoom]: [number, number, number],
  width: number,
  height: number,
  dpr: number,
  emphasis: EmphasisPaint | null = null,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  // The part of the drawing on screen, to skip what is not.
  const left = -tx / zoom;
  const top = -ty / zoom;
  const right = left + width / zoom;
  const bottom = top + height / zoom;
  const view = { left, top, right, bottom, zoom };
  ctx.strokeStyle = BASE_COLOURS.edge;
  strokeEdges(ctx, paint.edges, horizontal, view);
  fillBuckets(ctx, paint.buckets, view);
  if (emphasis?.dimmed) {
    // The rest dimmed where it lies: the veil over the boxes left out and over the edges.
    ctx.fillStyle = DIM_VEIL;
    fillRects(ctx, emphasis.dimmed, view);
    ctx.strokeStyle = DIM_VEIL;
    strokeEdges(ctx, paint.edges, horizontal, view);
  } else if (emphasis) {
    // The rest dimmed as the cards dim theirs (opacity 0.16), the lit boxes painted again over it.
    ctx.fillStyle = DIM_VEIL;
    ctx.fillRect(left, top, right - left, bottom - top);
    fillBuckets(ctx, emphasis.lit, view);
  }
  if (emphasis) {
    const screen: Screen = { tx, ty, zoom, dpr };
    ringHits(ctx, emphasis.hits, SEARCH_HIT, view, screen);
    if (emphasis.current) ringHits(ctx, emphasis.current, SEARCH_CURRENT, view, screen);
  }
  // Names at a fixed screen size: clusters always, services once there is room for a line of text.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textBaseline = 'bottom';
  for (const l of paint.labels) {
    if (!l.strong && l.width * zoom < 60) continue;
    const sx = l.x * zoom + tx;
    const sy = l.y * zoom + ty;
    if (sx > width || sy < 0 || sx + l.width * zoom < 0 || sy > height + 20) continue;
    ctx.font = l.strong ? CLUSTER_FONT : SERVICE_FONT;
    ctx.fillStyle = l.strong ? BASE_COLOURS.text : BASE_COLOURS.mutedText;
    ctx.fillText(l.text, sx, sy - 2, Math.max(l.width * zoom, l.strong ? 240 : 0));
  }
}

/** Strokes, in the style set, every edge (x1, y1, x2, y2, bend, …) that crosses the part on screen. */
function strokeEdges(ctx: CanvasRenderingContext2D, e: Float64Array, horizontal: boolean, v: View): void {
  ctx.lineWidth = 1 / v.zoom;
  ctx.beginPath();
  for (let i = 0; i < e.length; i += 5) {
    // Indexed reads, not `const [x1, …] = [e[i], …]`: the first draw runs cold, where destructuring goes
    // through the iterator protocol, an array per edge (~10 ms of a 20k-node account's first frame).
    const x1 = e[i];
    const y1 = e[i + 1];
    const x2 = e[i + 2];
    const y2 = e[i + 3];
    const b = e[i + 4];
    if (offScreen(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1), v)) continue;
    ctx.moveTo(x1, y1);
    if (horizontal) {
      ctx.lineTo(b, y1);
      ctx.lineTo(b, y2);
    } else {
      ctx.lineTo(x1, b);
      ctx.lineTo(x2, b);
    }
    ctx.lineTo(x2, y2);
  }
  ctx.stroke();
}

/** Fills each box of `rects` (x, y, width, height, …) on screen, in the style set. */
function fillRects(ctx: CanvasRenderingContext2D, r: Float64Array, v: View): void {
  for (let i = 0; i < r.length; i += 4)
    if (!offScreen(r[i], r[i + 1], r[i + 2], r[i + 3], v)) ctx.fillRect(r[i], r[i + 1], r[i + 2], r[i + 3]);
}

/** The part of the drawing on screen (flow coordinates) and the zoom. */
interface View {
  left: number;
  top: number;
  right: number;
  bottom: number;
  zoom: number;
}

/** Whether the box at x, y of w × h lies wholly outside the part of the drawing on screen. */
function offScreen(x: number, y: number, w: number, h: number, v: View): boolean {
  return x > v.right || y > v.bottom || x + w < v.left || y + h < v.top;
}

/** Fills (and strokes) the boxes of `buckets` that are on screen and at least about a pixel tall. */
function fillBuckets(ctx: CanvasRenderingContext2D, buckets: Paint['buckets'], v: View): void {
  // Under a pixel a box is noise: containers vanish first, then cards, as they would on paper.
  const minSide = 1.2 / v.zoom;
  for (const b of buckets) {
    ctx.fillStyle = b.fill;
    const r = b.rects;
    for (let i = 0; i < r.length; i += 4) {
      const x = r[i];
      const y = r[i + 1];
      const w = r[i + 2];
      const h = r[i + 3];
      if (offScreen(x, y, w, h, v) || (b.depth > 0 && h < minSide)) continue;
      ctx.fillRect(x, y, w, h);
    }
    if (b.stroke) {
      ctx.strokeStyle = b.stroke;
      ctx.lineWidth = 2 / v.zoom;
      ctx.beginPath();
      for (let i = 0; i < r.length; i += 4)
        if (!offScreen(r[i], r[i + 1], r[i + 2], r[i + 3], v)) ctx.rect(r[i], r[i + 1], r[i + 2], r[i + 3]);
      ctx.stroke();
    }
  }
}

/**
 * What dims the boxes a search or a selection does not light: the cards' 0.16 opacity over the pane's background
 * (--canvas, #f6f7f9), so a veil over the empty pane changes nothing and a picture of the drawing alone (see
 * `picturePlan`) looks the same as the pane veiled whole.
 */
const DIM_VEIL = 'rgba(246, 247, 249, 0.84)';
/** The cards' ring colours: a hit (amber) and the hit Enter moved to (blue). */
const SEARCH_HIT = '#f59e0b';
const SEARCH_CURRENT = '#2563eb';
/** A ring is at least this many screen pixels across, so a hit far out is still a mark. */
const MIN_RING_PX = 7;

/** Where the drawing is on the canvas: flow x → screen x × zoom + tx (CSS px), device px = CSS px × dpr. */
interface Screen {
  tx: number;
  ty: number;
  zoom: number;
  dpr: number;
}

/**
 * From this many rings, they are set as pixels (`ringPixels`) and the canvas gets them in one copy: drawn one by
 * one, a one-letter search's 13,620 rings far out on the 100,000-node account were 54,480 fills, 55-60 ms of each
 * draw (the pane's and the pan picture's); as pixels, ~20 ms. Fewer rings are filled as before (antialiased).
 */
export const PIXEL_RINGS_MIN = 2000;

/**
 * Rings each box of `rects` (x, y, width, height, …) on screen, 2 px wide, around it. Each ring is its four sides
 * filled, not a stroked path: a path of 13,000 rings (a one-letter search far out on the 100,000-node account)
 * was rasterised as one outline in the frame's commit, 50-80 ms in software; filled sides are plain rectangles.
 */
function ringHits(ctx: CanvasRenderingContext2D, rects: Float64Array, colour: string, v: View, screen: Screen): void {
  if (rects.length / 4 >= PIXEL_RINGS_MIN && typeof OffscreenCanvas === 'function')
    return ringHitsAsPixels(ctx, rects, colour, screen);
  const min = MIN_RING_PX / v.zoom;
  const pad = 2 / v.zoom;
  const line = 2 / v.zoom;
  ctx.fillStyle = colour;
  for (let i = 0; i < rects.length; i += 4) {
    const w = Math.max(rects[i + 2] + 2 * pad, min);
    const h = Math.max(rects[i + 3] + 2 * pad, min);
    const x = rects[i] + rects[i + 2] / 2 - w / 2;
    const y = rects[i + 1] + rects[i + 3] / 2 - h / 2;
    if (offScreen(x, y, w, h, v)) continue;
    // The band a stroke of width `line` centred on the ring's edge would cover: top, bottom, left, right.
    const l = x - line / 2;
    const t = y - line / 2;
    ctx.fillRect(l, t, w + line, line);
    ctx.fillRect(l, y + h - line / 2, w + line, line);
    ctx.fillRect(l, t + line, line, h - line);
    ctx.fillRect(x + w - line / 2, t + line, line, h - line);
  }
}

// The layer many rings are set on, kept for the next draw of the same size (a pane or a picture).
let ringLayer: { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D; image: ImageData } | null = null;

/** Many rings: set as pixels on a transparent layer the size of the canvas, copied over the drawing. */
function ringHitsAsPixels(ctx: CanvasRenderingContext2D, rects: Float64Array, colour: string, screen: Screen): void {
  const { width, height } = ctx.canvas;
  if (ringLayer?.canvas.width !== width || ringLayer.canvas.height !== height) {
    const canvas = new OffscreenCanvas(width, height);
    const layerCtx = canvas.getContext('2d');
    if (!layerCtx) return;
    ringLayer = { canvas, ctx: layerCtx, image: layerCtx.createImageData(width, height) };
  }
  const px = new Uint32Array(ringLayer.image.data.buffer);
  px.fill(0);
  ringPixels(px, width, height, rects, pixelOf(colour), screen);
  ringLayer.ctx.putImageData(ringLayer.image, 0, 0);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(ringLayer.canvas, 0, 0);
  ctx.restore();
}

/** Whether this machine stores a Uint32 lowest byte first (every browser's does; said, not assumed). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** `#rrggbb` as one opaque RGBA pixel of an ImageData seen as a Uint32Array. */
export function pixelOf(colour: string): number {
  const rgb = Number.parseInt(colour.slice(1, 7), 16);
  const [r, g, b] = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255];
  return (LITTLE_ENDIAN ? (255 << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/**
 * Sets, in `px` (a `width` × `height` canvas's pixels, a row after another), the ring around each box of `rects`
 * (flow x, y, width, height, …) as `ringHits` fills it: the box and 2 px around it, at least MIN_RING_PX across,
 * a band 2 px wide centred on that edge, in whole device pixels. Parts off the canvas are left out. Returns how
 * many rings were on it.
 */
export function ringPixels(
  px: Uint32Array,
  width: number,
  height: number,
  rects: Float64Array,
  pixel: number,
  { tx, ty, zoom, dpr }: Screen,
): number {
  const line = Math.max(1, Math.round(2 * dpr));
  const band = (x0: number, y0: number, x1: number, y1: number): void => {
    const left = Math.max(0, x0);
    const right = Math.min(width, x1);
    if (left >= right) return;
    for (let y = Math.max(0, y0), end = Math.min(height, y1); y < end; y += 1) {
      const row = y * width;
      if (right - left > 8) px.fill(pixel, row + left, row + right);
      else for (let x = row + left; x < row + right; x += 1) px[x] = pixel;
    }
  };
  let rings = 0;
  for (let i = 0; i < rects.length; i += 4) {
    // In CSS px, as ringHits: the ring's size and centre; then its outer edge (half a band out) in device px.
    const w = Math.max(rects[i + 2] * zoom + 4, MIN_RING_PX);
    const h = Math.max(rects[i + 3] * zoom + 4, MIN_RING_PX);
    const cx = (rects[i] + rects[i + 2] / 2) * zoom + tx;
    const cy = (rects[i + 1] + rects[i + 3] / 2) * zoom + ty;
    const x0 = Math.round((cx - w / 2 - 1) * dpr);
    const y0 = Math.round((cy - h / 2 - 1) * dpr);
    const x1 = Math.round((cx + w / 2 + 1) * dpr);
    const y1 = Math.round((cy + h / 2 + 1) * dpr);
    if (x1 <= 0 || y1 <= 0 || x0 >= width || y0 >= height) continue;
    rings += 1;
    band(x0, y0, x1, y0 + line);
    band(x0, y1 - line, x1, y1);
    band(x0, y0 + line, x0 + line, y1 - line);
    band(x1 - line, y0 + line, x1, y1 - line);
  }
  return rings;
}

/** The box every rectangle and edge of a paint lies in (flow coordinates), made once per paint. */
const boundsOfPaint = new WeakMap<Paint, { left: number; top: number; right: number; bottom: number }>();

export function paintBounds(paint: Paint): { left: number; top: number; right: number; bottom: number } {
  let b = boundsOfPaint.get(paint);
  if (b) return b;
  b = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const bucket of paint.buckets)
    for (let i = 0; i < bucket.rects.length; i += 4) {
      b.left = Math.min(b.left, bucket.rects[i]);
      b.top = Math.min(b.top, bucket.rects[i + 1]);
      b.right = Math.max(b.right, bucket.rects[i] + bucket.rects[i + 2]);
      b.bottom = Math.max(b.bottom, bucket.rects[i + 1] + bucket.rects[i + 3]);
    }
  // An edge's ends (its bend lies between them: an x in a left-to-right drawing, a y in a top-down one).
  const e = paint.edges;
  for (let i = 0; i < e.length; i += 5) {
    b.left = Math.min(b.left, e[i], e[i + 2]);
    b.right = Math.max(b.right, e[i], e[i + 2]);
    b.top = Math.min(b.top, e[i + 1], e[i + 3]);
    b.bottom = Math.max(b.bottom, e[i + 1], e[i + 3]);
  }
  if (b.left === Infinity) b = { left: 0, top: 0, right: 0, bottom: 0 };
  boundsOfPaint.set(paint, b);
  return b;
}

/**
 * Screen pixels around the drawing in a picture of it (see `picturePlan`): names are drawn above their box at a
 * fixed size and a cluster's may run up to 240 px to its right; rings stand a few pixels out.
 */
export const PICTURE_PAD = { left: 12, top: 24, right: 252, bottom: 12 };

/** The largest picture kept, in device pixels (about 16 MB): far out the drawing is about the pane's size. */
export const PICTURE_MAX_PIXELS = 4_000_000;

/**
 * The most boxes a picture is made of: making one is an idle task that grows with them (73 ms for the
 * 100,000-node account's 13,620; the placement view's 39,354 made one of 109 ms), and a pan without one draws
 * each frame as before.
 */
export const PICTURE_MAX_BOXES = 20_000;

/**
 * Where a picture of the whole drawing at `zoom` goes (its size in CSS px, and the flow point at its top left),
 * or null when it would be too big to keep or to make: far out, panning only moves the picture, so the layer draws it once
 * and copies it at each pan frame (a search that lights most of the 100,000-node account made each pan frame a
 * 40-45 ms draw: 21-23 fps).
 */
export function picturePlan(
  paint: Paint,
  zoom: number,
  dpr: number,
): { width: number; height: number; originX: number; originY: number } | null {
  if (paint.buckets.reduce((n, bucket) => n + bucket.rects.length / 4, 0) > PICTURE_MAX_BOXES) return null;
  const b = paintBounds(paint);
  const width = Math.ceil((b.right - b.left) * zoom + PICTURE_PAD.left + PICTURE_PAD.right);
  const height = Math.ceil((b.bottom - b.top) * zoom + PICTURE_PAD.top + PICTURE_PAD.bottom);
  if (width * height * dpr * dpr > PICTURE_MAX_PIXELS) return null;
  return { width, height, originX: b.left - PICTURE_PAD.left / zoom, originY: b.top - PICTURE_PAD.top / zoom };
}

/** The buffers of a paint, to transfer it between threads without copying. */
export function paintBuffers(paint: Paint): ArrayBuffer[] {
  return [paint.edges.buffer as ArrayBuffer, ...paint.buckets.map((b) => b.rects.buffer as ArrayBuffer)];
}

// Paints made elsewhere (the ingest worker) for a layout, keyed by the layout object.
const prepared = new WeakMap<LaidOutGraph, { direction: Direction; overlayOn: boolean; paint: Paint }>();

/** Keeps a paint made for `layout` elsewhere, for `paintFor`. */
export function keepPaint(layout: LaidOutGraph, direction: Direction, overlayOn: boolean, paint: Paint): void {
  prepared.set(layout, { direction, overlayOn, paint });
}

/** The paint kept for `layout` when it was made for this direction and overlay. */
export function keptPaint(layout: LaidOutGraph, direction: Direction, overlayOn: boolean): Paint | undefined {
  const kept = prepared.get(layout);
  return kept && kept.direction === direction && kept.overlayOn === overlayOn ? kept.paint : undefined;
}

/** The paint of `layout`: the one kept for it when it matches, else prepared now. */
export function paintFor(layout: LaidOutGraph, direction: Direction, overlayOn: boolean): Paint {
  return keptPaint(layout, direction, overlayOn) ?? preparePaint(layout, direction, overlayOn);
}
