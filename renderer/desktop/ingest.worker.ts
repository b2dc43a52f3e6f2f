/**
 * The ingest Web Worker of web mode: reads the picked files and runs the
 * whole ingest (JSON parse, validation, linking) off the UI thread, so a
 * 100 MB describe-tasks file does not freeze the page while it parses.
 * It keeps the last load's raw AWS JSON and sends the page the topology
 * without it: `raw` is as big as the input, and cloning it to the page was
 * the longest main-thread task of an open. The details panel asks for one
 * object's JSON when it shows it. It also builds and lays out the graph of
 * the load it holds, so that topology is never cloned back to a layout worker.
 */
import { buildGraph } from '../../shared/graph/build-graph';
import { ingest, type SourceText } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import type { Topology } from '../../shared/model/types';
import { stripRaw } from './strip-raw';
import type { IngestRequest, IngestResponse, IngestWorkerRequest } from './ingest-worker-protocol';

let rawById = new Map<string, Record<string, unknown>>();
let load = 0;
let topology: Topology | null = null;

async function ingestRequest({ id, files, diagnostics }: IngestRequest): Promise<IngestResponse> {
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
  return { id, ok: true, topology: loaded, load };
}

self.onmessage = async (e: MessageEvent<IngestWorkerRequest>) => {
  const request = e.data;
  let response: IngestResponse;
  try {
    if (request.type === 'raw') response = { id: request.id, ok: true, raw: request.load === load ? rawById.get(request.objectId) : undefined };
    else if (request.type === 'layout') {
      // The client asks only for the load it was last given, and requests arrive in order: a miss is a bug.
      if (!topology || request.load !== load) throw new Error(`ingest worker does not hold load ${request.load}`);
      response = { id: request.id, ok: true, layout: layoutGraph(buildGraph(topology, request.view), request.direction) };
    } else response = await ingestRequest(request);
  } catch (err) {
    response = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
