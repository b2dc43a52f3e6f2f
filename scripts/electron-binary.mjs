// Finds the Electron executable the `electron` package installed, without
// requiring the package: its index.js tries to download the binary when it
// is missing, which on a machine without network access hangs or throws.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Electron executable's path, or null when the binary is not installed. */
export function electronBinaryPath() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative || 'electron')
    : relative
      ? path.join(packageDir, 'dist', relative)
      : null;
  return binary && existsSync(binary) ? binary : null;
}

/** The one line printed where the binary is missing. */
export const NO_ELECTRON_MESSAGE =
  'Electron binary not installed on this machine (node_modules/electron/dist is missing), so the desktop app cannot launch here; run `npm run web` for the same UI in a browser.';
