/**
 * Launch-type lens e2e (web mode): the Cost toggle prices the demo in the ingest worker; the lens panel
 * lists every service with its figures and verdict, sorts, and selects a service on click; services and
 * clusters get $/month badges, hosts in the placement view their idle share; the legend names the prices.
 * Load prices… lays a prices file (fixtures/cost, TEST prices for eu-west-1) over the bundled table.
 * Writes docs/screenshot-cost-lens.png (the demo with bundled prices: cost-lab is in us-east-1).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { ROOT } from './inspect';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.locator('[data-testid="node"][data-kind="service"]').first()).toBeVisible();
}

const row = (page: Page, service: string) => page.locator(`[data-testid="cost-row"][data-service="${service}"]`);

test('the lens prices the demo off the page: EC2 wins on a packed host, Fargate on an idle one; badges, legend, sorting, selection', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByTestId('cost-toggle').click();
  const panel = page.getByTestId('cost-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('cost-caveat')).toContainText(
    'list prices of 2026-12-06, no discounts (Savings Plans, RIs, Spot history) applied',
  );
  // cost-lab (us-east-1) is priced with the bundled table: figures computed by hand in shared/cost tests.
  await expect(row(page, 'batch-packed').getByTestId('cost-verdict')).toHaveText(
    'EC2 saves $15.15/month here because hosts are 98% packed; on Fargate 8 tasks round up from 0.25 vCPU/0.92 GB to 0.25 vCPU/1 GB.',
  );
  await expect(row(page, 'admin-portal').getByTestId('cost-verdict')).toHaveText(
    'Fargate would save $121/month: hosts are 11% packed.',
  );
  await expect(row(page, 'checkout-api').getByTestId('cost-verdict')).toHaveText(
    'Fargate saves $6.68/month here over 2× t3.medium packed.',
  );
  await expect(row(page, 'log-router')).toContainText('privileged');
  await expect(row(page, 'log-router')).toContainText('daemon');
  // eu-west-1 has no bundled price: said, not guessed.
  await expect(page.getByTestId('cost-missing')).toContainText('in eu-west-1');
  await expect(row(page, 'api-gateway')).toContainText('—');
  // The legend says which prices are used.
  await expect(page.getByTestId('legend-prices')).toContainText('bundled prices');
  // The README's picture: the lens on the demo, findings folded, batch-packed selected on the diagram.
  const findingsToggle = page.locator('.findings-toggle');
  if ((await findingsToggle.count()) > 0 && (await findingsToggle.getAttribute('aria-expanded')) === 'true')
    await findingsToggle.click();
  await row(page, 'batch-packed').click();
  await expect(page.locator('.react-flow__node.selected [data-kind="service"]')).toHaveAttribute(
    'data-id',
    /batch-packed/,
  );
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-cost-lens.png') });
  // Badges on services and clusters.
  const badges = page.getByTestId('cost-badge');
  expect(await badges.count()).toBeGreaterThan(3);
  await expect(page.locator('[data-kind="service"][data-id*="batch-packed"] [data-testid="cost-badge"]')).toHaveText(
    '$69.91/mo',
  );
  // Sort by Fargate ascending: the cheapest on Fargate first, missing prices last.
  await page.getByTestId('cost-sort-fargateMonthly').click();
  await page.getByTestId('cost-sort-fargateMonthly').click();
  await expect(page.getByTestId('cost-sort-fargateMonthly')).toContainText('▴');
  const fargate = await page.locator('[data-testid="cost-row"] td:nth-child(6)').allTextContents();
  const amounts = fargate.filter((t) => t !== '—').map((t) => Number(t.replace(/[$,]/g, '')));
  expect(amounts.length).toBeGreaterThan(4);
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  // Missing prices sort last.
  expect(fargate.slice(amounts.length).every((t) => t === '—')).toBe(true);
  // A click on a row selects the service on the diagram.
  await row(page, 'cache-warmer').click();
  await expect(page.locator('.react-flow__node.selected [data-kind="service"]')).toHaveAttribute(
    'data-id',
    /cache-warmer/,
  );
  // Hosts in the placement view: price, idle share and idle $.
  await page
    .getByRole('button', { name: /placement/i })
    .first()
    .click();
  const hostCost = page.getByTestId('host-cost');
  await expect(hostCost.filter({ hasText: 'idle 89%' }).first()).toBeVisible();
  await page
    .getByRole('button', { name: /hierarchy/i })
    .first()
    .click();
});

test('in a 1024 px window the lens table scrolls in its panel; the diagram and the details panel stay in the window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openDemo(page);
  await page.getByTestId('cost-toggle').click();
  await expect(row(page, 'admin-portal')).toBeVisible();
  await row(page, 'admin-portal').click();
  const details = page.getByTestId('details-panel');
  await expect(details).toContainText('admin-portal');
  // The table is wider than the window: it used to widen the whole workspace, so the diagram ran off the right
  // edge and the details panel opened beside it, out of the window.
  for (const id of ['details-panel', 'canvas', 'cost-panel']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, `${id}'s right edge`).toBeLessThanOrEqual(1024);
  }
  const detailsBox = (await details.boundingBox())!;
  expect(detailsBox.width).toBeGreaterThan(200);
  // The lens's last column (the verdict) is reached by scrolling the table.
  const scroller = page.getByTestId('cost-panel').locator('.cost-scroll');
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const verdict = row(page, 'admin-portal').getByTestId('cost-verdict');
  await verdict.scrollIntoViewIfNeeded();
  const verdictBox = (await verdict.boundingBox())!;
  expect(verdictBox.x).toBeGreaterThanOrEqual(0);
  expect(verdictBox.x + Math.min(verdictBox.width, 100)).toBeLessThanOrEqual(detailsBox.x);
});

test('Load prices… lays a prices file over the bundled table; a file in another currency is refused', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByTestId('prices-file').setInputFiles(path.join(ROOT, 'fixtures/cost/test-prices-eu-west-1.json'));
  await expect(page.getByTestId('cost-panel')).toBeVisible();
  await expect(page.getByTestId('cost-caveat')).toContainText(
    'prices: test-prices-eu-west-1.json over the bundled table',
  );
  await expect(page.getByTestId('cost-caveat')).toContainText('list prices of 2026-01-01, 2026-12-06');
  // api-gateway (eu-west-1, 6 Fargate tasks of 1 vCPU / 2 GB): 6 × (1 × $0.04 + 2 × $0.004) × 730 = $210.24.
  await expect(row(page, 'api-gateway')).toContainText('$210');
  await expect(page.getByTestId('legend-prices')).toContainText('test-prices-eu-west-1.json');
  await page.getByTestId('prices-file').setInputFiles({
    name: 'eur.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'ecs-visualizer-prices/v1',
        currency: 'EUR',
        retrieved: '2026-01-01',
        source: 'x',
        regions: {},
      }),
    ),
  });
  await expect(page.getByTestId('cost-prices-error')).toContainText('prices in EUR are refused');
  await expect(row(page, 'api-gateway')).toContainText('—');
});
