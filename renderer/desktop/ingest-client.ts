/**
 * Runs web mode's ingest in a Web Worker (ingest.worker.ts); where workers
 * are unavailable (jsdom) or the worker cannot start, ingests in the page.
 * Topologies from the worker come without `raw` (the worker keeps it);
 * `loadRaw` fetches one object's, and `layOutLoaded` lays out a load in the
 * worker that holds it.
 */
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import type { Diagnostic, Topology } from '../../shared/model/types';
import type { IngestResponse, IngestWorkerRequest } from './ingest-worker-protocol';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: IngestResponse & { ok: true }) => void; reject: (e: Error) => void }>();
// Which worker load each topology object came from, so its raw JSON is asked of the right load.
const loadOf = new WeakMap<Topology, number>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<IngestResponse>) => {
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

function ask(w: Worker, request: IngestWorkerRequest): Promise<IngestResponse & { ok: true }> {
  return new Promise((resolve, reject) => {
    pending.set(request.id, { resolve, reject });
    w.postMessage(request);
  });
}

async function ingestInPage(files: { name: string; file: Blob }[], diagnostics: Diagnostic[]): Promise<Topology> {
  const sources = [];
  for (const f of files) {
    try {
      sources.push({ name: f.name, text: await f.file.text() });
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'unreadable', message: `could not read the file: ${e instanceof Error ? e.message : String(e)}`, file: f.name });
    }
  }
  return ingest(sources, { diagnostics });
}

/** Reads and ingests `files` (name → blob), off the UI thread when it can. */
export async function ingestFiles(files: { name: string; file: Blob }[], diagnostics: Diagnostic[]): Promise<Topology> {
  const w = startWorker();
  if (!w) return ingestInPage(files, diagnostics);
  try {
    const response = await ask(w, { type: 'ingest', id: nextId++, files, diagnostics });
    if (!('topology' in response)) throw new Error('ingest worker answered without a topology');
    loadOf.set(response.topology, response.load);
    return response.topology;
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

/** The laid-out graph of `topology` under `view`, built in the worker that loaded it; null when no worker holds it. */
export function layOutLoaded(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph> | null {
  const load = loadOf.get(topology);
  const w = worker;
  if (load === undefined || !w) return null;
  return ask(w, { type: 'layout', id: nextId++, load, view, direction }).then((response) => {
    if (!('layout' in response)) throw new Error('ingest worker answered without a layout');
    return response.layout;
  });
}
