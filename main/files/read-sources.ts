import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../shared/model/types';
import type { SourceText } from '../../shared/ingest/index';
import { checkFileSize, decodeText, isJsonFileName, skippedFileDiagnostic } from '../../shared/ingest/index';

/** Texts read from disk plus what could not be read. */
export interface ReadResult {
  sources: SourceText[];
  diagnostics: Diagnostic[];
}

function unreadable(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file or folder'
      : code === 'EACCES'
        ? 'permission denied'
        : err instanceof Error
          ? err.message
          : String(err);
  return { severity: 'error', code: 'unreadable', message: `cannot read: ${why}`, file };
}

async function readOneFile(path: string, size: number, out: ReadResult): Promise<void> {
  const tooLarge = checkFileSize(path, size);
  if (tooLarge) {
    out.diagnostics.push(tooLarge);
    return;
  }
  try {
    out.sources.push({ name: path, text: decodeText(await readFile(path)) });
  } catch (err) {
    out.diagnostics.push(unreadable(path, err));
  }
}

/**
 * Reads the files and folders the user named: a folder gives its `*.json`
 * files (other files and its subfolders are skipped with an info
 * diagnostic, and a folder with no `*.json` file at all is a warning, not
 * an empty diagram without a word); a file over the size limit is refused
 * from its size without being read. Never throws.
 */
export async function readSources(paths: string[]): Promise<ReadResult> {
  const out: ReadResult = { sources: [], diagnostics: [] };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      out.diagnostics.push(unreadable(path, err));
      continue;
    }
    if (!info.isDirectory()) {
      await readOneFile(path, info.size, out);
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (err) {
      out.diagnostics.push(unreadable(path, err));
      continue;
    }
    let jsonFiles = 0;
    for (const name of names) {
      const full = join(path, name);
      let entry;
      try {
        entry = await stat(full);
      } catch (err) {
        out.diagnostics.push(unreadable(full, err));
        continue;
      }
      if (entry.isDirectory()) {
        out.diagnostics.push({
          severity: 'info',
          code: 'skipped',
          message: "a subfolder; only the folder's own *.json files are read (open the subfolder itself)",
          file: full,
        });
        continue;
      }
      if (!isJsonFileName(name)) {
        out.diagnostics.push(skippedFileDiagnostic(full));
        continue;
      }
      jsonFiles += 1;
      await readOneFile(full, entry.size, out);
    }
    if (jsonFiles === 0)
      out.diagnostics.push({
        severity: 'warning',
        code: 'empty',
        message: 'no *.json files in this folder',
        file: path,
      });
  }
  return out;
}
