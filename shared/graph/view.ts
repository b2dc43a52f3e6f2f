/**
 * What the user has chosen about how the diagram looks: overlay, direction,
 * collapsed objects, filters. Plain data, kept in the renderer's store and
 * passed to `buildGraph`; the export takes the same object.
 */
import type { OverlayClass } from '../model/types';

/** Rank direction of the layered layout: left-to-right or top-to-bottom. */
export type Direction = 'LR' | 'TB';

/** Which objects stay in the diagram. An empty/absent filter keeps everything. */
export interface ViewFilters {
  /** Keep only tasks (and services) of these overlay classes; absent = all. */
  overlays?: OverlayClass[];
  /** Keep only tasks that need attention (unhealthy, stopped, pending) and their parents. */
  problemsOnly?: boolean;
  /** Case-insensitive text matched against names, ids and images; parents of a match stay. */
  text?: string;
}

/** The view state the graph is built for. */
export interface ViewState {
  /** Launch-type overlay colours on (the default) or neutral colours. */
  overlay: boolean;
  direction: Direction;
  /** Node ids whose children are hidden (clusters, services, groups, tasks). */
  collapsed: string[];
  filters: ViewFilters;
}

/** The view a fresh load starts with: overlay on, left-to-right, nothing collapsed, no filters. */
export const DEFAULT_VIEW: ViewState = { overlay: true, direction: 'LR', collapsed: [], filters: {} };

/** Above this many tasks a fresh load starts with every service collapsed (expand one with its "+N"). */
export const AUTO_COLLAPSE_TASKS = 1500;

/**
 * The view a load starts with. Small loads show everything; a large one
 * starts with services collapsed, because tens of thousands of task cards are
 * neither readable nor fast, and the service cards carry the counts anyway.
 */
export function initialView(topology: { tasks: readonly unknown[]; services: readonly { id: string }[] }): ViewState {
  if (topology.tasks.length <= AUTO_COLLAPSE_TASKS) return { ...DEFAULT_VIEW, collapsed: [] };
  return { ...DEFAULT_VIEW, collapsed: topology.services.map((s) => s.id) };
}
