/**
 * The View menu's Load Prices… on the desktop: main's own open dialog (a page file input opened from a menu
 * message has no user activation, so Chromium refuses to show it), then the picked file read by
 * `readPricesFile` (type checked on the opened handle, size limited).
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { PricesFileChoice } from '../shared/ipc/cost-api';
import { readPricesFile } from './files/read-prices-file';

const DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Load prices (ecs-visualizer-prices/v1)',
  properties: ['openFile'],
  filters: [
    { name: 'JSON', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** Shows the open dialog for a prices file and reads the one picked; null when cancelled. */
export async function openPricesFile(window: BrowserWindow | null): Promise<PricesFileChoice | null> {
  const result = window
    ? await dialog.showOpenDialog(window, DIALOG_OPTIONS)
    : await dialog.showOpenDialog(DIALOG_OPTIONS);
  const picked = result.canceled ? undefined : result.filePaths[0];
  return picked ? readPricesFile(picked) : null;
}
