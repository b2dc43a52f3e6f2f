/**
 * SVG → PNG with resvg, using only the bundled fonts, at a size within the
 * PNG caps (shared/render/raster-limits). Used by the CLI and, through IPC,
 * by the app's main process.
 */
import { renderAsync } from '@resvg/resvg-js';
import { rasterSize, reducedSizeWarning, svgAtPixelSize, type RasterSize } from '../../shared/render/raster-limits';
import { groupDigits } from '../../shared/ingest/limits';
import { EXPORT_FONT_FAMILIES, exportFontFiles } from './fonts';

/**
 * Most nodes a PNG export draws. resvg's time and memory grow with the drawing's elements (about 18 SVG elements
 * a node): measured on this 2-core machine, 5,788 nodes took 20 s of CPU (59 s wall under a load of 15) and 1.9 GB
 * at the 16,384 px cap, 22,587 nodes 80 s of CPU (300 s wall) and 2.3 GB, and a 40,000-task --expand-all
 * export took 2 min 37 s and 3.6 GB, 60,000 tasks failed inside resvg ("nodes limit reached"). Just under the
 * limit, 7,737 nodes with --expand-all at the RESVG_MAX_AREA cap took 37.5 s of CPU (180 s wall under a load of
 * 11-14 on 2 cores) and peaked at 1.82 GB. Above this count
 * a PNG is refused before any work, pointing to SVG, the default view or fewer inputs: at 16,384 px such a
 * picture has a few pixels per task and is unreadable anyway.
 */
export const MAX_PNG_NODES = 8_000;

/**
 * The message that refuses a PNG of `nodes` nodes (over MAX_PNG_NODES), naming what to do instead;
 * `defaultViewNodes` is the size without --expand-all, suggested only when that would be drawn.
 */
export function pngTooBigMessage(nodes: number, defaultViewNodes?: number): string {
  const dropExpand =
    defaultViewNodes !== undefined && defaultViewNodes <= MAX_PNG_NODES
      ? `, or drop --expand-all (${groupDigits(defaultViewNodes)} nodes: large services stacked, with their counts)`
      : '';
  return (
    `a PNG of ${groupDigits(nodes)} nodes is too big to draw (PNG export draws at most ${groupDigits(MAX_PNG_NODES)} nodes; ` +
    `more takes minutes and gigabytes and gives a few pixels a task). Export SVG instead (-o OUT.svg)${dropExpand}` +
    ', or export fewer clusters (pass only their files); nothing was written'
  );
}

/**
 * Largest PNG area drawn here, px² (below the browsers' 268 million of MAX_PNG_AREA). resvg holds the pixmap
 * and encodes from a second copy, about 8 bytes a pixel in all: a 403-node export at 16,384×15,094 px (247
 * million px) peaked at 2.12 GB. 180 million px keeps the whole run under 2 GB up to MAX_PNG_NODES (about
 * 0.15 GB + 0.04 MB a node + 8 B a pixel, measured).
 */
export const RESVG_MAX_AREA = 180_000_000;

/** A rendered PNG and what happened on the way. */
export interface PngResult {
  png: Buffer;
  width: number;
  height: number;
  size: RasterSize;
  /** Set when the caps scaled the image down: the message for the user. */
  warning?: string;
}

/**
 * Rasterises an SVG document of `width` × `height` SVG px at `scale`
 * (`expanded`: the view shows more than the default one, for the warning). The
 * root element's size is rewritten to the exact pixel size so resvg scales
 * the whole drawing into it (its viewBox is kept): nothing is cropped.
 */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale: number,
  options: { expanded?: boolean } = {},
): Promise<PngResult> {
  const size = rasterSize(width, height, scale, RESVG_MAX_AREA);
  const image = await renderAsync(svgAtPixelSize(svg, size), {
    fitTo: { mode: 'original' },
    font: {
      fontFiles: exportFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: EXPORT_FONT_FAMILIES.sans,
      sansSerifFamily: EXPORT_FONT_FAMILIES.sans,
      monospaceFamily: EXPORT_FONT_FAMILIES.mono,
    },
    logLevel: 'off',
  });
  const png = image.asPng();
  return {
    png,
    width: image.width,
    height: image.height,
    size,
    ...(size.reduced ? { warning: reducedSizeWarning(size, options.expanded ?? true, RESVG_MAX_AREA) } : {}),
  };
}
