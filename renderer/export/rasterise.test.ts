/**
 * The in-page rasteriser with stand-in canvases and images (jsdom draws
 * nothing, and has no Worker or OffscreenCanvas, so the PNG writer's handlers
 * run on the page): the image gets the capped pixel size and the background,
 * every share is an SVG of its own pieces drawn over its own pixels, the
 * progress reaches the end, and a canvas the browser cannot hold is refused
 * rather than saved blank.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PNG_SIDE, rasterSize } from '../../shared/render/raster-limits';
import { planRaster } from '../../shared/render/raster-plan';
import { renderSvgParts, type SvgParts } from '../../shared/render/render-svg';
import { layoutGraph } from '../../shared/layout/layout';
import { buildGraph } from '../../shared/graph/build-graph';
import { initialView } from '../../shared/graph/view';
import { prodTopology } from '../testing/prod-fixture';
import { rasteriseSvg, RasteriseError } from './rasterise';

interface Drawn {
  source: unknown;
  x: number;
  y: number;
}

interface FakeCanvas {
  width: number;
  height: number;
  drawn: Drawn[];
  fills: { style: string; rect: number[] }[];
}

/** Canvases that record what is drawn on them, images that "load" any URL, bitmaps that say where they came from. */
function installFakes(options: { blank?: boolean; encodes?: boolean } = {}) {
  const canvases: FakeCanvas[] = [];
  // The SVG of every image loaded, in order (each from a blob: URL).
  const blobs = new Map<string, Blob>();
  const loaded: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:fake/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void blobs.delete(url));
  class FakeImage {
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(value: string) {
      const blob = blobs.get(value);
      if (blob) loaded.push(blob);
      queueMicrotask(() => (blob ? this.onload?.() : this.onerror?.()));
    }
  }
  vi.stubGlobal('Image', FakeImage);
  const images = () => Promise.all(loaded.map((b) => b.text()));
  vi.stubGlobal('createImageBitmap', async (canvas: FakeCanvas, x: number, y: number, w: number, h: number) => ({
    from: canvas.drawn.at(-1)?.source,
    size: [w, h],
    close: vi.fn(),
  }));
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
    if (tag !== 'canvas') return create(tag);
    const c: FakeCanvas & Record<string, unknown> = { width: 0, height: 0, drawn: [], fills: [] };
    const ctx = {
      fillStyle: '',
      fillRect: (...rect: number[]) => c.fills.push({ style: ctx.fillStyle, rect }),
      clearRect: () => undefined,
      drawImage: (source: unknown, x: number, y: number) => c.drawn.push({ source, x, y }),
      getImageData: () => ({ data: new Uint8ClampedArray([0, 0, 0, options.blank ? 0 : 255]) }),
    };
    c.getContext = () => ctx;
    c.toBlob = (cb: (b: Blob | null) => void) =>
      cb(options.encodes === false ? null : new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }));
    canvases.push(c);
    return c as unknown as HTMLCanvasElement;
  }) as typeof document.createElement);
  return { canvases, images };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function prodParts(options: Parameters<typeof renderSvgParts>[1] = {}): SvgParts {
  const prod = prodTopology();
  const view = initialView(prod);
  return renderSvgParts(layoutGraph(buildGraph(prod, view), view.direction), { direction: view.direction, ...options });
}

describe('rasteriseSvg', () => {
  it('draws each share of the drawing as its own SVG over its own pixels of an image of the size × scale', async () => {
    const { canvases, images } = installFakes();
    const parts = prodParts({ title: 'prod' });
    const progress: [number, number][] = [];
    const png = await rasteriseSvg(parts, 2, { onProgress: (done, all) => progress.push([done, all]) });
    const size = rasterSize(parts.width, parts.height, 2);
    expect([png.width, png.height]).toEqual([parts.width * 2, parts.height * 2]);
    expect(png.bytes.length).toBeGreaterThan(0);
    expect(png.warning).toBeUndefined();
    // The image canvas: the PNG's size, painted the background first.
    const image = canvases.find((c) => c.width === size.width && c.height === size.height && c.fills.length > 0)!;
    expect(image.fills.at(-1)).toEqual({ style: '#ffffff', rect: [0, 0, size.width, size.height] });
    // Each share put where the plan says, in order, from an SVG of its own size and area.
    const plan = planRaster(parts, size);
    const shares = [...plan.shares].filter(
      (s) => s.parts.head.markup || s.parts.edges.length > 0 || s.parts.nodes.length > 0,
    );
    expect(shares.length).toBeGreaterThan(1);
    expect(image.drawn.map((d) => [d.x, d.y])).toEqual(shares.map((s) => [s.rect.x0, s.rect.y0]));
    const svgs = await images();
    expect(svgs).toHaveLength(shares.length);
    for (const [k, share] of shares.entries()) {
      const [w, h] = [share.rect.x1 - share.rect.x0, share.rect.y1 - share.rect.y0];
      expect(svgs[k]).toContain(`width="${w}" height="${h}"`);
      expect(svgs[k]).not.toContain('class="background"');
      for (const node of share.parts.nodes) expect(svgs[k]).toContain(node.markup);
    }
    // Every object URL made for an image is let go once it has loaded.
    expect(vi.mocked(URL.revokeObjectURL)).toHaveBeenCalledTimes(shares.length);
    expect(progress.at(-1)).toEqual([plan.units, plan.units]);
  });

  it('caps an oversize export and says so', async () => {
    installFakes();
    const parts = prodParts();
    const png = await rasteriseSvg({ ...parts, width: 9000 }, 4);
    expect(png.width).toBe(MAX_PNG_SIDE);
    expect(png.warning).toMatch(/scaled down.*export SVG/);
  });

  it('refuses an image the browser cannot hold, and one it cannot encode, instead of saving a blank picture', async () => {
    installFakes({ blank: true });
    await expect(rasteriseSvg(prodParts(), 1)).rejects.toThrow(
      new RasteriseError('the browser produced a blank image; export SVG instead'),
    );
    vi.restoreAllMocks();
    installFakes({ encodes: false });
    await expect(rasteriseSvg(prodParts(), 1)).rejects.toBeInstanceOf(RasteriseError);
  });
});
