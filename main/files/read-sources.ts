import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../shared/model/types';
import type { SourceBytes, SourceText } from '../../shared/ingest/index';
import { checkFileSize, decodeText, isJsonFileName, skippedFileDiagnostic } from '../../shared/ingest/index';
import { decodeSource } from '../../shared/ingest/decode';
import { wholeMebibytes } from '../../shared/ingest/limits';

/** Texts read from disk plus what could not be read. */
export interface ReadResult {
  sources: SourceText[];
  diagnostics: Diagnostic[];
}

/** Files read from disk as bytes (not yet decoded) plus what could not be read. */
export interface BytesReadResult {
  sources: SourceBytes[];
  diagnostics: Diagnostic[];
}

function unreadable(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file or folder'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ELOOP'
          ? 'too many levels of symbolic links'
          : err instanceof Error
            ? err.message
            : String(err);
  return { severity: 'error', code: 'unreadable', message: `cannot read: ${why}`, file };
}

// Non-blocking, so opening a FIFO returns at once instead of waiting for a writer; no controlling terminal, so
// opening a tty device cannot take one. Both are 0 (absent) on Windows, which has neither problem.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What an opened path turned out to be, from `fstat` on its handle (links followed). */
type Opened =
  | { kind: 'file'; handle: FileHandle; size: number }
  | { kind: 'folder' }
  | { kind: 'other'; what: string }
  | { kind: 'error'; error: unknown };

function describeSpecial(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Opens a path and asks the opened handle what it is. The type is checked on the handle that is then read, so
 * nothing can swap the file between check and read, and it costs no call beyond what reading needs (open, fstat,
 * read, close: what `readFile` does anyway). A FIFO, a device or a socket (also behind a symlink, also named
 * `*.json`) is never read: `stat().size` is 0 for them, so the size limit alone let a FIFO hang the reader and a
 * link to /dev/zero fill memory.
 */
async function openChecked(path: string, noFollow = false): Promise<Opened> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW (absent on Windows): a symbolic link as the last part of the path fails with ELOOP, in the open itself.
    handle = await open(path, noFollow ? OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0) : OPEN_FLAGS);
  } catch (error) {
    // Windows refuses to open a folder as a file.
    if ((error as NodeJS.ErrnoException)?.code === 'EISDIR') return { kind: 'folder' };
    return { kind: 'error', error };
  }
  try {
    const info = await handle.stat();
    if (info.isFile()) return { kind: 'file', handle, size: info.size };
    await handle.close();
    return info.isDirectory() ? { kind: 'folder' } : { kind: 'other', what: describeSpecial(info) };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return { kind: 'error', error };
  }
}

// Reads exactly the bytes fstat counted, from the handle that was checked, into memory of their own: the desktop
// hands them to the page, and a small Buffer from Node's shared pool would carry the pool's other bytes with it
// (IPC copies a view's whole ArrayBuffer).
async function readHandle(handle: FileHandle, size: number): Promise<Uint8Array> {
  const buffer = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break; // shrank since fstat: what is there is what a watcher retry will see again
    filled += bytesRead;
  }
  return filled === size ? buffer : new Uint8Array(buffer.subarray(0, filled));
}

/** The diagnostic for a path that is not a regular file or folder: named, never read. */
function notRegular(file: string, what: string): Diagnostic {
  return { severity: 'error', code: 'not-a-file', message: `${what}, not a regular file; it was not read`, file };
}

/** How many bytes a read may still take in all (`readSourceBytes`' `maxTotalBytes`), and that limit. */
interface Budget {
  left: number;
  total: number;
}

/** The error for a file refused because the files read with it already took the read's whole budget. */
function overBudget(file: string, budget: Budget): Diagnostic {
  return {
    severity: 'error',
    code: 'too-large',
    message: `not read: with the files before it, this open is over ${wholeMebibytes(budget.total)} MiB, more than the app hands its window at once; open fewer files`,
    file,
  };
}

/** Reads one regular file (after following links) into `out`, or adds why not. */
async function readOpened(
  path: string,
  opened: Opened & { kind: 'file' },
  out: BytesReadResult,
  budget?: Budget,
): Promise<void> {
  try {
    const tooLarge = checkFileSize(path, opened.size);
    if (tooLarge) out.diagnostics.push(tooLarge);
    else if (budget && opened.size > budget.left) out.diagnostics.push(overBudget(path, budget));
    else {
      out.sources.push({ name: path, bytes: await readHandle(opened.handle, opened.size) });
      if (budget) budget.left -= opened.size;
    }
  } catch (err) {
    out.diagnostics.push(unreadable(path, err));
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

async function readFolder(path: string, out: BytesReadResult, budget?: Budget): Promise<void> {
  let entries: Dirent[];
  try {
    entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (err) {
    out.diagnostics.push(unreadable(path, err));
    return;
  }
  const subfolder = (full: string): Diagnostic => ({
    severity: 'info',
    code: 'skipped',
    message: "a subfolder; only the folder's own *.json files are read (open the subfolder itself)",
    file: full,
  });
  let jsonFiles = 0;
  for (const entry of entries) {
    const full = join(path, entry.name);
    // The entry's type comes with the listing; a link's target is learnt from the opened handle below.
    if (entry.isDirectory()) {
      out.diagnostics.push(subfolder(full));
      continue;
    }
    if (!isJsonFileName(entry.name)) {
      out.diagnostics.push(skippedFileDiagnostic(full));
      continue;
    }
    jsonFiles += 1;
    const opened = await openChecked(full);
    if (opened.kind === 'file') await readOpened(full, opened, out, budget);
    else if (opened.kind === 'folder') out.diagnostics.push(subfolder(full));
    else if (opened.kind === 'other') out.diagnostics.push(notRegular(full, opened.what));
    else out.diagnostics.push(unreadable(full, opened.error));
  }
  if (jsonFiles === 0)
    out.diagnostics.push({ severity: 'warning', code: 'empty', message: 'no *.json files in this folder', file: path });
}

/**
 * The text of one regular file (links followed) for readers outside ingest (a prices file, a baseline), with the
 * same rules as `readSources`: FIFOs, devices and sockets are refused unread, and so is a file over the size limit.
 * `noFollow`: a symbolic link as the file itself is refused by the open (ELOOP), with no window between a check
 * and the read (the kept history reads only what main wrote there).
 */
export async function readRegularFile(
  path: string,
  options: { noFollow?: boolean } = {},
): Promise<{ ok: true; text: string } | { ok: false; diagnostic: Diagnostic }> {
  const out: BytesReadResult = { sources: [], diagnostics: [] };
  const opened = await openChecked(path, options.noFollow);
  if (opened.kind === 'file') await readOpened(path, opened, out);
  else if (opened.kind === 'folder') out.diagnostics.push(notRegular(path, 'a folder'));
  else if (opened.kind === 'other') out.diagnostics.push(notRegular(path, opened.what));
  else out.diagnostics.push(unreadable(path, opened.error));
  const source = out.sources[0];
  return source ? { ok: true, text: decodeText(source.bytes) } : { ok: false, diagnostic: out.diagnostics[0] };
}

/**
 * Reads the files and folders the user named: a folder gives its `*.json`
 * files (other files and its subfolders are skipped with an info
 * diagnostic, and a folder with no `*.json` file at all is a warning, not
 * an empty diagram without a word); a file over the size limit is refused
 * from its size without being read, and so is anything that is not a regular
 * file or a folder after following links (a FIFO, a device, a socket). Never throws.
 */
export async function readSources(paths: string[]): Promise<ReadResult> {
  const read = await readSourceBytes(paths);
  return {
    sources: read.sources.map(decodeSource),
    diagnostics: read.diagnostics,
  };
}

/**
 * What `readSources` reads, as the files' bytes, not decoded: what the desktop's main hands the page, whose ingest
 * worker decodes them (`decodeText`) as it does a picked file. With `maxTotalBytes`, a file that would take the
 * read past it is refused from its size, unread, with an error naming it (the ones before it still load).
 */
export async function readSourceBytes(
  paths: string[],
  options: { maxTotalBytes?: number } = {},
): Promise<BytesReadResult> {
  const out: BytesReadResult = { sources: [], diagnostics: [] };
  const budget =
    options.maxTotalBytes === undefined ? undefined : { left: options.maxTotalBytes, total: options.maxTotalBytes };
  for (const path of paths) {
    const opened = await openChecked(path);
    if (opened.kind === 'file') await readOpened(path, opened, out, budget);
    else if (opened.kind === 'folder') await readFolder(path, out, budget);
    else if (opened.kind === 'other') out.diagnostics.push(notRegular(path, opened.what));
    else out.diagnostics.push(unreadable(path, opened.error));
  }
  return out;
}
