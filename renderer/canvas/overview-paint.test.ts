/** The overview canvas's paint: every box once, by depth and colour; one made in the worker is used as is. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { generateAccount } from '../../shared/synth/generate-account';
import { keepPaint, paintBuffers, paintFor, preparePaint } from './overview-paint';

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
