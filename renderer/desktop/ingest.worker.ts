/**
 * The ingest Web Worker of web mode: reads the picked files and runs the
 * whole ingest (JSON parse, validation, linking) off the UI thread, so a
 * 100 MB describe-tasks file does not freeze the page while it parses.
 */
import { ingest, type SourceText } from '../../shared/ingest/index';
import type { IngestRequest, IngestResponse } from './ingest-worker-protocol';

self.onmessage = async (e: MessageEvent<IngestRequest>) => {
  const { id, files, diagnostics } = e.data;
  let response: IngestResponse;
  try {
    const sources: SourceText[] = [];
    for (const f of files) {
      try {
        sources.push({ name: f.name, text: await f.file.text() });
      } catch (err) {
        diagnostics.push({ severity: 'error', code: 'unreadable', message: `could not read the file: ${err instanceof Error ? err.message : String(err)}`, file: f.name });
      }
    }
    response = { id, ok: true, topology: ingest(sources, { diagnostics }) };
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
