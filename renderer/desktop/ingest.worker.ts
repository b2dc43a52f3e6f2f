/**
 * The ingest Web Worker of web mode: reads the picked files and runs the
 * whole ingest (JSON parse, validation, linking) off the UI thread, so a
 * 100 MB describe-tasks file does not freeze the page while it parses.
 * It keeps the last load's raw AWS JSON and sends the page the topology
 * without it: `raw` is as big as the input, and cloning it to the page was
 * the longest main-thread task of an open. The details panel asks for one
 * object's JSON when it shows it. It also builds and lays out the graph of
 * the load it holds, so that topology is never cloned back to a layout
 * worker: the first layout in the same go as the ingest, for the view the
 * page starts with. The page gets that layout's preview first (what the
 * overview canvas paints) and the layout itself when it has drawn; a big
 * load's objects follow in parts, so the page draws before it has them all
 * and no message stalls it.
 */
import { initialView } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { createLayoutSession } from '../../shared/layout/layout-session';
import type { LayoutPreview } from '../../shared/graph/types';
import type { ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';
import { LARGE_DIAGRAM_NODES } from '../canvas/level-of-detail';
import { paintBuffers, preparePaint } from '../canvas/overview-paint';
import { viewKey } from '../store/view-persistence';
import { readBlobs } from './read-blobs';
import { HEAD_LISTS, stripRaw } from './strip-raw';
import {
  PART_LISTS,
  type IngestPart,
  type IngestRequest,
  type IngestResponse,
  type IngestWorkerRequest,
  type LegendMessage,
  type PrelaidLayout,
  type PreviewMessage,
} from './ingest-worker-protocol';
import { sendsInParts, splitIntoParts } from './split-parts';

let rawById = new Map<string, Record<string, unknown>>();
let load = 0;
let topology: Topology | null = null;
// Builds and lays out the views of that load, reusing work between them: an expand re-packs only what it changed.
let session = createLayoutSession();
// The parts of the last load, until the page asks for them.
let unsent: IngestPart[] = [];
// The layout of the last load's starting view, until the page has drawn its preview and asks for it.
let held: PrelaidLayout | null = null;

/** The view the page's store will pick for this load: the one saved for this input, else the initial one. */
function startingViewOf(loaded: Topology, label: string, savedViews: IngestRequest['savedViews']): ViewState {
  const key = viewKey(loaded, label);
  return savedViews.find((s) => s.key === key)?.view ?? initialView(loaded);
}

/**
 * Ingests the files and answers: first the topology (without its big lists when they go in parts) and
 * the view the page starts with; then, in messages of their own, that view's preview (what the canvas
 * draws far out) and its layout. The page takes in the topology while the layout is being made here,
 * and draws the preview before it receives the layout's thousands of nodes.
 */
async function ingestRequest({ id, files, diagnostics, label, savedViews }: IngestRequest): Promise<void> {
  const loaded = ingest(await readBlobs(files, diagnostics), { diagnostics });
  topology = loaded;
  session = createLayoutSession();
  load += 1;
  unsent = [];
  held = null;
  let view: ViewState | undefined;
  try {
    view = startingViewOf(loaded, label, savedViews);
  } catch {
    // The page picks its view and asks for the layout as usual.
  }
  // Whatever goes in parts is stripped of its raw JSON and cut up after the first frame's messages, not before.
  const inParts = view ? sendsInParts(loaded) : false;
  let sent = loaded;
  if (inParts) {
    rawById = stripRaw(loaded, HEAD_LISTS);
    sent = { ...loaded, arriving: 0 };
    for (const list of PART_LISTS) {
      sent.arriving! += loaded[list].length;
      sent[list] = [];
    }
  } else rawById = stripRaw(loaded);
  self.postMessage({ id, ok: true, topology: sent, load, startingView: view } satisfies IngestResponse);
  if (!view) return;
  try {
    // The legend as soon as the graph is built: the page shows it while the graph is laid out here.
    const graph = session.build(loaded, { ...view, overlay: true });
    self.postMessage({ legend: graph.legend, load } satisfies LegendMessage);
    const layout = session.place(graph, view.direction);
    if (layout.nodes.length <= LARGE_DIAGRAM_NODES) {
      // A diagram this small is never painted far out (level-of-detail.ts): its layout is what the page draws.
      self.postMessage({ prelaid: layout, load } satisfies PrelaidLayout);
    } else {
      // What the overview canvas paints (a big load opens far out) goes first: the page draws it at once.
      const paint = preparePaint(layout, view.direction, view.overlay);
      const preview: LayoutPreview = {
        width: layout.width,
        height: layout.height,
        nodeCount: layout.nodes.length,
        direction: view.direction,
        overlayOn: view.overlay,
        paint,
      };
      self.postMessage({ preview, load } satisfies PreviewMessage, { transfer: paintBuffers(paint) });
      held = { prelaid: layout, load };
    }
  } catch {
    // null: the page asks for the layout itself, and gets the error then.
    self.postMessage({ prelaid: null, load } satisfies PrelaidLayout);
  }
  if (!inParts) return;
  for (const [objectId, raw] of stripRaw(loaded, PART_LISTS)) rawById.set(objectId, raw);
  unsent = splitIntoParts(loaded, load);
}

self.onmessage = async (e: MessageEvent<IngestWorkerRequest>) => {
  const request = e.data;
  if (request.type === 'prelaid') {
    if (held?.load === request.load) self.postMessage(held);
    held = null;
    return;
  }
  if (request.type === 'parts') {
    // Each part is its own message, so the page receives them in separate tasks and draws in between.
    if (request.load === load) for (const part of unsent) self.postMessage(part);
    unsent = [];
    return;
  }
  if (request.type === 'ingest') {
    try {
      await ingestRequest(request);
    } catch (err) {
      self.postMessage({
        id: request.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      } satisfies IngestResponse);
    }
    return;
  }
  let response: IngestResponse;
  try {
    if (request.type === 'raw')
      response = { id: request.id, ok: true, raw: request.load === load ? rawById.get(request.objectId) : undefined };
    else {
      // The client asks only for the load it was last given, and requests arrive in order: a miss is a bug.
      if (!topology || request.load !== load) throw new Error(`ingest worker does not hold load ${request.load}`);
      response = { id: request.id, ok: true, layout: session.layOut(topology, request.view, request.direction) };
    }
  } catch (err) {
    response = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
