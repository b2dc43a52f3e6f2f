/**
 * The history host: where "Compare with…" and the timeline are computed, never on the page's thread when a
 * worker can start: the ingest worker that holds the load on screen (on both hosts: the desktop's loads are
 * ingested there too). It also draws a timeline step: opens that bundle as the load on screen and marks the
 * canvas with what changed since the step before it.
 */
import type { IngestClient } from '../desktop/ingest-client';
import { useDiagramStore, whenShownWhole } from '../store/diagram-store';
import { savedViewsFor } from '../store/view-persistence';
import type { HistoryHost } from './history-store';

/**
 * The ingest worker holds the load on screen. `drawnSteps` gets the `files` list of each load a timeline step
 * opened (the first answer and the complete topology of a load share it): its marks are the timeline's, so the
 * worker's reopen diff (against whatever was on screen before) is not applied to it.
 */
export function webHistoryHost(ingest: IngestClient, drawnSteps: WeakSet<object> = new WeakSet()): HistoryHost {
  return {
    compare: (topology, older) => ingest.compare(topology, older),
    timeline: (files) => ingest.timeline(files),
    draw: async (file, before) => {
      useDiagramStore.getState().setLoading(true);
      try {
        const topology = await ingest.ingestFiles([file], [], {
          label: file.name,
          savedViews: savedViewsFor(file.name),
        });
        drawnSteps.add(topology.files);
        useDiagramStore.getState().setTopology(topology, file.name, 'open', ingest.startingView(topology));
        const { changes } = await ingest.compare(topology, [before]);
        if (changes)
          whenShownWhole(
            (t) => t.files === topology.files,
            () => useDiagramStore.setState({ diff: changes }),
          );
      } catch (e) {
        useDiagramStore
          .getState()
          .setError(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
