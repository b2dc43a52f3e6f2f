/**
 * Saving an export (PNG, SVG, bundle JSON) the page produced: main asks the
 * user where with a save dialog and writes the bytes; the page never names a
 * path on disk.
 */
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveFileRequest } from '../shared/ipc/channels';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.png': { name: 'PNG image', extensions: ['png'] },
  '.svg': { name: 'SVG image', extensions: ['svg'] },
  '.json': { name: 'JSON', extensions: ['json'] },
};

/** The save dialog's options for a suggested file name (its folder: the user's documents). */
export function saveDialogOptions(suggestedName: string, documentsDir: string): SaveDialogOptions {
  const filter = FILTERS[path.extname(suggestedName).toLowerCase()];
  return {
    title: 'Save',
    defaultPath: path.join(documentsDir, path.basename(suggestedName)),
    filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : [],
  };
}

/** Asks where to save and writes the data; the saved path, or null when cancelled. */
export async function saveExport(window: BrowserWindow | null, request: SaveFileRequest): Promise<string | null> {
  const options = saveDialogOptions(request.suggestedName, app.getPath('documents'));
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await writeFile(result.filePath, request.data);
  return result.filePath;
}
