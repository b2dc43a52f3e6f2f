/**
 * The renderer's one store: what is loaded, how it is viewed, what is
 * selected, which panels are open. Components read slices of it.
 */
import { create } from 'zustand';
import { ancestorIds } from '../../shared/graph/build-graph';
import type { LaidOutGraph, LegendCounts } from '../../shared/graph/types';
import type { LayoutPreview } from '../canvas/overview-types';
import {
  AUTO_COLLAPSE_TASKS,
  DEFAULT_VIEW,
  initialView,
  type Direction,
  type ViewFilters,
  type ViewMode,
  type ViewState,
} from '../../shared/graph/view';
import { expandAll, toggleCollapse } from '../../shared/graph/collapse';
import { aspectBucket, TARGET_ASPECT } from '../../shared/layout/layout';
import { absolutePositions } from '../../shared/layout/positions';
import { searchTopology } from '../../shared/graph/search';
import { savedView, savedViewport, type SavedViewport } from './view-persistence';
import type { Topology } from '../../shared/model/types';
import type { TopologyDiff } from '../../shared/diff/diff-topology';
import { refreshDiff } from '../../shared/diff/refresh-diff';

/** Choices of the Export popover, kept so the menu and Ctrl/Cmd+E export the same way. */
export interface ExportOptions {
  scale: 1 | 2 | 3 | 4;
  background: 'white' | 'transparent' | 'dark';
  includeLegend: boolean;
  includeTitle: boolean;
  /** The findings' count badges on their nodes, as the canvas shows them. */
  findingBadges: boolean;
  /** The launch-type lens's $/month badges and cost table, when the lens has priced the load. */
  costBadges: boolean;
}

/** The store's state and actions. */
export interface DiagramState {
  topology: Topology | null;
  /** What was loaded, for the title bar: "demo snapshot", "3 files". */
  sourceLabel: string;
  view: ViewState;
  layout: LaidOutGraph | null;
  /**
   * The direction `layout` was laid out in: the view's until another is asked for, and until its layout comes,
   * still the one the shown layout was made in (drawn in the new one, its edges and paint were wrong, and remade
   * for nothing: a 125 ms task at 100,000 nodes).
   */
  layoutDirection: Direction;
  /** What the canvas draws of the layout being made, until it arrives (a big load's first frame); null once it has. */
  preview: LayoutPreview | null;
  /** The legend of the layout being made, when the host has it before the layout (a big load's legend shows while it is laid out). */
  previewLegend: LegendCounts | null;
  /** Bumped when the canvas should fit everything into view (new load, Fit button). */
  fitRequest: number;
  /** Fit once the layout being computed arrives (new load, direction change): fitting the old one would be wrong. */
  fitOnNextLayout: boolean;
  /** Fit once the layout being computed arrives if its bounds differ from the one shown (a filter change). */
  refitOnBoundsChange: boolean;
  /** Whether the fit asked for by `fitRequest` glides there (a change of what is drawn) or jumps (a new load). */
  fitAnimated: boolean;
  /**
   * The node an expand or collapse toggled and where it was (absolute, flow coordinates): when the next
   * layout lands the canvas pans so the node stays where it was on screen, instead of refitting.
   */
  keepInView: { id: string; x: number; y: number; request: number } | null;
  /** The pane's width ÷ height as last measured (null before the canvas has a size). */
  paneAspect: number | null;
  /** Pan and zoom saved for this input the last time it was open: the first fit of the load goes there instead. */
  restoreViewport: SavedViewport | null;
  selectedId: string | null;
  /** Bumped when the canvas should bring the selected node into view (selection from a panel). */
  focusRequest: number;
  /**
   * With a focus request, the nodes to frame instead of the selected one (a placement finding's service is not
   * drawn in the placement view: the hosts it tried are what to show); null frames the selection.
   */
  focusFrame: readonly string[] | null;
  legendOpen: boolean;
  diagnosticsOpen: boolean;
  /** Environment values shown unmasked in the details panel (an explicit user choice, reset per selection). */
  revealSecrets: boolean;
  loading: boolean;
  error: string | null;
  /** A passing message for the user (export saved, image scaled down); not an error. */
  notice: string | null;
  /** What changed since the load before, when this load is a newer snapshot of the same account; cleared by any other load. */
  diff: TopologyDiff | null;
  /** The load before one whose objects are still arriving: its diff is computed once they all have. */
  diffBase: Topology | null;
  /** Live AWS auto-refresh period in seconds; 0 = off (the default). */
  autoRefreshSeconds: number;
  exportOptions: ExportOptions;
  /** The search box's query: hits are highlighted, the rest dimmed (a match set, not a filter). */
  search: string;
  /** Which hit Enter last moved to (−1 before the first Enter). */
  searchIndex: number;

  /**
   * Shows a new load. `reload` keeps view and selection (file watch); `open` starts fresh, with
   * `startingView` when the host laid one out (else the view saved for the input, else the initial one);
   * `complete` swaps in the complete topology of the load shown while its objects were arriving (ignored otherwise).
   */
  setTopology(
    topology: Topology,
    sourceLabel: string,
    reason?: 'open' | 'reload' | 'complete',
    startingView?: ViewState,
  ): void;
  /** Shows `layout`, laid out in `direction` (by default the view's). */
  setLayout(layout: LaidOutGraph, direction?: Direction): void;
  /** Shows the preview of the layout being made (ignored once a layout is shown); a fit waiting for the layout is done on it. */
  setPreview(preview: LayoutPreview): void;
  /** Shows the legend of the layout being made (ignored once a layout is shown). */
  setPreviewLegend(legend: LegendCounts): void;
  setLoading(loading: boolean): void;
  setError(error: string | null): void;
  toggleOverlay(): void;
  setDirection(direction: Direction): void;
  toggleCollapsed(id: string): void;
  setFilters(filters: ViewFilters): void;
  /** Selects an object; `focus` also pans the canvas to it, or, with `frame`, zooms to show those nodes together. */
  select(id: string | null, options?: { focus?: boolean; frame?: readonly string[] }): void;
  requestFit(): void;
  setLegendOpen(open: boolean): void;
  setDiagnosticsOpen(open: boolean): void;
  setRevealSecrets(reveal: boolean): void;
  setNotice(notice: string | null): void;
  setAutoRefreshSeconds(seconds: number): void;
  setExportOptions(options: Partial<ExportOptions>): void;
  /** Sets the search query (resets the Enter cycle). */
  setSearch(search: string): void;
  /** Moves to the next (1) or previous (−1) search hit: selects it, opens what hides it, centres it. */
  stepSearch(delta: 1 | -1): void;
  /** Switches between the hierarchy and the placement view. */
  setMode(mode: ViewMode): void;
  /** The pane's width ÷ height: a load is packed to it (bucketed, see `aspectBucket`), refitting when that changes the layout. */
  setPaneAspect(aspect: number): void;
  /** Back to the first screen. */
  close(): void;
}

const INITIAL = {
  topology: null,
  sourceLabel: '',
  view: DEFAULT_VIEW,
  layout: null,
  layoutDirection: DEFAULT_VIEW.direction,
  preview: null,
  previewLegend: null,
  fitRequest: 0,
  fitOnNextLayout: false,
  refitOnBoundsChange: false,
  fitAnimated: false,
  keepInView: null,
  paneAspect: null,
  selectedId: null,
  focusRequest: 0,
  focusFrame: null,
  legendOpen: true,
  diagnosticsOpen: false,
  revealSecrets: false,
  loading: false,
  error: null,
  notice: null,
  diff: null,
  diffBase: null,
  autoRefreshSeconds: 0,
  exportOptions: {
    scale: 2,
    background: 'white',
    includeLegend: true,
    includeTitle: true,
    findingBadges: false,
    costBadges: false,
  } as ExportOptions,
  search: '',
  searchIndex: -1,
  restoreViewport: null,
} satisfies Partial<DiagramState>;

/**
 * `view` packed to a pane of `paneAspect`, or `view` itself when that changes nothing or the load is big: a
 * big load's layout takes seconds, and its compact tree already wraps to a screen shape. A load still
 * arriving (its tasks come after the first frame) counts as big: its first answer has no tasks, and
 * packing it re-laid out the 20k-node account and threw away the layout its first frame was drawn from.
 */
function packedTo(view: ViewState, topology: Topology, paneAspect: number | null): ViewState {
  if (paneAspect === null || topology.arriving || topology.tasks.length > AUTO_COLLAPSE_TASKS) return view;
  const aspect = aspectBucket(paneAspect);
  return aspect === (view.aspect ?? TARGET_ASPECT) ? view : { ...view, aspect };
}

/**
 * Runs `work` once the store shows a load that `ofLoad` says is the one waited for, whole (a big load's parts
 * arrived: completing a load sets the canvas's marks again, so marks go on after that); never once another load is
 * shown instead. For what the ingest worker answers about a load that may not be on screen yet, or not whole.
 */
export function whenShownWhole(ofLoad: (topology: Topology) => boolean, work: (shown: Topology) => void): void {
  const ready = (t: Topology | null): t is Topology => t !== null && ofLoad(t) && !t.arriving;
  const now = useDiagramStore.getState().topology;
  if (ready(now)) return work(now);
  const stop = useDiagramStore.subscribe((s, before) => {
    if (s.topology === before.topology) return;
    if (ready(s.topology)) {
      stop();
      work(s.topology);
    } else if (s.topology && !ofLoad(s.topology)) stop();
  });
}

/** Whether a load has diagnostics a user should see at once (errors or warnings). */
function hasProblems(topology: Topology): boolean {
  return topology.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning');
}

/** Whether a drawing's bounds changed by more than a pixel. */
function resized(before: { width: number; height: number }, after: { width: number; height: number }): boolean {
  return Math.abs(before.width - after.width) > 1 || Math.abs(before.height - after.height) > 1;
}

/** The store hook. */
export const useDiagramStore = create<DiagramState>()((set) => ({
  ...INITIAL,
  setTopology: (topology, sourceLabel, reason = 'open', startingView) =>
    set((s) => {
      if (reason === 'complete') {
        // The parts share the first answer's files array; anything else shown means the user moved on.
        if (!s.topology?.arriving || s.topology.files !== topology.files) return {};
        // A load answered before its tasks were read learns their problems now: shown as an open would show them.
        const newProblems = hasProblems(topology) && !hasProblems(s.topology);
        return {
          topology,
          diff: refreshDiff(s.diffBase, topology),
          diffBase: null,
          diagnosticsOpen: s.diagnosticsOpen || newProblems,
        };
      }
      const problems = hasProblems(topology);
      // Computed on every load, so a diff lasts exactly until the next one; a load still arriving is diffed when complete.
      const diffBase = topology.arriving ? s.topology : null;
      const diff = diffBase ? null : refreshDiff(s.topology, topology);
      if (reason === 'reload')
        return {
          topology,
          sourceLabel,
          diff,
          diffBase,
          diagnosticsOpen: s.diagnosticsOpen || problems,
          loading: false,
          error: null,
        };
      return {
        topology,
        sourceLabel,
        diff,
        diffBase,
        // Packed to the pane from the first layout; a view the host already laid out (a big load) stays as it is.
        view:
          startingView ?? packedTo(savedView(topology, sourceLabel) ?? initialView(topology), topology, s.paneAspect),
        restoreViewport: savedViewport(topology, sourceLabel),
        search: '',
        searchIndex: -1,
        layout: null,
        preview: null,
        previewLegend: null,
        selectedId: null,
        revealSecrets: false,
        diagnosticsOpen: problems,
        loading: false,
        error: null,
        fitOnNextLayout: true,
        fitAnimated: false,
        refitOnBoundsChange: false,
        keepInView: null,
      };
    }),
  setLayout: (layout, direction) =>
    set((s) => {
      const shown = {
        layout,
        layoutDirection: direction ?? s.view.direction,
        preview: null,
        previewLegend: null,
        refitOnBoundsChange: false,
      };
      if (s.fitOnNextLayout)
        return { ...shown, fitOnNextLayout: false, fitRequest: s.fitRequest + 1, keepInView: null };
      // A preview drawn before a big load's tasks were read has the layout's size unless the tasks added boxes
      // (services or hosts only they name): then the fit the preview took is the layout's no longer.
      if (s.preview && resized(s.preview, layout)) return { ...shown, fitRequest: s.fitRequest + 1, keepInView: null };
      const moved = !s.layout || resized(s.layout, layout);
      // A filter or pane change that changes what is drawn frames it again; one that does not leaves the view be.
      if (s.refitOnBoundsChange && moved)
        return { ...shown, fitAnimated: true, fitRequest: s.fitRequest + 1, keepInView: null };
      return shown;
    }),
  // The preview has the layout's size, so the fit it takes is the layout's: the layout then lands without moving.
  setPreview: (preview) =>
    set((s) =>
      s.layout
        ? {}
        : s.fitOnNextLayout
          ? { preview, fitOnNextLayout: false, fitRequest: s.fitRequest + 1 }
          : { preview },
    ),
  setPreviewLegend: (previewLegend) => set((s) => (s.layout ? {} : { previewLegend })),
  setLoading: (loading) => set({ loading }),
  setError: (error) => set({ error, loading: false }),
  toggleOverlay: () => set((s) => ({ view: { ...s.view, overlay: !s.view.overlay } })),
  setDirection: (direction) =>
    set((s) =>
      s.view.direction === direction
        ? {}
        : { view: { ...s.view, direction }, fitOnNextLayout: true, fitAnimated: true, keepInView: null },
    ),
  toggleCollapsed: (id) =>
    set((s) => {
      // Stacks start collapsed without being in `collapsed`: ask the drawn graph how the node looks now.
      const drawn = s.layout?.nodes.find((n) => n.id === id);
      const at = s.layout && drawn ? absolutePositions(s.layout.nodes).get(id) : undefined;
      return {
        view: toggleCollapse(s.view, id, drawn ? drawn.collapsed : s.view.collapsed.includes(id)),
        refitOnBoundsChange: false,
        keepInView: at ? { id, x: at.x, y: at.y, request: (s.keepInView?.request ?? 0) + 1 } : s.keepInView,
      };
    }),
  setFilters: (filters) =>
    set((s) => ({ view: { ...s.view, filters }, refitOnBoundsChange: true, fitAnimated: true, keepInView: null })),
  select: (selectedId, options) =>
    set((s) => {
      const next = { selectedId, revealSecrets: s.selectedId === selectedId ? s.revealSecrets : false };
      if (!options?.focus || !selectedId || !s.topology) return next;
      // Bring it on screen: expand whatever collapsed node (or stack) holds it.
      // Every holder is opened, not only those drawn collapsed now: a stack inside a collapsed service is not drawn yet.
      const hiding = ancestorIds(s.topology, selectedId, s.view.mode);
      const opened = new Set(s.view.expanded ?? []);
      const changed = hiding.some((id) => s.view.collapsed.includes(id) || !opened.has(id));
      const view = changed ? expandAll(s.view, hiding) : s.view;
      return { ...next, view, focusRequest: s.focusRequest + 1, focusFrame: options.frame ?? null };
    }),
  setSearch: (search) => set({ search, searchIndex: -1 }),
  stepSearch: (delta) => {
    const s = useDiagramStore.getState();
    if (!s.topology) return;
    const hits = searchTopology(s.topology, s.search, s.view.mode);
    if (hits.length === 0) return;
    const searchIndex =
      ((((s.searchIndex < 0 && delta < 0 ? 0 : s.searchIndex) + delta) % hits.length) + hits.length) % hits.length;
    set({ searchIndex });
    s.select(hits[searchIndex].id, { focus: true });
  },
  setMode: (mode) =>
    set((s) =>
      (s.view.mode ?? 'hierarchy') === mode
        ? {}
        : { view: { ...s.view, mode }, fitOnNextLayout: true, fitAnimated: true, keepInView: null },
    ),
  setPaneAspect: (paneAspect) =>
    set((s) => {
      const view = s.topology ? packedTo(s.view, s.topology, paneAspect) : s.view;
      return view === s.view ? { paneAspect } : { paneAspect, view, refitOnBoundsChange: true, fitAnimated: true };
    }),
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1, fitAnimated: true })),
  setLegendOpen: (legendOpen) => set({ legendOpen }),
  setDiagnosticsOpen: (diagnosticsOpen) => set({ diagnosticsOpen }),
  setRevealSecrets: (revealSecrets) => set({ revealSecrets }),
  setNotice: (notice) => set({ notice }),
  setAutoRefreshSeconds: (autoRefreshSeconds) => set({ autoRefreshSeconds: Math.max(0, autoRefreshSeconds) }),
  setExportOptions: (options) => set((s) => ({ exportOptions: { ...s.exportOptions, ...options } })),
  // Export choices are the user's preferences, not part of the load: they survive closing it.
  close: () => set((s) => ({ ...INITIAL, fitRequest: s.fitRequest, exportOptions: s.exportOptions })),
}));
