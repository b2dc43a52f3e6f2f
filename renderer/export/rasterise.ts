/**
 * SVG export → PNG in the page (web mode, and the Electron window too): the
 * SVG from shared/render is drawn through an <img> onto a canvas of the
 * capped pixel size and encoded as PNG. The same caps as the CLI's resvg
 * path apply, so a browser never hands back a blank oversize canvas.
 */
import { rasterSize, reducedSizeWarning, svgAtPixelSize, type RasterSize } from '../../shared/render/raster-limits';

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

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) =>
        b
          ? resolve(b)
          : reject(new RasteriseError('the browser could not encode the PNG (image too large for this device?)')),
      'image/png',
    ),
  );
}

/** True when a downscaled copy of the canvas has any painted pixel; browsers fail big canvases silently, as blank. */
function hasInk(canvas: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = 64;
  probe.height = 64;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  if (!ctx) return true;
  ctx.drawImage(canvas, 0, 0, 64, 64);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}

/**
 * Rasterises an SVG document of `width` × `height` SVG px at `scale`
 * (the export dialog's 1–4×), within the PNG caps. `expanded`: the user
 * expanded more than the default view shows (shapes the warning's advice).
 */
export async function rasteriseSvg(
  svg: string,
  width: number,
  height: number,
  scale: number,
  options: { expanded?: boolean } = {},
): Promise<RasterisedPng> {
  const size = rasterSize(width, height, scale);
  // A data: URL rather than blob: keeps the SVG same-origin-clean under any CSP that allows img data: (ours does), so the canvas is never tainted.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgAtPixelSize(svg, size))}`;
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new RasteriseError('no 2D canvas available');
  ctx.drawImage(img, 0, 0, size.width, size.height);
  if (!hasInk(canvas)) throw new RasteriseError('the browser produced a blank image; export SVG instead');
  const blob = await toBlob(canvas);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return {
    blob,
    bytes,
    width: size.width,
    height: size.height,
    size,
    ...(size.reduced ? { warning: reducedSizeWarning(size, options.expanded ?? true) } : {}),
  };
}
