import { afterEach, describe, expect, it, vi } from 'vitest';
import { ancestorIds, buildGraph } from '../../shared/graph/build-graph';
import { searchEmphasis } from '../../shared/graph/emphasis';
import { layoutGraph } from '../../shared/layout/layout';
import { drawnIdsOf, searchTopology } from '../../shared/graph/search';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { generateAccountOfSize } from '../../shared/synth/generate-account';
import { topologyIndexReady } from '../../shared/model/topology-index';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Topology } from '../../shared/model/types';
import { IDLE_STEP_MS, emphasisInSlices, hitsEmphasis, warmDrawnHolders } from './use-emphasis';

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
    runOne: (left = 0) => {
      const [handle, work] = queue.entries().next().value!;
      queue.delete(handle);
      work({ didTimeout: false, timeRemaining: () => left });
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

/** What `query` lights after the warm-up is what it lights found the slow way, holder chain by holder chain. */
function expectLitAsCold(layout: LaidOutGraph, topology: Topology, query: string): void {
  const hits = searchTopology(topology, query);
  const cold = searchEmphasis(layout, drawnIdsOf(topology, hits), (id) => ancestorIds(topology, id));
  expect(hitsEmphasis(layout, topology, 'hierarchy', hits)).toEqual(cold);
}

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
    for (const query of ['o', 'running', load.tasks[9].shortId]) expectLitAsCold(layout, topology, query);
  });

  it('builds the model index it reads through a step per idle callback, never in one go', () => {
    const idle = idleByHand();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const topology = { ...load };
    const objects = topology.tasks.reduce((n, t) => n + 1 + t.containers.length, 0) + topology.services.length;
    // Steps of 1,000 objects: this load's index takes several.
    warmDrawnHolders(layout, topology, 'hierarchy', 1000);
    idle.runOne();
    // Finding a holder asks for the index: had the first callback found any, it would have finished it at once.
    expect(topologyIndexReady(topology)).toBe(false);
    let callbacks = 1;
    while (!topologyIndexReady(topology)) {
      idle.runOne();
      callbacks++;
    }
    expect(callbacks).toBeGreaterThanOrEqual(Math.floor(objects / 1000));
    // Then the holders, as before.
    while (idle.pending() > 0) idle.runOne();
    expectLitAsCold(layout, topology, 'o');
  });

  it('gives the page back after IDLE_STEP_MS of a callback, however long the browser says it is idle', () => {
    const idle = idleByHand();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const topology = { ...load };
    warmDrawnHolders(layout, topology, 'hierarchy');
    while (!topologyIndexReady(topology)) idle.runOne();
    // A clock that moves 0.1 ms each time it is read: each task's holders read it once.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 0.1));
    let callbacks = 0;
    while (idle.pending() > 0) {
      const before = now;
      idle.runOne(49);
      callbacks++;
      // Past its 300 tasks, a callback stops once IDLE_STEP_MS have gone, not at the 49 ms it was offered.
      expect(now - before).toBeLessThan(300 * 0.1 + IDLE_STEP_MS + 1);
    }
    expect(callbacks).toBeGreaterThan(1);
    vi.restoreAllMocks();
    expectLitAsCold(layout, topology, 'o');
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

describe("a big search's emphasis, found in slices of the page's time", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('lights what it lights in one go, over several timer tasks, each given back after its slice', () => {
    vi.useFakeTimers();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const topology = { ...load };
    const hits = searchTopology(topology, 'o');
    const ids = drawnIdsOf(topology, hits).length;
    expect(ids).toBeGreaterThan(2000);
    // A clock that moves 0.5 ms each time it is read, and slices of 1 ms: a slice reads it twice, so it finds
    // the holders of at most 512 ids (the clock is read once per 256).
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 0.5));
    let found: { lit: Set<string>; shown: Set<string> } | null = null;
    emphasisInSlices(layout, topology, 'hierarchy', hits, (e) => (found = e), { sliceMs: 1 });
    let tasks = 0;
    while (vi.getTimerCount() > 0) {
      vi.advanceTimersToNextTimer();
      tasks++;
    }
    expect(found).not.toBeNull();
    expect(tasks).toBeGreaterThanOrEqual(Math.ceil(ids / 512));
    vi.restoreAllMocks();
    expect(found).toEqual(hitsEmphasis(layout, { ...load }, 'hierarchy', searchTopology(topology, 'o')));
    expect(found!.shown.size).toBeGreaterThan(0);
  });

  it('builds the model index first, a step per task, when the warm-up has not', () => {
    vi.useFakeTimers();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const topology = { ...load };
    const objects = topology.tasks.reduce((n, t) => n + 1 + t.containers.length, 0) + topology.services.length;
    let found = false;
    emphasisInSlices(layout, topology, 'hierarchy', searchTopology(topology, 'o'), () => (found = true), {
      indexPerStep: 1000,
    });
    let tasks = 0;
    while (!topologyIndexReady(topology)) {
      vi.advanceTimersToNextTimer();
      tasks++;
    }
    // Asked for unfinished, the index would have been finished in the first task.
    expect(tasks).toBeGreaterThanOrEqual(Math.floor(objects / 1000));
    expect(found).toBe(false);
    vi.runAllTimers();
    expect(found).toBe(true);
  });

  it('stops when cancelled (the next keystroke, another layout)', () => {
    vi.useFakeTimers();
    const layout = layoutGraph(buildGraph(load, view), view.direction);
    const topology = { ...load };
    let found = false;
    const cancel = emphasisInSlices(layout, topology, 'hierarchy', searchTopology(topology, 'o'), () => (found = true));
    vi.advanceTimersToNextTimer();
    cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(found).toBe(false);
  });
});
