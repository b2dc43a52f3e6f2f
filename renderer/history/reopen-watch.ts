/**
 * The desktop's reopen diff: when the store shows a load that reopens the one before (same accounts, regions and
 * described clusters, data not older, not two fetched snapshots: isReopenOfSameScope), the history host compares
 * them off the page and the canvas marks what changed, with the deployment log in the history panel. Web mode
 * does not need this: its ingest worker pushes the same diff itself.
 */
import { isReopenOfSameScope } from '../../shared/diff/refresh-diff';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { useHistoryStore, type HistoryHost } from './history-store';

/** Loads bigger than this (tasks + services + hosts) are not cloned to the worker for a reopen diff. */
const REOPEN_MAX_OBJECTS = 50_000;

const size = (t: Topology): number => t.tasks.length + t.services.length + t.containerInstances.length;

/** Watches the store for reopens and shows their diff; returns the unsubscribe. */
export function watchReopens(host: HistoryHost): () => void {
  let last: Topology | null = useDiagramStore.getState().topology;
  return useDiagramStore.subscribe((s) => {
    const next = s.topology;
    if (!next || next === last || next.arriving) return;
    const before = last;
    last = next;
    if (!before || !host.reopen || size(before) + size(next) > REOPEN_MAX_OBJECTS) return;
    if (!isReopenOfSameScope(before, next)) return;
    host.reopen(before, next).then(
      (answer) => {
        // The user may have moved on while it was computed: only the load it is about gets its marks.
        if (useDiagramStore.getState().topology !== next || !answer.changes) return;
        useDiagramStore.setState({ diff: answer.changes });
        useHistoryStore.getState().showComparison(['the previous load'], answer);
      },
      () => undefined,
    );
  });
}
