/**
 * The whole-size canvas of an in-app PNG export, in a Web Worker of its own
 * (an OffscreenCanvas): allocating up to 268 million pixels and encoding them
 * as PNG took a second or more each on the page's thread. The page draws the
 * image a share at a time (rasterise.ts) and hands each over as
 * an ImageBitmap (transferred, not copied); the worker puts it in place and
 * encodes the file with the browser's own PNG encoder at the end. Where no
 * worker can start (jsdom), the same handlers run on the page.
 */
import { servedInPage, startWorker, WorkerClient, type Handlers } from '../workers/envelope';

/** The requests of the PNG worker: type → payload and result. */
// A type literal, not an interface: only those are assignable to the envelope's RequestMap.
export type PngRequests = {
  /**
   * Starts an image of `width` × `height` painted `fill` (null: transparent); refused when the canvas cannot
   * hold it (see `canHoldPixels`).
   */
  start: { payload: { width: number; height: number; fill: string | null }; result: null };
  /** Draws `share` (a part of the image) over what is there, its top left corner at `x`, `y`. */
  put: { payload: { share: ImageBitmap; x: number; y: number }; result: null };
  /** The PNG file of everything put so far. */
  finish: { payload: null; result: Blob };
};

/** The canvas the PNG worker draws into. */
export interface PngCanvas {
  getContext(kind: '2d'): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  convertToBlob(options: { type: string }): Promise<Blob>;
}

/**
 * Whether `ctx` holds pixels: browsers fail a canvas too big for the device silently, every draw a no-op (a
 * blank PNG). One opaque pixel is written at the far corner and read back.
 */
export function canHoldPixels(
  ctx: Pick<CanvasRenderingContext2D, 'fillRect' | 'getImageData' | 'clearRect' | 'fillStyle'>,
  width: number,
  height: number,
): boolean {
  ctx.fillStyle = '#000';
  ctx.fillRect(width - 1, height - 1, 1, 1);
  const alpha = ctx.getImageData(width - 1, height - 1, 1, 1).data[3];
  ctx.clearRect(width - 1, height - 1, 1, 1);
  return alpha === 255;
}

/** Said when the canvas cannot hold the image. */
export const BLANK_IMAGE = 'the browser produced a blank image; export SVG instead';

/** An OffscreenCanvas of `width` × `height`, or a page canvas where there is none (then on the page's thread). */
function offscreen(width: number, height: number): PngCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return {
    getContext: (kind) => canvas.getContext(kind),
    convertToBlob: ({ type }) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(UNENCODED))), type),
      ),
  };
}

/** Said when the browser made no PNG of the image. */
export const UNENCODED = 'the browser could not encode the PNG (image too large for this device?)';

/** The PNG worker's handlers, with the one image they hold (`makeCanvas`: where it is drawn). */
export function createPngHandlers(makeCanvas = offscreen): Handlers<PngRequests, Record<string, never>> {
  let image: { canvas: PngCanvas; ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D } | null = null;
  const held = () => {
    if (!image) throw new Error('no PNG started');
    return image;
  };
  return {
    start: ({ width, height, fill }) => {
      image = null;
      const canvas = makeCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas available');
      if (!canHoldPixels(ctx, width, height)) throw new Error(BLANK_IMAGE);
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fillRect(0, 0, width, height);
      }
      image = { canvas, ctx };
      return null;
    },
    put: ({ share, x, y }) => {
      held().ctx.drawImage(share, x, y);
      share.close();
      return null;
    },
    finish: async () => {
      const blob = await held()
        .canvas.convertToBlob({ type: 'image/png' })
        .catch(() => Promise.reject(new Error(UNENCODED)));
      image = null;
      return blob;
    },
  };
}

/** Starts the PNG worker, or null where workers are unavailable. */
function startPngWorker() {
  return startWorker(() => new Worker(new URL('./png.worker.ts', import.meta.url), { type: 'module' }));
}

/** One PNG put together off the page's thread: `start`, `put` a share at a time, then `finish` for the file. */
export class PngWriter {
  private readonly link: WorkerClient<PngRequests, Record<string, never>>;

  constructor(port = startPngWorker()) {
    this.link = new WorkerClient(port ?? servedInPage(createPngHandlers()));
  }

  /** Starts an image of `width` × `height` painted `fill`; rejects when the browser cannot hold one that big. */
  start(width: number, height: number, fill: string | null): Promise<null> {
    return this.link.request('start', { width, height, fill });
  }

  /** Draws `share` over the image at `x`, `y` (the bitmap is transferred, and closed once drawn). */
  put(share: ImageBitmap, x: number, y: number): Promise<null> {
    return this.link.request('put', { share, x, y }, [share]);
  }

  /** The PNG file; the worker stops. */
  async finish(): Promise<Blob> {
    try {
      return await this.link.request('finish', null);
    } finally {
      this.link.dispose();
    }
  }

  /** Stops the worker, dropping the image. */
  dispose(): void {
    this.link.dispose();
  }
}
