/**
 * An output file claimed before the work that fills it: a command checks that it can write `-o FILE` (its
 * folder exists, is a folder, is writable; FILE is not a folder) by creating and removing the temp file it will
 * write, before reading inputs, laying out or fetching, so a bad path costs nothing and says so in one line.
 * The data goes to the temp file and is renamed over FILE, so a reader never sees half a file; on any failure
 * the temp file is removed, so nothing partial is left behind.
 */
import { closeSync, openSync, unlinkSync, writeFile } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** A claimed output: write it once, or discard it. */
export interface OutputFile {
  /** Writes `data` and puts it in place; on failure removes the temp file and returns the one-line reason. */
  write(data: string | Uint8Array): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Removes the temp file if a write is under way (the command is ending early). Safe to call any time. */
  discard(): Promise<void>;
  /** The same, synchronously: for a signal handler that exits right after (Ctrl-C during the write). */
  discardSync(): void;
}

/** Why a path cannot be written, in words (no stack, no errno jargon beyond the code when unknown). */
export function describeWriteError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const folder = path.dirname(file);
  switch (code) {
    case 'ENOENT':
      return `folder ${folder} does not exist`;
    case 'ENOTDIR':
      return `a part of ${folder} is a file, not a folder`;
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

/**
 * Claims `file` for writing: proves now, by creating and removing its temp file beside it, that it can be
 * written. Returns the reason in words when it cannot (to print as `cannot write FILE: reason`). The temp file
 * exists again only while `write` runs, so an interrupted run (Ctrl-C during minutes of layout) leaves nothing.
 */
export async function claimOutputFile(
  file: string,
): Promise<{ ok: true; output: OutputFile } | { ok: false; reason: string }> {
  try {
    if ((await stat(file)).isDirectory()) return { ok: false, reason: 'it is a folder' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code !== 'ENOENT') return { ok: false, reason: describeWriteError(file, err) };
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await (await open(temp, 'wx')).close();
    await unlink(temp);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    return { ok: false, reason: describeWriteError(file, err) };
  }
  let writing = false;
  const discardSync = (): void => {
    if (!writing) return;
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  };
  return {
    ok: true,
    output: {
      async write(data) {
        writing = true;
        try {
          // Created synchronously: a Ctrl-C handler (discardSync) that ran while an asynchronous open was still in
          // flight found no file to remove and exited, and the open then created a temp file nobody removed.
          const fd = openSync(temp, 'wx');
          try {
            await new Promise<void>((resolve, reject) => writeFile(fd, data, (err) => (err ? reject(err) : resolve())));
          } finally {
            closeSync(fd);
          }
          await rename(temp, file);
          return { ok: true };
        } catch (err) {
          await unlink(temp).catch(() => undefined);
          return { ok: false, reason: describeWriteError(file, err) };
        } finally {
          writing = false;
        }
      },
      async discard() {
        discardSync();
      },
      discardSync,
    },
  };
}
