/**
 * Builds and lays out the graph in a Web Worker so a large snapshot does not
 * freeze the page; falls back to the main thread where workers are
 * unavailable (jsdom) or the worker fails to start. The worker is sent each
 * topology once; later requests for it carry only the view.
 */
import { buildGraph } from '../../shared/graph/build-graph';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import { layoutGraph } from '../../shared/layout/layout';
import type { EntityBase, Topology } from '../../shared/model/types';
import type { LayoutRequest, LayoutResponse } from './layout-worker-protocol';

interface Pending {
  resolve: (g: LaidOutGraph) => void;
  reject: (e: Error) => void;
  topology: Topology;
  view: ViewState;
  direction: Direction;
}

function strip<T extends EntityBase>(list: T[]): T[] {
  if (!list.some((e) => e.raw !== undefined)) return list;
  return list.map((e) => {
    const copy = { ...e };
    delete copy.raw;
    return copy;
  });
}

// The graph needs no raw JSON, and it is as big as the input: cloning it to the worker would cost more than the build saves.
function withoutRaw(t: Topology): Topology {
  return {
    ...t,
    clusters: strip(t.clusters),
    services: strip(t.services),
    tasks: strip(t.tasks),
    taskDefinitions: strip(t.taskDefinitions),
    containerInstances: strip(t.containerInstances),
    capacityProviders: strip(t.capacityProviders),
    targetGroups: strip(t.targetGroups),
  };
}

function layOutInPage(topology: Topology, view: ViewState, direction: Direction): LaidOutGraph {
  return layoutGraph(buildGraph(topology, view), direction);
}

/** Lays out graphs, newest request wins. */
export class LayoutClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The topology the worker holds and its key. */
  private sent: { topology: Topology; key: number } | null = null;

  constructor(useWorker = typeof Worker !== 'undefined') {
    if (!useWorker) return;
    try {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<LayoutResponse>) => this.settle(e.data);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.worker = null;
    }
  }

  /** Positions for the graph of `topology` under `view` (`view.direction` is overridden by `direction`). */
  layout(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph> {
    if (!this.worker) return Promise.resolve(layOutInPage(topology, view, direction));
    const id = this.nextId++;
    const fresh = this.sent?.topology !== topology;
    if (fresh) this.sent = { topology, key: id };
    const request: LayoutRequest = {
      id,
      topologyKey: this.sent!.key,
      view,
      direction,
      ...(fresh ? { topology: withoutRaw(topology) } : {}),
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, topology, view, direction });
      this.worker?.postMessage(request);
    });
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private settle(response: LayoutResponse): void {
    const p = this.pending.get(response.id);
    if (!p) return;
    this.pending.delete(response.id);
    if (response.ok) p.resolve(response.result);
    else p.reject(new Error(response.error));
  }

  // A worker that cannot load (blocked by policy, missing file) must not leave the canvas empty.
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      try {
        p.resolve(layOutInPage(p.topology, p.view, p.direction));
      } catch (e) {
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
}
