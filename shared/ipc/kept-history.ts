/**
 * The desktop app's kept live-fetch history as the page sees it: "Kept fetches…" lists the bundles main keeps
 * in `<userData>/history` (main/history/history-store.ts) and reads the chosen ones for the timeline. The page
 * names a kept fetch by its file name only, never by a path: main joins the name to the history folder itself,
 * so no call can make it read anything else.
 */
import { z } from 'zod';

/**
 * The name of a kept bundle: `snapshot-<fetch time, colons and dot as dashes>[-<n>].json`. main/history writes
 * and lists by it, and `history:read` accepts nothing else (so no `..`, no separator, no absolute path).
 */
export const KEPT_FETCH_NAME = /^snapshot-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.json$/;

/** Most kept fetches one `history:read` may name: the default history cap (48), twice over. */
export const MAX_KEPT_READ = 96;

/** One kept fetch, as listed. */
export interface KeptFetch {
  /** The file name inside the history folder (no path). */
  name: string;
  /** The fetch time (ISO-8601 UTC), from the file name. */
  fetchedAt: string;
  bytes: number;
}

/** What `history:list` answers: the kept fetches, oldest first, and where they are (to tell the user, as text). */
export interface KeptFetchList {
  /** The history folder, for the user to read; the page cannot open anything by it. */
  folder: string;
  entries: KeptFetch[];
}

/** One kept fetch read by `history:read`: its text, or why it was not read (named, never a crash). */
export type KeptFetchText = { name: string; ok: true; text: string } | { name: string; ok: false; error: string };

/** The kept-history channels of the IPC contract (spread into InvokeChannels). */
export interface HistoryInvokeChannels {
  'history:list': { arg: undefined; result: KeptFetchList };
  'history:read': { arg: string[]; result: KeptFetchText[] };
}

/** Argument schemas of the kept-history channels, spread into `invokeArgSchemas`. */
export const historyInvokeArgSchemas = {
  'history:list': z.undefined(),
  'history:read': z
    .array(z.string().max(255).regex(KEPT_FETCH_NAME, 'not the name of a kept fetch'))
    .min(1)
    .max(MAX_KEPT_READ),
} satisfies { [C in keyof HistoryInvokeChannels]: z.ZodType<HistoryInvokeChannels[C]['arg']> };
