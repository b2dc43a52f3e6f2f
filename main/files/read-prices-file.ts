/**
 * Reads a prices file the user picked (the View menu's Load Prices…) with the rules of every file the app opens
 * (readRegularFile: a FIFO, a device or a folder is never read), refused from its size when it is over the cost
 * channels' limit. No Electron here, so the CLI and tests can use it too.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pricesFileTooLarge, type PricesFileChoice } from '../../shared/ipc/cost-api';
import { readRegularFile } from './read-sources';

/** Reads a prices file: its text, or why not (the page shows the reason with the file's name). */
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
