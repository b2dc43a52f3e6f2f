/**
 * Playwright for the desktop app: e2e/electron/*.spec.ts launch the real
 * Electron build through `_electron`. Where no Electron binary is installed
 * the specs skip with one line saying so (the web-mode suite in
 * playwright.config.ts keeps covering the UI). Run: npm run test:electron.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/electron',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/electron/global-setup.ts',
  // One app at a time: each launch is a whole Electron, and the machine may be small.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/electron',
  reporter: [['list']],
});
