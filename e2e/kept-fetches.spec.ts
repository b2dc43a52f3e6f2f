/**
 * "Kept fetches…" in the built page, as a desktop user meets it. The Electron binary cannot run here, so the page
 * gets a stand-in preload (`window.desktopApi`, platform 'electron') whose history calls go to main's real code
 * (`main/history/kept-fetches.ts`) over a temp history folder written by the real history store; only the IPC
 * transport is replaced. Screenshot: docs/screenshot-kept-fetches.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Bundle } from '../shared/ingest/bundle';
import { keepInHistory } from '../main/history/history-store';
import { listKeptFetches, readKeptFetches } from '../main/history/kept-fetches';
import { makeTempDir, removeTempDir } from '../main/test/temp-files';
import { ROOT } from './inspect';
import { installStandInPreload } from './stand-in-preload';

const TIMELINE = path.join(ROOT, 'fixtures/diff/timeline');
const fixture = (name: string) => readFileSync(path.join(TIMELINE, name), 'utf8');

/** Installs the stand-in preload: history calls reach main's code in this process; the demo is the newest fetch. */
function standInPreload(page: Page, dir: string): Promise<void> {
  return installStandInPreload(page, {
    listKeptFetches: () => listKeptFetches(dir),
    readKeptFetches: (names: string[]) => readKeptFetches(dir, names),
    // Main's read of a file: its text, which the page's ingest worker ingests.
    loadDemo: () => ({ sources: [{ name: 'prod-1130.json', text: fixture('prod-1130.json') }], diagnostics: [] }),
  });
}

let root: string;
test.beforeEach(() => {
  root = makeTempDir();
});
test.afterEach(() => removeTempDir(root));

test('Kept fetches… lists what main kept, newest first, and shows the timeline of the chosen ones', async ({
  page,
}) => {
  const dir = path.join(root, 'history');
  for (const name of ['prod-0930.json', 'prod-1130.json', 'prod-1010.json'])
    await keepInHistory(dir, JSON.parse(fixture(name)) as Bundle, { maxCount: 48, maxBytes: 1e9 });
  await standInPreload(page, dir);
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  await expect(page.locator('[data-testid="node"][data-kind="service"]')).toHaveCount(1);

  await page.getByTestId('kept-fetches-button').click();
  const menu = page.getByTestId('kept-fetches-menu');
  await expect(menu.getByRole('menuitemcheckbox')).toHaveText([
    /^✓2026-11-28 11:30:00 UTC · \d+(\.\d)? KiB$/,
    /^✓2026-11-28 10:10:00 UTC · \d+(\.\d)? KiB$/,
    /^✓2026-11-28 09:30:00 UTC · \d+(\.\d)? KiB$/,
  ]);
  await expect(page.getByTestId('kept-fetches-folder')).toHaveText(`Kept in ${dir}`);
  await page.getByTestId('kept-fetch-snapshot-2026-11-28T10-10-00-000Z.json').click();
  await expect(menu).toContainText('3 kept, newest first · 2 chosen');
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-kept-fetches.png') });

  await page.getByTestId('kept-fetches-show').click();
  const panel = page.getByTestId('history-panel');
  await expect(panel.getByRole('heading')).toHaveText('Timeline · 2 loads');
  await expect(panel.getByTestId('timeline-steps').locator('.timeline-name')).toHaveText([
    'snapshot-2026-11-28T09-30-00-000Z.json',
    'snapshot-2026-11-28T11-30-00-000Z.json',
  ]);
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(/^checkout: rev 41 → 42/);
});

test('Kept fetches… before any fetch was kept says so and where they will be', async ({ page }) => {
  const dir = path.join(root, 'history');
  await standInPreload(page, dir);
  await page.goto('/');
  await page.getByTestId('kept-fetches-button').click();
  await expect(page.getByTestId('kept-fetches-empty')).toHaveText(
    'No fetches kept yet: each complete live fetch is kept here.',
  );
  await expect(page.getByTestId('kept-fetches-folder')).toHaveText(`Kept in ${dir}`);
});

test('web mode offers no Kept fetches…: it keeps none', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Timeline…' })).toBeVisible();
  await expect(page.getByTestId('kept-fetches-button')).toHaveCount(0);
});
