/**
 * The in-page rasteriser with a stand-in canvas (jsdom draws nothing): the
 * canvas gets the capped pixel size, the whole SVG is scaled into it, and a
 * blank result is refused rather than saved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PNG_SIDE } from '../../shared/render/raster-limits';
import { rasteriseSvg, RasteriseError } from './rasterise';

interface FakeCanvas {
  width: number;
  height: number;
  drawn: unknown[][];
}

function installFakes(blank: boolean): FakeCanvas[] {
  const canvases: FakeCanvas[] = [];
  class FakeImage {
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(value: string) {
      this.loadedFrom = value;
      queueMicrotask(() => this.onload?.());
    }
    loadedFrom = '';
  }
  vi.stubGlobal('Image', FakeImage);
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
    if (tag !== 'canvas') return create(tag);
    const c: FakeCanvas & Record<string, unknown> = { width: 0, height: 0, drawn: [] };
    c.getContext = () => ({
      drawImage: (...args: unknown[]) => c.drawn.push(args),
      getImageData: () => ({ data: new Uint8ClampedArray(64 * 64 * 4).fill(blank ? 0 : 255) }),
    });
    c.toBlob = (cb: (b: Blob | null) => void) =>
      cb(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }));
    canvases.push(c);
    return c as unknown as HTMLCanvasElement;
  }) as typeof document.createElement);
  return canvases;
}

const SVG =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500" viewBox="0 0 1000 500"><rect width="10" height="10"/></svg>';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('rasteriseSvg', () => {
  it('draws the whole SVG into a canvas of the drawing size × scale', async () => {
    const canvases = installFakes(false);
    const png = await rasteriseSvg(SVG, 1000, 500, 3);
    expect([png.width, png.height]).toEqual([3000, 1500]);
    expect([canvases[0].width, canvases[0].height]).toEqual([3000, 1500]);
    const [img, x, y, w, h] = canvases[0].drawn[0] as [{ loadedFrom: string }, number, number, number, number];
    expect([x, y, w, h]).toEqual([0, 0, 3000, 1500]);
    // The SVG is resized to the pixel size, viewBox kept: scaled, not cropped.
    expect(decodeURIComponent(img.loadedFrom)).toContain('width="3000" height="1500" viewBox="0 0 1000 500"');
    expect(png.warning).toBeUndefined();
    expect(png.bytes.length).toBeGreaterThan(0);
  });

  it('caps an oversize export and says so', async () => {
    const canvases = installFakes(false);
    const png = await rasteriseSvg(
      SVG.replace(
        'width="1000" height="500" viewBox="0 0 1000 500"',
        'width="9000" height="500" viewBox="0 0 9000 500"',
      ),
      9000,
      500,
      4,
    );
    expect(canvases[0].width).toBe(MAX_PNG_SIDE);
    expect(png.width).toBe(MAX_PNG_SIDE);
    expect(png.warning).toMatch(/scaled down.*export SVG/);
  });

  it('refuses a blank result instead of saving an empty picture', async () => {
    installFakes(true);
    await expect(rasteriseSvg(SVG, 1000, 500, 1)).rejects.toBeInstanceOf(RasteriseError);
  });
});
