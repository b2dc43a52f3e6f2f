/** The overview canvas's paint: every box once, by depth and colour; one made in the worker is used as is. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { generateAccount } from '../../shared/synth/generate-account';
import { searchEmphasis } from '../../shared/graph/emphasis';
import { ancestorIds } from '../../shared/graph/build-graph';
import { searchTopology } from '../../shared/graph/search';
import { draw, emphasisPaint, keepPaint, paintBuffers, paintFor, preparePaint } from './overview-paint';

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
    const veil = lit2.fills.findIndex((f) => f.style.startsWith('rgba(255, 255, 255'));
    expect(veil).toBe(plain.fills.length);
    expect(plain.fills.some((f) => f.style.startsWith('rgba(255, 255, 255'))).toBe(false);
    // After the veil, only lit boxes (those tall enough to paint at this zoom).
    expect(lit2.fills.length - veil - 1).toBeGreaterThan(0);
    expect(lit2.fills.length - veil - 1).toBeLessThanOrEqual(lit.size);
    const rings = lit2.rings.filter((r) => r.style === '#f59e0b');
    expect(rings).toHaveLength(shown.size);
    for (const r of rings) expect(Math.min(r.w, r.h) * zoom).toBeGreaterThanOrEqual(7 - 1e-9);
  });
});
