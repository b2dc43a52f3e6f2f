/**
 * In-app export: the whole diagram as currently viewed (view, overlay,
 * collapsed state, filters), never the viewport, as SVG or PNG, saved
 * through the host (a save dialog in Electron, a download in web mode).
 * The SVG comes from shared/render like the CLI's; the PNG is rasterised
 * in the page within the same size caps.
 */
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { initialView, type ViewState } from '../../shared/graph/view';
import { exportCaption, exportFileName, renderSvg } from '../../shared/render/index';
import { useDiagramStore, type ExportOptions } from '../store/diagram-store';
import { rasteriseSvg, RasteriseError } from './rasterise';
import { pricedAnswer, useCostStore } from '../cost/cost-store';

/**
 * Boxes above which the popover says a PNG will hold the app up: the browser rasterises the SVG on the page's
 * thread in one go, ~1-2 ms a box (measured in the web build, starting views of synthetic accounts: 5,000 nodes,
 * 686 boxes, 1.4 s; 20,000 nodes, 2,751 boxes, 5.3 s; 100,000 nodes, 13,620 boxes, 16 s).
 */
export const SLOW_PNG_BOXES = 500;

/** The two export formats. */
export type ExportFormat = 'png' | 'svg';

/** What an export produced. */
export interface ExportResult {
  /** The name it was saved under, or null when the user cancelled the save dialog. */
  saved: string | null;
  /** Pixel size of the PNG, or SVG px of the SVG. */
  width: number;
  height: number;
  /** Set when the PNG had to be scaled down to stay within the caps. */
  warning?: string;
}

/** Raised when there is nothing drawn yet to export (no load, or its first layout still running). */
export class NothingToExportError extends Error {}

/** True when the user opened more than the default view shows; the size warning then suggests going back to it. */
function expandedBeyondDefault(view: ViewState, defaults: ViewState): boolean {
  if ((view.expanded?.length ?? 0) > 0) return true;
  const collapsed = new Set(view.collapsed);
  return defaults.collapsed.some((id) => !collapsed.has(id));
}

/** Exports the diagram in the store as `format` with `options` (default: the Export popover's last choices). */
export async function exportDiagram(
  api: Pick<DesktopApi, 'saveFile'>,
  format: ExportFormat,
  options: ExportOptions = useDiagramStore.getState().exportOptions,
): Promise<ExportResult> {
  const { topology, layout, view } = useDiagramStore.getState();
  const priced = pricedAnswer(useCostStore.getState());
  if (!topology || !layout) throw new NothingToExportError('Nothing to export yet: open files or the demo first.');
  // `layout` is the whole laid-out graph of the current view (filters and collapsed state applied), not what the canvas shows.
  const svg = renderSvg(layout, {
    ...exportCaption(topology),
    includeTitle: options.includeTitle,
    includeLegend: options.includeLegend,
    background: options.background,
    theme: options.background === 'dark' ? 'dark' : 'light',
    overlay: view.overlay,
    direction: view.direction,
    ...(options.findingBadges && topology.findings ? { findings: topology.findings } : {}),
    ...(options.costBadges && priced ? { cost: priced.report } : {}),
  });
  if (format === 'svg') {
    const saved = await api.saveFile(exportFileName(topology, 'svg'), svg.svg);
    return { saved, width: svg.width, height: svg.height };
  }
  if (layout.nodes.length > SLOW_PNG_BOXES) {
    // The raster holds the page's thread for seconds: say so first, and let the browser paint the notice.
    useDiagramStore
      .getState()
      .setNotice(
        `Drawing the PNG of ${layout.nodes.length.toLocaleString('en')} boxes: the app responds again when it is saved.`,
      );
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
  const png = await rasteriseSvg(svg.svg, svg.width, svg.height, options.scale, {
    expanded: expandedBeyondDefault(view, initialView(topology)),
  });
  const saved = await api.saveFile(exportFileName(topology, 'png'), png.bytes);
  return { saved, width: png.width, height: png.height, ...(png.warning ? { warning: png.warning } : {}) };
}

/**
 * Runs an export for the toolbar, the menu or Ctrl/Cmd+E and tells the user
 * how it went through the store's notice (saved, scaled down) or error.
 */
export async function runExport(
  api: Pick<DesktopApi, 'saveFile'>,
  format: ExportFormat,
  options?: ExportOptions,
): Promise<ExportResult | null> {
  const { setNotice, setError } = useDiagramStore.getState();
  try {
    const result = await exportDiagram(api, format, options);
    if (result.saved === null) return result;
    const size = `${result.width} × ${result.height}${format === 'png' ? ' px' : ''}`;
    setNotice(
      result.warning ? `Saved ${result.saved} (${size}). ${result.warning}` : `Saved ${result.saved} (${size}).`,
    );
    return result;
  } catch (e) {
    if (e instanceof NothingToExportError) setNotice(e.message);
    // The browser could not make the PNG (too big for this device): SVG has no such limit.
    else if (e instanceof RasteriseError)
      setError(`Could not make the PNG: ${e.message}. Export SVG instead (Ctrl/Cmd+Shift+E).`);
    else setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
