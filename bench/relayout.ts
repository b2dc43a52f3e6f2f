/**
 * Relayout benchmark: what one expand or collapse costs the worker on a big
 * account, incrementally (a layout session: the graph build's topology facts
 * and the compact layout's blocks kept between views, as the workers do) and
 * from scratch (buildGraph + layoutGraph, as before). Two scenarios on a
 * synthetic account: opened as the app opens it (services collapsed), then
 * one service expanded; and fully expanded, then one service collapsed.
 * Medians over several services, each toggled from the same starting view;
 * full and incremental runs are not interleaved, so one's garbage does not
 * land in the other's timing. Prints, asserts nothing.
 *
 * Run: `npm run bench:relayout` (or `-- --size 5000`, `--toggles 25`, `--json`).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildGraph, createGraphCache } from '../shared/graph/build-graph';
import { toggleCollapse } from '../shared/graph/collapse';
import { DEFAULT_VIEW, initialView, type ViewState } from '../shared/graph/view';
import { ingest } from '../shared/ingest/index';
import { createLayoutCache, layoutGraph } from '../shared/layout/layout';
import type { Topology } from '../shared/model/types';
import { generateAccountOfSize } from '../shared/synth/generate-account';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    toggles: { type: 'string', default: '15' },
    json: { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const toggles = Number(values.toggles);

/** One scenario's medians, in ms. */
interface Row {
  scenario: string;
  nodes: number;
  topLevel: number;
  fullMs: number;
  fullBuildMs: number;
  fullLayoutMs: number;
  incrementalMs: number;
  incrementalBuildMs: number;
  incrementalLayoutMs: number;
  ratio: number;
  /** Compact blocks packed afresh by an incremental relayout, and top-level nodes whose memo was kept (medians). */
  packed: number;
  unchanged: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

/** Relayouts of `views[i]` right after `start`, from scratch and with caches; three rounds of each. */
function measure(scenario: string, topology: Topology, start: ViewState, views: ViewState[]): Row {
  const graphCache = createGraphCache();
  const layoutCache = createLayoutCache();
  const full = { total: [] as number[], build: [] as number[], layout: [] as number[] };
  const incremental = {
    total: [] as number[],
    build: [] as number[],
    layout: [] as number[],
    packed: [] as number[],
    unchanged: [] as number[],
  };
  let nodes = 0;
  let topLevel = 0;
  for (let round = 0; round < 3; round++) {
    for (const view of views) {
      const [graph, buildMs] = time(() => buildGraph(topology, view));
      const [laid, layoutMs] = time(() => layoutGraph(graph, view.direction));
      full.build.push(buildMs);
      full.layout.push(layoutMs);
      full.total.push(buildMs + layoutMs);
      nodes = laid.nodes.length;
      topLevel = laid.nodes.filter((n) => !n.parentId).length;
    }
    for (const view of views) {
      // The view before the click, laid out with the same caches (as the worker had it), then the click.
      layoutGraph(buildGraph(topology, start, { cache: graphCache }), start.direction, { cache: layoutCache });
      const [graph, buildMs] = time(() => buildGraph(topology, view, { cache: graphCache }));
      const [, layoutMs] = time(() => layoutGraph(graph, view.direction, { cache: layoutCache }));
      incremental.build.push(buildMs);
      incremental.layout.push(layoutMs);
      incremental.total.push(buildMs + layoutMs);
      incremental.packed.push(layoutCache.compact.stats.packed);
      incremental.unchanged.push(layoutCache.compact.stats.unchanged);
    }
  }
  const round1 = (ms: number) => Math.round(ms * 10) / 10;
  return {
    scenario,
    nodes,
    topLevel,
    fullMs: round1(median(full.total)),
    fullBuildMs: round1(median(full.build)),
    fullLayoutMs: round1(median(full.layout)),
    incrementalMs: round1(median(incremental.total)),
    incrementalBuildMs: round1(median(incremental.build)),
    incrementalLayoutMs: round1(median(incremental.layout)),
    ratio: Math.round((median(full.total) / median(incremental.total)) * 10) / 10,
    packed: median(incremental.packed),
    unchanged: median(incremental.unchanged),
  };
}

const log = values.json ? (_: string) => undefined : (line: string) => console.log(line);
log(
  `Node ${process.version}, ${process.platform}/${process.arch}; synthetic account of ${size.toLocaleString('en')} nodes (seed 1), ${toggles} services toggled, 3 rounds\n`,
);
// Warm the JIT on a small account so the first samples do not pay for compiling.
const warm = ingest([{ name: 'w.json', text: JSON.stringify(generateAccountOfSize(2000)) }]);
measure(
  'warm-up',
  warm,
  initialView(warm),
  warm.services.slice(0, 3).map((s) => toggleCollapse(initialView(warm), s.id, true)),
);

const topology = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(size)) }]);
// Services spread over the clusters (every k-th by position in the load).
const picked = Array.from(
  { length: toggles },
  (_, i) => topology.services[Math.floor(((i + 0.5) * topology.services.length) / toggles)],
);
const opened = initialView(topology);
const expanded: ViewState = { ...DEFAULT_VIEW, collapsed: [] };
const rows = [
  measure(
    'opened (services collapsed), expand one service',
    topology,
    opened,
    picked.map((s) => toggleCollapse(opened, s.id, true)),
  ),
  measure(
    'fully expanded, collapse one service',
    topology,
    expanded,
    picked.map((s) => toggleCollapse(expanded, s.id, false)),
  ),
];

if (values.json) {
  console.log(JSON.stringify({ size, toggles, rows }, null, 2));
} else {
  const head = [
    'scenario',
    'drawn',
    'top level',
    'full (build + layout)',
    'incremental (build + layout)',
    'full ÷ incr.',
    'blocks packed',
    'top-level unchanged',
  ];
  const table = rows.map((r) => [
    r.scenario,
    r.nodes.toLocaleString('en'),
    r.topLevel.toLocaleString('en'),
    `${r.fullMs} ms (${r.fullBuildMs} + ${r.fullLayoutMs})`,
    `${r.incrementalMs} ms (${r.incrementalBuildMs} + ${r.incrementalLayoutMs})`,
    `${r.ratio}×`,
    String(r.packed),
    `${r.unchanged.toLocaleString('en')} of ${r.topLevel.toLocaleString('en')}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const t of table) console.log(line(t));
  const [first] = rows;
  console.log(
    `\nrelayout after expanding one service, ${(size / 1000).toLocaleString('en')}k account: incremental ${first.incrementalMs} ms vs full ${first.fullMs} ms (${first.ratio}× less; layout alone ${first.incrementalLayoutMs} vs ${first.fullLayoutMs} ms)`,
  );
}
