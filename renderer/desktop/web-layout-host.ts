/**
 * The LayoutHost: the ingest worker that made a load lays it out, previews it and keeps its raw JSON, so the
 * topology never crosses back (web mode and the desktop alike: both ingest there).
 */
import { createLayoutSession, type LayoutSession } from '../../shared/layout/layout-session';
import type { Topology } from '../../shared/model/types';
import type { LayoutHost } from '../layout/layout-host';
import { carriedRaw } from '../layout/raw-source';
import type { IngestClient } from './ingest-client';

/** Creates the LayoutHost over the page's ingest client. */
export function createWebLayoutHost(ingest: IngestClient): LayoutHost {
  // A topology the ingest worker does not hold (it stopped since, and the page ingested the next load itself):
  // laid out on the page, as that load was made there.
  let inPage: { topology: Topology; session: LayoutSession } | null = null;
  const onPage = (topology: Topology): LayoutSession => {
    if (inPage?.topology !== topology) inPage = { topology, session: createLayoutSession() };
    return inPage.session;
  };
  return {
    layOut: async (topology, view, direction) =>
      ingest.holds(topology)
        ? ingest.layOut(topology, view, direction)
        : onPage(topology).layOut(topology, view, direction),
    previewLayout: (topology, view, direction) => ingest.previewLayout(topology, view, direction),
    previewLegend: (topology, view, direction) => ingest.previewLegend(topology, view, direction),
    startingView: (topology) => ingest.startingView(topology),
    loadRaw: (topology, objectId) =>
      ingest.holds(topology) ? ingest.loadRaw(topology, objectId) : carriedRaw(topology, objectId),
    dispose: () => {
      ingest.dispose();
      inPage = null;
    },
  };
}
