import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start where the Electron binary is missing', () => {
  it('prints one line pointing to npm run web, exits 1, builds nothing and prints no stack trace', () => {
    // An empty override folder makes the binary missing on any machine, including one where Electron is installed.
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-electron-'));
    try {
      const run = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      });
      const output = `${run.stdout}${run.stderr}`.trim();
      expect(run.status).toBe(1);
      expect(output.split('\n')).toHaveLength(1);
      expect(output).toMatch(/Electron binary not installed.*npm run web/);
      expect(output).not.toMatch(/\n\s+at |Error:/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
