/**
 * The layout index decides which cards and edges React Flow holds near the screen: a card it misses is a hole
 * in the diagram, an edge it misses a line that stops short. Checked against a brute-force reading of the same
 * layout for random rectangles, in both directions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import type { LaidOutGraph } from '../../shared/graph/types';
import { DEFAULT_VIEW, type Direction } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { absolutePositions, edgeBend, edgeEnds } from '../../shared/layout/positions';
import { generateAccount } from '../../shared/synth/generate-account';
import {
  indexLayout,
  keepLayoutIndex,
  layoutIndexBuffers,
  layoutIndexData,
  layoutIndexFor,
  layoutIndexSteps,
  type Rect,
} from './layout-index';

const topology = ingest([
  {
    name: 'a.json',
    text: JSON.stringify(generateAccount({ seed: 11, clusters: 3, services: 40, tasksPerService: [1, 6] })),
  },
]);
const layouts: Record<Direction, LaidOutGraph> = {
  LR: layoutGraph(buildGraph(topology, DEFAULT_VIEW), 'LR'),
  TB: layoutGraph(buildGraph(topology, DEFAULT_VIEW), 'TB'),
};

/** Rectangles over `layout` and a little beyond its top left, up to half its size. */
function rectIn(layout: LaidOutGraph): fc.Arbitrary<Rect> {
  return fc.record({
    x: fc.double({ min: -500, max: layout.width, noNaN: true }),
    y: fc.double({ min: -500, max: layout.height, noNaN: true }),
    width: fc.double({ min: 1, max: layout.width / 2, noNaN: true }),
    height: fc.double({ min: 1, max: layout.height / 2, noNaN: true }),
  });
}

function overlaps(a: Rect, b: Rect): boolean {
  return !(a.x > b.x + b.width || a.y > b.y + b.height || a.x + a.width < b.x || a.y + a.height < b.y);
}

/** The three legs of an edge's step path, as the canvas and the export draw it. */
function legs(layout: LaidOutGraph, direction: Direction, e: number): Rect[] {
  const abs = absolutePositions(layout.nodes);
  const edge = layout.edges[e];
  const s = layout.nodes.find((n) => n.id === edge.source)!;
  const t = layout.nodes.find((n) => n.id === edge.target)!;
  const tips = edgeEnds(s, abs.get(s.id)!, t, abs.get(t.id)!, direction);
  const { x1, y1, x2, y2 } = tips;
  const lr = direction === 'LR';
  const bend = edgeBend(tips, edge.bend, direction);
  const p = lr ? [x1, y1, bend, y1, bend, y2, x2, y2] : [x1, y1, x1, bend, x2, bend, x2, y2];
  return [0, 1, 2].map((k) => ({
    x: Math.min(p[k * 2], p[k * 2 + 2]),
    y: Math.min(p[k * 2 + 1], p[k * 2 + 3]),
    width: Math.abs(p[k * 2 + 2] - p[k * 2]),
    height: Math.abs(p[k * 2 + 3] - p[k * 2 + 1]),
  }));
}

describe('layout index: the part of a big layout near the screen', () => {
  it('has nested boxes and edges to work on', () => {
    for (const layout of Object.values(layouts)) {
      expect(layout.nodes.some((n) => n.parentId)).toBe(true);
      expect(layout.edges.length).toBeGreaterThan(40);
    }
  });

  for (const direction of ['LR', 'TB'] as const) {
    const layout = layouts[direction];
    const abs = absolutePositions(layout.nodes);
    const boxOf = (i: number): Rect => {
      const n = layout.nodes[i];
      const a = abs.get(n.id)!;
      return { x: a.x, y: a.y, width: n.width, height: n.height };
    };
    const indexOf = new Map(layout.nodes.map((n, i) => [n.id, i]));
    const ancestors = (i: number): number[] => {
      const out: number[] = [];
      for (let p = layout.nodes[i].parentId; p !== undefined; p = layout.nodes[indexOf.get(p)!].parentId)
        out.push(indexOf.get(p)!);
      return out;
    };
    const index = indexLayout(layout, direction);

    it(`${direction}: every card in a rectangle is held, with its parents, in layout order, and nothing far from it`, () => {
      fc.assert(
        fc.property(rectIn(layout), (rect) => {
          const { nodes, edges } = index.query(rect);
          expect(nodes).toEqual([...nodes].sort((a, b) => a - b));
          const held = new Set(nodes);
          const expected = new Set<number>();
          layout.nodes.forEach((_, i) => {
            if (!overlaps(boxOf(i), rect)) return;
            expected.add(i);
            for (const a of ancestors(i)) expected.add(a);
          });
          for (const i of expected) expect(held.has(i)).toBe(true);
          // Anything else held is an end of an edge crossing the rectangle, or a parent of one.
          const ends = new Set<number>();
          for (const e of edges)
            for (const id of [layout.edges[e].source, layout.edges[e].target]) {
              const i = indexOf.get(id)!;
              ends.add(i);
              for (const a of ancestors(i)) ends.add(a);
            }
          for (const i of nodes) expect(expected.has(i) || ends.has(i)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it(`${direction}: every edge crossing a rectangle is drawn, by itself or by a longer one on the same trunk`, () => {
      const allLegs = layout.edges.map((_, e) => legs(layout, direction, e));
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: layout.width, noNaN: true }),
          fc.double({ min: 0, max: layout.height, noNaN: true }),
          // Small ones too: a screen on a cluster's trunk, far from the services at its end.
          fc.double({ min: 1, max: layout.width / 6, noNaN: true }),
          fc.double({ min: 1, max: layout.height / 6, noNaN: true }),
          (x, y, width, height) => {
            const rect = { x, y, width, height };
            const { nodes, edges } = index.query(rect);
            const held = new Set(nodes);
            const drawn = new Set(edges);
            for (const e of edges) {
              // Drawn edges cross the rectangle and have both ends held (React Flow needs them).
              expect(allLegs[e].some((l) => overlaps(l, rect))).toBe(true);
              expect(held.has(indexOf.get(layout.edges[e].source)!)).toBe(true);
              expect(held.has(indexOf.get(layout.edges[e].target)!)).toBe(true);
            }
            allLegs.forEach((l, e) => {
              const inside = l.filter((leg) => overlaps(leg, rect));
              if (inside.length === 0 || drawn.has(e)) return;
              // Left out: its part in the rectangle lies on a drawn edge's first two legs.
              const covered = inside.every((leg) =>
                edges.some(
                  (d) =>
                    layout.edges[d].source === layout.edges[e].source &&
                    allLegs[d]
                      .slice(0, 2)
                      .some(
                        (dl) =>
                          dl.x <= leg.x &&
                          dl.y <= leg.y &&
                          dl.x + dl.width >= leg.x + leg.width &&
                          dl.y + dl.height >= leg.y + leg.height,
                      ),
                ),
              );
              expect(covered).toBe(true);
            });
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('is made once per layout and direction', () => {
    const layout = layouts.LR;
    expect(layoutIndexFor(layout, 'LR')).toBe(layoutIndexFor(layout, 'LR'));
    expect(layoutIndexFor(layout, 'TB')).not.toBe(layoutIndexFor(layout, 'LR'));
  });

  it('made in steps, answers as one made in one go; asked for half made, it is finished then', () => {
    const layout = layoutGraph(buildGraph(topology, DEFAULT_VIEW), 'LR');
    const whole = indexLayout(layout, 'LR');
    const step = layoutIndexSteps(layout, 'LR', 50);
    let steps = 1;
    while (!step()) steps++;
    // 50 boxes a step: the nodes, the edges' legs and both grids take many.
    expect(steps).toBeGreaterThan((layout.nodes.length + layout.edges.length * 3) / 50);
    const stepped = layoutIndexFor(layout, 'LR');
    const rects = [
      { x: 0, y: 0, width: layout.width, height: layout.height },
      { x: layout.width / 3, y: layout.height / 4, width: 400, height: 300 },
      { x: -100, y: -100, width: 150, height: 150 },
    ];
    for (const rect of rects) expect(stepped.query(rect)).toEqual(whole.query(rect));
    expect(stepped.boxes).toEqual(whole.boxes);

    const other = layoutGraph(buildGraph(topology, DEFAULT_VIEW), 'TB');
    const halfway = layoutIndexSteps(other, 'TB', 50);
    for (let k = 0; k < 5; k++) expect(halfway()).toBe(false);
    const finished = layoutIndexFor(other, 'TB');
    expect(finished.query(rects[0])).toEqual(indexLayout(other, 'TB').query(rects[0]));
    // Kept: the steps now say it is made, and asking again gives the same index.
    expect(halfway()).toBe(true);
    expect(layoutIndexFor(other, 'TB')).toBe(finished);
  });
});

describe('an index made in the ingest worker and sent with its layout', () => {
  for (const direction of ['LR', 'TB'] as const) {
    it(`${direction}: answers every rectangle as the one made on the page, after a trip through structured clone`, () => {
      const layout = layouts[direction];
      const data = layoutIndexData(layout, direction);
      // As a message carries it, its buffers transferred.
      const sent = structuredClone(data, { transfer: layoutIndexBuffers(data) });
      expect(data.boxes.byteLength).toBe(0);
      // The page's copy of the layout (another object, as the client puts it together from its slices).
      const received = { ...layout, nodes: [...layout.nodes], edges: [...layout.edges] };
      expect(keepLayoutIndex(received, sent)).toBe(true);
      const kept = layoutIndexFor(received, direction);
      const mine = indexLayout(layout, direction);
      fc.assert(
        fc.property(rectIn(layout), (rect) => {
          expect(kept.query(rect)).toEqual(mine.query(rect));
        }),
        { numRuns: 100 },
      );
      expect([...kept.boxes]).toEqual([...mine.boxes]);
    });
  }

  it('is not kept for a layout of other counts, nor asked for in another direction', () => {
    const data = layoutIndexData(layouts.LR, 'LR');
    const fewer = { ...layouts.LR, nodes: layouts.LR.nodes.slice(1) };
    expect(keepLayoutIndex(fewer, data)).toBe(false);
    const received = { ...layouts.LR };
    expect(keepLayoutIndex(received, data)).toBe(true);
    // Asked for top-down, the left-to-right index is not the answer: one is made for TB.
    expect(layoutIndexFor(received, 'TB').query({ x: 0, y: 0, width: 1e6, height: 1e6 })).toEqual(
      indexLayout(layouts.LR, 'TB').query({ x: 0, y: 0, width: 1e6, height: 1e6 }),
    );
  });
});
