/**
 * The history host: where "Compare with…" and the timeline are computed, never on the page's thread when a
 * worker can start: the ingest worker that holds the load on screen (on both hosts: the desktop's loads are
 * ingested there too).
 */
import type { IngestClient } from '../desktop/ingest-client';
import type { HistoryHost } from './history-store';

/** The ingest worker holds the load on screen. */
export function webHistoryHost(ingest: IngestClient): HistoryHost {
  return {
    compare: (topology, older) => ingest.compare(topology, older),
    timeline: (files) => ingest.timeline(files),
  };
}
