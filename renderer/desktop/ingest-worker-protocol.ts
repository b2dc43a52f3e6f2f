/**
 * What the page and the ingest worker (web mode and the desktop) say to each other, in the
 * envelope of `../workers/envelope.ts`: the request map `IngestRequests`
 * and the push map `IngestEvents`. The worker answers them with
 * `createIngestHandlers()` (ingest-handlers.ts); the page asks through
 * `IngestClient` (ingest-client.ts).
 *
 * How to add a request type (a computation on the load the worker holds):
 * 1. Add an entry here: `name: { payload: {...}; result: ... }`. The payload
 *    carries `load` (the page's load number, from `IngestClient.loadOf`) when
 *    the request is about a load: the worker answers only for the one it holds.
 * 2. Add the handler under the same name in `createIngestHandlers()`
 *    (ingest-handlers.ts): `name: (payload, context) => result` (or a promise,
 *    or `new Transfer(result, buffers)` to move ArrayBuffers). Throwing rejects
 *    the page's promise with the message; bad input belongs in diagnostics.
 *    TypeScript fails the build until the handler exists and returns the type.
 * 3. Ask for it on the page with `this.link.request('name', payload)` in a
 *    method of `IngestClient` (keep per-load state on the instance, never in
 *    module variables).
 * Both sides must be able to run on the page's thread too (`servedInPage`):
 * the handlers use no worker-only API besides what `serve` gives them.
 *
 * How to add a push event (the worker sends it unasked, e.g. progress):
 * 1. Add `name: PayloadType` to `IngestEvents`.
 * 2. In a handler, `context.push('name', payload)` (optionally with buffers
 *    to transfer), or from `context.afterReply(() => ...)` to send it after
 *    the request's answer.
 * 3. On the page, `this.link.on('name', (payload) => ...)` in `IngestClient`.
 * A push is told from a reply by its envelope `kind`, never by its keys.
 *
 * Example, a computation over the load the worker holds:
 * ```ts
 * // here, in IngestRequests:
 * cost: { payload: { load: number; prices: PriceTable }; result: CostReport };
 * // ingest-handlers.ts, in the object createIngestHandlers() returns (`topology`, `load`: the load it holds):
 * cost: ({ load: asked, prices }) => {
 *   if (!topology || asked !== load) throw new Error(`ingest worker does not hold load ${asked}`);
 *   return costOf(topology, prices);
 * },
 * // ingest-client.ts, a method of IngestClient:
 * cost(topology: Topology, prices: PriceTable): Promise<CostReport> {
 *   const load = this.loadOf.get(topology);
 *   if (load === undefined) return Promise.reject(new Error('not loaded here'));
 *   return this.link.request('cost', { load, prices });
 * }
 * ```
 * A big load's topology is complete in the worker from the start (only the page receives it in parts),
 * so a request about it can be answered before the parts have arrived.
 */
import type { LaidOutEdge, LaidOutGraph, LegendCounts, PositionedNode } from '../../shared/graph/types';
import type { LayoutPreview, OverviewPaint } from '../canvas/overview-types';
import type { LayoutIndexData } from '../canvas/layout-index';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Diagnostic, Service, Topology } from '../../shared/model/types';
import type { Finding } from '../../shared/findings/types';
import type { CostAnswer, PricesInput } from '../../shared/cost/cost-request';
import type { CompareAnswer, TimelineAnswer } from '../../shared/diff/compare-answer';
import type { IngestFile } from './read-blobs';

/**
 * The ingest request's payload: read these files (under these names; the desktop sends the texts main read)
 * and ingest them with these diagnostics already found. `label` and `savedViews` (the views saved for inputs of that label) let the worker lay out
 * the graph the page starts with in the same go: it picks the view as the store would.
 */
export interface IngestPayload {
  files: IngestFile[];
  diagnostics: Diagnostic[];
  label: string;
  savedViews: { key: string; view: ViewState }[];
}

/**
 * The ingest answer: the topology without `raw` (kept in the worker, see the `raw` request) and the view the
 * page starts with, whose layout follows (the `laidOut` push or the `prelaid` request). On a big load, the
 * PART_LISTS are empty: `topology.arriving` says how many objects follow as `part` pushes (when the page
 * sends the `parts` request), so no single message takes the page long to receive.
 */
export interface IngestAnswer {
  topology: Topology;
  load: number;
  startingView: ViewState | null;
}

/** The requests the ingest worker answers: type → payload and result. */
// A type literal, not an interface: only those are assignable to the envelope's RequestMap.
export type IngestRequests = {
  /** Reads and ingests files; the load's preview and layout follow as pushes. */
  ingest: { payload: IngestPayload; result: IngestAnswer };
  /** The raw AWS JSON of one object of load `load` (undefined for a stale load: never another load's JSON). */
  raw: { payload: { load: number; objectId: string }; result: Record<string, unknown> | undefined };
  /** Builds and lays out the graph of load `load` under `view` (the page's copy need not cross back). */
  layout: { payload: { load: number; view: ViewState; direction: Direction }; result: LaidOutGraph };
  /**
   * Sends the parts of load `load` now, as `part` pushes before this reply. The page asks once it has drawn
   * the first frame, so receiving them does not delay it.
   */
  parts: { payload: { load: number }; result: null };
  /**
   * The layout of load `load` whose `preview` push came; null when the worker no longer holds it. The page
   * asks once it has drawn the preview, so receiving the layout's thousands of nodes does not delay that frame.
   */
  prelaid: { payload: { load: number }; result: LaidOutGraph | null };
  /**
   * The launch-type lens of load `load` at `prices` (a prices file's text laid over the bundled table; null:
   * the bundled one). Computed here, where the raw JSON it reads is kept, never on the page.
   */
  cost: { payload: { load: number; prices: PricesInput | null }; result: CostAnswer };
  /**
   * "Compare with…": `older` read and ingested here as OLD and compared with load `load` (NEW, with its raw
   * JSON, which image digests are read from). The load held stays the one on screen.
   */
  compare: { payload: { load: number; older: { name: string; file: Blob }[] }; result: CompareAnswer };
  /** The timeline of files opened together: each ingested on its own, ordered by time, neighbours compared. */
  timeline: { payload: { files: { name: string; file: Blob }[] }; result: TimelineAnswer };
};

/**
 * Nodes (and edges) per `layoutPart` message of a big starting layout: the 13,620 nodes of the 100,000-node
 * account's (14 MB of JSON) were one 100 ms task to receive; in parts of this size each is 20-30 ms.
 */
export const LAYOUT_NODES_PER_MESSAGE = 3000;

/**
 * How much of the findings one `findings` message carries, counted as 1 per finding plus 1 per piece of evidence
 * and per host a placement finding explains (about 200 bytes of JSON each): about 4 MB, a task of 20-30 ms for
 * the page to receive. A count of findings alone was not enough: the 382 placement findings of the
 * 100,000-node account explain ~190 hosts each, 14.5 MB, and came in one 106-121 ms message.
 */
export const FINDINGS_WEIGHT_PER_MESSAGE = 20_000;

/** The weight of one finding in FINDINGS_WEIGHT_PER_MESSAGE. */
export function findingWeight(finding: Finding): number {
  return 1 + finding.evidence.length + (finding.placement?.hosts.length ?? 0);
}

/** The lists of a topology that a big load sends in parts. */
export const PART_LISTS = ['services', 'taskDefinitions', 'containerInstances', 'targetGroups', 'tasks'] as const;

/** One of those lists. */
export type PartList = (typeof PART_LISTS)[number];

/** The next objects of one list of load `load`, in order. */
export interface IngestPart {
  part: PartList;
  load: number;
  items: unknown[];
  /** The last part of the load: the page now holds every object. */
  last: boolean;
  /**
   * On the last part of a load whose first answer came before its tasks were read (see `preview`): the head
   * lists and diagnostics of the whole load, which replace the first answer's (placeholders and diagnostics the
   * tasks added), and what linking the tasks changed of the services sent before (see `ServicesSince`).
   */
  head?: Pick<Topology, 'clusters' | 'capacityProviders' | 'diagnostics'> & ServicesSince;
}

/**
 * What linking a load's tasks changed of its services after they were sent: each service's overlay (its tasks'
 * launch type) and files (a task read from another file names it); the whole list again when the tasks added
 * services (placeholders), so the page keeps the worker's order.
 */
export interface ServicesSince {
  changed?: Pick<Service, 'id' | 'overlay' | 'sources'>[];
  services?: Service[];
}

/** The pushes of the ingest worker: type → payload. */
export type IngestEvents = {
  /**
   * After an ingest answer with a starting view: that view's legend, as soon as the graph is built (before
   * it is laid out), so the page shows it while the layout is being made.
   */
  legend: { load: number; legend: LegendCounts };
  /**
   * After the legend: what the canvas draws of that view's layout far out (size, node count, overview paint;
   * the paint's buffers transferred), ahead of the layout itself (the `prelaid` request). A big load whose
   * starting view collapses every service gets one before its tasks are read (no legend before it: its counts
   * wait for the tasks), drawn while they are; then its parts, unasked (its services and target groups once the
   * rest is read, the others once it is linked); then the legend and a second preview,
   * of the whole load, whose paint the layout is drawn with (the tasks colour the service cards: health, launch
   * type).
   */
  preview: { load: number; preview: LayoutPreview };
  /**
   * The starting view's layout at once, with no preview: for a diagram too small to open far out
   * (level-of-detail.ts), or null when laying it out failed (the page asks with `layout` and hears why).
   */
  laidOut: { load: number; layout: LaidOutGraph | null };
  /**
   * After an ingest answer with `arriving`, when the page asks (`parts`), or unasked after the first preview of a
   * load answered before its tasks were read: the next objects of one list.
   */
  part: IngestPart;
  /**
   * Before the `prelaid` or `layout` answer of a big layout: its nodes and edges from the start,
   * LAYOUT_NODES_PER_MESSAGE at a time. The answer holds the rest; the page puts these before them.
   */
  layoutPart: { load: number; nodes: PositionedNode[]; edges: LaidOutEdge[] };
  /**
   * Before the `layout` answer of a big layout (over LARGE_DIAGRAM_NODES nodes): the overview paint of it, made
   * here (its buffers transferred), so the page draws it far out without preparing it (~100 ms at 100k).
   */
  layoutPaint: { load: number; direction: Direction; overlayOn: boolean; paint: OverviewPaint };
  /**
   * Before the `prelaid` or `layout` answer of a big layout: the grid index of its boxes (layout-index.ts), made
   * here (its buffers transferred), so the page picks the cards near the screen without making it (47 ms at 100k).
   */
  layoutIndex: { load: number; index: LayoutIndexData };
  /**
   * After the starting view's layout: the load's findings (shared/findings), computed in the worker on the raw
   * JSON it keeps, so the rules never hold back the ingest answer or the first frame. In messages of at most
   * FINDINGS_WEIGHT_PER_MESSAGE, `last` on the final one: the 16,442 findings of the 100,000-node account (22 MB
   * of JSON with their evidence) were one 110-120 ms task to receive.
   */
  findings: { load: number; findings: Finding[]; last: boolean };
  /**
   * After the findings, when load `load` reopens the previous one (same accounts, regions and clusters, not
   * older, not two fetched snapshots: see isReopenOfSameScope): what changed since it, computed here.
   */
  reopenDiff: { load: number; answer: CompareAnswer };
};
