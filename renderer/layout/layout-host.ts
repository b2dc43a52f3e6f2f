/**
 * The renderer's holder of what was loaded, for laying it out:
 * `createWebLayoutHost`, the ingest worker that made the load and still holds
 * it (on the desktop too: main hands the page the texts it read, and the same
 * worker ingests them). Host I/O (open, save, menu, AWS) is the DesktopApi's.
 */
import type { LaidOutGraph, LegendCounts } from '../../shared/graph/types';
import type { LayoutPreview } from '../canvas/overview-types';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';

/** Lays out, previews and gives the raw JSON of the topologies the page shows. */
export interface LayoutHost {
  /** Builds and lays out the graph of `topology` under `view` (`view.direction` is overridden by `direction`). */
  layOut(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph>;
  /**
   * What the canvas can draw of that layout before it arrives (a big load's first frame: size, overview
   * paint); resolves null when none comes.
   */
  previewLayout(topology: Topology, view: ViewState, direction: Direction): Promise<LayoutPreview | null>;
  /** The legend of that layout, when it comes before the layout; resolves null when it does not. */
  previewLegend(topology: Topology, view: ViewState, direction: Direction): Promise<LegendCounts | null>;
  /**
   * The view the host already laid out for a topology it loaded (the ingest worker lays out the first graph
   * with the ingest); the page starts with it. Needed for a load given in parts, whose lists the page cannot pick a
   * view from yet. Undefined when it laid out none.
   */
  startingView(topology: Topology): ViewState | undefined;
  /**
   * The raw AWS JSON of one object of `topology`: kept where the topology was loaded (the ingest worker,
   * since cloning it to the page froze big opens), or carried on the object (a load made on the page).
   */
  loadRaw(topology: Topology, objectId: string): Promise<Record<string, unknown> | undefined>;
  /** Stops its workers. */
  dispose(): void;
}
