/**
 * What the user has chosen about how the diagram looks: overlay, direction,
 * collapsed objects, filters. Plain data, kept in the renderer's store and
 * passed to `buildGraph`; the export takes the same object.
 */
import type { OverlayClass } from '../model/types';

/** Rank direction of the layered layout: left-to-right or top-to-bottom. */
export type Direction = 'LR' | 'TB';

/** Which of the two diagrams is drawn: Cluster → Service → Task, or tasks grouped by where they run. */
export type ViewMode = 'hierarchy' | 'placement';

/** Task lifecycle a status filter keeps (unhealthy tasks are running ones: health is its own filter). */
export type LifecycleFilter = 'running' | 'pending' | 'stopped';

/** Task health a health filter keeps; a task with no health check counts as UNKNOWN. */
export type HealthFilter = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

/** Which objects stay in the diagram. An empty/absent filter keeps everything. */
export interface ViewFilters {
  /** Keep only tasks (and services) of these overlay classes; absent = all. */
  overlays?: OverlayClass[];
  /** Keep only tasks in these lifecycle states. */
  statuses?: LifecycleFilter[];
  /** Keep only tasks of these health states. */
  health?: HealthFilter[];
  /** Keep only these clusters (model ids). */
  clusterIds?: string[];
  /** Keep only these services (model ids) and their tasks. */
  serviceIds?: string[];
  /** Keep only what needs attention (see shared/graph/filters.ts `taskProblems`, `serviceProblems`, `instanceProblems`) and its parents. */
  problemsOnly?: boolean;
  /** Case-insensitive text matched against names, ids and images; parents of a match stay. */
  text?: string;
  /**
   * Draw every referenced-only cluster that holds nothing as its own card. Off (absent), an account's two or
   * more such clusters fold into one "N referenced-only clusters" card. It hides nothing, so it is no filter
   * for `filtersActive`.
   */
  showReferencedOnly?: boolean;
}

/** The view state the graph is built for. */
export interface ViewState {
  /** Launch-type overlay colours on (the default) or neutral colours. */
  overlay: boolean;
  direction: Direction;
  /** Node ids whose children are hidden (clusters, services, groups, tasks). */
  collapsed: string[];
  filters: ViewFilters;
  /** Which diagram; absent = hierarchy (views saved before the placement view existed). */
  mode?: ViewMode;
  /** Boxes of more than this many tasks start collapsed into a stack; absent = STACK_THRESHOLD. */
  stackThreshold?: number;
  /** Stacked boxes the user opened (they start collapsed, so `collapsed` cannot say it). */
  expanded?: string[];
  /**
   * Width ÷ height the top level is packed to: the app's pane, bucketed (shared/layout `aspectBucket`) so a
   * small resize does not lay out again. Absent = TARGET_ASPECT, what exports use.
   */
  aspect?: number;
}

/** Default of `stackThreshold`: a box of more tasks starts as one stack node. */
export const STACK_THRESHOLD = 12;

/** The view a fresh load starts with: overlay on, left-to-right, nothing collapsed, no filters. */
export const DEFAULT_VIEW: ViewState = {
  overlay: true,
  direction: 'LR',
  collapsed: [],
  filters: {},
  mode: 'hierarchy',
};

/** Above this many tasks a fresh load starts with every service collapsed (expand one with its "+N"). */
export const AUTO_COLLAPSE_TASKS = 1500;

/**
 * The view a load starts with. Small loads show everything; a large one
 * starts with services collapsed, because tens of thousands of task cards are
 * neither readable nor fast, and the service cards carry the counts anyway.
 */
export function initialView(topology: {
  tasks: { readonly length: number };
  services: readonly { id: string }[];
}): ViewState {
  if (topology.tasks.length <= AUTO_COLLAPSE_TASKS) return { ...DEFAULT_VIEW, collapsed: [] };
  return { ...DEFAULT_VIEW, collapsed: topology.services.map((s) => s.id) };
}

/**
 * Whether two views give the same graph and layout: the overlay only recolours, so it is not compared;
 * absent mode, expanded and threshold compare as their defaults.
 */
export function sameLayoutInputs(a: ViewState, b: ViewState): boolean {
  const inputs = (v: ViewState) =>
    JSON.stringify([
      v.direction,
      v.collapsed,
      v.filters,
      v.mode ?? 'hierarchy',
      v.expanded ?? [],
      v.stackThreshold ?? STACK_THRESHOLD,
      v.aspect ?? null,
    ]);
  return inputs(a) === inputs(b);
}
