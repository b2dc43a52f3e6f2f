/**
 * "Kept fetches…" in main: the history folder's bundles listed by file name (never a path) and the chosen ones
 * read for the page's timeline. Reading is confined to the folder: a name must be a kept bundle's name (the
 * schema checks it, and so does this module, in case it is called another way), it is joined to the folder and
 * the result must sit directly inside it; a symbolic link is refused unread (it could point anywhere), and the
 * rest goes through `readRegularFile`, which checks the opened handle's type (a FIFO, a device, a folder are
 * refused unread) and the size limit before reading a byte.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/ingest/limits';
import type { KeptFetchList, KeptFetchText } from '../../shared/ipc/kept-history';
import { readRegularFile } from '../files/read-sources';
import { isKeptFetchName, listHistory } from './history-store';

/**
 * Most bytes one `history:read` returns, all files together: the page holds every text at once before the timeline
 * worker takes them, so a history capped at gigabytes (the settings allow it) cannot be sent in one go.
 */
export const MAX_KEPT_READ_BYTES = 2 * MAX_FILE_BYTES;

/** The kept history as the IPC handlers reach it. */
export interface KeptHistory {
  list(): Promise<KeptFetchList>;
  read(names: string[]): Promise<KeptFetchText[]>;
}

/** The kept fetches of `dir`, oldest first, by name. */
export async function listKeptFetches(dir: string): Promise<KeptFetchList> {
  const entries = await listHistory(dir);
  return {
    folder: dir,
    entries: entries.map((e) => ({ name: path.basename(e.file), fetchedAt: e.fetchedAt, bytes: e.bytes })),
  };
}

const mib = (bytes: number): string => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);

const refused = (name: string, why: string): KeptFetchText => ({ name, ok: false, error: `${name}: ${why}` });

/** Reads one kept fetch by name from `dir`, or says why not (naming the file, never its path). */
async function readOne(dir: string, name: string, budget: { left: number; max: number }): Promise<KeptFetchText> {
  if (!isKeptFetchName(name)) return refused(name, 'not the name of a kept fetch; not read');
  const folder = path.resolve(dir);
  const full = path.resolve(folder, name);
  if (path.dirname(full) !== folder) return refused(name, 'outside the history folder; not read');
  let info;
  try {
    info = await lstat(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refused(
      name,
      code === 'ENOENT' ? 'no longer kept (pruned since the list was read)' : `cannot read (${code})`,
    );
  }
  if (info.isSymbolicLink()) return refused(name, 'a symbolic link; only files inside the history folder are read');
  if (info.isFile() && info.size > budget.left)
    return refused(name, `left out: the fetches chosen together are over ${mib(budget.max)} MiB; choose fewer`);
  // No link followed even if one replaced the file since the lstat above.
  const read = await readRegularFile(full, { noFollow: true });
  if (!read.ok) return refused(name, read.diagnostic.message.split(full).join(name));
  budget.left -= info.size;
  return { name, ok: true, text: read.text };
}

/** The texts of the kept fetches `names` from `dir`, in the order asked, at most `maxBytes` together; each one not read says why. */
export async function readKeptFetches(
  dir: string,
  names: string[],
  maxBytes = MAX_KEPT_READ_BYTES,
): Promise<KeptFetchText[]> {
  const budget = { left: maxBytes, max: maxBytes };
  const out: KeptFetchText[] = [];
  for (const name of names) out.push(await readOne(dir, name, budget));
  return out;
}

/** The kept history of the folder `dir` (main wires `<userData>/history`). */
export function keptHistory(dir: string): KeptHistory {
  return { list: () => listKeptFetches(dir), read: (names) => readKeptFetches(dir, names) };
}
