/**
 * The whole export pipeline short of pixels: Topology and view → graph →
 * layout → SVG with the default title and the data's time. The CLI calls
 * this; the app, which already holds a laid-out graph, calls `renderSvg`
 * with `exportCaption(topology)`.
 */
import { buildGraph } from '../graph/build-graph';
import type { ViewState } from '../graph/view';
import { layoutGraph } from '../layout/layout';
import type { Topology } from '../model/types';
import { defaultSubtitle, defaultTitle } from './caption';
import { renderSvg, type RenderedSvg, type SvgRenderOptions } from './render-svg';

/** Options of a whole export: the render options without the parts the topology and view decide. */
export type ExportSvgOptions = Omit<SvgRenderOptions, 'overlay' | 'direction' | 'subtitle'>;

/** Title and subtitle of an export of `topology`; `title` overrides the cluster names. */
export function exportCaption(topology: Topology, title?: string): { title: string; subtitle: string } {
  return { title: title?.trim() ? title.trim() : defaultTitle(topology), subtitle: defaultSubtitle(topology) };
}

/** Builds, lays out and renders `topology` as seen in `view`. */
export function exportSvg(topology: Topology, view: ViewState, options: ExportSvgOptions = {}): RenderedSvg {
  const laid = layoutGraph(buildGraph(topology, view), view.direction);
  return renderSvg(laid, {
    ...options,
    ...exportCaption(topology, options.title),
    overlay: view.overlay,
    direction: view.direction,
  });
}
