// @vitest-environment jsdom
/**
 * The SVG export read back as a document (DOMParser, strict XML): what a user
 * pasting it into docs would see — every node, its name, the legend, the
 * title and data time — and what must never be in it (environment values).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtureDir, jsonSource, FIXTURES } from '../../fixtures/load-fixtures';
import { ingest } from '../ingest/index';
import { buildGraph } from '../graph/build-graph';
import { DEFAULT_VIEW, type ViewState } from '../graph/view';
import { layoutGraph } from '../layout/layout';
import type { GraphNode } from '../graph/types';
import { generateAccount } from '../synth/generate-account';
import { OVERLAY_STYLES } from '../theme/theme';
import { exportSvg, renderSvg, dataTime, defaultTitle } from './index';

// The node project has no DOM types (shared/ must not lean on them); jsdom supplies DOMParser at run time and this is the part used.
interface XmlElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): XmlElement | null;
  querySelectorAll(selector: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}
interface XmlDocument extends XmlElement {
  documentElement: XmlElement;
}
const { DOMParser } = globalThis as unknown as {
  DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument };
};

function parse(svg: string): XmlDocument {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`SVG is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** All text a viewer would draw (not tooltips): every <text>, joined. */
function visibleText(doc: XmlDocument): string[] {
  return [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '');
}

function nameOf(node: GraphNode): string {
  return node.kind === 'task'
    ? node.data.shortId
    : node.kind === 'group' || node.kind === 'host'
      ? node.data.label
      : node.data.name;
}

const prod = ingest(loadFixtureDir('ingest/prod'));
const demo = ingest([
  { name: 'demo-snapshot.json', text: readFileSync(join(FIXTURES, '../renderer/demo/demo-snapshot.json'), 'utf8') },
]);

describe('SVG export of the prod fixtures', () => {
  const graph = layoutGraph(buildGraph(prod, DEFAULT_VIEW), DEFAULT_VIEW.direction);
  const out = exportSvg(prod, DEFAULT_VIEW);
  const doc = parse(out.svg);

  it('is a standalone SVG document with its size in the root element', () => {
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBe(out.width);
    expect(Number(root.getAttribute('height'))).toBe(out.height);
    expect(out.width).toBeGreaterThanOrEqual(Math.ceil(graph.width));
    expect(out.height).toBeGreaterThan(graph.height);
    // Nothing to fetch: no external references, no scripts.
    expect(out.svg).not.toMatch(/<script|xlink:href|href="http|<image/);
  });

  it('draws one node for every node of the graph, whole diagram not a viewport', () => {
    const nodes = doc.querySelectorAll('g[data-kind]');
    expect(nodes.length).toBe(graph.nodes.length);
    expect(out.nodeCount).toBe(graph.nodes.length);
    const ids = [...nodes].map((n) => n.getAttribute('data-id'));
    expect(ids).toEqual(graph.nodes.map((n) => n.id));
  });

  it('shows every visible node’s name as drawn text', () => {
    const texts = visibleText(doc);
    const missing = graph.nodes.map(nameOf).filter(
      (name) =>
        !texts.some((t) => {
          if (t === name || t.includes(name)) return true;
          // Cut by clampText: the end of prose, the middle of an id (both ends of the name stay).
          const [head, tail] = t.split('…');
          return tail !== undefined && name.startsWith(head) && name.endsWith(tail);
        }),
    );
    expect(missing).toEqual([]);
    // Cluster, service and container names are short in the fixture: they must be drawn whole.
    for (const n of graph.nodes)
      if (n.kind === 'cluster' || n.kind === 'service' || n.kind === 'container') expect(texts).toContain(n.data.name);
  });

  it('names every node in full in its tooltip even when the card cuts it', () => {
    const titles = [...doc.querySelectorAll('g[data-kind] > title')].map((t) => t.textContent);
    expect(titles).toEqual(graph.nodes.map(nameOf));
  });

  it('has a legend with the launch types present, statuses and placeholders', () => {
    const legend = doc.querySelector('g[data-legend]');
    expect(legend).not.toBeNull();
    const text = [...legend!.getElementsByTagName('text')].map((t) => t.textContent).join(' | ');
    expect(text).toContain('EC2 · 2 tasks');
    expect(text).toContain('Fargate · 3 tasks');
    expect(text).toContain('Fargate Spot · 1 task');
    for (const status of ['Running', 'Pending / provisioning', 'Stopped', 'Unhealthy']) expect(text).toContain(status);
    expect(text).toContain('Referenced only (not described)');
  });

  it('uses the theme’s EC2 and Fargate colours', () => {
    expect(out.svg).toContain(OVERLAY_STYLES.EC2.accent);
    expect(out.svg).toContain(OVERLAY_STYLES.FARGATE.accent);
    expect(out.svg).toContain(OVERLAY_STYLES.FARGATE.fill);
  });

  it('titles the image with the cluster names and the newest time in the data (never the clock)', () => {
    const title = doc.querySelector('text.title')?.textContent;
    expect(title).toBe('prod');
    const time = dataTime(prod);
    expect(time?.source).toBe('newest-in-data');
    const subtitle = doc.querySelector('text.subtitle')?.textContent ?? '';
    expect(subtitle).toContain(`Data as of ${time!.iso.slice(0, 10)} ${time!.iso.slice(11, 16)} UTC`);
    // Same input, same bytes: a CI job can commit the image without churn.
    expect(exportSvg(prod, DEFAULT_VIEW).svg).toBe(out.svg);
  });

  it('never contains an environment value from the task definition or the task overrides', () => {
    // The fixture really has them: the test would be worthless otherwise.
    const raw = loadFixtureDir('ingest/prod')
      .map((s) => s.text)
      .join('\n');
    expect(raw).toContain('td-secret-value-4242');
    expect(raw).toContain('override-secret-value-7731');
    for (const view of [DEFAULT_VIEW, { ...DEFAULT_VIEW, direction: 'TB' as const }]) {
      const svg = exportSvg(prod, view).svg;
      expect(svg).not.toContain('td-secret-value-4242');
      expect(svg).not.toContain('override-secret-value-7731');
    }
  });
});

describe('SVG export options', () => {
  it('--title replaces the cluster names; the snapshot’s fetch time is shown as such', () => {
    const doc = parse(exportSvg(demo, DEFAULT_VIEW, { title: 'Payments <prod> & "friends"' }).svg);
    expect(doc.querySelector('text.title')?.textContent).toBe('Payments <prod> & "friends"');
    expect(doc.querySelector('text.subtitle')?.textContent).toContain('Snapshot of 2026-11-28 09:30 UTC');
    expect(defaultTitle(demo)).toBe('cost-lab · data-platform · prod-web');
  });

  it('without legend and title draws just the diagram', () => {
    const out = exportSvg(prod, DEFAULT_VIEW, { includeLegend: false, includeTitle: false });
    const doc = parse(out.svg);
    expect(doc.querySelector('g[data-legend]')).toBeNull();
    expect(doc.querySelector('text.title')).toBeNull();
    expect(out.height).toBe(Math.ceil(layoutGraph(buildGraph(prod, DEFAULT_VIEW), 'LR').height));
  });

  it('transparent background has no backdrop; dark theme paints a dark one', () => {
    expect(
      parse(exportSvg(prod, DEFAULT_VIEW, { background: 'transparent' }).svg).querySelector('rect.background'),
    ).toBeNull();
    expect(
      parse(exportSvg(prod, DEFAULT_VIEW, { theme: 'dark' }).svg)
        .querySelector('rect.background')
        ?.getAttribute('fill'),
    ).toBe('#0f172a');
    expect(
      parse(exportSvg(prod, DEFAULT_VIEW, { background: 'white' }).svg)
        .querySelector('rect.background')
        ?.getAttribute('fill'),
    ).toBe('#ffffff');
  });

  it('a collapsed service exports without its tasks and says how many are hidden', () => {
    const web = prod.services.find((s) => s.name === 'web')!;
    const view: ViewState = { ...DEFAULT_VIEW, collapsed: [web.id] };
    const doc = parse(exportSvg(prod, view).svg);
    const card = [...doc.querySelectorAll('g[data-kind="service"]')].find((g) => g.getAttribute('data-id') === web.id);
    const hidden = buildGraph(prod, view).nodes.find((n) => n.id === web.id)!.hiddenCount;
    expect(hidden).toBeGreaterThan(0);
    expect([...card!.getElementsByTagName('text')].map((t) => t.textContent)).toContain(`+${hidden} hidden`);
    expect(doc.querySelectorAll('g[data-kind="task"]').length).toBe(
      prod.tasks.filter((t) => t.serviceId !== web.id).length,
    );
    expect(doc.querySelectorAll('g[data-kind]').length).toBe(buildGraph(prod, view).nodes.length);
  });

  it('escapes markup in names and titles so a hostile name cannot break or script the SVG', () => {
    const evil = '</text><script>alert(1)</script>&\u0007';
    const laid = layoutGraph(buildGraph(prod, DEFAULT_VIEW), 'LR');
    const cluster = laid.nodes.find((n) => n.kind === 'cluster');
    if (cluster?.kind !== 'cluster') throw new Error('fixture has a cluster');
    cluster.data.name = evil;
    const doc = parse(renderSvg(laid, { title: evil }).svg);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.querySelector('text.title')?.textContent).toBe('</text><script>alert(1)</script>&');
    // The card keeps both ends of the name (middle cut), the title shows it whole.
    expect(visibleText(doc).filter((t) => t.startsWith('</text><') && t.endsWith('</script>&')).length).toBe(2);
  });

  it('placeholders are drawn dashed', () => {
    const topo = ingest([
      jsonSource('l.json', { serviceArns: ['arn:aws:ecs:eu-west-1:111122223333:service/prod/listed-only'] }),
    ]);
    const doc = parse(renderSvg(layoutGraph(buildGraph(topo, DEFAULT_VIEW), 'LR')).svg);
    const placeholder = doc.querySelector('g[data-placeholder="true"]');
    expect(placeholder).not.toBeNull();
    expect(placeholder!.querySelector('rect[stroke-dasharray]')).not.toBeNull();
  });
});

describe('SVG export of a synthetic account with environment values', () => {
  it('has every node and no synthetic secret', () => {
    const bundle = generateAccount({ seed: 7, clusters: 2, services: 6, tasksPerService: [2, 3] });
    const text = JSON.stringify(bundle);
    const secrets = [...new Set(text.match(/synthetic-secret-[0-9a-f]+/g) ?? [])];
    expect(secrets.length).toBeGreaterThan(0);
    const topo = ingest([{ name: 'synthetic.json', text }]);
    const view: ViewState = { ...DEFAULT_VIEW, collapsed: [] };
    const out = exportSvg(topo, view);
    for (const s of secrets) expect(out.svg).not.toContain(s);
    expect(parse(out.svg).querySelectorAll('g[data-kind]').length).toBe(buildGraph(topo, view).nodes.length);
  });
});

describe('SVG export of a big account (compact layout)', () => {
  it('draws edges as steps that turn where the layout says, in the gaps between boxes', () => {
    const topo = ingest([
      {
        name: 'big.json',
        text: JSON.stringify(
          generateAccount({ seed: 3, clusters: 1, services: 320, tasksPerService: [1, 1], containersPerTask: [1, 1] }),
        ),
      },
    ]);
    const laid = layoutGraph(buildGraph(topo, { ...DEFAULT_VIEW, collapsed: [] }), 'LR');
    const bent = laid.edges.filter((e) => e.bend !== undefined);
    expect(bent.length).toBeGreaterThan(0);
    const out = renderSvg(laid, { title: 'big', subtitle: '', includeLegend: false, includeTitle: false });
    const paths = [...parse(out.svg).querySelectorAll('g.edges path')].map((p) => p.getAttribute('d') ?? '');
    expect(paths).toHaveLength(laid.edges.length);
    // Each bent edge is drawn with a vertical run at its bend x (H bend V …), never as a curve across the boxes.
    const stepped = paths.filter((d) => /H-?[\d.]+V-?[\d.]+H/.test(d) && !d.includes('C'));
    expect(stepped.length).toBe(bent.length);
    for (const e of bent.slice(0, 20))
      expect(paths.some((d) => d.includes(`H${Math.round(e.bend! * 10) / 10}V`) || d.includes(`H${e.bend}V`))).toBe(
        true,
      );
    // Generating, ingesting and laying out 320 services takes ~1 s alone; seconds on a loaded shared machine.
  }, 30_000);
});
