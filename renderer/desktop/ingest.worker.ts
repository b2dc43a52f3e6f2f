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
import { buildGraph } from '../../shared/graph/build-graph';
import { initialView } from '../../shared/graph/view';
import { ingest, type SourceText } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';
import { viewKey } from '../store/view-persistence';
import { stripRaw } from './strip-raw';
import { PART_LISTS, type IngestPart, type IngestRequest, type IngestResponse, type IngestWorkerRequest, type PrelaidLayout } from './ingest-worker-protocol';
import { splitIntoParts } from './split-parts';

let rawById = new Map<string, Record<string, unknown>>();
let load = 0;
let topology: Topology | null = null;
// The parts of the last load, until the page asks for them.
let unsent: IngestPart[] = [];

/** The view the page's store will pick for this load (saved for this input, else the initial one), and its layout. */
function prelay(loaded: Topology, label: string, savedViews: IngestRequest['savedViews']): { view: ViewState; layout: LaidOutGraph } | undefined {
  try {
    const key = viewKey(loaded, label);
    const view = savedViews.find((s) => s.key === key)?.view ?? initialView(loaded);
    return { view, layout: layoutGraph(buildGraph(loaded, { ...view, overlay: true }), view.direction) };
  } catch {
    // The page asks for its layout as usual.
    return undefined;
  }
}

async function ingestRequest({ id, files, diagnostics, label, savedViews }: IngestRequest): Promise<{ response: IngestResponse; layout?: PrelaidLayout; parts: IngestPart[] }> {
  const sources: SourceText[] = [];
  for (const f of files) {
    try {
      sources.push({ name: f.name, text: await f.file.text() });
    } catch (err) {
      diagnostics.push({ severity: 'error', code: 'unreadable', message: `could not read the file: ${err instanceof Error ? err.message : String(err)}`, file: f.name });
    }
  }
  const loaded = ingest(sources, { diagnostics });
  rawById = stripRaw(loaded);
  topology = loaded;
  load += 1;
  const prelaid = prelay(loaded, label, savedViews);
  if (!prelaid) return { response: { id, ok: true, topology: loaded, load }, parts: [] };
  const layout: PrelaidLayout = { prelaid: prelaid.layout, load };
  const parts = splitIntoParts(loaded, load);
  if (parts.length === 0) return { response: { id, ok: true, topology: loaded, load, startingView: prelaid.view }, layout, parts };
  const head: Topology = { ...loaded, arriving: 0 };
  for (const list of PART_LISTS) {
    head.arriving! += loaded[list].length;
    head[list] = [];
  }
  return { response: { id, ok: true, topology: head, load, startingView: prelaid.view }, layout, parts };
}

self.onmessage = async (e: MessageEvent<IngestWorkerRequest>) => {
  const request = e.data;
  if (request.type === 'parts') {
    // Each part is its own message, so the page receives them in separate tasks and draws in between.
    if (request.load === load) for (const part of unsent) self.postMessage(part);
    unsent = [];
    return;
  }
  let response: IngestResponse;
  let layout: PrelaidLayout | undefined;
  try {
    if (request.type === 'raw') response = { id: request.id, ok: true, raw: request.load === load ? rawById.get(request.objectId) : undefined };
    else if (request.type === 'layout') {
      // The client asks only for the load it was last given, and requests arrive in order: a miss is a bug.
      if (!topology || request.load !== load) throw new Error(`ingest worker does not hold load ${request.load}`);
      response = { id: request.id, ok: true, layout: layoutGraph(buildGraph(topology, request.view), request.direction) };
    } else ({ response, layout, parts: unsent } = await ingestRequest(request));
  } catch (err) {
    response = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
  if (layout) self.postMessage(layout);
};
