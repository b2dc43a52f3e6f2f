/**
 * Web mode's LayoutHost: the ingest worker that made a load lays it out,
 * previews it and keeps its raw JSON, so the topology never crosses back.
 */
import type { Topology } from '../../shared/model/types';
import { LayoutClient } from '../layout/layout-client';
import type { LayoutHost } from '../layout/layout-host';
import type { IngestClient } from './ingest-client';

/** Creates web mode's LayoutHost over the page's ingest client. */
export function createWebLayoutHost(ingest: IngestClient): LayoutHost {
  // For a topology the ingest worker does not hold (it stopped since): laid out on the page.
  let inPage: LayoutClient | null = null;
  const fallback = (): LayoutClient => (inPage ??= new LayoutClient(null));
  return {
    layOut: (topology: Topology, view, direction) =>
      ingest.holds(topology) ? ingest.layOut(topology, view, direction) : fallback().layout(topology, view, direction),
    previewLayout: (topology, view, direction) => ingest.previewLayout(topology, view, direction),
    previewLegend: (topology, view, direction) => ingest.previewLegend(topology, view, direction),
    startingView: (topology) => ingest.startingView(topology),
    loadRaw: (topology, objectId) => ingest.loadRaw(topology, objectId),
    dispose: () => {
      ingest.dispose();
      inPage?.dispose();
    },
  };
}
