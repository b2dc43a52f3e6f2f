import { describe, expect, it } from 'vitest';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { buildGraph } from '../graph/build-graph';
import { DEFAULT_VIEW, initialView, type Direction, type ViewState } from '../graph/view';
import type { LaidOutGraph, PositionedNode } from '../graph/types';
import { ingest } from '../ingest/index';
import { generateAccountOfSize } from '../synth/generate-account';
import { compactLayout, type CompactItem } from './compact-layout';
import { layoutGraph, TARGET_ASPECT } from './layout';

/** A synthetic account of about `nodes` nodes, fully expanded, laid out. */
function laidOut(nodes: number, direction: Direction = 'LR', algorithm: 'auto' | 'compact' = 'auto'): LaidOutGraph {
  const topology = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(nodes)) }]);
  return layoutGraph(buildGraph(topology, { ...DEFAULT_VIEW, direction, collapsed: [] }), direction, { algorithm });
}

/** Absolute boxes (children are parent-relative). */
function absolute(g: LaidOutGraph): Map<string, PositionedNode> {
  const out = new Map<string, PositionedNode>();
  for (const n of g.nodes) {
    const p = n.parentId ? out.get(n.parentId) : undefined;
    out.set(n.id, { ...n, x: n.x + (p?.x ?? 0), y: n.y + (p?.y ?? 0) });
  }
  return out;
}

/**
 * Pairs of overlapping boxes among siblings (same parent, or both top-level),
 * found with a sweep over x so 20,000 nodes do not need 200 million checks.
 */
function overlaps(g: LaidOutGraph): string[] {
  const byParent = new Map<string, PositionedNode[]>();
  for (const n of g.nodes) {
    const list = byParent.get(n.parentId ?? '') ?? [];
    list.push(n);
    byParent.set(n.parentId ?? '', list);
  }
  const bad: string[] = [];
  for (const list of byParent.values()) {
    const sorted = [...list].sort((a, b) => a.x - b.x);
    const active: PositionedNode[] = [];
    for (const n of sorted) {
      for (let i = active.length - 1; i >= 0; i--) if (active[i].x + active[i].width <= n.x) active.splice(i, 1);
      for (const a of active) if (a.y < n.y + n.height && n.y < a.y + a.height) bad.push(`${a.id} × ${n.id}`);
      active.push(n);
    }
  }
  return bad;
}

/** Parents that do not end before their children start in the reading direction (LR: x, TB: y). */
function parentsAfterChildren(g: LaidOutGraph, direction: Direction): string[] {
  const abs = absolute(g);
  return g.edges
    .filter((e) => {
      const s = abs.get(e.source)!;
      const t = abs.get(e.target)!;
      return direction === 'LR' ? s.x + s.width >= t.x : s.y + s.height >= t.y;
    })
    .map((e) => e.id);
}

/** Bounding box of what is drawn, and the sum of the top-level boxes (nested ones lie inside them). */
function shape(g: LaidOutGraph): { width: number; height: number; topLevelArea: number } {
  let right = 0;
  let bottom = 0;
  let topLevelArea = 0;
  for (const n of g.nodes) {
    if (n.parentId) continue;
    right = Math.max(right, n.x + n.width);
    bottom = Math.max(bottom, n.y + n.height);
    topLevelArea += n.width * n.height;
  }
  return { width: right, height: bottom, topLevelArea };
}

describe('compact layout of a big account', () => {
  for (const nodes of [1000, 20000]) {
    describe(`${nodes.toLocaleString('en')} nodes, fully expanded`, () => {
      const g = laidOut(nodes);

      it('is the compact layout, not dagre', () => {
        expect(g.algorithm).toBe('compact');
        expect(g.nodes.length).toBeGreaterThan(nodes * 0.9);
      });

      it('places no two boxes on top of each other', () => {
        expect(overlaps(g)).toEqual([]);
      });

      it('puts every parent before its children when reading left to right', () => {
        expect(parentsAfterChildren(g, 'LR')).toEqual([]);
      });

      it('draws a picture of screen-like shape, not a strip (aspect between 1:4 and 4:1)', () => {
        const s = shape(g);
        const aspect = s.width / s.height;
        expect(aspect).toBeGreaterThanOrEqual(1 / 4);
        expect(aspect).toBeLessThanOrEqual(4);
        expect(Math.abs(Math.log(aspect / TARGET_ASPECT))).toBeLessThan(Math.log(2));
      });

      it('wastes little room: the bounding box is at most 4× the area its boxes cover', () => {
        const s = shape(g);
        // Top-level boxes only: nested cards lie inside them, so counting them too would flatter the ratio.
        expect(s.width * s.height).toBeLessThanOrEqual(4 * s.topLevelArea);
      });

      it('reports a drawing size that holds every box', () => {
        const s = shape(g);
        expect(s.width).toBeLessThanOrEqual(g.width);
        expect(s.height).toBeLessThanOrEqual(g.height);
      });
    });
  }

  it('keeps parents before children reading top to bottom, without overlaps', () => {
    const g = laidOut(3000, 'TB', 'compact');
    expect(parentsAfterChildren(g, 'TB')).toEqual([]);
    expect(overlaps(g)).toEqual([]);
    const s = shape(g);
    expect(s.width / s.height).toBeGreaterThanOrEqual(1 / 4);
    expect(s.width / s.height).toBeLessThanOrEqual(4);
  });

  it('routes every edge so it turns in the gap between its two ends', () => {
    const g = laidOut(1000);
    const abs = absolute(g);
    for (const e of g.edges) {
      const s = abs.get(e.source)!;
      const t = abs.get(e.target)!;
      expect(e.bend).toBeGreaterThan(s.x + s.width);
      expect(e.bend).toBeLessThan(t.x);
    }
  });
});

describe('choice of layout', () => {
  it('keeps dagre for a small account', () => {
    expect(laidOut(120).algorithm).toBe('layered');
  });
});

describe('layout of little or nothing', () => {
  const spacing = { rankSep: 80, nodeSep: 24, lineSep: 56, margin: 24, aspect: 1.6 };
  const items = (...boxes: [string, number, number][]) =>
    new Map<string, CompactItem>(boxes.map(([id, width, height]) => [id, { id, width, height }]));
  const directions: Direction[] = ['LR', 'TB'];

  it('lays out an empty forest as an empty drawing of its margins', () => {
    for (const direction of directions) {
      const r = compactLayout(new Map(), [], new Map(), direction, spacing);
      expect(r.positions.size).toBe(0);
      expect({ width: r.width, height: r.height }).toEqual({ width: 48, height: 48 });
    }
  });

  it('places boxes of no size and nodes with an empty child list', () => {
    for (const direction of directions) {
      const r = compactLayout(
        items(['a', 0, 0], ['b', 0, 0], ['c', 0, 0], ['d', 0, 0]),
        ['a', 'd'],
        new Map([
          ['a', ['b', 'c']],
          ['b', []],
        ]),
        direction,
        spacing,
      );
      expect([...r.positions.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
      for (const p of r.positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(Number.isFinite(r.width) && Number.isFinite(r.height)).toBe(true);
    }
  });

  // Opening fixtures/ingest as a folder reads no file (its descriptions are one folder down), and a
  // filter can match nothing: either way the user gets an empty diagram, not "Layout failed".
  it('draws an empty diagram for a load with nothing in it or a filter that keeps nothing', () => {
    const empty = ingest(loadFixtureDir('ingest'));
    const prod = ingest(loadFixtureDir('ingest/prod'));
    const graphs = [
      buildGraph(empty, DEFAULT_VIEW),
      buildGraph(prod, { ...DEFAULT_VIEW, filters: { text: 'no such name' } }),
    ];
    for (const graph of graphs) {
      expect(graph.nodes).toEqual([]);
      for (const direction of directions) {
        for (const algorithm of ['auto', 'compact'] as const) {
          const g = layoutGraph(graph, direction, { algorithm });
          expect(g.nodes).toEqual([]);
          expect(Number.isFinite(g.width) && Number.isFinite(g.height)).toBe(true);
        }
      }
    }
  });

  it('lays out every file of fixtures/ingest loaded together: every box placed, none on another', () => {
    const topology = ingest(loadFixtureDir('ingest/prod'));
    const views: ViewState[] = [initialView(topology), DEFAULT_VIEW];
    for (const view of views) {
      for (const direction of directions) {
        for (const algorithm of ['auto', 'compact'] as const) {
          const graph = buildGraph(topology, { ...view, direction });
          const g = layoutGraph(graph, direction, { algorithm });
          const where = `${direction} ${algorithm}`;
          expect(g.nodes.length, where).toBe(graph.nodes.length);
          expect(
            g.nodes.filter((n) => !Number.isFinite(n.x) || !Number.isFinite(n.y)).map((n) => n.id),
            where,
          ).toEqual([]);
          expect(overlaps(g), where).toEqual([]);
          const s = shape(g);
          expect(s.width, where).toBeLessThanOrEqual(g.width);
          expect(s.height, where).toBeLessThanOrEqual(g.height);
        }
      }
    }
  });
});
