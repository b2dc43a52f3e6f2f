/**
 * The PNG export decoded back into pixels (pngjs): the size a user asked for
 * (or the capped size), a real picture rather than a blank one, and the
 * theme's EC2 orange and Fargate purple actually painted.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { ingest } from '../../shared/ingest/index';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { exportSvg } from '../../shared/render/export-svg';
import { MAX_PNG_SIDE } from '../../shared/render/raster-limits';
import { OVERLAY_STYLES } from '../../shared/theme/theme';
import { RESVG_MAX_AREA, svgToPng } from './png';

interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

function decode(png: Buffer): Pixels {
  const img = PNG.sync.read(png);
  return { width: img.width, height: img.height, data: img.data };
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Pixels of exactly this colour (opaque). */
function countColour(p: Pixels, hex: string): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4)
    if (p.data[i] === r && p.data[i + 1] === g && p.data[i + 2] === b && p.data[i + 3] === 255) n++;
  return n;
}

/** Share of pixels that differ from the background colour. */
function inkShare(p: Pixels, background: [number, number, number, number]): number {
  let ink = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    if (
      p.data[i] !== background[0] ||
      p.data[i + 1] !== background[1] ||
      p.data[i + 2] !== background[2] ||
      p.data[i + 3] !== background[3]
    )
      ink++;
  }
  return ink / (p.width * p.height);
}

/** True when the row band [y0, y1) has pixels other than white. */
function bandHasInk(p: Pixels, y0: number, y1: number): boolean {
  for (let y = Math.max(0, y0); y < Math.min(p.height, y1); y++) {
    for (let x = 0; x < p.width; x++) {
      const i = (y * p.width + x) * 4;
      if (p.data[i] < 200 || p.data[i + 1] < 200 || p.data[i + 2] < 200) return true;
    }
  }
  return false;
}

const prod = ingest(loadFixtureDir('ingest/prod'));

describe('PNG export of the prod fixtures', () => {
  const svg = exportSvg(prod, DEFAULT_VIEW);

  it.each([1, 2])(
    'at %i× is the drawing’s size times the scale, not blank, with EC2 and Fargate colours',
    async (scale) => {
      const out = await svgToPng(svg.svg, svg.width, svg.height, scale);
      const px = decode(out.png);
      expect([px.width, px.height]).toEqual([svg.width * scale, svg.height * scale]);
      expect([out.width, out.height]).toEqual([px.width, px.height]);
      expect(out.warning).toBeUndefined();
      // A real diagram covers a good part of the page with cards, text and lines.
      expect(inkShare(px, [255, 255, 255, 255])).toBeGreaterThan(0.1);
      // Solid accent stripes and badges: hundreds of exact-colour pixels each, more at 2×.
      expect(countColour(px, OVERLAY_STYLES.EC2.accent)).toBeGreaterThan(200 * scale * scale);
      expect(countColour(px, OVERLAY_STYLES.FARGATE.accent)).toBeGreaterThan(200 * scale * scale);
      expect(countColour(px, OVERLAY_STYLES.FARGATE.fill)).toBeGreaterThan(1000 * scale * scale);
    },
    30_000, // a 2× raster took over 5 s on this shared machine under load
  );

  it('renders text with the bundled font (glyphs, not empty boxes): the title band has ink', async () => {
    const out = await svgToPng(svg.svg, svg.width, svg.height, 1);
    const px = decode(out.png);
    // Title baseline is 44 px down; its glyphs sit between 20 and 50.
    expect(bandHasInk(px, 20, 50)).toBe(true);
  });

  it('a transparent background leaves the corners transparent; dark fills them dark', async () => {
    const clear = exportSvg(prod, DEFAULT_VIEW, { background: 'transparent' });
    const t = decode((await svgToPng(clear.svg, clear.width, clear.height, 1)).png);
    expect(t.data[3]).toBe(0);
    const dark = exportSvg(prod, DEFAULT_VIEW, { theme: 'dark' });
    const d = decode((await svgToPng(dark.svg, dark.width, dark.height, 1)).png);
    expect([...d.data.subarray(0, 4)]).toEqual([...rgb('#0f172a'), 255]);
    expect(countColour(d, OVERLAY_STYLES.EC2.accent)).toBeGreaterThan(200);
    expect(countColour(d, OVERLAY_STYLES.FARGATE.accent)).toBeGreaterThan(200);
  });
});

describe('PNG size caps', () => {
  // A drawing 20,000 px tall, with a distinct colour at its very top and very bottom: capping must keep both.
  const EC2 = OVERLAY_STYLES.EC2.accent;
  const FARGATE = OVERLAY_STYLES.FARGATE.accent;
  const tall = {
    width: 400,
    height: 20_000,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="20000" viewBox="0 0 400 20000"><rect width="400" height="20000" fill="#ffffff"/><rect x="0" y="0" width="400" height="200" fill="${EC2}"/><rect x="0" y="19800" width="400" height="200" fill="${FARGATE}"/></svg>`,
  };

  it('scales a drawing taller than 16,384 px down to fit, whole (top and bottom both drawn), with a warning', async () => {
    const out = await svgToPng(tall.svg, tall.width, tall.height, 1);
    const px = decode(out.png);
    expect(px.height).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(px.height).toBeGreaterThan(MAX_PNG_SIDE - 2);
    expect(px.width * px.height).toBeLessThanOrEqual(RESVG_MAX_AREA);
    // Uniform scaling: the aspect ratio is kept.
    expect(px.width / px.height).toBeCloseTo(tall.width / tall.height, 2);
    expect(out.warning).toMatch(/scaled down/);
    expect(out.warning).toMatch(/SVG/);
    // Not cropped: the top band is EC2 orange and the bottom band Fargate purple, each about 200 px × the scale.
    const s = px.height / tall.height;
    const band = Math.round(200 * s);
    expect(countColour(px, EC2)).toBeGreaterThan(px.width * (band - 2));
    expect(countColour(px, FARGATE)).toBeGreaterThan(px.width * (band - 2));
    expect(bandHasInk(px, px.height - band + 1, px.height - 1)).toBe(true);
    expect(bandHasInk(px, 1, band - 1)).toBe(true);
  });
});
