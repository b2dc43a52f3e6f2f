/** Messages between the page and the ingest worker (web mode). */
import type { LaidOutGraph, LayoutPreview, LegendCounts } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Diagnostic, Topology } from '../../shared/model/types';

/**
 * Page → worker: read these files (under these names) and ingest them with these diagnostics already found.
 * `label` and `savedViews` (the views saved for inputs of that label) let the worker lay out the graph
 * the page starts with in the same go: it picks the view as the store would.
 */
export interface IngestRequest {
  type: 'ingest';
  id: number;
  files: { name: string; file: Blob }[];
  diagnostics: Diagnostic[];
  label: string;
  savedViews: { key: string; view: ViewState }[];
}

/** Page → worker: the raw AWS JSON of one object of the last load (the topology crossed without it). */
export interface RawRequest {
  type: 'raw';
  id: number;
  /** Which load the page is showing; a stale one gets nothing rather than another load's JSON. */
  load: number;
  objectId: string;
}

/** Page → worker: build and lay out the graph of load `load` under `view` (the page's copy need not cross back). */
export interface LayoutLoadRequest {
  type: 'layout';
  id: number;
  load: number;
  view: ViewState;
  direction: Direction;
}

/**
 * Page → worker: send the parts of load `load` now (no answer: the parts are the reply). The page asks
 * once it has drawn the first frame, so receiving them does not delay it.
 */
export interface PartsRequest {
  type: 'parts';
  load: number;
}

/**
 * Page → worker: send the layout of load `load` whose preview came (no answer: the PrelaidLayout is the
 * reply). The page asks once it has drawn the preview, so receiving the layout does not delay that frame.
 */
export interface PrelaidRequest {
  type: 'prelaid';
  load: number;
}

/** Page → worker: anything the worker answers (PartsRequest: with parts; PrelaidRequest: with the layout). */
export type IngestWorkerRequest = IngestRequest | RawRequest | LayoutLoadRequest | PartsRequest | PrelaidRequest;

/**
 * Worker → page, after an ingest answer with `startingView`: the legend of that view's graph, as soon as
 * the graph is built (before it is laid out), so the page shows it while the layout is being made rather
 * than in the frame that draws the preview.
 */
export interface LegendMessage {
  legend: LegendCounts;
  load: number;
}

/**
 * Worker → page, after the LegendMessage: what the canvas draws of that view's layout
 * far out (size, node count, legend, overview paint; the paint's buffers transferred), sent ahead of the
 * layout itself (PrelaidLayout), whose thousands of nodes take the page tens of milliseconds to receive.
 * Made after the answer is posted, so the page takes in the topology meanwhile.
 */
export interface PreviewMessage {
  preview: LayoutPreview;
  load: number;
}

/**
 * Worker → page: the layout the worker made with the load for the starting view, when the page asks for it
 * after drawing the preview (PrelaidRequest); at once, with no preview, for a diagram too small to open far
 * out (level-of-detail.ts); or at once, null, when laying it out failed.
 */
export interface PrelaidLayout {
  /** null when laying it out failed: the page asks for it with a LayoutLoadRequest, and hears why. */
  prelaid: LaidOutGraph | null;
  load: number;
}

/** The lists of a topology that a big load sends in parts. */
export const PART_LISTS = ['services', 'taskDefinitions', 'containerInstances', 'targetGroups', 'tasks'] as const;

/** One of those lists. */
export type PartList = (typeof PART_LISTS)[number];

/**
 * Worker → page: the answer to a request. An ingest answer is the topology without `raw` (kept in the
 * worker, see RawRequest) and the view the page starts with, whose layout follows (PrelaidLayout);
 * on a big load, with the PART_LISTS empty: `topology.arriving` says how many
 * objects follow as `IngestPart` messages (when the page asks, PartsRequest), so no single message takes
 * the page long to receive. Or a raw
 * JSON answer, a layout, or why a request failed (a bug: bad input is a diagnostic, not a failure).
 */
export type IngestResponse =
  | { id: number; ok: true; topology: Topology; load: number; startingView?: ViewState }
  | { id: number; ok: true; raw: Record<string, unknown> | undefined }
  | { id: number; ok: true; layout: LaidOutGraph }
  | { id: number; ok: false; error: string };

/** Worker → page, after an ingest answer with `arriving`: the next objects of one list of load `load`, in order. */
export interface IngestPart {
  part: PartList;
  load: number;
  items: unknown[];
  /** The last part of the load: the page now holds every object. */
  last: boolean;
}

/** Everything the worker posts. */
export type IngestWorkerMessage = IngestResponse | IngestPart | LegendMessage | PreviewMessage | PrelaidLayout;
