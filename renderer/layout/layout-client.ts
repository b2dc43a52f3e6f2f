/**
 * Builds and lays out the graph in a Web Worker so a large snapshot does not
 * freeze the page; on the page's thread, behind the same protocol, where
 * workers are unavailable (jsdom) or the worker stops. The worker is sent
 * each topology once; later requests for it carry only the view.
 */
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import { ENTITY_LISTS, type EntityList } from '../../shared/model/entity-kinds';
import type { Entity, Topology } from '../../shared/model/types';
import { servedInPage, startWorker, WorkerClient, type WorkerPort } from '../workers/envelope';
import { createLayoutHandlers } from './layout-handlers';
import type { LayoutEvents, LayoutRequests } from './layout-worker-protocol';

/** One entity list without `raw` (copies only when some object carries it). */
function strip<L extends EntityList>(t: Topology, list: L): Topology[L] {
  const items: readonly Entity[] = t[list];
  if (!items.some((e) => e.raw !== undefined)) return t[list];
  // The copies are of the list's own kind; TypeScript cannot follow an element type through a generic list key.
  return items.map((e) => ({ ...e, raw: undefined })) as Topology[L];
}

// The graph needs no raw JSON, and it is as big as the input: cloning it to the worker would cost more than the build saves.
function withoutRaw(t: Topology): Topology {
  const out = { ...t };
  for (const list of ENTITY_LISTS) setList(out, list, strip(t, list));
  return out;
}

/** Sets one entity list of a topology. */
function setList<L extends EntityList>(t: Topology, list: L, items: Topology[L]): void {
  t[list] = items;
}

/** Starts the layout worker. */
function startLayoutWorker(): WorkerPort | null {
  return startWorker(() => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }));
}

/** Lays out graphs in the layout worker (or on the page when it cannot run). */
export class LayoutClient {
  private link: WorkerClient<LayoutRequests, LayoutEvents>;
  private nextKey = 1;
  /** The topology the worker holds and its key. */
  private sent: { topology: Topology; key: number } | null = null;
  private disposed = false;

  /** `port`: where the handlers run (default: a new worker, else the page; null: the page). */
  constructor(port: WorkerPort | null = startLayoutWorker()) {
    this.link = this.connect(port ?? servedInPage(createLayoutHandlers()));
  }

  /** Positions for the graph of `topology` under `view` (`view.direction` is overridden by `direction`). */
  async layout(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph> {
    const link = this.link;
    try {
      if (this.sent?.topology !== topology) {
        const key = this.nextKey++;
        this.sent = { topology, key };
        // Its failure shows in the layout request that follows.
        link.request('hold', { key, topology: withoutRaw(topology) }).catch(() => undefined);
      }
      return await link.request('layout', { key: this.sent.key, view, direction });
    } catch (e) {
      // A worker that cannot load (blocked by policy, missing file) must not leave the canvas empty.
      if (link.failed && this.link !== link) return this.layout(topology, view, direction);
      throw e;
    }
  }

  /** Stops the worker. */
  dispose(): void {
    this.disposed = true;
    this.link.dispose();
  }

  private connect(port: WorkerPort): WorkerClient<LayoutRequests, LayoutEvents> {
    const link = new WorkerClient<LayoutRequests, LayoutEvents>(port);
    link.onFailure(() => {
      if (this.link !== link || this.disposed) return;
      this.sent = null;
      this.link = this.connect(servedInPage(createLayoutHandlers()));
    });
    return link;
  }
}
