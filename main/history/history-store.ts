/**
 * The live mode's history: each complete fetch kept as an `ecs-visualizer/v1` bundle in a history folder, so
 * the app can step through them and keep what ECS forgets (stopped tasks vanish about an hour after they stop;
 * a service keeps only its latest 100 events).
 *
 * - Written atomically: into a temp file beside the target (created 0600, exclusive), flushed, then renamed over
 *   the final name. A write killed half-way leaves only a `.tmp` file, which no listing reads and the next write
 *   removes; the bundles already there are never touched by a write.
 * - Readable by the user only (0600): bundles hold the environment values of task definitions as AWS returned
 *   them (masked only when shown).
 * - Capped by count and by total size (both settings); the oldest bundles are pruned first. The newest bundle
 *   is always kept, even when it alone is over the size cap (the history would otherwise be empty).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Bundle } from '../../shared/ingest/bundle';
import { KEPT_FETCH_NAME } from '../../shared/ipc/kept-history';

/** How much history to keep. */
export interface HistoryCaps {
  /** Most bundles kept. */
  maxCount: number;
  /** Most bytes all bundles together may take. */
  maxBytes: number;
}

/** Defaults: a day of hourly refreshes twice over, in at most 200 MiB. */
export const DEFAULT_HISTORY_CAPS: HistoryCaps = { maxCount: 48, maxBytes: 200 * 1024 * 1024 };

/** The settings file's shape (`<userData>/history-settings.json`); anything else falls back to the defaults. */
export const historyCapsSchema = z.object({
  maxCount: z.number().int().min(1).max(10_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 ** 3),
});

/** One kept bundle. */
export interface HistoryEntry {
  file: string;
  /** The fetch time from the file name (the bundle's `fetchedAt`). */
  fetchedAt: string;
  bytes: number;
}

const PREFIX = 'snapshot-';
// One definition of a kept bundle's name, shared with the `history:read` schema that accepts nothing else.
const NAME = KEPT_FETCH_NAME;
const TEMP = /^\.snapshot-.*\.tmp$/;

/** `2026-11-28T09:30:00.000Z` → `2026-11-28T09-30-00-000Z` (no colons: the name is valid on Windows too). */
function stamp(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace(/[:.]/g, '-');
}

function isoOf(fileStamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(fileStamp)!;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
}

/** The kept bundles, oldest first (by fetch time, then by the sequence number of same-time fetches). */
export async function listHistory(dir: string): Promise<HistoryEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: (HistoryEntry & { seq: number })[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (!info?.isFile()) continue;
    entries.push({ file: path.join(dir, name), fetchedAt: isoOf(m[1]), bytes: info.size, seq: Number(m[2] ?? 0) });
  }
  entries.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt) || a.seq - b.seq);
  return entries.map(({ file, fetchedAt, bytes }) => ({ file, fetchedAt, bytes }));
}

/** True for the name of a kept bundle (`snapshot-<time>[-<n>].json`), the only names `history:read` takes. */
export function isKeptFetchName(name: string): boolean {
  return KEPT_FETCH_NAME.test(name);
}

/** Writes `data` to `target` atomically with mode 0600: temp file, flush, rename. */
export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target, '.json')}-${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Removes the oldest bundles until both caps hold (the newest always stays); returns the removed files. */
export async function pruneHistory(dir: string, caps: HistoryCaps): Promise<string[]> {
  const entries = await listHistory(dir);
  const removed: string[] = [];
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  let count = entries.length;
  for (const e of entries) {
    if (count <= 1 || (count <= caps.maxCount && total <= caps.maxBytes)) break;
    await unlink(e.file);
    removed.push(e.file);
    count -= 1;
    total -= e.bytes;
  }
  return removed;
}

/** Keeps one fetch: writes it as the newest bundle, clears temp files a killed write left, prunes by the caps. */
export async function keepInHistory(
  dir: string,
  bundle: Bundle,
  caps: HistoryCaps,
  now: () => Date = () => new Date(),
): Promise<{ file: string; pruned: string[] }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const name of await readdir(dir)) if (TEMP.test(name)) await unlink(path.join(dir, name)).catch(() => undefined);
  const at = bundle.fetchedAt && Number.isFinite(Date.parse(bundle.fetchedAt)) ? bundle.fetchedAt : now().toISOString();
  const base = `${PREFIX}${stamp(at)}`;
  const taken = new Set(await readdir(dir));
  let name = `${base}.json`;
  for (let seq = 1; taken.has(name); seq += 1) name = `${base}-${seq}.json`;
  const file = path.join(dir, name);
  await writeFileAtomic(file, JSON.stringify(bundle));
  const pruned = await pruneHistory(dir, caps);
  return { file, pruned };
}
