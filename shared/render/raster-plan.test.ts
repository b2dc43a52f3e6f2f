/**
 * The plan a PNG export is drawn by, share by share (raster-plan.ts), on real
 * drawings (a synthetic account, LR and TB, with its header): every box in
 * exactly one share and in the document's order, each share within its
 * weight and pixels and holding its boxes whole, every edge in a block it
 * reaches, the header first; and each share's SVG (svgTile) a well-formed
 * document of only its pieces, over the share's area, on no background.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import { initialView, type Direction } from '../graph/view';
import { ingest } from '../ingest/index';
import { layoutGraph } from '../layout/layout';
import { generateAccountOfSize } from '../synth/generate-account';
import { rasterSize } from './raster-limits';
import { areaOf, planRaster, SHARE_PIXELS, SHARE_WEIGHT, type PixelRect } from './raster-plan';
import { assembleSvg, reaches, renderSvg, renderSvgParts, renderSvgSteps, svgTile, type SvgParts } from './render-svg';
import { findAll, parseSvgStrict } from './testing/parse-svg';

const account = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(1500)) }]);

function drawing(direction: Direction): SvgParts {
  const view = { ...initialView(account), direction };
  return renderSvgParts(layoutGraph(buildGraph(account, view), direction), { direction, title: 'account' });
}

const lines = (markup: string) => markup.split('<text').length - 1;
const within = (inner: PixelRect, outer: PixelRect) =>
  inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;

describe.each(['LR', 'TB'] as const)('planRaster (%s)', (direction) => {
  const parts = drawing(direction);
  const size = rasterSize(parts.width, parts.height, 1);
  const plan = planRaster(parts, size);
  const shares = [...plan.shares];
  const sx = size.width / parts.width;

  it('puts every box in exactly one share, in the document’s order, after the header and every edge', () => {
    const boxes = shares.flatMap((s) => s.parts.nodes);
    expect(boxes).toEqual(parts.nodes);
    const firstBox = shares.findIndex((s) => s.parts.nodes.length > 0);
    expect(shares[0].parts.head.markup).toBe(parts.head.markup);
    expect(shares.slice(firstBox).every((s) => s.parts.edges.length === 0 && !s.parts.head.markup)).toBe(true);
    expect(shares.length).toBeGreaterThan(10);
  });

  it('keeps each run of boxes within its weight and pixels, and holds each box whole', () => {
    for (const share of shares.filter((s) => s.parts.nodes.length > 0)) {
      const { rect, parts: mine } = share;
      const weight = mine.nodes.reduce((sum, p) => sum + 1 + lines(p.markup), 0);
      if (mine.nodes.length > 1) {
        expect(weight).toBeLessThanOrEqual(SHARE_WEIGHT);
        expect((rect.x1 - rect.x0) * (rect.y1 - rect.y0)).toBeLessThanOrEqual(SHARE_PIXELS);
      }
      for (const p of mine.nodes) {
        const box = { x0: p.left * sx, y0: p.top * sx, x1: p.right * sx, y1: p.bottom * sx };
        expect(
          within(
            { x0: Math.ceil(box.x0), y0: Math.ceil(box.y0), x1: Math.floor(box.x1), y1: Math.floor(box.y1) },
            rect,
          ),
        ).toBe(true);
      }
    }
  });

  it('draws every edge in some block it reaches, and counts its progress to the end', () => {
    const edgeShares = shares.filter((s) => s.parts.edges.length > 0);
    for (const group of parts.edges)
      for (const path of group.paths)
        expect(
          edgeShares.some(
            (s) => s.parts.edges.some((g) => g.paths.includes(path)) && reaches(path, areaOf(parts, size, s.rect)),
          ),
        ).toBe(true);
    expect(shares.reduce((sum, s) => sum + s.units, 0)).toBe(plan.units);
  });

  it('makes each share a well-formed SVG of its own pieces over its own area, with no background', () => {
    for (const share of shares.filter((_, k) => k % 7 === 0)) {
      const { rect } = share;
      const [w, h] = [rect.x1 - rect.x0, rect.y1 - rect.y0];
      const area = areaOf(parts, size, rect);
      const root = parseSvgStrict(svgTile(share.parts, area, w, h));
      expect(root.attributes).toMatchObject({ width: String(w), height: String(h), preserveAspectRatio: 'none' });
      const [x, y, vw, vh] = root.attributes.viewBox.split(' ').map(Number);
      expect([x, y, x + vw, y + vh].map((v) => Math.round(v))).toEqual(
        [area.left, area.top, area.right, area.bottom].map((v) => Math.round(v)),
      );
      expect(findAll(root, (e) => (e.attributes.class ?? '') === 'background')).toHaveLength(0);
      expect(findAll(root, (e) => (e.attributes.class ?? '').startsWith('node '))).toHaveLength(
        share.parts.nodes.length,
      );
    }
  });
});

describe('a box bigger than a share', () => {
  it('is drawn in blocks that cover it, each holding only that box', () => {
    const parts = drawing('LR');
    const huge = { ...parts.nodes[0], left: 0, top: 0, right: parts.width, bottom: parts.height };
    const size = rasterSize(parts.width, parts.height, 1);
    const shares = [
      ...planRaster({ ...parts, head: { ...parts.head, markup: '' }, edges: [], nodes: [huge] }, size).shares,
    ];
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.every((s) => s.parts.nodes.length === 1 && s.parts.nodes[0] === huge)).toBe(true);
    const covered = shares.reduce((sum, s) => sum + (s.rect.x1 - s.rect.x0) * (s.rect.y1 - s.rect.y0), 0);
    expect(covered).toBe(size.width * size.height);
    expect(shares.reduce((sum, s) => sum + s.units, 0)).toBe(1);
  });
});

describe('renderSvgSteps and reaches', () => {
  it('renders in steps the same document renderSvg makes at once', () => {
    const view = initialView(account);
    const graph = layoutGraph(buildGraph(account, view), view.direction);
    const steps = renderSvgSteps(graph, { direction: view.direction });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields += 1;
    expect(yields).toBe(Math.ceil(graph.nodes.length / 500) - 1);
    expect(assembleSvg(step.value)).toBe(renderSvg(graph, { direction: view.direction }).svg);
  });

  it('counts a bent edge as reaching only where its legs run, not the whole rectangle they span', () => {
    const parts = drawing('LR');
    const bent = parts.edges.flatMap((g) => g.paths).find((p) => p.segments && p.bottom - p.top > 400)!;
    expect(bent).toBeDefined();
    const [first] = bent.segments!;
    expect(reaches(bent, { left: first.left, right: first.right, top: first.top, bottom: first.bottom })).toBe(true);
    // A corner of its bounds lies off its legs: nothing of it is drawn there, so a share there need not hold it.
    const corners = [
      [bent.left, bent.top],
      [bent.right, bent.top],
      [bent.left, bent.bottom],
      [bent.right, bent.bottom],
    ].map(([x, y]) => ({ left: x, right: x, top: y, bottom: y }));
    expect(corners.some((c) => !reaches(bent, c))).toBe(true);
    expect(corners.every((c) => reaches({ ...bent, segments: undefined }, c))).toBe(true);
  });
});
