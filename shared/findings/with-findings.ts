/**
 * Where a load is made (the ingest worker, on both hosts; the CLI), its findings are computed with it and ride
 * along on the topology, so the page never runs the rules.
 */
import { ingest, type IngestOptions, type SourceText } from '../ingest/index';
import type { Topology } from '../model/types';
import { computeFindings } from './engine';

/** Puts the load's findings on it; a rule that throws on odd data is a diagnostic, and the load still opens. */
export function attachFindings(topology: Topology): Topology {
  try {
    topology.findings = computeFindings(topology);
  } catch (err) {
    topology.findings = [];
    topology.diagnostics.push({
      severity: 'warning',
      code: 'internal',
      message: `findings could not be computed (internal error: ${err instanceof Error ? err.message : String(err)})`,
    });
  }
  return topology;
}

/**
 * `ingest` with the findings attached at once (tests and fixtures; the ingest worker attaches them itself, after
 * the first frame, with `attachFindings`).
 */
export function ingestWithFindings(sources: SourceText[], options: IngestOptions = {}): Topology {
  return attachFindings(ingest(sources, options));
}
