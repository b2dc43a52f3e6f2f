/** Messages between the page and the ingest worker (web mode). */
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction, ViewState } from '../../shared/graph/view';
import type { Diagnostic, Topology } from '../../shared/model/types';

/** Page → worker: read these files (under these names) and ingest them with these diagnostics already found. */
export interface IngestRequest {
  type: 'ingest';
  id: number;
  files: { name: string; file: Blob }[];
  diagnostics: Diagnostic[];
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

/** Page → worker: anything the worker answers. */
export type IngestWorkerRequest = IngestRequest | RawRequest | LayoutLoadRequest;

/**
 * Worker → page: the topology without `raw` (kept in the worker, see RawRequest) and the load's number,
 * a raw JSON answer, or why ingest failed (a bug: bad input is a diagnostic, not a failure).
 */
export type IngestResponse =
  | { id: number; ok: true; topology: Topology; load: number }
  | { id: number; ok: true; raw: Record<string, unknown> | undefined }
  | { id: number; ok: true; layout: LaidOutGraph }
  | { id: number; ok: false; error: string };
