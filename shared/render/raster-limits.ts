/**
 * Size limits of a PNG export. Browsers refuse canvases beyond about
 * 16,384 px a side or 268 million pixels, and image viewers struggle long
 * before; main (resvg) and web mode (canvas) apply the same caps so an
 * export never comes out blank or cropped: it is scaled down instead.
 */

/** Longest side of an exported PNG, px. */
export const MAX_PNG_SIDE = 16_384;

/** Largest area of an exported PNG, px². */
export const MAX_PNG_AREA = 268_000_000;

/** Scales a user may pick for a PNG export. */
export const MIN_EXPORT_SCALE = 0.25;
/** Largest scale a user may ask for (the app offers 1–4×). */
export const MAX_EXPORT_SCALE = 4;

/** The pixel size a drawing gets at a scale, after the caps. */
export interface RasterSize {
  /** PNG width and height in px. */
  width: number;
  height: number;
  /** The scale actually used (smaller than asked when capped). */
  scale: number;
  /** True when the caps made the image smaller than asked. */
  reduced: boolean;
  /** The size that was asked for (drawing size × scale). */
  requested: { width: number; height: number; scale: number };
}

/**
 * The PNG size for a drawing of `width` × `height` (SVG px) at `scale`:
 * exactly the drawing times the scale when that fits, else the largest
 * uniformly scaled size within both caps.
 */
export function rasterSize(width: number, height: number, scale: number, maxArea = MAX_PNG_AREA): RasterSize {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const requested = { width: Math.round(w * scale), height: Math.round(h * scale), scale };
  const fits =
    requested.width <= MAX_PNG_SIDE &&
    requested.height <= MAX_PNG_SIDE &&
    requested.width * requested.height <= maxArea;
  if (fits)
    return {
      width: Math.max(1, requested.width),
      height: Math.max(1, requested.height),
      scale,
      reduced: false,
      requested,
    };
  const capped = Math.min(scale, MAX_PNG_SIDE / w, MAX_PNG_SIDE / h, Math.sqrt(maxArea / (w * h)));
  // Floor so rounding can never push a side or the area past the cap.
  const out = { width: Math.max(1, Math.floor(w * capped)), height: Math.max(1, Math.floor(h * capped)) };
  return { ...out, scale: out.width / w, reduced: true, requested };
}

/**
 * The warning shown when a PNG was scaled down: what happened and what to do
 * instead. `expanded` says the view had things expanded beyond the default,
 * so going back to the default (stacked) view is worth suggesting.
 */
export function reducedSizeWarning(size: RasterSize, expanded = true, maxArea = MAX_PNG_AREA): string {
  const r = size.requested;
  return (
    `the image would be ${r.width}×${r.height} px at ${r.scale}×, over the PNG limit ` +
    `(${MAX_PNG_SIDE} px a side, ${Math.round(maxArea / 1e6)} million pixels); it was scaled down to ` +
    `${size.width}×${size.height} px (${Number(size.scale.toFixed(3))}×). For full detail export SVG` +
    (expanded
      ? `, or export the default view (large services stacked) instead of expanding everything.`
      : `, or export fewer clusters at a time.`)
  );
}

/**
 * The SVG document with its root width/height set to the PNG's pixel size
 * (the viewBox is kept), so a rasteriser draws the whole drawing scaled into
 * exactly that many pixels: never cropped, never a different size.
 */
export function svgAtPixelSize(svg: string, size: Pick<RasterSize, 'width' | 'height'>): string {
  return svg.replace(
    /(<svg\b[^>]*?)\swidth="[^"]*"\sheight="[^"]*"/,
    `$1 width="${size.width}" height="${size.height}"`,
  );
}
