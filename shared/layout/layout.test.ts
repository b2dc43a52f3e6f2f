import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph } from '../graph/build-graph';
import { DEFAULT_VIEW } from '../graph/view';
import { emptyTopology, makeCluster, makeService, makeTask } from '../graph/testing/make-topology';
import type { LaidOutGraph, PositionedNode } from '../graph/types';
import type { Topology } from '../model/types';
import { gridColumns, layoutGraph } from './layout';

/** Builds a topology of `clusters` clusters, each with services of the given task counts and a standalone family. */
function topology(shape: { services: number[]; standalone: number }[]): Topology {
  const t = emptyTopology();
  shape.forEach((c, ci) => {
    const cluster = makeCluster(`c${ci}`);
    t.clusters.push(cluster);
    c.services.forEach((n, si) => {
      const service = makeService(cluster, `s${si}`);
      t.services.push(service);
      for (let k = 0; k < n; k++)
        t.tasks.push(
          makeTask(`c${ci}s${si}t${k}`, {
            cluster,
            service,
            containers: Array.from({ length: 1 + (k % 3) }, (_, i) => `ctr${i}`),
          }),
        );
    });
    for (let k = 0; k < c.standalone; k++) t.tasks.push(makeTask(`c${ci}f${k}`, { cluster, family: 'batch' }));
  });
  return t;
}

function overlaps(a: PositionedNode, b: PositionedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Pairs of sibling boxes (same parent, or both top-level) that overlap. */
function overlappingSiblings(g: LaidOutGraph): [string, string][] {
  const byParent = new Map<string, PositionedNode[]>();
  for (const n of g.nodes) {
    const list = byParent.get(n.parentId ?? '') ?? [];
    list.push(n);
    byParent.set(n.parentId ?? '', list);
  }
  const bad: [string, string][] = [];
  for (const list of byParent.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) if (overlaps(list[i], list[j])) bad.push([list[i].id, list[j].id]);
  return bad;
}

/** Children that stick out of their parent's box (child positions are parent-relative). */
function escapingChildren(g: LaidOutGraph): string[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  return g.nodes
    .filter((n) => n.parentId)
    .filter((n) => {
      const p = byId.get(n.parentId!)!;
      return n.x < 0 || n.y < 0 || n.x + n.width > p.width || n.y + n.height > p.height;
    })
    .map((n) => n.id);
}

describe('layoutGraph', () => {
  const shape = [
    { services: [6, 2, 1, 12], standalone: 3 },
    { services: [5, 0, 9], standalone: 0 },
  ];

  it('places no two boxes on top of each other, and keeps cards inside their box', () => {
    for (const direction of ['LR', 'TB'] as const) {
      const g = layoutGraph(buildGraph(topology(shape), DEFAULT_VIEW), direction);
      expect(overlappingSiblings(g)).toEqual([]);
      expect(escapingChildren(g)).toEqual([]);
    }
  });

  it('holds for any mix of clusters, services and task counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ services: fc.array(fc.nat(14), { maxLength: 5 }), standalone: fc.nat(5) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom('LR' as const, 'TB' as const),
        (s, direction) => {
          const g = layoutGraph(buildGraph(topology(s), DEFAULT_VIEW), direction);
          return overlappingSiblings(g).length === 0 && escapingChildren(g).length === 0;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('ranks left-to-right by default and top-to-bottom on request', () => {
    const t = topology([{ services: [2], standalone: 0 }]);
    const find = (g: LaidOutGraph, kind: string) => g.nodes.find((n) => n.kind === kind)!;
    const lr = layoutGraph(buildGraph(t, DEFAULT_VIEW), DEFAULT_VIEW.direction);
    expect(find(lr, 'service').x).toBeGreaterThan(find(lr, 'cluster').x + find(lr, 'cluster').width);
    const tb = layoutGraph(buildGraph(t, DEFAULT_VIEW), 'TB');
    expect(find(tb, 'service').y).toBeGreaterThan(find(tb, 'cluster').y + find(tb, 'cluster').height);
  });

  it('grows a task box to hold its cards in a grid', () => {
    const g = layoutGraph(buildGraph(topology([{ services: [9], standalone: 0 }]), DEFAULT_VIEW), 'LR');
    const box = g.nodes.find((n) => n.kind === 'group')!;
    const cards = g.nodes.filter((n) => n.parentId === box.id);
    expect(cards).toHaveLength(9);
    expect(new Set(cards.map((c) => c.x)).size).toBe(gridColumns(9, 'LR'));
    expect(box.width).toBeGreaterThanOrEqual(Math.max(...cards.map((c) => c.x + c.width)));
  });

  it('keeps boxes wide when ranks run left to right and narrow when they run down', () => {
    expect(gridColumns(6, 'LR')).toBe(6);
    expect(gridColumns(7, 'LR')).toBe(4); // two even rows, not 6 + 1
    expect(gridColumns(50, 'LR')).toBeGreaterThan(gridColumns(50, 'TB'));
    for (const n of [1, 2, 5, 13, 200])
      for (const d of ['LR', 'TB'] as const) expect(gridColumns(n, d)).toBeLessThanOrEqual(n);
  });

  it('reports a drawing size that holds every top-level box', () => {
    const g = layoutGraph(buildGraph(topology(shape), DEFAULT_VIEW), 'LR');
    for (const n of g.nodes.filter((m) => !m.parentId)) {
      expect(n.x + n.width).toBeLessThanOrEqual(g.width);
      expect(n.y + n.height).toBeLessThanOrEqual(g.height);
    }
  });
});
