/**
 * Scale benchmark: synthetic accounts of 1k, 5k, 20k and 50k nodes, fully
 * expanded, through the whole pipeline in one run: ingest (JSON text →
 * Topology), graph build, layout, SVG render, and plain @dagrejs/dagre on
 * the same graph (every cluster, service, box, task and container its own
 * dagre node, parent → child edges) with the ratio. Prints a table, or with
 * `--json` one object `{"rows": [...]}`. Times are printed, never asserted.
 *
 * Run: `npm run bench` (or `npm run bench -- --json`, `--sizes 1000,5000`,
 * `--dagre-max 20000`).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import dagre from '@dagrejs/dagre';
import { buildGraph } from '../shared/graph/build-graph';
import type { Graph, LaidOutGraph } from '../shared/graph/types';
import { DEFAULT_VIEW, type ViewState } from '../shared/graph/view';
import { ingest } from '../shared/ingest/index';
import { layoutGraph } from '../shared/layout/layout';
import { renderSvg } from '../shared/render/render-svg';
import { LAYOUT_SPACING } from '../shared/theme/theme';
import { generateAccountOfSize } from '../shared/synth/generate-account';
import { computeCost } from '../shared/cost/compute-cost';
import { BUNDLED_PRICES } from '../shared/pricing/bundled-prices';
import { INSTANCE_TYPES } from '../shared/pricing/instance-types';
import type { PriceTable } from '../shared/pricing/price-table';

/** One row of the table (and of `--json`). */
interface Row {
  nodes: number;
  /** Nodes actually drawn (the generator aims at `nodes`). */
  drawnNodes: number;
  jsonMB: number;
  ingestMs: number;
  graphMs: number;
  layoutMs: number;
  svgMs: number;
  dagreMs: number | null;
  dagreSkipped?: string;
  layoutVsDagre: number | null;
  algorithm: string;
  width: number;
  height: number;
  /** Sum of width × height of every drawn node box, nested ones included (a task inside its box counts twice). */
  nodeArea: number;
  /** Sum of the top-level boxes only: the area actually covered, nothing counted twice. */
  topLevelArea: number;
  /** Bounding box ÷ topLevelArea (the stricter of the two ratios). */
  areaRatio: number;
  overlaps: number;
  /** The launch-type lens (shared/cost) on the same topology: median wall time of the timed rounds. */
  costMs: number;
  /** Ingest of the same account, median wall time of the same rounds (for the ratio). */
  ingestMedianMs: number;
  /** costMs ÷ ingestMedianMs, both measured in this run (issue #15: at most 0.3). */
  costVsIngest: number;
  /** Median CPU time (user + system) of the lens and of ingest over the same rounds, ms. */
  costCpuMs: number;
  ingestCpuMs: number;
  /** costCpuMs ÷ ingestCpuMs: the figure the target is judged by (others' processes inflate wall time). */
  costVsIngestCpu: number;
  /** The highest and lowest per-round CPU ratio, to show the spread. */
  costVsIngestCpuRange: [number, number];
  /** Untimed warm-up rounds and timed rounds (each round: one ingest, then one lens run). */
  costRounds: { warm: number; timed: number };
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,5000,20000,50000' },
    'dagre-max': { type: 'string', default: '20000' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const dagreMax = Number(values['dagre-max']);
const log = values.json ? (_: string) => undefined : (line: string) => console.log(line);

/** Everything expanded: no collapsed services, no stacks. */
const EXPANDED: ViewState = { ...DEFAULT_VIEW, collapsed: [], stackThreshold: Number.POSITIVE_INFINITY };

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

/** Median time of `runs` runs (small layouts are too quick for one sample to mean much). */
function median<T>(runs: number, f: () => T): [T, number] {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const [r, ms] = time(f);
    result = r;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return [result, times[Math.floor(times.length / 2)]];
}

/** Median CPU time (user + system, ms) of `runs` runs: on a shared machine, wall time also counts others' work. */
function cpuMedian(runs: number, f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    f();
    const d = process.cpuUsage(start);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Plain dagre on the flat graph: what a naive layered layout of the same diagram costs. */
function plainDagre(graph: Graph): void {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ranksep: LAYOUT_SPACING.rankSep, nodesep: LAYOUT_SPACING.nodeSep });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of graph.edges) g.setEdge(e.source, e.target);
  for (const n of graph.nodes) if (n.parentId) g.setEdge(n.parentId, n.id);
  dagre.layout(g);
}

/** Overlapping pairs of sibling boxes (sweep over x). */
function countOverlaps(g: LaidOutGraph): number {
  const byParent = new Map<string, LaidOutGraph['nodes']>();
  for (const n of g.nodes) {
    const list = byParent.get(n.parentId ?? '') ?? [];
    list.push(n);
    byParent.set(n.parentId ?? '', list);
  }
  let bad = 0;
  for (const list of byParent.values()) {
    const sorted = [...list].sort((a, b) => a.x - b.x);
    let active: LaidOutGraph['nodes'] = [];
    for (const n of sorted) {
      active = active.filter((a) => a.x + a.width > n.x);
      bad += active.filter((a) => a.y < n.y + n.height && n.y < a.y + a.height).length;
      active.push(n);
    }
  }
  return bad;
}

const fmt = (ms: number | null) =>
  ms === null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

log(`Node ${process.version}, ${process.platform}/${process.arch}; fully expanded synthetic accounts (seed 1)\n`);
const rows: Row[] = [];
// Warm the JIT on a small account so the first row does not pay for compiling everything.
// The synthetic account is in eu-west-1, which the bundled table does not price: for timing only, the cost runs
// on us-east-1's figures laid over eu-west-1 too, so every EC2 packing and Fargate what-if is really computed
// (with no price, most of the work would be skipped). These relabelled figures are never shown as prices.
const BENCH_PRICES: PriceTable = {
  ...BUNDLED_PRICES,
  regions: { ...BUNDLED_PRICES.regions, 'eu-west-1': BUNDLED_PRICES.regions['us-east-1'] },
};

{
  const warm = ingest([{ name: 'w.json', text: JSON.stringify(generateAccountOfSize(500)) }]);
  layoutGraph(buildGraph(warm, EXPANDED), 'LR');
  computeCost(warm, { prices: BENCH_PRICES, instanceTypes: INSTANCE_TYPES.types });
}

for (const size of sizes) {
  const text = JSON.stringify(generateAccountOfSize(size));
  const [topology, ingestMs] = time(() => ingest([{ name: 'account.json', text }]));
  // The lens ÷ ingest ratio, measured alike on both sides: rounds of one ingest then one lens run of this
  // account, interleaved so each side pays for the other's garbage alike. Both warm up on this very account
  // first (the JIT and the heap settle over the first runs of a size: the lens's first runs of the 20,000-node account took 150–300 ms of CPU here, later ones 40–60 ms),
  // then the timed rounds give medians, in CPU time (user + system: what the work itself costs; others'
  // processes on a loaded machine inflate wall time, sometimes 10×) and in wall time.
  const rounds = { warm: 8, timed: 9 };
  const runIngest = () => ingest([{ name: 'account.json', text }]);
  const runCost = () => computeCost(topology, { prices: BENCH_PRICES, instanceTypes: INSTANCE_TYPES.types });
  for (let i = 0; i < rounds.warm; i++) {
    runIngest();
    runCost();
  }
  const cpuIngest: number[] = [];
  const cpuCost: number[] = [];
  const wallIngest: number[] = [];
  const wallCost: number[] = [];
  for (let i = 0; i < rounds.timed; i++) {
    wallIngest.push(time(() => cpuIngest.push(cpuMedian(1, runIngest)))[1]);
    wallCost.push(time(() => cpuCost.push(cpuMedian(1, runCost)))[1]);
  }
  const roundRatios = cpuCost.map((c, i) => c / cpuIngest[i]).sort((a, b) => a - b);
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ingestCpuMs = mid(cpuIngest);
  const costCpuMs = mid(cpuCost);
  const ingestMedianMs = mid(wallIngest);
  const costMs = mid(wallCost);

  const [graph, graphMs] = time(() => buildGraph(topology, EXPANDED));
  const [laid, layoutMs] = median(size <= 5000 ? 5 : 3, () => layoutGraph(graph, 'LR'));
  const [, svgMs] = time(() => renderSvg(laid, { title: 'bench', direction: 'LR' }));
  let dagreMs: number | null = null;
  let dagreSkipped: string | undefined;
  // By the account's size, not the drawn count: a 20,000-node account draws ~22,600 boxes with its target groups.
  if (size <= dagreMax) {
    log(`  ${size}: plain dagre on ${graph.nodes.length} nodes…`);
    dagreMs = time(() => plainDagre(graph))[1];
  } else {
    dagreSkipped = `skipped above ${dagreMax.toLocaleString('en')} nodes: quadratic, minutes at this size (--dagre-max to force)`;
  }
  let nodeArea = 0;
  let topLevelArea = 0;
  let right = 0;
  let bottom = 0;
  for (const n of laid.nodes) {
    nodeArea += n.width * n.height;
    if (n.parentId) continue;
    topLevelArea += n.width * n.height;
    right = Math.max(right, n.x + n.width);
    bottom = Math.max(bottom, n.y + n.height);
  }
  rows.push({
    nodes: size,
    drawnNodes: graph.nodes.length,
    jsonMB: Math.round(text.length / 1e5) / 10,
    ingestMs: Math.round(ingestMs),
    graphMs: Math.round(graphMs),
    layoutMs: Math.round(layoutMs * 10) / 10,
    svgMs: Math.round(svgMs),
    dagreMs: dagreMs === null ? null : Math.round(dagreMs),
    ...(dagreSkipped ? { dagreSkipped } : {}),
    layoutVsDagre: dagreMs === null ? null : Math.round(dagreMs / layoutMs),
    algorithm: laid.algorithm ?? 'layered',
    width: Math.round(laid.width),
    height: Math.round(laid.height),
    nodeArea: Math.round(nodeArea),
    topLevelArea: Math.round(topLevelArea),
    areaRatio: Math.round(((right * bottom) / topLevelArea) * 100) / 100,
    overlaps: countOverlaps(laid),
    costMs: Math.round(costMs),
    ingestMedianMs: Math.round(ingestMedianMs),
    costVsIngest: Math.round((costMs / ingestMedianMs) * 100) / 100,
    costCpuMs: Math.round(costCpuMs),
    ingestCpuMs: Math.round(ingestCpuMs),
    costVsIngestCpu: Math.round((costCpuMs / ingestCpuMs) * 100) / 100,
    costVsIngestCpuRange: [
      Math.round(roundRatios[0] * 100) / 100,
      Math.round(roundRatios[roundRatios.length - 1] * 100) / 100,
    ],
    costRounds: rounds,
  });
}

if (values.json) {
  console.log(JSON.stringify({ rows }, null, 2));
} else {
  const head = [
    'nodes',
    'drawn',
    'JSON',
    'ingest',
    'graph',
    'layout',
    'SVG',
    'plain dagre',
    'dagre ÷ layout',
    'picture (px)',
    'aspect',
    'bbox ÷ area',
    'overlaps',
    'cost',
    'cost ÷ ingest',
  ];
  const table = rows.map((r) => [
    r.nodes.toLocaleString('en'),
    r.drawnNodes.toLocaleString('en'),
    `${r.jsonMB} MB`,
    fmt(r.ingestMs),
    fmt(r.graphMs),
    fmt(r.layoutMs),
    fmt(r.svgMs),
    r.dagreMs === null ? 'skipped' : fmt(r.dagreMs),
    r.layoutVsDagre === null ? '—' : `${r.layoutVsDagre}×`,
    `${r.width.toLocaleString('en')} × ${r.height.toLocaleString('en')}`,
    (r.width / r.height).toFixed(2),
    r.areaRatio.toFixed(2),
    String(r.overlaps),
    fmt(r.costMs),
    `${r.costVsIngest.toFixed(2)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('\n' + line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const t of table) console.log(line(t));
  for (const r of rows)
    if (r.dagreSkipped) console.log(`\n${r.nodes.toLocaleString('en')} nodes: plain dagre ${r.dagreSkipped}.`);
  for (const r of rows)
    console.log(
      `cost (launch-type lens) of the ${r.nodes.toLocaleString('en')}-node account, in CPU time: ${fmt(r.costCpuMs)} = ${r.costVsIngestCpu.toFixed(2)}× its ingest (${fmt(r.ingestCpuMs)}) (target ≤ 0.30×; per round ${r.costVsIngestCpuRange[0].toFixed(2)}–${r.costVsIngestCpuRange[1].toFixed(2)}×); wall time ${fmt(r.costMs)} = ${r.costVsIngest.toFixed(2)}× (${fmt(r.ingestMedianMs)}). Medians of ${r.costRounds.timed} interleaved rounds (ingest, lens) after ${r.costRounds.warm} untimed ones, in this run.`,
    );
  console.log(
    '\nbbox ÷ area: bounding box ÷ the sum of the top-level boxes (nested cards lie inside those, so they are not counted twice).',
  );
}
