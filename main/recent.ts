/**
 * Open Recent: the last opened file sets, persisted as JSON in the user data
 * folder, pruned of files that no longer exist, and registered with the OS
 * (macOS Dock menu, Windows jump list) through `app.addRecentDocument`.
 */
import { app } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One Open Recent item: the paths opened together (files and/or folders). */
export interface RecentEntry {
  paths: string[];
  /** ISO-8601 time of the last open. */
  openedAt: string;
}

/** The recent list with its persistence. */
export interface RecentStore {
  /** Entries newest first, pruned of paths that no longer exist (the pruned list is saved). */
  list(): RecentEntry[];
  /** Puts a set of paths at the top (moving it if already there) and saves. */
  add(paths: string[]): void;
  /** Empties the list, here and in the OS. */
  clear(): void;
  /** Called after every change, e.g. to rebuild the menu. Returns an unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** How a store reaches the disk and the OS; tests replace the OS hooks. */
export interface RecentStoreOptions {
  /** The JSON file, e.g. `<userData>/recent.json`. */
  file: string;
  /** Most entries kept. */
  max?: number;
  exists?: (p: string) => boolean;
  addToOs?: (p: string) => void;
  clearOs?: () => void;
  now?: () => Date;
}

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ paths: z.array(z.string().min(1)).min(1), openedAt: z.string() })),
});

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((p, i) => p === sorted[i]);
}

/** Creates a recent list backed by `options.file`; a missing or corrupt file starts an empty list. */
export function createRecentStore(options: RecentStoreOptions): RecentStore {
  const max = options.max ?? 10;
  const exists = options.exists ?? existsSync;
  const listeners = new Set<() => void>();
  let entries = read();

  function read(): RecentEntry[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(options.file, 'utf8')));
      return parsed.success ? parsed.data.entries.slice(0, max) : [];
    } catch {
      return [];
    }
  }

  function save(): void {
    mkdirSync(path.dirname(options.file), { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file that would empty the list.
    const temp = `${options.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, entries }, null, 2));
    renameSync(temp, options.file);
  }

  function changed(): void {
    save();
    for (const listener of listeners) listener();
  }

  return {
    list() {
      const pruned = entries
        .map((entry) => ({ ...entry, paths: entry.paths.filter((p) => exists(p)) }))
        .filter((entry) => entry.paths.length > 0);
      const removed =
        pruned.length !== entries.length || pruned.some((e, i) => e.paths.length !== entries[i]?.paths.length);
      entries = pruned;
      if (removed) changed();
      return entries.map((e) => ({ paths: [...e.paths], openedAt: e.openedAt }));
    },
    add(paths) {
      if (paths.length === 0) return;
      const openedAt = (options.now?.() ?? new Date()).toISOString();
      entries = [{ paths: [...paths], openedAt }, ...entries.filter((e) => !sameSet(e.paths, paths))].slice(0, max);
      for (const p of paths) options.addToOs?.(p);
      changed();
    },
    clear() {
      entries = [];
      options.clearOs?.();
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The menu label of an entry: the first name, and how many more were opened with it. */
export function recentLabel(entry: RecentEntry): string {
  const first = path.basename(entry.paths[0] ?? '');
  return entry.paths.length > 1 ? `${first} (+${entry.paths.length - 1} more)` : first;
}

/** The app's recent list in `<userData>/recent.json`, registered with the OS. */
export function setupRecent(): RecentStore {
  return createRecentStore({
    file: path.join(app.getPath('userData'), 'recent.json'),
    addToOs: (p) => app.addRecentDocument(p),
    clearOs: () => app.clearRecentDocuments(),
  });
}
