import { afterEach, describe, expect, it, vi } from 'vitest';
import { ancestorIds, buildGraph } from '../../shared/graph/build-graph';
import { searchEmphasis } from '../../shared/graph/emphasis';
import { layoutGraph } from '../../shared/layout/layout';
import { drawnIdsOf, searchTopology } from '../../shared/graph/search';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import { hitsEmphasis, warmDrawnHolders } from './use-emphasis';

const load = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(2500)) }]);
const view = { ...DEFAULT_VIEW, collapsed: load.services.filter((_, i) => i % 2 === 0).map((s) => s.id) };

/** Idle callbacks run by hand, each told the browser has no time left (so each does its least). */
function idleByHand() {
  const queue = new Map<number, (deadline: IdleDeadline) => void>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (work: (deadline: IdleDeadline) => void) => {
    queue.set(next, work);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => queue.delete(handle));
  return {
    pending: () => queue.size,
    runOne: () => {
      const [handle, work] = queue.entries().next().value!;
      queue.delete(handle);
      work({ didTimeout: false, timeRemaining: () => 0 });
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the drawn holders a search emphasis reads, found in idle time', () => {
  it('after the warm-up, a one-letter query lights what it lights without them, over several idle callbacks', () => {
    const idle = idleByHand();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const topology = { ...load };
    warmDrawnHolders(layout, topology, 'hierarchy');
    let callbacks = 0;
    while (idle.pending() > 0) {
      idle.runOne();
      callbacks++;
    }
    // At least 300 tasks a callback: this load's 2,500 nodes take several.
    expect(callbacks).toBeGreaterThan(1);
    for (const query of ['o', 'running', load.tasks[9].shortId]) {
      const hits = searchTopology(topology, query);
      const cold = searchEmphasis(layout, drawnIdsOf(topology, hits), (id) => ancestorIds(topology, id));
      expect(hitsEmphasis(layout, topology, 'hierarchy', hits)).toEqual(cold);
    }
  });

  it('stops when cancelled (another layout, or the load closed)', () => {
    const idle = idleByHand();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const cancel = warmDrawnHolders(layout, { ...load }, 'hierarchy');
    idle.runOne();
    expect(idle.pending()).toBe(1);
    cancel();
    expect(idle.pending()).toBe(0);
  });
});
