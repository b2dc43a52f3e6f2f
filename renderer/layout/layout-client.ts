/**
 * Runs `layoutGraph` in a Web Worker so a large snapshot does not freeze the
 * page; falls back to the main thread where workers are unavailable (jsdom)
 * or the worker fails to start.
 */
import type { Graph, LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import { layoutGraph } from '../../shared/layout/layout';
import type { LayoutRequest, LayoutResponse } from './layout-worker-protocol';

/** Lays out graphs, newest request wins. */
export class LayoutClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (g: LaidOutGraph) => void; reject: (e: Error) => void; graph: Graph; direction: Direction }>();

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

  /** Positions for `graph`. */
  layout(graph: Graph, direction: Direction): Promise<LaidOutGraph> {
    if (!this.worker) return Promise.resolve(layoutGraph(graph, direction));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, graph, direction });
      const request: LayoutRequest = { id, graph, direction };
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
        p.resolve(layoutGraph(p.graph, p.direction));
      } catch (e) {
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
}
