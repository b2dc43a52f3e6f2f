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
 * page starts with. A big load's objects follow that answer in parts, when
 * the page has drawn, so it draws before it has them all and no message stalls it.
 */
import { initialView } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { createLayoutSession } from '../../shared/layout/layout-session';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';
import { paintBuffers, preparePaint, type Paint } from '../canvas/overview-paint';
import { viewKey } from '../store/view-persistence';
import { readBlobs } from './read-blobs';
import { stripRaw } from './strip-raw';
import { PART_LISTS, type IngestPart, type IngestRequest, type IngestResponse, type IngestWorkerRequest, type PrelaidLayout } from './ingest-worker-protocol';
import { splitIntoParts } from './split-parts';

let rawById = new Map<string, Record<string, unknown>>();
let load = 0;
let topology: Topology | null = null;
// Builds and lays out the views of that load, reusing work between them: an expand re-packs only what it changed.
let session = createLayoutSession();
// The parts of the last load, until the page asks for them.
let unsent: IngestPart[] = [];

/** The view the page's store will pick for this load: the one saved for this input, else the initial one. */
function startingViewOf(loaded: Topology, label: string, savedViews: IngestRequest['savedViews']): ViewState {
  const key = viewKey(loaded, label);
  return savedViews.find((s) => s.key === key)?.view ?? initialView(loaded);
}

/**
 * Ingests the files and answers: first the topology (without its big lists when they go in parts) and
 * the view the page starts with, then, in a message of its own, that view's layout. The page takes in the
 * topology while the layout is being made here, so the two overlap rather than follow each other.
 */
async function ingestRequest({ id, files, diagnostics, label, savedViews }: IngestRequest): Promise<void> {
  const loaded = ingest(await readBlobs(files, diagnostics), { diagnostics });
  rawById = stripRaw(loaded);
  topology = loaded;
  session = createLayoutSession();
  load += 1;
  unsent = [];
  let view: ViewState | undefined;
  try {
    view = startingViewOf(loaded, label, savedViews);
  } catch {
    // The page picks its view and asks for the layout as usual.
  }
  const parts = view ? splitIntoParts(loaded, load) : [];
  let sent = loaded;
  if (parts.length > 0) {
    sent = { ...loaded, arriving: 0 };
    for (const list of PART_LISTS) {
      sent.arriving! += loaded[list].length;
      sent[list] = [];
    }
  }
  self.postMessage({ id, ok: true, topology: sent, load, startingView: view } satisfies IngestResponse);
  if (!view) return;
  let layout: LaidOutGraph | null = null;
  let paint: Paint | undefined;
  try {
    layout = session.layOut(loaded, { ...view, overlay: true }, view.direction);
    // What the overview canvas paints, made here too (a big load opens far out): the page only draws it.
    paint = preparePaint(layout, view.direction, view.overlay);
  } catch {
    // null: the page asks for the layout itself, and gets the error then.
  }
  self.postMessage({ prelaid: layout, paint, load } satisfies PrelaidLayout, { transfer: paint ? paintBuffers(paint) : [] });
  unsent = parts;
}

self.onmessage = async (e: MessageEvent<IngestWorkerRequest>) => {
  const request = e.data;
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
      self.postMessage({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies IngestResponse);
    }
    return;
  }
  let response: IngestResponse;
  try {
    if (request.type === 'raw') response = { id: request.id, ok: true, raw: request.load === load ? rawById.get(request.objectId) : undefined };
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
