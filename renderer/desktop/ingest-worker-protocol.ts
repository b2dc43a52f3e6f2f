/** Messages between the page and the ingest worker (web mode). */
import type { Diagnostic, Topology } from '../../shared/model/types';

/** Page → worker: read these files (under these names) and ingest them with these diagnostics already found. */
export interface IngestRequest {
  id: number;
  files: { name: string; file: Blob }[];
  diagnostics: Diagnostic[];
}

/** Worker → page: the topology, or why ingest failed (a bug: bad input is a diagnostic, not a failure). */
export type IngestResponse = { id: number; ok: true; topology: Topology } | { id: number; ok: false; error: string };
