/** The overview canvas's paint: every box once, by depth and colour; one made in the worker is used as is. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { generateAccount } from '../../shared/synth/generate-account';
import { searchEmphasis } from '../../shared/graph/emphasis';
import { ancestorIds } from '../../shared/graph/build-graph';
import { searchTopology } from '../../shared/graph/search';
import {
  draw,
  emphasisPaint,
  keepPaint,
  paintBounds,
  paintBuffers,
  paintFor,
  picturePlan,
  pixelOf,
  PIXEL_RINGS_MIN,
  ringPixels,
  PICTURE_MAX_BOXES,
  PICTURE_MAX_PIXELS,
  PICTURE_PAD,
  preparePaint,
} from './overview-paint';

const topology = ingest([
  {
    name: 'a.json',
    text: JSON.stringify(generateAccount({ seed: 4, clusters: 2, services: 6, tasksPerService: [2, 4] })),
  },
]);
const layout = layoutGraph(buildGraph(topology, DEFAULT_VIEW), 'LR');

describe('overview paint', () => {
  it('holds every node box once, parents before children, and an edge for every edge it can place', () => {
    const paint = preparePaint(layout, 'LR', true);
    const rects = paint.buckets.reduce((n, b) => n + b.rects.length / 4, 0);
    expect(rects).toBe(layout.nodes.length);
    const depths = paint.buckets.map((b) => b.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(paint.edges.length / 5).toBe(layout.edges.length);
    // Names of clusters and services, for the far-out picture.
    expect(paint.labels.map((l) => l.text).sort()).toEqual(
      layout.nodes
        .filter((n) => n.kind === 'cluster' || n.kind === 'service')
        .map((n) => (n.data as { name: string }).name)
        .sort(),
    );
  });

  it('uses a paint kept for the layout when direction and overlay match, and prepares its own otherwise', () => {
    const kept = preparePaint(layout, 'LR', true);
    keepPaint(layout, 'LR', true, kept);
    expect(paintFor(layout, 'LR', true)).toBe(kept);
    const neutral = paintFor(layout, 'LR', false);
    expect(neutral).not.toBe(kept);
    // Overlay off: no launch-type accent among the fills.
    expect(neutral.buckets.map((b) => b.fill)).not.toEqual(kept.buckets.map((b) => b.fill));
    expect(paintFor(layout, 'TB', true)).not.toBe(kept);
  });

  it('names the buffers to transfer: the edges and each bucket', () => {
    const paint = preparePaint(layout, 'LR', true);
    expect(paintBuffers(paint)).toEqual([paint.edges.buffer, ...paint.buckets.map((b) => b.rects.buffer)]);
  });
});

/** A 2D context that records what is drawn: fills with their style, ring rectangles with theirs. */
function recordingContext() {
  const fills: { style: string; x: number; y: number; w: number; h: number }[] = [];
  const rings: { style: string; x: number; y: number; w: number; h: number }[] = [];
  const state = { fillStyle: '', strokeStyle: '', pending: [] as { x: number; y: number; w: number; h: number }[] };
  const ctx = {
    set fillStyle(v: string) {
      state.fillStyle = v;
    },
    set strokeStyle(v: string) {
      state.strokeStyle = v;
    },
    lineWidth: 1,
    font: '',
    textBaseline: '',
    setTransform: () => undefined,
    clearRect: () => undefined,
    beginPath: () => (state.pending = []),
    moveTo: () => undefined,
    lineTo: () => undefined,
    fillText: () => undefined,
    rect: (x: number, y: number, w: number, h: number) => state.pending.push({ x, y, w, h }),
    stroke: () => rings.push(...state.pending.map((r) => ({ style: state.strokeStyle, ...r }))),
    fillRect: (x: number, y: number, w: number, h: number) => fills.push({ style: state.fillStyle, x, y, w, h }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, fills, rings };
}

describe('overview emphasis: a search far out', () => {
  const query = topology.services[1].name;
  const hits = searchTopology(topology, query).map((h) => h.id);
  const { lit, shown } = searchEmphasis(layout, hits, (id) => ancestorIds(topology, id));

  it('paints again only what the search lights, and rings each hit and the current one', () => {
    const current = [...shown][0];
    const e = emphasisPaint(layout, true, { lit, hits: shown, current })!;
    expect(e.lit.reduce((n, b) => n + b.rects.length / 4, 0)).toBe(lit.size);
    expect(lit.size).toBeLessThan(layout.nodes.length);
    expect(e.hits.length / 4).toBe(shown.size);
    expect(e.current?.length).toBe(4);
    // Nothing lit: nothing to add.
    expect(emphasisPaint(layout, true, { lit: null, hits: new Set(), current: null })).toBeNull();
  });

  it('draws a veil over the drawing, the lit boxes over it, and rings of at least 7 px however far out', () => {
    const paint = preparePaint(layout, 'LR', true);
    const e = emphasisPaint(layout, true, { lit, hits: shown, current: null })!;
    const zoom = 0.02;
    const plain = recordingContext();
    draw(plain.ctx, paint, true, [0, 0, zoom], 4000, 4000, 1);
    const lit2 = recordingContext();
    draw(lit2.ctx, paint, true, [0, 0, zoom], 4000, 4000, 1, e);
    const veil = lit2.fills.findIndex((f) => f.style.startsWith('rgba(246, 247, 249'));
    expect(veil).toBe(plain.fills.length);
    expect(plain.fills.some((f) => f.style.startsWith('rgba(246, 247, 249'))).toBe(false);
    // After the veil, only lit boxes (those tall enough to paint at this zoom), then the rings' sides.
    const repainted = lit2.fills.slice(veil + 1).filter((f) => f.style !== '#f59e0b');
    expect(repainted.length).toBeGreaterThan(0);
    expect(repainted.length).toBeLessThanOrEqual(lit.size);
    // Each hit's ring: its four sides, top and bottom as wide as the ring (at least 7 px), the sides as tall.
    const sides = lit2.fills.filter((f) => f.style === '#f59e0b');
    expect(sides).toHaveLength(4 * shown.size);
    for (let i = 0; i < sides.length; i += 4) {
      const [top, bottom, left, right] = sides.slice(i, i + 4);
      expect(top.w * zoom).toBeGreaterThanOrEqual(7 - 1e-9);
      expect(bottom).toMatchObject({ x: top.x, w: top.w, h: top.h });
      expect(left.y + left.h).toBeCloseTo(bottom.y, 6);
      expect(right.x + right.w).toBeCloseTo(top.x + top.w, 6);
      expect(left.h * zoom).toBeGreaterThanOrEqual(7 - 2 * 2 - 1e-9);
    }
  });

  it('when most boxes are lit, veils only the outermost boxes left out (and the edges), painting nothing again', () => {
    // Everything lit but one cluster and what it holds: a one-letter query far out on a big account.
    const left = layout.nodes.find((n) => n.kind === 'cluster')!;
    const inside = new Set([left.id]);
    for (const n of layout.nodes) if (n.parentId && inside.has(n.parentId)) inside.add(n.id);
    const most = new Set(layout.nodes.filter((n) => !inside.has(n.id)).map((n) => n.id));
    expect(most.size * 2).toBeGreaterThan(layout.nodes.length);
    const e = emphasisPaint(layout, true, { lit: most, hits: most, current: null })!;
    expect(e.lit).toEqual([]);
    const outermost = layout.nodes.filter((n) => !most.has(n.id) && (!n.parentId || most.has(n.parentId)));
    expect(e.dimmed!.length / 4).toBe(outermost.length);
    const paint = preparePaint(layout, 'LR', true);
    const zoom = 0.02;
    const plain = recordingContext();
    draw(plain.ctx, paint, true, [0, 0, zoom], 4000, 4000, 1);
    const dim = recordingContext();
    draw(dim.ctx, paint, true, [0, 0, zoom], 4000, 4000, 1, e);
    // The plain picture, then one veil per box left out (then the rings), and no box painted twice.
    const veils = dim.fills.slice(plain.fills.length).filter((f) => f.style !== '#f59e0b');
    expect(veils.length).toBeLessThanOrEqual(outermost.length);
    expect(veils.length).toBeGreaterThan(0);
    for (const v of veils) expect(v.style).toBe('rgba(246, 247, 249, 0.84)');
    expect(dim.fills.slice(0, plain.fills.length)).toEqual(plain.fills);
    // No veil over the whole drawing: each covers one box.
    expect(veils.every((v) => v.w * v.h <= Math.max(...layout.nodes.map((n) => n.width * n.height)))).toBe(true);
  });
});

describe('the picture a pan far out copies', () => {
  const paint = preparePaint(layout, 'LR', true);

  it('covers every box and edge of the paint', () => {
    const b = paintBounds(paint);
    for (const bucket of paint.buckets)
      for (let i = 0; i < bucket.rects.length; i += 4) {
        expect(bucket.rects[i]).toBeGreaterThanOrEqual(b.left);
        expect(bucket.rects[i + 1] + bucket.rects[i + 3]).toBeLessThanOrEqual(b.bottom);
      }
    // The layout's size is the drawing's with its margins.
    expect(b.right - b.left).toBeLessThanOrEqual(layout.width);
    expect(b.bottom - b.top).toBeLessThanOrEqual(layout.height);
    // Top-down too, where an edge's bend is a y.
    const down = layoutGraph(buildGraph(topology, { ...DEFAULT_VIEW, direction: 'TB' }), 'TB');
    const d = paintBounds(preparePaint(down, 'TB', true));
    expect(d.right - d.left).toBeLessThanOrEqual(down.width);
    expect(d.bottom - d.top).toBeLessThanOrEqual(down.height);
    expect(b.right - b.left).toBeGreaterThan(0.9 * layout.width);
  });

  it('is the drawing at the zoom with room for names, and none when it would be too big to keep', () => {
    const b = paintBounds(paint);
    const far = picturePlan(paint, 0.05, 1)!;
    expect(far.width).toBe(Math.ceil((b.right - b.left) * 0.05 + PICTURE_PAD.left + PICTURE_PAD.right));
    // Its top left is the drawing's, less the room for the names above.
    expect(far.originY).toBeCloseTo(b.top - PICTURE_PAD.top / 0.05, 6);
    const tooClose = Math.sqrt(PICTURE_MAX_PIXELS / ((b.right - b.left) * (b.bottom - b.top))) * 1.5;
    expect(picturePlan(paint, tooClose, 1)).toBeNull();
    // Twice the pixel ratio is four times the pixels.
    expect(picturePlan(paint, tooClose / 1.6, 2)).toBeNull();
  });

  it('is not made of more boxes than PICTURE_MAX_BOXES (making it would be a long task)', () => {
    const rects = (n: number) => Float64Array.from({ length: 4 * n }, (_, i) => (i % 4 < 2 ? i : 10));
    const many = {
      buckets: [{ depth: 0, fill: '#fff', stroke: null, rects: rects(PICTURE_MAX_BOXES + 1) }],
      labels: [],
      edges: new Float64Array(),
    };
    const enough = { ...many, buckets: [{ ...many.buckets[0], rects: rects(PICTURE_MAX_BOXES) }] };
    expect(picturePlan(many, 0.001, 1)).toBeNull();
    expect(picturePlan(enough, 0.001, 1)).not.toBeNull();
  });
});

describe('many rings, set as pixels', () => {
  afterEach(() => vi.unstubAllGlobals());
  const AMBER = pixelOf('#f59e0b');
  const set = (px: Uint32Array) => px.reduce((n, p) => n + (p === AMBER ? 1 : 0), 0);

  it('a pixel is the colour in RGBA byte order, opaque', () => {
    expect([...new Uint8Array(Uint32Array.of(AMBER).buffer)]).toEqual([0xf5, 0x9e, 0x0b, 0xff]);
  });

  it('rings a box 2 px out with a 2 px band, as the filled sides do, and leaves its inside alone', () => {
    const [W, H] = [300, 200];
    const px = new Uint32Array(W * H);
    // A 200 × 100 box at (100, 50), zoom 0.5, moved by (10, 20): on screen 100 × 50 at (60, 45).
    expect(ringPixels(px, W, H, Float64Array.of(100, 50, 200, 100), AMBER, { tx: 10, ty: 20, zoom: 0.5, dpr: 1 })).toBe(
      1,
    );
    // The ring 104 × 54 around its centre (110, 70), the band centred on that edge: x 57–162, y 42–97.
    const at = (x: number, y: number) => px[y * W + x] === AMBER;
    for (const [x, y] of [
      [57, 42],
      [162, 43],
      [57, 97],
      [162, 96],
      [58, 70],
      [161, 70],
      [110, 42],
      [110, 97],
    ])
      expect(at(x, y), `${x},${y}`).toBe(true);
    for (const [x, y] of [
      [56, 42],
      [163, 70],
      [110, 41],
      [110, 98],
      [59, 70],
      [160, 70],
      [110, 70],
      [110, 44],
    ])
      expect(at(x, y), `${x},${y}`).toBe(false);
    expect(set(px)).toBe(2 * 106 * 2 + 2 * 2 * 52);
  });

  it('is at least 7 px across however far out, and twice as thick at twice the pixel density', () => {
    const [W, H] = [100, 100];
    const far = new Uint32Array(W * H);
    ringPixels(far, W, H, Float64Array.of(1000, 1000, 100, 50), AMBER, { tx: 0, ty: 0, zoom: 0.02, dpr: 1 });
    // 7 px and the band's half on each side: 9 × 9, a 2 px band.
    expect(set(far)).toBe(9 * 9 - 5 * 5);
    const dense = new Uint32Array(W * H);
    ringPixels(dense, W, H, Float64Array.of(1000, 1000, 100, 50), AMBER, { tx: 0, ty: 0, zoom: 0.02, dpr: 2 });
    expect(set(dense)).toBe(18 * 18 - 10 * 10);
  });

  it('leaves out what is off the canvas, never wrapping onto the next row', () => {
    const [W, H] = [50, 50];
    const px = new Uint32Array(W * H);
    // Across the right edge and the bottom: only the top and left sides are on the canvas.
    ringPixels(px, W, H, Float64Array.of(40, 40, 30, 30), AMBER, { tx: 0, ty: 0, zoom: 1, dpr: 1 });
    for (let y = 0; y < H; y++) for (let x = 0; x < 30; x++) expect(px[y * W + x]).toBe(0);
    expect(set(px)).toBeGreaterThan(0);
    // Wholly off: nothing.
    const off = new Uint32Array(W * H);
    expect(ringPixels(off, W, H, Float64Array.of(-500, 10, 30, 30), AMBER, { tx: 0, ty: 0, zoom: 1, dpr: 1 })).toBe(0);
    expect(set(off)).toBe(0);
  });

  it('draw copies many rings on as one layer rather than filling four sides each', () => {
    const layers: { put: Uint32Array | null }[] = [];
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        layer = { put: null as Uint32Array | null };
        constructor(
          readonly width: number,
          readonly height: number,
        ) {
          layers.push(this.layer);
        }
        getContext() {
          return {
            createImageData: (w: number, h: number) => ({
              data: new Uint8ClampedArray(w * h * 4),
              width: w,
              height: h,
            }),
            putImageData: (image: { data: Uint8ClampedArray }) =>
              (this.layer.put = new Uint32Array(image.data.buffer.slice(0))),
          };
        }
      },
    );
    const n = PIXEL_RINGS_MIN + 10;
    const hits = new Float64Array(n * 4);
    for (let i = 0; i < n; i++) hits.set([(i % 50) * 400, Math.floor(i / 50) * 400, 180, 60], i * 4);
    const e = { lit: [], dimmed: new Float64Array(0), hits, current: null };
    const recording = recordingContext();
    const copies: unknown[] = [];
    Object.assign(recording.ctx, {
      canvas: { width: 800, height: 600 },
      save: () => undefined,
      restore: () => undefined,
      drawImage: (image: unknown) => copies.push(image),
    });
    draw(recording.ctx, preparePaint(layout, 'LR', true), true, [0, 0, 0.02], 800, 600, 1, e);
    expect(recording.fills.filter((f) => f.style === '#f59e0b')).toHaveLength(0);
    expect(copies).toHaveLength(1);
    expect(layers).toHaveLength(1);
    expect(set(layers[0].put!)).toBeGreaterThan(n);
  });
});
