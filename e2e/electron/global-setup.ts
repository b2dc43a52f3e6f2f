/**
 * Builds the desktop app (dist/) before the Electron specs run, where an
 * Electron binary exists to run it; elsewhere the specs skip and there is
 * nothing to build for.
 */
import { spawnSync } from 'node:child_process';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';
import { SKIP_REASON } from './launch';

/** Playwright global setup: `node scripts/build-electron.mjs` when Electron is installed. */
export default function globalSetup(): void {
  if (!electronBinaryPath()) {
    // The one line that says why every spec below is skipped.
    console.log(`Electron e2e skipped: ${SKIP_REASON}`);
    return;
  }
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`building the desktop app failed (exit ${built.status})`);
}
