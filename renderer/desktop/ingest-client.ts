/**
 * Runs web mode's ingest in a Web Worker (ingest.worker.ts); where workers
 * are unavailable (jsdom) or the worker cannot start, ingests in the page.
 * Topologies from the worker come without `raw` (the worker keeps it);
 * `loadRaw` fetches one object's, and `layOutLoaded` lays out a load in the
 * worker that holds it. A load comes in steps: the topology (a big one
 * without its big lists: `arriving` says how many objects are to come) and
 * the view the page starts with (`startingView`); that view's preview
 * (`previewLoaded`: size, legend, overview paint), which the page draws
 * first; its layout, asked for once that frame is drawn; then, for a big
 * load, the complete topology, given to the `onLoadComplete` listeners once
 * every part has arrived.
 */
import type { LaidOutGraph, LayoutPreview, LegendCounts } from '../../shared/graph/types';
import { keepPaint } from '../canvas/overview-paint';
import { sameLayoutInputs, type Direction, type ViewState } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import type { Diagnostic, Topology } from '../../shared/model/types';
import { readBlobs } from './read-blobs';
import {
  PART_LISTS,
  type IngestPart,
  type IngestResponse,
  type IngestWorkerMessage,
  type IngestWorkerRequest,
  type PartList,
} from './ingest-worker-protocol';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: IngestResponse & { ok: true }) => void; reject: (e: Error) => void }>();
// Which worker load each topology object came from, so its raw JSON is asked of the right load.
const loadOf = new WeakMap<Topology, number>();
/**
 * The layout the worker made with a load, for the view the page starts with: its legend, its preview, then
 * the layout itself, each arriving in its own message.
 */
interface Prelaid {
  load: number;
  view: ViewState;
  layout: Promise<LaidOutGraph>;
  settle: (layout: LaidOutGraph | Promise<LaidOutGraph>) => void;
  /** Null when none comes (laying out failed, the worker stopped). */
  preview: Promise<LayoutPreview | null>;
  settlePreview: (preview: LayoutPreview | null) => void;
  legend: Promise<LegendCounts | null>;
  settleLegend: (legend: LegendCounts | null) => void;
  /** The preview's paint, kept for the layout when it arrives (the canvas draws the same picture on). */
  paint?: LayoutPreview['paint'];
}
const prelaidOf = new WeakMap<Topology, Prelaid>();
// The one whose layout message is still to come.
let awaitingLayout: Prelaid | null = null;
// The load whose objects are arriving: its first answer and the parts so far. One at a time: a newer load drops it.
let arriving: {
  load: number;
  head: Topology;
  lists: Record<PartList, unknown[]>;
  asked: boolean;
  fallback: ReturnType<typeof setTimeout> | undefined;
} | null = null;
// When the page does not take the prelaid layout (another view), the parts are asked for this long after
// the preview (or, with no starting view, the answer) came.
const PARTS_FALLBACK_MS = 300;
// The layout whose preview came is asked for after the next frame, or after this long without frames.
const PRELAID_FALLBACK_MS = 250;

/** A promise and what settles it. */
function deferred<T>(): [Promise<T>, (value: T | Promise<T>) => void] {
  let settle: (value: T | Promise<T>) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return [promise, settle];
}

/** (Re)starts the wait after which the arriving load's parts are asked for anyway. */
function armPartsFallback(): void {
  if (!arriving || arriving.asked) return;
  clearTimeout(arriving.fallback);
  arriving.fallback = setTimeout(askForParts, PARTS_FALLBACK_MS);
}

/** Asks the worker for the arriving load's parts, once. */
function askForParts(): void {
  if (!arriving || arriving.asked || !worker) return;
  arriving.asked = true;
  clearTimeout(arriving.fallback);
  worker.postMessage({ type: 'parts', load: arriving.load } satisfies IngestWorkerRequest);
}
const completeListeners = new Set<(topology: Topology) => void>();

function receivePart(message: IngestPart): void {
  if (!arriving || arriving.load !== message.load) return;
  const list = arriving.lists[message.part];
  for (const item of message.items) list.push(item);
  if (!message.last) return;
  const { head, lists, load } = arriving;
  arriving = null;
  // Same files and diagnostics arrays as the first answer: that is how the store knows which load this completes.
  const complete = { ...head, ...lists } as Topology;
  delete complete.arriving;
  loadOf.set(complete, load);
  const prelaid = prelaidOf.get(head);
  if (prelaid) prelaidOf.set(complete, prelaid);
  for (const listener of completeListeners) listener(complete);
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<IngestWorkerMessage>) => {
      if ('part' in e.data) {
        receivePart(e.data);
        return;
      }
      if ('legend' in e.data) {
        if (awaitingLayout?.load === e.data.load) awaitingLayout.settleLegend(e.data.legend);
        return;
      }
      if ('preview' in e.data) {
        const { load } = e.data;
        if (awaitingLayout?.load !== load) return;
        awaitingLayout.paint = e.data.preview.paint;
        awaitingLayout.settlePreview(e.data.preview);
        armPartsFallback();
        // The layout is asked for once the frame showing the preview is drawn (a task after the next frame),
        // so receiving its thousands of nodes comes after it, not before. A hidden page gets no frames.
        let asked = false;
        const ask = () => {
          if (asked) return;
          asked = true;
          worker?.postMessage({ type: 'prelaid', load } satisfies IngestWorkerRequest);
        };
        requestAnimationFrame(() => setTimeout(ask, 0));
        setTimeout(ask, PRELAID_FALLBACK_MS);
        return;
      }
      if ('prelaid' in e.data) {
        const waiting = awaitingLayout;
        awaitingLayout = null;
        if (waiting?.load !== e.data.load) return;
        waiting.settleLegend(null);
        waiting.settlePreview(null);
        armPartsFallback();
        if (e.data.prelaid) {
          const layout = e.data.prelaid;
          if (waiting.paint) keepPaint(layout, waiting.view.direction, waiting.view.overlay, waiting.paint);
          // Given a task later: receiving a 20k-node account's layout (~30 ms) and what the page does with
          // it were one task at the edge of 100 ms; as two, neither is near it.
          setTimeout(() => waiting.settle(layout), 0);
        }
        // Laying it out failed in the worker: ask as for any other view, to get the layout or the error.
        else if (worker)
          waiting.settle(askLayout(worker, waiting.load, { ...waiting.view, overlay: true }, waiting.view.direction));
        return;
      }
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data);
      else p.reject(new Error(e.data.error));
    };
    worker.onerror = () => {
      // A worker that cannot load must not lose the load: every waiting request fails over to the page.
      worker?.terminate();
      worker = null;
      if (arriving) clearTimeout(arriving.fallback);
      arriving = null;
      // A layout it was still to send never comes: say so, rather than leave the canvas waiting.
      awaitingLayout?.settle(Promise.reject(new Error('ingest worker stopped before sending the layout')));
      awaitingLayout?.settleLegend(null);
      awaitingLayout?.settlePreview(null);
      awaitingLayout = null;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Error('ingest worker failed to start'));
      }
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Starts the worker ahead of the first load (loading its script is ~100 ms the user would otherwise wait for). */
export function prepareIngestWorker(): void {
  startWorker();
}

/** Calls `listener` with the complete topology of a load that arrived in parts. Returns an unsubscribe. */
export function onLoadComplete(listener: (topology: Topology) => void): () => void {
  completeListeners.add(listener);
  return () => completeListeners.delete(listener);
}

function ask(
  w: Worker,
  request: Exclude<IngestWorkerRequest, { type: 'parts' | 'prelaid' }>,
): Promise<IngestResponse & { ok: true }> {
  return new Promise((resolve, reject) => {
    pending.set(request.id, { resolve, reject });
    w.postMessage(request);
  });
}

async function ingestInPage(files: { name: string; file: Blob }[], diagnostics: Diagnostic[]): Promise<Topology> {
  return ingest(await readBlobs(files, diagnostics), { diagnostics });
}

/** The layout of load `load` under `view`, built in the worker that holds it. */
function askLayout(w: Worker, load: number, view: ViewState, direction: Direction): Promise<LaidOutGraph> {
  return ask(w, { type: 'layout', id: nextId++, load, view, direction }).then((response) => {
    if (!('layout' in response)) throw new Error('ingest worker answered without a layout');
    return response.layout;
  });
}

/** What the worker needs to lay out the graph the page will start with: the input's label and the views saved for it. */
export interface StartingView {
  label: string;
  savedViews: { key: string; view: ViewState }[];
}

/** Reads and ingests `files` (name → blob), off the UI thread when it can. */
export async function ingestFiles(
  files: { name: string; file: Blob }[],
  diagnostics: Diagnostic[],
  starting: StartingView = { label: '', savedViews: [] },
): Promise<Topology> {
  const w = startWorker();
  if (!w) return ingestInPage(files, diagnostics);
  try {
    const response = await ask(w, { type: 'ingest', id: nextId++, files, diagnostics, ...starting });
    if (!('topology' in response)) throw new Error('ingest worker answered without a topology');
    const { topology, load, startingView } = response;
    loadOf.set(topology, load);
    if (startingView) {
      const [layout, settle] = deferred<LaidOutGraph>();
      const [preview, settlePreview] = deferred<LayoutPreview | null>();
      const [legend, settleLegend] = deferred<LegendCounts | null>();
      awaitingLayout?.settleLegend(null);
      awaitingLayout?.settlePreview(null);
      awaitingLayout = { load, view: startingView, layout, settle, preview, settlePreview, legend, settleLegend };
      prelaidOf.set(topology, awaitingLayout);
    }
    if (arriving) clearTimeout(arriving.fallback);
    // With a starting view, the wait starts when its preview or layout comes: the worker is laying it out until then.
    arriving = topology.arriving
      ? {
          load,
          head: topology,
          lists: Object.fromEntries(PART_LISTS.map((l) => [l, []])) as unknown as Record<PartList, unknown[]>,
          asked: false,
          fallback: startingView ? undefined : setTimeout(askForParts, PARTS_FALLBACK_MS),
        }
      : null;
    return topology;
  } catch (e) {
    if (worker === null) return ingestInPage(files, diagnostics);
    throw e;
  }
}

/** The raw AWS JSON of object `objectId` of `topology`, when the worker loaded it (undefined otherwise). */
export async function loadRaw(topology: Topology, objectId: string): Promise<Record<string, unknown> | undefined> {
  const load = loadOf.get(topology);
  if (load === undefined || !worker) return undefined;
  const response = await ask(worker, { type: 'raw', id: nextId++, load, objectId });
  return 'raw' in response ? response.raw : undefined;
}

/** The view the worker laid out first for `topology` (the one the page starts with), when it did. */
export function startingView(topology: Topology): ViewState | undefined {
  return prelaidOf.get(topology)?.view;
}

/** The worker's first layout of `topology` when it is the one for `view`. */
function prelaidFor(topology: Topology, view: ViewState, direction: Direction): Prelaid | undefined {
  const prelaid = prelaidOf.get(topology);
  return prelaid && sameLayoutInputs(prelaid.view, { ...view, direction }) ? prelaid : undefined;
}

/** What the canvas can draw of the layout `layOutLoaded` gives for `topology` under `view` before it arrives; null when no preview comes for it. */
export function previewLoaded(
  topology: Topology,
  view: ViewState,
  direction: Direction,
): Promise<LayoutPreview | null> | null {
  return prelaidFor(topology, view, direction)?.preview ?? null;
}

/** The legend of that layout, which comes before its preview; null when none comes. */
export function previewLegendLoaded(
  topology: Topology,
  view: ViewState,
  direction: Direction,
): Promise<LegendCounts | null> | null {
  return prelaidFor(topology, view, direction)?.legend ?? null;
}

/** The laid-out graph of `topology` under `view`, built in the worker that loaded it; null when no worker holds it. */
export function layOutLoaded(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph> | null {
  const prelaid = prelaidFor(topology, view, direction);
  if (prelaid) {
    // The rest of the load is asked for a task after the layout is given, once the diagram is on screen.
    return prelaid.layout.then((layout) => {
      setTimeout(askForParts, 0);
      return layout;
    });
  }
  const load = loadOf.get(topology);
  const w = worker;
  if (load === undefined || !w) return null;
  return askLayout(w, load, view, direction);
}
