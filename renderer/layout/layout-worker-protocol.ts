/**
 * What the page and the layout worker (desktop) say to each other, in the
 * envelope of `../workers/envelope.ts`. To add a request: an entry here, its
 * handler in `createLayoutHandlers()` (layout-handlers.ts), a method of
 * `LayoutClient` that calls `request` (see ingest-worker-protocol.ts for the
 * full recipe, which is the same for every worker).
 */
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';

/** The requests the layout worker answers: type → payload and result. */
export type LayoutRequests = {
  /**
   * Keep `topology` (without `raw`) as topology `key` for the `layout` requests that follow: a view change
   * (collapse, filter, direction) then sends only the view.
   */
  hold: { payload: { key: number; topology: Topology }; result: null };
  /** Build the graph of the held topology `key` under `view` and lay it out. */
  layout: { payload: { key: number; view: ViewState; direction: Direction }; result: LaidOutGraph };
};

/** The layout worker pushes nothing. */
export type LayoutEvents = Record<never, never>;
