/**
 * The PNG worker's handlers with a stand-in canvas: an image starts painted
 * its background, a canvas that does not keep pixels is refused (the blank
 * PNG a browser gives for a canvas too big), each share is drawn where it
 * goes and released, and the file is the canvas's PNG.
 */
import { describe, expect, it, vi } from 'vitest';
import { BLANK_IMAGE, createPngHandlers, UNENCODED, type PngCanvas } from './png-worker';

function fakeCanvas(options: { keeps?: boolean; encodes?: boolean } = {}) {
  const calls: unknown[][] = [];
  const ctx = {
    fillStyle: '',
    fillRect: (...a: number[]) => calls.push(['fillRect', ctx.fillStyle, ...a]),
    clearRect: (...a: number[]) => calls.push(['clearRect', ...a]),
    drawImage: (...a: unknown[]) => calls.push(['drawImage', ...a]),
    getImageData: () => ({ data: new Uint8ClampedArray([0, 0, 0, options.keeps === false ? 0 : 255]) }),
  };
  const canvas: PngCanvas = {
    getContext: () => ctx as unknown as CanvasRenderingContext2D,
    convertToBlob: async ({ type }) => {
      if (options.encodes === false) throw new Error('out of memory');
      return new Blob(['png'], { type });
    },
  };
  return { canvas, calls };
}

const context = { push: () => undefined, afterReply: () => undefined };

describe('createPngHandlers', () => {
  it('paints the background, puts each share at its place and releases it, and gives the PNG', async () => {
    const { canvas, calls } = fakeCanvas();
    const sizes: number[][] = [];
    const handlers = createPngHandlers((w, h) => (sizes.push([w, h]), canvas));
    await handlers.start({ width: 300, height: 200, fill: '#0f172a' }, context);
    expect(sizes).toEqual([[300, 200]]);
    // The pixel check at the far corner, then the background over the whole image.
    expect(calls.at(-1)).toEqual(['fillRect', '#0f172a', 0, 0, 300, 200]);
    const share = { close: vi.fn() } as unknown as ImageBitmap;
    await handlers.put({ share, x: 40, y: 60 }, context);
    expect(calls.at(-1)).toEqual(['drawImage', share, 40, 60]);
    expect(share.close).toHaveBeenCalled();
    const blob = (await handlers.finish(null, context)) as Blob;
    expect(blob.type).toBe('image/png');
    await expect(handlers.finish(null, context)).rejects.toThrow('no PNG started');
  });

  it('paints nothing under a transparent image', async () => {
    const { canvas, calls } = fakeCanvas();
    await createPngHandlers(() => canvas).start({ width: 10, height: 10, fill: null }, context);
    expect(calls.filter((c) => c[0] === 'fillRect')).toEqual([['fillRect', '#000', 9, 9, 1, 1]]);
  });

  it('refuses a canvas that keeps no pixels, and says so when no PNG comes out', async () => {
    const refusing = createPngHandlers(() => fakeCanvas({ keeps: false }).canvas);
    expect(() => refusing.start({ width: 9, height: 9, fill: null }, context)).toThrow(BLANK_IMAGE);
    const handlers = createPngHandlers(() => fakeCanvas({ encodes: false }).canvas);
    await handlers.start({ width: 9, height: 9, fill: null }, context);
    await expect(handlers.finish(null, context)).rejects.toThrow(UNENCODED);
  });
});
