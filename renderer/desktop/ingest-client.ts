/**
 * Runs web mode's ingest in a Web Worker (ingest.worker.ts); where workers
 * are unavailable (jsdom) or the worker cannot start, ingests in the page.
 */
import { ingest } from '../../shared/ingest/index';
import type { Diagnostic, Topology } from '../../shared/model/types';
import type { IngestRequest, IngestResponse } from './ingest-worker-protocol';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (t: Topology) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<IngestResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.topology);
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
  const id = nextId++;
  try {
    return await new Promise<Topology>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const request: IngestRequest = { id, files, diagnostics };
      w.postMessage(request);
    });
  } catch (e) {
    if (worker === null) return ingestInPage(files, diagnostics);
    throw e;
  }
}
