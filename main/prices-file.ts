/**
 * The View menu's Load Prices… on the desktop: main's own open dialog (a page file input opened from a menu
 * message has no user activation, so Chromium refuses to show it), then the picked file read with the same
 * rules as every file the app opens (readRegularFile: a FIFO, a device or a folder is never read) and refused
 * from its size when it is over the cost channels' limit.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pricesFileTooLarge, type PricesFileChoice } from '../shared/ipc/cost-api';
import { readRegularFile } from './files/read-sources';

const DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Load prices (ecs-visualizer-prices/v1)',
  properties: ['openFile'],
  filters: [
    { name: 'JSON', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** Reads a prices file the user picked: its text, or why not (the page shows the reason with the file's name). */
export async function readPricesFile(filePath: string): Promise<PricesFileChoice> {
  const name = path.basename(filePath);
  try {
    // Refused from its size before a byte is read; a FIFO or a device reports 0 here and readRegularFile refuses it.
    const tooLarge = pricesFileTooLarge((await stat(filePath)).size);
    if (tooLarge) return { kind: 'refused', name, reason: tooLarge };
  } catch {
    // Unreadable: readRegularFile says why.
  }
  const read = await readRegularFile(filePath);
  if (!read.ok) return { kind: 'refused', name, reason: read.diagnostic.message };
  // It may have grown since stat.
  const grown = pricesFileTooLarge(Buffer.byteLength(read.text));
  return grown ? { kind: 'refused', name, reason: grown } : { kind: 'read', name, text: read.text };
}

/** Shows the open dialog for a prices file and reads the one picked; null when cancelled. */
export async function openPricesFile(window: BrowserWindow | null): Promise<PricesFileChoice | null> {
  const result = window
    ? await dialog.showOpenDialog(window, DIALOG_OPTIONS)
    : await dialog.showOpenDialog(DIALOG_OPTIONS);
  const picked = result.canceled ? undefined : result.filePaths[0];
  return picked ? readPricesFile(picked) : null;
}
