/**
 * In-app export: the whole diagram as currently viewed (view, overlay,
 * collapsed state, filters), never the viewport, as SVG or PNG, saved
 * through the host (a save dialog in Electron, a download in web mode).
 * The SVG comes from shared/render like the CLI's; the PNG is rasterised
 * in the page within the same size caps.
 */
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { initialView, type ViewState } from '../../shared/graph/view';
import { exportCaption, exportFileName } from '../../shared/render/index';
import { assembleSvg, renderSvgSteps, type SvgParts } from '../../shared/render/render-svg';
import { useDiagramStore, type ExportOptions } from '../store/diagram-store';
import { rasteriseSvg, RasteriseError } from './rasterise';
import { pricedAnswer, useCostStore } from '../cost/cost-store';

/**
 * Boxes above which the popover says a PNG takes a while and the export says how far it is: drawn a share at a
 * time (rasterise.ts), a PNG at 1× took 2.3 s for 686 boxes, 7.6–8.7 s for 2,751 and 20.7–27.5 s for 13,620
 * (`npm run bench:export-browser`: starting views of synthetic accounts of 5,000, 20,000 and 100,000 nodes).
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

/** Runs `steps` to its end, a task each step, so the page draws and answers input in between. */
async function inSteps(steps: Generator<void, SvgParts>): Promise<SvgParts> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Exports the diagram in the store as `format` with `options` (default: the Export popover's last choices). */
export async function exportDiagram(
  api: Pick<DesktopApi, 'saveFile'>,
  format: ExportFormat,
  options: ExportOptions = useDiagramStore.getState().exportOptions,
): Promise<ExportResult> {
  const { topology, layout, layoutDirection, view } = useDiagramStore.getState();
  const priced = pricedAnswer(useCostStore.getState());
  if (!topology || !layout) throw new NothingToExportError('Nothing to export yet: open files or the demo first.');
  const boxes = layout.nodes.length.toLocaleString('en');
  const slow = format === 'png' && layout.nodes.length > SLOW_PNG_BOXES;
  if (slow) useDiagramStore.getState().setNotice(`Drawing the PNG of ${boxes} boxes…`);
  // `layout` is the whole laid-out graph of the current view (filters and collapsed state applied), not what the canvas shows.
  const parts = await inSteps(
    renderSvgSteps(layout, {
      ...exportCaption(topology),
      includeTitle: options.includeTitle,
      includeLegend: options.includeLegend,
      background: options.background,
      theme: options.background === 'dark' ? 'dark' : 'light',
      overlay: view.overlay,
      direction: layoutDirection,
      ...(options.findingBadges && topology.findings ? { findings: topology.findings } : {}),
      ...(options.costBadges && priced ? { cost: priced.report } : {}),
    }),
  );
  if (format === 'svg') {
    const saved = await api.saveFile(exportFileName(topology, 'svg'), assembleSvg(parts));
    return { saved, width: parts.width, height: parts.height };
  }
  let shownPercent = -1;
  const png = await rasteriseSvg(parts, options.scale, {
    expanded: expandedBeyondDefault(view, initialView(topology)),
    // A big drawing takes seconds (drawn a share at a time, the app responding in between): say how far it is.
    onProgress: (done, all) => {
      const percent = Math.floor((100 * done) / all);
      if (slow && percent !== shownPercent) {
        shownPercent = percent;
        useDiagramStore.getState().setNotice(`Drawing the PNG of ${boxes} boxes: ${percent}%…`);
      }
    },
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
