/**
 * The desktop View menu's Load Prices… and Refresh Prices in the built page. The Electron binary cannot run here,
 * so the page gets a stand-in preload (`desktopApi` with platform 'electron', and `costApi`) whose calls go to
 * main's real code in this process: the demo read by main's reader, and Load Prices…'s file read by main's
 * reader (`main/prices-file.ts`) for the path the stand-in "dialog" picks; the lens is priced in the page's
 * ingest worker, which holds the load. A menu click is what main sends
 * the page: the command over the `onMenuCommand` listener. Screenshot: docs/screenshot-menu-prices-refused.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readSources } from '../main/files/read-sources';
import { readPricesFile } from '../main/files/read-prices-file';
import { makeTempDir, removeTempDir } from '../main/test/temp-files';
import { ROOT } from './inspect';
import { installStandInPreload, menu } from './stand-in-preload';

/** What the stand-in dialog picks next (null: the user cancels). */
let picked: string | null = null;
let dialogs = 0;

function standInPreload(page: Page): Promise<void> {
  return installStandInPreload(
    page,
    {
      // Main reads the demo snapshot; the page's ingest worker ingests it.
      loadDemo: () => readSources([path.join(ROOT, 'renderer/demo/demo-snapshot.json')]),
    },
    {
      openPricesDialog: () => {
        dialogs += 1;
        return picked ? readPricesFile(picked) : null;
      },
    },
  );
}

const row = (page: Page, service: string) => page.locator(`[data-testid="cost-row"][data-service="${service}"]`);

let dir: string;
test.beforeEach(() => {
  dir = makeTempDir();
  picked = null;
  dialogs = 0;
});
test.afterEach(() => removeTempDir(dir));

test('View > Load Prices… reads the picked file in main and prices the demo with it; a FIFO is refused by name', async ({
  page,
}) => {
  await standInPreload(page);
  await page.setViewportSize({ width: 1400, height: 850 });
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  await expect(page.locator('[data-testid="node"][data-kind="service"]').first()).toBeVisible();

  // Cancel: nothing changes.
  await menu(page, 'load-prices');
  await expect.poll(() => dialogs).toBe(1);
  await expect(page.getByTestId('cost-panel')).toHaveCount(0);

  picked = path.join(ROOT, 'fixtures/cost/test-prices-eu-west-1.json');
  await menu(page, 'load-prices');
  await expect(page.getByTestId('cost-caveat')).toContainText(
    'prices: test-prices-eu-west-1.json over the bundled table',
  );
  await expect(page.getByTestId('cost-toggle')).toHaveAttribute('aria-pressed', 'true');
  // api-gateway (eu-west-1, 6 Fargate tasks of 1 vCPU / 2 GB): 6 × (1 × $0.04 + 2 × $0.004) × 730 = $210.24.
  await expect(row(page, 'api-gateway')).toContainText('$210');

  // A named pipe: refused unread, named, and the prices loaded before stay.
  const fifo = path.join(dir, 'prices-pipe.json');
  execFileSync('mkfifo', [fifo]);
  picked = fifo;
  await menu(page, 'load-prices');
  await expect(page.getByTestId('cost-prices-refused')).toHaveText(
    'Prices file refused: prices-pipe.json: a named pipe (FIFO), not a regular file; it was not read',
  );
  await expect(page.getByTestId('cost-caveat')).toContainText('prices: test-prices-eu-west-1.json');
  await expect(row(page, 'api-gateway')).toContainText('$210');

  // Refresh Prices on a load that is not live: the notice says why.
  await menu(page, 'refresh-prices');
  await expect(page.getByTestId('notice')).toContainText(
    "Refresh prices asks the AWS Price List API with a live load's profile: this load is from files.",
  );
  const findingsToggle = page.locator('.findings-toggle');
  if ((await findingsToggle.count()) > 0 && (await findingsToggle.getAttribute('aria-expanded')) === 'true')
    await findingsToggle.click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-menu-prices-refused.png') });
});

test('the page tells main which menu commands cannot run: everything that needs a diagram, then only Refresh Prices', async ({
  page,
}) => {
  await standInPreload(page);
  await page.goto('/');
  const greyed = () =>
    page.evaluate(() => (globalThis as unknown as { __standInMenuUnavailable?: string[] }).__standInMenuUnavailable);
  // Nothing open: Fit, Export, the lens and both prices commands are greyed; Open is main's and never is.
  await expect.poll(greyed).toEqual(expect.arrayContaining(['fit', 'export-png', 'toggle-cost', 'refresh-prices']));
  expect(await greyed()).not.toContain('open');
  // The demo, from files: all but Refresh Prices (a live load's).
  await page.getByTestId('open-demo').click();
  await expect(page.locator('[data-testid="node"][data-kind="service"]').first()).toBeVisible();
  await expect.poll(greyed).toEqual(['refresh-prices']);
});
