/** Launching the built desktop app for a spec, each in its own user data folder. */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

/** The repository root (the app is run as `electron <root>`). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The installed Electron executable, or null where it is missing. */
export const ELECTRON_BINARY = electronBinaryPath();

/** Why every spec here skips where the binary is missing. */
export const SKIP_REASON =
  'Electron binary not installed on this machine — the desktop app cannot launch here; the web-mode e2e (npm run test:e2e) covers the UI';

/** A sample of the repo, by file name. */
export const sample = (name: string): string => path.join(ROOT, 'fixtures/samples', name);

/** Launches the app with `paths` on its command line; resolves once its window exists. */
export async function launchApp(paths: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
  if (!ELECTRON_BINARY) throw new Error(SKIP_REASON);
  const userData = mkdtempSync(path.join(os.tmpdir(), 'ecs-visualizer-e2e-'));
  const app = await electron.launch({
    executablePath: ELECTRON_BINARY,
    args: [ROOT, ...paths],
    cwd: ROOT,
    env: { ...process.env, ECS_VISUALIZER_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  return { app, page };
}
