/**
 * The view (diagram, overlay, direction, collapsed and opened ids, filters,
 * zoom) saved per opened input in localStorage and restored when the same
 * input is opened again. Keyed by the source label and the clusters loaded,
 * so two different files of the same name do not share a view.
 */
import type { ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';

const PREFIX = 'ecs-visualizer:view:';
// Enough for a working set of inputs; older entries are dropped first.
const MAX_ENTRIES = 30;

/** Where a view is saved, or null when persistence is off (tests, no storage). */
let storage: Storage | null = null;

/** A pan/zoom position of the canvas. */
export interface SavedViewport {
  x: number;
  y: number;
  zoom: number;
}

interface Entry {
  view: ViewState;
  viewport?: SavedViewport;
  savedAt: number;
}

/** The key of an input: its label and the ids of its clusters. */
export function viewKey(topology: Pick<Topology, 'clusters'>, sourceLabel: string): string {
  return `${PREFIX}${sourceLabel}|${topology.clusters
    .map((c) => c.id)
    .sort()
    .join(',')}`;
}

function read(key: string): Entry | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Entry;
    // A hand-edited or old entry must not break the load: check the shape we rely on.
    if (!entry.view || !Array.isArray(entry.view.collapsed) || typeof entry.view.filters !== 'object') return null;
    return entry;
  } catch {
    return null;
  }
}

function write(key: string, entry: Entry): void {
  if (!storage) return;
  try {
    storage.setItem(key, JSON.stringify(entry));
    const keys: { key: string; at: number }[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(PREFIX)) keys.push({ key: k, at: read(k)?.savedAt ?? 0 });
    }
    keys.sort((a, b) => b.at - a.at);
    for (const old of keys.slice(MAX_ENTRIES)) storage.removeItem(old.key);
  } catch {
    // Storage full or denied: the view is a convenience, never worth an error.
  }
}

/** Turns persistence on (the app's entry point does; tests leave it off so they do not leak state). */
export function enableViewPersistence(store: Storage | null): void {
  storage = store;
  // Chromium's first localStorage access loads the whole storage area synchronously (185 ms measured
  // while a 20k-node account opened); pay it while the page is idle, not inside the open.
  if (store && typeof requestIdleCallback === 'function') requestIdleCallback(() => read(`${PREFIX}warm-up`));
}

/** Every view saved for inputs labelled `sourceLabel` (whatever their clusters), by key. */
export function savedViewsFor(sourceLabel: string): { key: string; view: ViewState }[] {
  if (!storage) return [];
  const found: { key: string; view: ViewState }[] = [];
  const prefix = `${PREFIX}${sourceLabel}|`;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const view = key?.startsWith(prefix) ? read(key)?.view : undefined;
      if (key && view) found.push({ key, view });
    }
  } catch {
    // Storage denied: no saved views.
  }
  return found;
}

/** The view saved for this input, if any. */
export function savedView(topology: Pick<Topology, 'clusters'>, sourceLabel: string): ViewState | null {
  return read(viewKey(topology, sourceLabel))?.view ?? null;
}

/** The zoom and pan saved for this input, if any. */
export function savedViewport(topology: Pick<Topology, 'clusters'>, sourceLabel: string): SavedViewport | null {
  return read(viewKey(topology, sourceLabel))?.viewport ?? null;
}

/** Saves the view (and, when given, the viewport) of this input. */
export function saveView(
  topology: Pick<Topology, 'clusters'>,
  sourceLabel: string,
  view: ViewState,
  viewport?: SavedViewport,
): void {
  const key = viewKey(topology, sourceLabel);
  const previous = read(key);
  write(key, { view, viewport: viewport ?? previous?.viewport, savedAt: Date.now() });
}
