/**
 * Every SVG the export can produce is well-formed XML, parsed by a real XML
 * parser (saxes, see testing/parse-svg.ts): one attribute twice made the
 * placement export fail with exit 70 (issue #14 point 1) and nothing noticed.
 *
 * HOW TO EXTEND: a new export option (cost badges `--cost`, findings badges
 * `--findings`, diff highlights, …) gets a row in EXPORT_AXES with every value
 * it takes. The product of all rows runs over every fixture, the property test
 * picks random rows for random topologies with hostile names, and a bounded
 * subset is rasterised and decoded as PNG.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { FIXTURES, loadFixtureDir } from '../../fixtures/load-fixtures';
import { svgToPng } from '../../main/export/png';
import { buildGraph } from '../graph/build-graph';
import type { LaidOutGraph } from '../graph/types';
import { initialView, type ViewState } from '../graph/view';
import { ingest } from '../ingest/index';
import { layoutGraph } from '../layout/layout';
import type { Topology } from '../model/types';
import { generateAccount } from '../synth/generate-account';
import { exportCaption } from './export-svg';
import { computeFindings } from '../findings/engine';
import type { Finding } from '../findings/types';
import { renderSvg, type SvgRenderOptions } from './render-svg';
import { findAll, parseSvgStrict } from './testing/parse-svg';
import { computeCost } from '../cost/compute-cost';
import { BUNDLED_PRICES } from '../pricing/bundled-prices';
import { INSTANCE_TYPES } from '../pricing/instance-types';
import type { DiffHighlight } from './diff-highlight';

/** One export option: its values, and what each does to the view (changes the graph) or to the render options. */
interface Axis<T> {
  name: string;
  values: readonly T[];
  view?: (value: T, view: ViewState) => ViewState;
  render?: (value: T) => Partial<SvgRenderOptions>;
}

// `axis` keeps each row's value type while the table holds rows of different types.
const axis = <T>(a: Axis<T>): Axis<unknown> => a as Axis<unknown>;

/** Every option of an export (CLI flags and the app's export dialog). ADD NEW OPTIONS HERE. */
const EXPORT_AXES: Axis<unknown>[] = [
  axis({ name: 'view', values: ['hierarchy', 'placement'] as const, view: (mode, v) => ({ ...v, mode }) }),
  axis({ name: 'direction', values: ['LR', 'TB'] as const, view: (direction, v) => ({ ...v, direction }) }),
  axis({
    name: 'filter',
    values: ['none', 'problems-only', 'text'] as const,
    view: (f, v) =>
      f === 'none' ? v : { ...v, filters: f === 'problems-only' ? { problemsOnly: true } : { text: 'web' } },
  }),
  axis({
    name: 'expand',
    values: ['initial', 'expand-all'] as const,
    view: (e, v) => (e === 'initial' ? v : { ...v, collapsed: [], stackThreshold: Number.MAX_SAFE_INTEGER }),
  }),
  axis({ name: 'theme', values: ['light', 'dark'] as const, render: (theme) => ({ theme }) }),
  axis({
    name: 'background',
    values: ['white', 'transparent', 'dark'] as const,
    render: (background) => ({ background }),
  }),
  axis({ name: 'legend', values: [true, false], render: (includeLegend) => ({ includeLegend }) }),
  axis({ name: 'title', values: [true, false], render: (includeTitle) => ({ includeTitle }) }),
  axis({ name: 'overlay', values: [true, false], render: (overlay) => ({ overlay }) }),
  // `export --findings`: the demo's findings on every combination (one value: a second would double a long test).
  // The demo draws their badges; the other loads' objects have none of them, so they draw the export without.
  axis({ name: 'findings', values: [true], render: () => ({ findings: demoFindings() }) }),
  // `export --cost`: the lens of each load (badges on services, clusters and hosts; the table under the legend),
  // at the bundled prices, which price the demo's us-east-1 cluster and leave the rest as missing prices.
  axis({ name: 'cost', values: [true], render: () => ({ cost: costOfLoad }) }),
  // `diff -o`: outlines, "gone" tags and the Changes legend, marked on demo objects (one value, as findings).
  axis({ name: 'diff', values: [true], render: () => ({ diff: demoDiff() }) }),
];

let demoDiffMemo: DiffHighlight | undefined;
/** A diff highlight on demo objects: a task added, a service changed, two objects gone under another service. */
function demoDiff(): DiffHighlight {
  if (!demoDiffMemo) {
    const demo = ingest([
      { name: 'demo-snapshot.json', text: readFileSync(join(FIXTURES, '../renderer/demo/demo-snapshot.json'), 'utf8') },
    ]);
    demoDiffMemo = {
      marks: { [demo.tasks[0].id]: 'added', [demo.services[0].id]: 'changed', [demo.clusters[0].id]: 'changed' },
      gone: { [demo.services[1].id]: 2 },
    };
  }
  return demoDiffMemo;
}

/** The demo's lens at the bundled prices (badges land on the demo's nodes; the table is drawn on every load). */
const costOfLoad = computeCost(
  ingest([
    { name: 'demo-snapshot.json', text: readFileSync(join(FIXTURES, '../renderer/demo/demo-snapshot.json'), 'utf8') },
  ]),
  { prices: BUNDLED_PRICES, instanceTypes: INSTANCE_TYPES.types },
);

let demoFindingsMemo: Finding[] | undefined;
/** The findings of the demo snapshot, computed once. */
function demoFindings(): Finding[] {
  demoFindingsMemo ??= computeFindings(
    ingest([
      { name: 'demo-snapshot.json', text: readFileSync(join(FIXTURES, '../renderer/demo/demo-snapshot.json'), 'utf8') },
    ]),
  );
  return demoFindingsMemo;
}

/** One pick of a value per axis. */
type Combo = unknown[];

function product(axes: Axis<unknown>[]): Combo[] {
  return axes.reduce<Combo[]>((acc, a) => acc.flatMap((c) => a.values.map((v) => [...c, v])), [[]]);
}

function viewOf(topology: Topology, combo: Combo): ViewState {
  return EXPORT_AXES.reduce((v, a, i) => (a.view ? a.view(combo[i], v) : v), initialView(topology));
}

function renderOptionsOf(combo: Combo): Partial<SvgRenderOptions> {
  return EXPORT_AXES.reduce<Partial<SvgRenderOptions>>((o, a, i) => ({ ...o, ...a.render?.(combo[i]) }), {});
}

function describeCombo(combo: Combo): string {
  return EXPORT_AXES.map((a, i) => `${a.name}=${String(combo[i])}`).join(' ');
}

/** Renders `topology` with one option combination, reusing the layout of an equal view (rendering is cheap, layout is not). */
function exporter(
  topology: Topology,
): (combo: Combo) => { svg: string; width: number; height: number; view: ViewState; nodes: number } {
  const layouts = new Map<string, LaidOutGraph>();
  return (combo) => {
    const view = viewOf(topology, combo);
    const key = JSON.stringify(view);
    let laid = layouts.get(key);
    if (!laid) {
      laid = layoutGraph(buildGraph(topology, view), view.direction);
      layouts.set(key, laid);
    }
    const out = renderSvg(laid, {
      ...exportCaption(topology),
      direction: view.direction,
      overlay: view.overlay,
      ...renderOptionsOf(combo),
    });
    return { ...out, view, nodes: laid.nodes.length };
  };
}

const DEMO = join(FIXTURES, '../renderer/demo/demo-snapshot.json');

/** Every fixture a user could export: published samples, the demo, the explore and Service Connect accounts, broken files. */
const FIXTURE_LOADS: { name: string; topology: () => Topology }[] = [
  { name: 'samples', topology: () => ingest(loadFixtureDir('samples')) },
  { name: 'demo', topology: () => ingest([{ name: 'demo-snapshot.json', text: readFileSync(DEMO, 'utf8') }]) },
  { name: 'explore', topology: () => ingest(loadFixtureDir('explore')) },
  { name: 'service-connect', topology: () => ingest(loadFixtureDir('service-connect')) },
  { name: 'prod', topology: () => ingest(loadFixtureDir('ingest/prod')) },
  { name: 'broken', topology: () => ingest(loadFixtureDir('broken')) },
  { name: 'multi-account', topology: () => ingest(loadFixtureDir('multi-account')) },
];

const ALL = product(EXPORT_AXES);

describe('every export option × every fixture is well-formed SVG', () => {
  it('the option table covers the CLI’s views, themes and backgrounds', () => {
    const values = (name: string) => EXPORT_AXES.find((a) => a.name === name)?.values;
    expect(values('view')).toEqual(['hierarchy', 'placement']);
    expect(values('background')).toEqual(['white', 'transparent', 'dark']);
    expect(ALL.length).toBe(EXPORT_AXES.reduce((n, a) => n * a.values.length, 1));
  });

  for (const load of FIXTURE_LOADS) {
    it(`${load.name}: ${ALL.length} combinations parse, each draws every node of its graph`, () => {
      const topology = load.topology();
      const render = exporter(topology);
      for (const combo of ALL) {
        const out = render(combo);
        let root;
        try {
          root = parseSvgStrict(out.svg);
        } catch (e) {
          throw new Error(`${load.name} ${describeCombo(combo)}: ${(e as Error).message}`);
        }
        expect(Number(root.attributes.width)).toBe(out.width);
        const drawn = findAll(root, (e) => e.name === 'g' && 'data-kind' in e.attributes).length;
        if (drawn !== out.nodes)
          expect.fail(`${load.name} ${describeCombo(combo)}: ${drawn} of ${out.nodes} nodes drawn`);
      }
    }, 120_000);
  }

  it('the placement view of the demo draws Fargate · AZ cards (the case that broke) and parses', () => {
    const demo = FIXTURE_LOADS[1].topology();
    const combo = EXPORT_AXES.map((a) => a.values[0]);
    combo[0] = 'placement';
    const root = parseSvgStrict(exporter(demo)(combo).svg);
    const hosts = findAll(root, (e) => e.attributes['data-kind'] === 'host').map(
      (g) => g.children.find((c) => c.name === 'title')?.text ?? '',
    );
    expect(hosts.some((t) => t.startsWith('Fargate'))).toBe(true);
  });
});

/** Strings from any UTF-16 code unit (control characters, bidi overrides, lone surrogates occur), sometimes very long. */
const hostile = fc.oneof(
  fc
    .array(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      { maxLength: 40 },
    )
    .map((a) => a.join('')),
  fc.constantFrom('web\ud800x', '</text><script>alert(1)</script>', 'a"b\'c&d<e>', '\u202egnp.exe', 'x'.repeat(10_000)),
);

/** `topology` with names, ids and images replaced by hostile strings (the same string may land anywhere). */
function withNames(topology: Topology, names: string[]): Topology {
  let i = 0;
  const next = (): string => names[i++ % names.length];
  return {
    ...topology,
    clusters: topology.clusters.map((c) => ({ ...c, name: next() })),
    services: topology.services.map((s) => ({ ...s, name: next() })),
    tasks: topology.tasks.map((t) => ({
      ...t,
      shortId: next(),
      group: t.group?.startsWith('family:') ? `family:${next()}` : t.group,
      stoppedReason: t.stoppedReason === undefined ? undefined : next(),
      containers: t.containers.map((c) => ({ ...c, name: next(), image: next(), imageTag: next() })),
    })),
    containerInstances: topology.containerInstances.map((ci) => ({ ...ci, name: next() })),
  };
}

describe('random topologies with hostile names are well-formed SVG in every option', () => {
  it('fast-check: generated accounts × random options × hostile names and titles', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          clusters: fc.integer({ min: 1, max: 3 }),
          services: fc.integer({ min: 1, max: 6 }),
          ec2Share: fc.double({ min: 0, max: 1, noNaN: true }),
          spotShare: fc.double({ min: 0, max: 1, noNaN: true }),
          stoppedShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          unhealthyShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          standalonePerCluster: fc.integer({ min: 0, max: 2 }),
          loadBalancedShare: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        fc.array(hostile, { minLength: 1, maxLength: 8 }),
        hostile,
        fc.tuple(...EXPORT_AXES.map((a) => fc.constantFrom(...a.values))),
        (account, names, title, combo) => {
          const bundle = generateAccount({ ...account, tasksPerService: [1, 3], containersPerTask: [1, 2] });
          const topology = withNames(ingest([{ name: 'synthetic.json', text: JSON.stringify(bundle) }]), names);
          const view = viewOf(topology, combo);
          const laid = layoutGraph(buildGraph(topology, view), view.direction);
          const out = renderSvg(laid, { title, subtitle: title, ...renderOptionsOf(combo) });
          const root = parseSvgStrict(out.svg);
          expect(findAll(root, (e) => e.name === 'g' && 'data-kind' in e.attributes).length).toBe(laid.nodes.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('PNG exports decode (a bounded subset: each view × theme × background of the demo and the samples)', () => {
  const loads = [FIXTURE_LOADS[0], FIXTURE_LOADS[1]];
  for (const load of loads) {
    it(`${load.name}: 12 PNGs at their computed size, not blank`, async () => {
      const topology = load.topology();
      const render = exporter(topology);
      for (const view of ['hierarchy', 'placement'])
        for (const theme of ['light', 'dark'])
          for (const background of ['white', 'transparent', 'dark']) {
            const combo = EXPORT_AXES.map((a) =>
              a.name === 'view'
                ? view
                : a.name === 'theme'
                  ? theme
                  : a.name === 'background'
                    ? background
                    : a.values[0],
            );
            const out = render(combo);
            const result = await svgToPng(out.svg, out.width, out.height, 0.5);
            const png = PNG.sync.read(result.png);
            expect([png.width, png.height]).toEqual([result.width, result.height]);
            expect(png.width).toBe(result.size.width);
            // Something is drawn: some pixels differ from the first one.
            const first = png.data.readUInt32BE(0);
            let differing = 0;
            for (let i = 0; i < png.data.length; i += 4 * 97) if (png.data.readUInt32BE(i) !== first) differing++;
            expect(differing, `${load.name} ${describeCombo(combo)}`).toBeGreaterThan(10);
          }
    }, 120_000);
  }
});

describe('long and odd names in exports (issue #13 point 10 and bidi)', () => {
  const load = FIXTURE_LOADS[0].topology();
  const named = (name: string): Topology => ({
    ...load,
    clusters: load.clusters.map((c, i) => (i === 0 ? { ...c, name, placeholder: false } : c)),
  });

  it('a 10,000-character cluster name leaves the image as wide as the drawing; the full name stays in <title>', () => {
    const name = `prod-${'x'.repeat(10_000)}-end`;
    const view = initialView(load);
    const laid = layoutGraph(buildGraph(named(name), view), view.direction);
    const out = renderSvg(laid, { title: name });
    const root = parseSvgStrict(out.svg);
    expect(out.width).toBeLessThanOrEqual(Math.max(Math.ceil(laid.width), 760));
    const drawn = findAll(root, (e) => e.name === 'text').map((t) => t.text);
    expect(drawn.every((t) => t.length < 400)).toBe(true);
    // Both ends of the name are drawn (middle cut), and the whole name is the tooltip and the document title.
    expect(drawn.some((t) => t.startsWith('prod-') && t.endsWith('-end') && t.includes('…'))).toBe(true);
    const titles = findAll(root, (e) => e.name === 'title').map((t) => t.text);
    expect(titles).toContain(name);
  });

  it('bidi overrides and isolates are drawn as codes, never applied', () => {
    const view = initialView(load);
    const laid = layoutGraph(buildGraph(named('\u202Egnp.exe'), view), view.direction);
    const root = parseSvgStrict(renderSvg(laid, { title: 'a\u2066b' }).svg);
    const drawn = findAll(root, (e) => e.name === 'text').map((t) => t.text);
    expect(drawn).toContain('[U+202E]gnp.exe');
    expect(drawn).toContain('a[U+2066]b');
    expect(drawn.join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
