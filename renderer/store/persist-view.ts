/** Wires the store to view persistence: every view change of a load is saved for that input. */
import { useDiagramStore } from './diagram-store';
import { enableViewPersistence, saveView } from './view-persistence';

/** Starts saving views to `storage` (called once by the app's entry point); returns the unsubscribe. */
export function startViewPersistence(storage: Storage | null): () => void {
  enableViewPersistence(storage);
  return useDiagramStore.subscribe((s, prev) => {
    // A new load sets its (restored or initial) view together with the topology: nothing new to save then.
    if (!s.topology || s.topology !== prev.topology || s.view === prev.view) return;
    saveView(s.topology, s.sourceLabel, s.view);
  });
}
