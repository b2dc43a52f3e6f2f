/**
 * The history hosts: where "Compare with…" and the timeline are computed, never on the page's thread when a
 * worker can start. Web mode asks the ingest worker that holds the load; the desktop app, whose loads main
 * ingests, starts its own ingest worker on first use and sends it the load on screen (which carries its raw
 * JSON there) along with the files to compare.
 */
import type { IngestClient } from '../desktop/ingest-client';
import type { HistoryHost } from './history-store';

/** Web mode: the ingest worker holds the load on screen. */
export function webHistoryHost(ingest: IngestClient): HistoryHost {
  return {
    compare: (topology, older) => ingest.compare(topology, older),
    timeline: (files) => ingest.timeline(files),
  };
}

/** The desktop app: an ingest worker of its own, made on first use (`start`), holding no load. */
export function desktopHistoryHost(start: () => IngestClient): HistoryHost {
  let client: IngestClient | null = null;
  const worker = (): IngestClient => (client ??= start());
  return {
    compare: (topology, older) => worker().compareWith(topology, older),
    timeline: (files) => worker().timeline(files),
    reopen: (older, newer) => worker().compareTopologies(older, newer),
  };
}
