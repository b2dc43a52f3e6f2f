/**
 * SVG → PNG with resvg, using only the bundled fonts, at a size within the
 * PNG caps (shared/render/raster-limits). Used by the CLI and, through IPC,
 * by the app's main process.
 */
import { renderAsync } from '@resvg/resvg-js';
import { rasterSize, reducedSizeWarning, svgAtPixelSize, type RasterSize } from '../../shared/render/raster-limits';
import { EXPORT_FONT_FAMILIES, exportFontFiles } from './fonts';

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
  const size = rasterSize(width, height, scale);
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
    ...(size.reduced ? { warning: reducedSizeWarning(size, options.expanded ?? true) } : {}),
  };
}
