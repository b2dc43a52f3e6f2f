/**
 * Reload on change: watches the opened files (and the *.json files of opened
 * folders), coalesces bursts of events, and re-reads until the files parse,
 * so a file caught half-written by an editor or `aws … > file` is retried
 * rather than reported broken.
 */
import { watch, statSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../shared/model/types';
import { isJsonFileName } from '../shared/ingest/limits';
import { decodeText } from '../shared/ingest/decode';
import type { SourceBytes } from '../shared/ingest/index';

/** A running watch; close it before watching another set. */
export interface PathWatcher {
  close(): void;
}

/** What the watcher was told to look at in one directory. */
interface DirectoryInterest {
  /** Basenames of opened files in this directory. */
  files: Set<string>;
  /** True when the directory itself was opened, so any *.json in it counts. */
  wholeFolder: boolean;
}

/** Default quiet time before a reload: editors write in several steps. */
export const WATCH_DEBOUNCE_MS = 120;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Calls `onChange` once per burst of changes to `paths` (files or folders).
 * Parent directories are watched rather than the files, because editors and
 * shell redirects often replace a file (write a temp, rename over), which ends
 * a watch on the file itself.
 */
export function watchPaths(paths: string[], onChange: () => void, options: { debounceMs?: number } = {}): PathWatcher {
  const debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
  const interests = new Map<string, DirectoryInterest>();
  for (const p of paths) {
    const absolute = path.resolve(p);
    const dir = isDirectory(absolute) ? absolute : path.dirname(absolute);
    const interest = interests.get(dir) ?? { files: new Set<string>(), wholeFolder: false };
    if (dir === absolute) interest.wholeFolder = true;
    else interest.files.add(path.basename(absolute));
    interests.set(dir, interest);
  }

  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const trigger = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const [dir, interest] of interests) {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, filename) => {
        // Some platforms omit the name; then any change in the directory counts.
        const name = filename === null ? null : path.basename(filename.toString());
        if (name === null || interest.files.has(name) || (interest.wholeFolder && isJsonFileName(name))) trigger();
      });
      // A watched folder that disappears ends its watch; the next open watches again.
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // A missing directory cannot be watched; its files already show as unreadable.
    }
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** What a read of the opened paths gives (`readSourceBytes` of main/files/read-sources.ts): the files' bytes. */
export interface ReadResult {
  sources: SourceBytes[];
  diagnostics: Diagnostic[];
}

/** Waits between re-reads of a file caught mid-write: about a second in all. */
export const PARTIAL_WRITE_RETRY_MS = [100, 150, 250, 500];

/** True when every file read completely: each parses as JSON and none failed to read. */
export function isCompleteRead(result: ReadResult): boolean {
  if (result.diagnostics.some((d) => d.severity === 'error')) return false;
  return result.sources.every((source) => {
    try {
      // Decoded as the ingest will (a byte-order mark is valid input, PowerShell writes one, but not JSON.parse's).
      JSON.parse(decodeText(source.bytes));
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Reads, and reads again after a pause while the result looks like a write in
 * progress (a file that does not parse, or is briefly missing). After the last
 * retry the last read is returned as it is, so a file that really is broken is
 * still reported, about a second later.
 */
export async function readUntilComplete(
  read: () => Promise<ReadResult>,
  retryDelaysMs = PARTIAL_WRITE_RETRY_MS,
): Promise<ReadResult> {
  let result = await read();
  for (const delay of retryDelaysMs) {
    if (isCompleteRead(result)) return result;
    await new Promise((resolve) => setTimeout(resolve, delay));
    result = await read();
  }
  return result;
}
