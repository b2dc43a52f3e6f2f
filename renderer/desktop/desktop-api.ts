/**
 * The desktop's DesktopApi, over the preload's DesktopBridge. Main reads what is opened (by path, watched,
 * remembered in Open Recent; a live fetch's snapshot) and hands over their bytes; they are decoded and ingested
 * in the page's ingest worker, exactly as web mode ingests picked files. So the load, its raw JSON, its layouts,
 * findings and reopen diff and the launch-type lens all live in that worker, and a big load's first frame is
 * drawn from its preview while its objects follow in parts. Main used to ingest and send the whole topology
 * with its raw JSON: on the 100,000-node account a ~950 ms task to receive, then ~400 ms more to send it on to
 * a layout worker, with no preview. Everything else passes through to main.
 */
import type { OpenedSources } from '../../shared/ipc/channels';
import type { DesktopApi, DesktopBridge } from '../../shared/ipc/desktop-api';
import type { Topology } from '../../shared/model/types';
import { savedViewsFor } from '../store/view-persistence';
import type { IngestClient } from './ingest-client';
import { DEMO_LABEL, labelFor, liveLabel, OPENED_FILES_LABEL } from './source-label';

/**
 * The DesktopApi the UI uses on the desktop. `currentLabel` names the load on screen (a reload is laid out
 * first under the view saved for it).
 */
export function createDesktopApi(
  bridge: DesktopBridge,
  ingest: IngestClient,
  currentLabel: () => string = () => OPENED_FILES_LABEL,
): DesktopApi {
  // The label must be the one the page's store shows the load under: the worker lays out first the view saved
  // for it, which the page then takes as it is. The bytes are handed to the worker, not copied (transferred).
  const take = (opened: OpenedSources, label: string): Promise<Topology> =>
    ingest.ingestFiles(opened.sources, opened.diagnostics, { label, savedViews: savedViewsFor(label) });
  return {
    // The preload's object is a copy made by contextBridge: its members are plain functions to spread.
    ...bridge,
    platform: 'electron',
    loadFiles: async (files) => take(await bridge.loadFiles(files), labelFor(files)),
    openDialog: async () => {
      const opened = await bridge.openDialog();
      return opened ? take(opened, OPENED_FILES_LABEL) : null;
    },
    loadDemo: async () => take(await bridge.loadDemo(), DEMO_LABEL),
    onTopology: (listener) => {
      // Pushes are taken one after another, so a reload never overtakes the open before it.
      let queue = Promise.resolve();
      const stopFiles = bridge.onFiles((opened, reason) => {
        queue = queue
          .then(() => take(opened, reason === 'open' ? OPENED_FILES_LABEL : currentLabel()))
          .then(
            (topology) => listener(topology, reason),
            (e: unknown) =>
              void bridge.reportError({
                message: `Could not load the files main opened: ${e instanceof Error ? e.message : String(e)}`,
              }),
          );
      });
      // A big load's objects arrive after its first frame; the complete topology comes through here.
      const stopComplete = ingest.onLoadComplete((topology) => listener(topology, 'complete'));
      return () => {
        stopFiles();
        stopComplete();
      };
    },
    fetchAws: async (request) => {
      const result = await bridge.fetchAws(request);
      if (result.outcome !== 'complete') return result;
      const { source, ...rest } = result;
      const topology = await take({ sources: [source], diagnostics: [] }, liveLabel(request));
      return { ...rest, topology, startingView: ingest.startingView(topology) };
    },
  };
}
