import { ingest } from '../../shared/ingest/index';
import type { Topology } from '../../shared/model/types';

// Read through Vite (not node:fs) so the tests type-check with the renderer's project.
const prodFiles = import.meta.glob<string>('../../fixtures/ingest/prod/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The fixtures/ingest/prod account ingested as the page would, for renderer tests. */
export function prodTopology(): Topology {
  return ingest(
    Object.entries(prodFiles)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, text]) => ({ name: path.split('/').pop() ?? path, text })),
  );
}
