import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import { toggleCollapse } from '../graph/collapse';
import type { LaidOutGraph } from '../graph/types';
import { DEFAULT_VIEW, initialView, type ViewState } from '../graph/view';
import { ingest } from '../ingest/index';
import type { Topology } from '../model/types';
import type { Bundle } from '../ingest/bundle';
import { generateAccount, generateAccountOfSize, rng } from '../synth/generate-account';
import { layoutGraph } from './layout';
import { createLayoutSession } from './layout-session';

function load(...bundles: Bundle[]): Topology {
  return ingest(bundles.map((b, i) => ({ name: `account-${i}.json`, text: JSON.stringify(b) })));
}

/**
 * The view with one node toggled as a click on its `−` / `+N` would: a kind first (account, cluster,
 * service, box or stack, task), so the many tasks do not crowd out the rest, then a node of that kind.
 */
function clickOne(
  laid: LaidOutGraph,
  view: ViewState,
  next: () => number,
  kinds?: string[],
): { view: ViewState; id: string } {
  const byKind = new Map<string, LaidOutGraph['nodes']>();
  for (const n of laid.nodes) {
    if (!n.collapsible || (kinds && !kinds.includes(n.kind))) continue;
    const list = byKind.get(n.kind);
    if (list) list.push(n);
    else byKind.set(n.kind, [n]);
  }
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const node = pick(pick([...byKind.values()]));
  return { view: toggleCollapse(view, node.id, node.collapsed), id: node.id };
}

/** The layout a fresh worker would make: no cache at all. */
function fresh(topology: Topology, view: ViewState): LaidOutGraph {
  return layoutGraph(buildGraph(topology, view), view.direction);
}

/** The first item (node or edge) that differs, with both versions, or undefined: a failure says where, not 5 MB of JSON. */
function firstDifference<T>(incremental: T[], scratch: T[]): { at: number; incremental: T; scratch: T } | undefined {
  for (let i = 0; i < Math.max(incremental.length, scratch.length); i++) {
    if (JSON.stringify(incremental[i]) !== JSON.stringify(scratch[i]))
      return { at: i, incremental: incremental[i], scratch: scratch[i] };
  }
  return undefined;
}

function expectSame(incremental: LaidOutGraph, scratch: LaidOutGraph, step: string): void {
  // JSON first: same keys in the same order too (what a structured clone and the canvas see).
  expect(firstDifference(incremental.nodes, scratch.nodes), `${step}: nodes`).toBeUndefined();
  expect(firstDifference(incremental.edges, scratch.edges), `${step}: edges`).toBeUndefined();
  expect({ ...incremental, nodes: [], edges: [] }, step).toStrictEqual({ ...scratch, nodes: [], edges: [] });
  expect(incremental, step).toStrictEqual(scratch);
}

describe('layout session (incremental relayout)', () => {
  it('lays out exactly as from scratch through random expands, collapses, stacks, filters, direction and view changes', () => {
    // Two accounts (the account level), Service Connect and Cloud Map (cross-links), services of up to
    // 18 tasks (stacks above 12), about 5,000 nodes fully expanded.
    const topology = load(
      generateAccount({
        seed: 3,
        services: 330,
        clusters: 3,
        tasksPerService: [2, 18],
        serviceConnectShare: 0.3,
        cloudMapShare: 0.2,
      }),
      generateAccount({ seed: 4, accountId: '111122223333', region: 'us-east-1', services: 60, clusters: 1 }),
    );
    const next = rng(8);
    const session = createLayoutSession();
    let view: ViewState = { ...DEFAULT_VIEW, collapsed: [] };
    let laid = session.layOut(topology, view, view.direction);
    expect(laid.algorithm).toBe('compact');
    expect(laid.nodes.length).toBeGreaterThan(4000);
    for (let step = 0; step < 32; step++) {
      let what: string;
      if (step === 12 || step === 28) {
        view = { ...view, direction: view.direction === 'LR' ? 'TB' : 'LR' };
        what = `direction ${view.direction}`;
      } else if (step === 18) {
        // With a cluster collapsed, so its "+N" is counted under the filter, then without it.
        const cluster = laid.nodes.find((n) => n.kind === 'cluster' && !n.collapsed)!;
        view = { ...view, filters: { problemsOnly: true }, collapsed: [...view.collapsed, cluster.id] };
        what = 'problems only';
      } else if (step === 19) {
        view = { ...view, filters: {} };
        what = 'filters cleared';
      } else if (step === 22) {
        view = { ...view, mode: 'placement' };
        what = 'placement view';
      } else if (step === 24) {
        view = { ...view, mode: 'hierarchy' };
        what = 'hierarchy view';
      } else {
        const click = clickOne(laid, view, next);
        view = click.view;
        what = `toggle ${click.id}`;
      }
      // Every other step in the two halves the ingest worker uses (build, then place), same result.
      laid =
        step % 2
          ? session.layOut(topology, view, view.direction)
          : session.place(session.build(topology, view), view.direction);
      expectSame(laid, fresh(topology, view), `step ${step}: ${what}`);
    }
  }, 120_000);

  describe('a 20,000-node account opened as the app opens it (services collapsed)', () => {
    const topology = load(generateAccountOfSize(20000));
    const start = initialView(topology);

    it('expands and collapses services, clusters and tasks exactly as a fresh layout would', () => {
      const next = rng(20);
      const session = createLayoutSession();
      let view = start;
      let laid = session.layOut(topology, view, view.direction);
      expect(laid.algorithm).toBe('compact');
      for (let step = 0; step < 10; step++) {
        const click = clickOne(laid, view, next, step % 4 === 3 ? undefined : ['service']);
        view = click.view;
        laid = session.layOut(topology, view, view.direction);
        expectSame(laid, fresh(topology, view), `step ${step}: toggle ${click.id}`);
      }
    }, 120_000);

    it('re-packs only the blocks on the path from an expanded service to the root', () => {
      const session = createLayoutSession();
      const stats = () => session.layoutCache.compact.stats;
      session.layOut(topology, start, 'LR');
      expect(stats().unchanged).toBe(0);
      for (const service of [topology.services[5], topology.services[900], topology.services[1700]]) {
        session.layOut(topology, start, 'LR');
        session.layOut(topology, toggleCollapse(start, service.id, true), 'LR');
        const { nodes, unchanged, packed } = stats();
        expect(nodes).toBeGreaterThan(2500);
        // The service and its cluster changed (and, below the service, its new task box); every other node was left alone.
        expect(nodes - unchanged).toBeLessThanOrEqual(3);
        // Its new box and its own block, its cluster's and the root's, in each pass: a handful, not thousands.
        expect(packed).toBeLessThan(20);
      }
    }, 60_000);
  });
});
