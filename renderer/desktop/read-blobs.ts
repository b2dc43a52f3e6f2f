/** Reading picked files (or the bytes the desktop's main read) as texts for ingest, in the ingest worker or (without one) in the page. */
import { decodeSource } from '../../shared/ingest/decode';
import type { SourceBytes, SourceText } from '../../shared/ingest/index';
import type { Diagnostic } from '../../shared/model/types';

/** A file to ingest: picked in the page (a Blob, read here), or the bytes the desktop's main read (decoded here). */
export type IngestFile = { name: string; file: Blob } | SourceBytes;

/** The texts of `files`; a file that cannot be read is an error diagnostic, and the others still load. */
export async function readBlobs(files: IngestFile[], diagnostics: Diagnostic[]): Promise<SourceText[]> {
  const sources: SourceText[] = [];
  for (const f of files) {
    if ('bytes' in f) {
      sources.push(decodeSource(f));
      continue;
    }
    try {
      // Bytes, decoded as the desktop's are (`decodeText`): one reading of a byte order mark (UTF-16 from
      // PowerShell) rather than Blob.text()'s own. No faster: 75 MB read either way in 120–190 ms.
      sources.push(decodeSource({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) }));
    } catch (err) {
      diagnostics.push({
        severity: 'error',
        code: 'unreadable',
        message: `could not read the file: ${err instanceof Error ? err.message : String(err)}`,
        file: f.name,
      });
    }
  }
  return sources;
}
