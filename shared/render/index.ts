/** The SVG export: one entry point for main, the CLI and the renderer. */
export { renderSvg, type RenderedSvg, type SvgRenderOptions } from './render-svg';
export { exportSvg, exportCaption, type ExportSvgOptions } from './export-svg';
export { dataTime, formatDataTime, defaultTitle, defaultSubtitle, exportFileName, type DataTime } from './caption';
export {
  rasterSize,
  reducedSizeWarning,
  svgAtPixelSize,
  MAX_PNG_AREA,
  MAX_PNG_SIDE,
  MIN_EXPORT_SCALE,
  MAX_EXPORT_SCALE,
  type RasterSize,
} from './raster-limits';
export { type ExportBackground, type ExportTheme } from './palette';
export { escapeXml } from './text';
