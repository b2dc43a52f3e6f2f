/**
 * In-app export from the store: the whole laid-out graph of the current view
 * (not the viewport), the popover's choices honoured, no environment value
 * in the file, and the PNG handed to the host at the drawing's size × scale.
 * Pixels are checked in the web e2e (jsdom has no canvas).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import { layoutGraph } from '../../shared/layout/layout';
import { OVERLAY_STYLES } from '../../shared/theme/theme';
import { useDiagramStore, type ExportOptions } from '../store/diagram-store';
import { useCostStore } from '../cost/cost-store';
import { costAnswer } from '../../shared/cost/cost-request';
import { ingestWithFindings } from '../../shared/findings/with-findings';
import { findAll, parseSvgStrict } from '../../shared/render/testing/parse-svg';
import placementBlocked from '../../fixtures/findings/placement-blocked.fires.json?raw';
import { exportDiagram, runExport, SLOW_PNG_BOXES } from './export-diagram';
import { assembleSvg } from '../../shared/render/render-svg';
import { rasteriseSvg, RasteriseError } from './rasterise';
import { prodTopology } from '../testing/prod-fixture';

vi.mock('./rasterise', async (importOriginal) => {
  const real = await importOriginal<typeof import('./rasterise')>();
  return { ...real, rasteriseSvg: vi.fn() };
});
const rasterise = vi.mocked(rasteriseSvg);

const prod = prodTopology();
const SECRETS = ['td-secret-value-4242', 'override-secret-value-7731'];

/** Loads `prod` into the store the way the app does, with the layout of the store's view. */
// The popover's options as a new user finds them: every badge off.
const PLAIN: ExportOptions = { ...useDiagramStore.getState().exportOptions };

function loadProd(): void {
  const s = useDiagramStore.getState();
  s.setTopology(prod, 'prod');
  relayout();
}
function relayout(): void {
  const { topology, view, setLayout } = useDiagramStore.getState();
  if (!topology) throw new Error('no topology');
  setLayout(layoutGraph(buildGraph(topology, view), view.direction));
}

function fakeApi() {
  const saved: { name: string; data: Uint8Array | string }[] = [];
  return {
    saved,
    saveFile: vi.fn(async (name: string, data: Uint8Array | string) => (saved.push({ name, data }), name)),
  };
}

beforeEach(() => {
  useDiagramStore.getState().close();
  rasterise.mockReset();
});
afterEach(() => vi.restoreAllMocks());

describe('exportDiagram', () => {
  it('SVG: every node of the current view by name, the legend and title, a file name from the clusters, no environment value', async () => {
    loadProd();
    const api = fakeApi();
    const r = await exportDiagram(api, 'svg');
    const [{ name, data }] = api.saved;
    const svg = String(data);
    expect(name).toMatch(/^prod.*\.svg$/);
    expect(r.saved).toBe(name);
    const layout = useDiagramStore.getState().layout;
    const names = (layout?.nodes ?? []).flatMap((n) =>
      n.kind === 'task' ? [n.data.shortId.slice(0, 12)] : 'name' in n.data ? [n.data.name] : [],
    );
    expect(names.length).toBeGreaterThan(5);
    for (const n of names) expect(svg).toContain(n);
    expect(svg).toContain('class="title"');
    expect(svg).toMatch(/legend/i);
    for (const secret of SECRETS) expect(svg).not.toContain(secret);
    // The whole drawing: at least the layout's size, whatever the canvas shows.
    expect(r.width).toBeGreaterThanOrEqual(layout?.width ?? Infinity);
    expect(r.height).toBeGreaterThanOrEqual(layout?.height ?? Infinity);
  });

  it('follows the view: a collapsed service drops its tasks from the file, the overlay off drops launch-type colours', async () => {
    loadProd();
    const service = prod.services.find((s) => !s.placeholder && prod.tasks.some((t) => t.serviceId === s.id));
    const task = prod.tasks.find((t) => t.serviceId === service?.id);
    if (!service || !task) throw new Error('fixture lacks a service with tasks');
    const api = fakeApi();
    await exportDiagram(api, 'svg');
    // Fixture task ids overlap as substrings: look for the node itself.
    expect(String(api.saved[0].data)).toContain(`data-id="${task.id}"`);
    useDiagramStore.getState().toggleCollapsed(service.id);
    useDiagramStore.getState().toggleOverlay();
    relayout();
    await exportDiagram(api, 'svg');
    expect(String(api.saved[1].data)).not.toContain(`data-id="${task.id}"`);
    expect(String(api.saved[1].data)).toContain(`data-id="${service.id}"`);
    // Overlay off: the file drawn before had launch-type accents, this one has none of the Fargate purple.
    expect(String(api.saved[0].data)).toContain(OVERLAY_STYLES.FARGATE.accent);
    expect(String(api.saved[1].data)).not.toContain(OVERLAY_STYLES.FARGATE.accent);
  });

  it('honours the options: no title, no legend, dark background', async () => {
    loadProd();
    const api = fakeApi();
    await exportDiagram(api, 'svg', {
      ...PLAIN,
      scale: 1,
      background: 'dark',
      includeLegend: false,
      includeTitle: false,
    });
    const svg = String(api.saved[0].data);
    expect(svg).not.toContain('class="title"');
    expect(svg).toContain('#0f172a');
    const withLegend = fakeApi();
    await exportDiagram(withLegend, 'svg', {
      ...PLAIN,
      scale: 1,
      background: 'dark',
      includeLegend: true,
      includeTitle: false,
    });
    expect(String(withLegend.saved[0].data).length).toBeGreaterThan(svg.length);
  });

  it("draws the findings' badges and the lens's cost table when asked and the load has them, else not", async () => {
    expect(PLAIN).toMatchObject({ findingBadges: false, costBadges: false });
    const t = ingestWithFindings([{ name: 'placement-blocked.fires.json', text: placementBlocked }]);
    expect(t.findings?.length).toBeGreaterThan(0);
    const s = useDiagramStore.getState();
    s.setTopology(t, 'placement');
    const { view } = useDiagramStore.getState();
    s.setLayout(layoutGraph(buildGraph(t, view), view.direction));
    const classes = async (options: ExportOptions) => {
      const api = fakeApi();
      await exportDiagram(api, 'svg', options);
      // Parsed as XML: a badge drawn with a duplicated attribute would not load in a browser.
      const root = parseSvgStrict(String(api.saved[0].data));
      return new Set(findAll(root, () => true).flatMap((e) => (e.attributes.class ?? '').split(' ')));
    };
    useCostStore.setState({ on: true, computing: false, answer: costAnswer(t, null) });
    const both = await classes({ ...PLAIN, findingBadges: true, costBadges: true });
    expect(both.has('finding-badge')).toBe(true);
    expect(both.has('cost-table')).toBe(true);
    expect(both.has('cost-badge')).toBe(true);
    const plain = await classes(PLAIN);
    expect(plain.has('finding-badge')).toBe(false);
    expect(plain.has('cost-table')).toBe(false);
    // Asked for the cost with the lens off (no priced load): none, rather than an old load's figures.
    useCostStore.setState({ on: false });
    const unpriced = await classes({ ...PLAIN, costBadges: true });
    expect(unpriced.has('cost-table')).toBe(false);
    useCostStore.setState({ on: false, answer: null });
  });

  it('PNG: rasterises the whole SVG at the chosen scale and saves the bytes under a .png name', async () => {
    loadProd();
    const bytes = new Uint8Array([137, 80, 78, 71]);
    rasterise.mockImplementation(async ({ width: w, height: h }, scale) => ({
      blob: new Blob([]),
      bytes,
      width: w * scale,
      height: h * scale,
      size: {
        width: w * scale,
        height: h * scale,
        scale,
        reduced: false,
        requested: { width: w * scale, height: h * scale, scale },
      },
    }));
    const api = fakeApi();
    const r = await exportDiagram(api, 'png', {
      ...PLAIN,
      scale: 3,
      background: 'transparent',
      includeLegend: true,
      includeTitle: true,
    });
    const [parts, scale, opts] = rasterise.mock.calls[0];
    expect(scale).toBe(3);
    expect(parseSvgStrict(assembleSvg(parts)).name).toBe('svg');
    // Transparent: the rasteriser paints no background.
    expect(parts.fill).toBeNull();
    expect([r.width, r.height]).toEqual([parts.width * 3, parts.height * 3]);
    expect(opts).toMatchObject({ expanded: false });
    expect(api.saved[0].name).toMatch(/\.png$/);
    expect(api.saved[0].data).toBe(bytes);
  });

  it('PNG of a big diagram: says so at once, then how far the drawing is, then where the file went', async () => {
    loadProd();
    const { layout, setLayout } = useDiagramStore.getState();
    const boxes = Array.from({ length: SLOW_PNG_BOXES + 1 }, (_, i) => ({ ...layout!.nodes[0], id: `box-${i}` }));
    setLayout({ ...layout!, nodes: boxes, edges: [] });
    const seen: (string | null)[] = [];
    rasterise.mockImplementation(async (parts, scale, options) => {
      seen.push(useDiagramStore.getState().notice);
      for (const done of [1, 2, 3, 50, 99, 100]) {
        options?.onProgress?.(done, 100);
        seen.push(useDiagramStore.getState().notice);
      }
      const size = { width: parts.width * scale, height: parts.height * scale, scale, reduced: false };
      return { blob: new Blob([]), bytes: new Uint8Array(1), ...size, size: { ...size, requested: size } };
    });
    await runExport(fakeApi(), 'png');
    const n = (SLOW_PNG_BOXES + 1).toLocaleString('en');
    expect(seen).toEqual([
      `Drawing the PNG of ${n} boxes…`,
      `Drawing the PNG of ${n} boxes: 1%…`,
      `Drawing the PNG of ${n} boxes: 2%…`,
      `Drawing the PNG of ${n} boxes: 3%…`,
      `Drawing the PNG of ${n} boxes: 50%…`,
      `Drawing the PNG of ${n} boxes: 99%…`,
      `Drawing the PNG of ${n} boxes: 100%…`,
    ]);
    expect(useDiagramStore.getState().notice).toMatch(/^Saved .*\.png/);
  });
});

describe('runExport', () => {
  it('says where the file went and passes on the scaled-down warning', async () => {
    loadProd();
    rasterise.mockResolvedValue({
      blob: new Blob([]),
      bytes: new Uint8Array(1),
      width: 100,
      height: 50,
      size: { width: 100, height: 50, scale: 1, reduced: true, requested: { width: 200, height: 100, scale: 2 } },
      warning: 'The image was scaled down; export SVG for full detail.',
    });
    await runExport(fakeApi(), 'png');
    expect(useDiagramStore.getState().notice).toMatch(/^Saved .*\.png \(100 × 50 px\)\. The image was scaled down/);
  });

  it('a PNG the browser cannot make points the user to SVG; nothing loaded says so', async () => {
    await runExport(fakeApi(), 'png');
    expect(useDiagramStore.getState().notice).toMatch(/Nothing to export/);
    loadProd();
    rasterise.mockRejectedValue(new RasteriseError('the browser produced a blank image'));
    const api = fakeApi();
    expect(await runExport(api, 'png')).toBeNull();
    expect(useDiagramStore.getState().error).toMatch(/Export SVG instead/);
    expect(api.saved).toHaveLength(0);
  });
});
