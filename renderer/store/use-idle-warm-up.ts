/**
 * Builds the shown load's per-load indexes in idle time, a step per idle period, once every object has
 * arrived: the first keystroke in Find and the first opening of the Definitions list no longer pay for them
 * (on the 100,000-node account ~270 ms of typing 'o', ~35 ms of opening the list).
 */
import { useEffect } from 'react';
import { searchWarmUp } from '../../shared/graph/search';
import { definitionsWarmUp } from '../panels/definitions';
import { useDiagramStore } from './diagram-store';

/** Runs `work` when the page is idle (a timer where the browser has no idle callbacks); returns a cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 50);
  return () => clearTimeout(timer);
}

/** Warms the indexes of the load in the store (see the module's comment). */
export function useIdleWarmUp(): void {
  const topology = useDiagramStore((s) => s.topology);
  useEffect(() => {
    if (!topology || topology.arriving) return;
    const steps = [...searchWarmUp(topology), ...definitionsWarmUp(topology)];
    let cancel = () => {};
    const next = () => {
      const step = steps.shift();
      if (!step) return;
      step();
      cancel = whenIdle(next);
    };
    cancel = whenIdle(next);
    return () => cancel();
  }, [topology]);
}
