/**
 * Playwright e2e of web mode in Debian's Chromium (/usr/bin/chromium; never
 * `playwright install`). The web server builds the renderer and serves it on
 * a free port, chosen once here and passed to workers through the env.
 */
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';

function freePort(): number {
  // Synchronous because the config must export a plain object; a child binds port 0 and reports what it got.
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

process.env.E2E_WEB_PORT ??= String(process.env.PORT ?? freePort());
const port = Number(process.env.E2E_WEB_PORT);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // e2e/electron/ drives the desktop app with its own config (playwright.electron.config.ts).
  testIgnore: 'electron/**',
  // The machine is shared and small: one browser at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'npm run web',
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
