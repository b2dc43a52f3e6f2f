/**
 * SVG export → PNG in the page (web mode, and the Electron window too): the
 * export from shared/render is drawn through <img>s onto a canvas and encoded
 * as PNG, within the same caps as the CLI's resvg path.
 *
 * A browser parses and paints an SVG image in one task on the page's thread,
 * and a canvas the size of a big export (up to 268 million pixels) takes a
 * second to allocate and another to encode: drawn whole at 1×, the 2,751
 * boxes of a 20,000-node account's drawing held the app for 1.1 and 1.8 s,
 * the 13,620 of a 100,000-node one for 5.3 and 7.0 s. So the image is drawn
 * in shares of at most 150 boxes and lines of text (shared/render/
 * raster-plan.ts), each an SVG image of its own drawn in its own task, and
 * the whole-size canvas that puts them together and the PNG encoding are in
 * a worker (png-worker.ts). The app responds throughout and the export says
 * how far it is.
 */
import { rasterSize, reducedSizeWarning, type RasterSize } from '../../shared/render/raster-limits';
import { svgTile, type SvgArea, type SvgParts } from '../../shared/render/render-svg';
import { PngWriter } from './png-worker';
import { areaOf, planRaster } from '../../shared/render/raster-plan';

/** A PNG made in the page. */
export interface RasterisedPng {
  blob: Blob;
  /** The PNG bytes, ready for `DesktopApi.saveFile`. */
  bytes: Uint8Array;
  width: number;
  height: number;
  size: RasterSize;
  /** Set when the caps scaled the image down: show it to the user. */
  warning?: string;
}

/** Raised when the browser produced no image (out of memory, canvas refused): offer SVG instead. */
export class RasteriseError extends Error {}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new RasteriseError('the browser could not draw the SVG'));
    img.src = url;
  });
}

/** The PNG worker's refusal (a canvas the browser cannot hold, no PNG encoded) as the export's error. */
function refused(e: unknown): never {
  throw new RasteriseError(e instanceof Error ? e.message : String(e));
}

/**
 * The pixels of `share` drawn over `w` × `h` pixels (SVG area `area`), on a canvas of their own: an
 * OffscreenCanvas whose bitmap is handed over whole, or a page canvas copied out where there is none.
 */
async function drawShare(share: SvgParts, area: SvgArea, w: number, h: number): Promise<ImageBitmap> {
  // A blob: URL is same-origin (the canvas is never tainted) and our CSP allows it for images; unlike a data: URL
  // it leaves no escaped copy of the SVG on the page's heap: at 500 shares those copies cost 100 ms collections.
  const url = URL.createObjectURL(new Blob([svgTile(share, area, w, h)], { type: 'image/svg+xml' }));
  let img: HTMLImageElement;
  try {
    img = await loadImage(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new RasteriseError('no 2D canvas available');
    ctx.drawImage(img, 0, 0, w, h);
    return canvas.transferToImageBitmap();
  }
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [w, h];
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new RasteriseError('no 2D canvas available');
  ctx.drawImage(img, 0, 0, w, h);
  return createImageBitmap(canvas, 0, 0, w, h);
}

/**
 * Rasterises the export `parts` (a drawing of `parts.width` × `parts.height` SVG px) at `scale` (the export
 * dialog's 1–4×), within the PNG caps; `onProgress` hears how far it is (`done` of `all`).
 * `expanded`: the user expanded more than the default view shows (shapes the warning's advice).
 */
export async function rasteriseSvg(
  parts: SvgParts,
  scale: number,
  options: { expanded?: boolean; onProgress?: (done: number, all: number) => void } = {},
): Promise<RasterisedPng> {
  const size = rasterSize(parts.width, parts.height, scale);
  const png = new PngWriter();
  try {
    await png.start(size.width, size.height, parts.fill).catch(refused);
    const { units, shares } = planRaster(parts, size);
    let done = 0;
    // The worker puts one share on the image while the next is drawn here.
    let putting: Promise<unknown> = Promise.resolve();
    for (const { rect, parts: share, units: completes } of shares) {
      done += completes;
      if (!share.head.markup && share.edges.length === 0 && share.nodes.length === 0) continue;
      const bitmap = await drawShare(share, areaOf(parts, size, rect), rect.x1 - rect.x0, rect.y1 - rect.y0);
      await putting;
      putting = png.put(bitmap, rect.x0, rect.y0).catch(refused);
      // Heard at the next share's `await`; until then it is not an unhandled rejection.
      putting.catch(() => undefined);
      options.onProgress?.(done, units);
    }
    await putting;
    const blob = await png.finish().catch(refused);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return {
      blob,
      bytes,
      width: size.width,
      height: size.height,
      size,
      ...(size.reduced ? { warning: reducedSizeWarning(size, options.expanded ?? true) } : {}),
    };
  } finally {
    png.dispose();
  }
}
