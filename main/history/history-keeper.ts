/**
 * The live mode's history as the app uses it: the folder `<userData>/history`, the caps read from
 * `<userData>/history-settings.json` (`{"maxCount": 48, "maxBytes": 209715200}`; a missing or invalid file
 * means the defaults), and the `keepSnapshot` hook the live session calls after each complete fetch.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bundle } from '../../shared/ingest/bundle';
import { DEFAULT_HISTORY_CAPS, historyCapsSchema, keepInHistory, type HistoryCaps } from './history-store';

/** The history's folder and settings file under the app's user data folder. */
export function historyPaths(userData: string): { dir: string; settings: string } {
  return { dir: path.join(userData, 'history'), settings: path.join(userData, 'history-settings.json') };
}

/** The caps the user set, or the defaults (a missing or invalid settings file is not an error). */
export async function readHistoryCaps(settingsFile: string): Promise<HistoryCaps> {
  try {
    const parsed = historyCapsSchema.safeParse(JSON.parse(await readFile(settingsFile, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_HISTORY_CAPS;
  } catch {
    return DEFAULT_HISTORY_CAPS;
  }
}

/** The live session's `keepSnapshot`: the caps are read at each write, so a changed setting applies to the next fetch. */
export function historyKeeper(userData: string): (bundle: Bundle) => Promise<void> {
  const { dir, settings } = historyPaths(userData);
  return async (bundle) => {
    await keepInHistory(dir, bundle, await readHistoryCaps(settings));
  };
}
