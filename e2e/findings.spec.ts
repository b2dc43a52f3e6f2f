/**
 * Findings in the web build, used as a user would: open the demo, read the Findings panel, click the
 * unplaceable service's finding and see the placement view explain each host. Saves the two screenshots the
 * docs show (docs/findings-panel.png, docs/findings-placement.png; the placement view at fit too).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestWithFindings } from '../shared/findings/with-findings';
import { ROOT } from './inspect';

const demo = ingestWithFindings([
  { name: 'demo-snapshot.json', text: readFileSync(path.join(ROOT, 'renderer/demo/demo-snapshot.json'), 'utf8') },
]);
const count = (s: string) => (demo.findings ?? []).filter((f) => f.severity === s).length;

test('the Findings panel lists the demo findings by rule; a placement finding explains each host', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  const panel = page.getByTestId('findings-panel');
  await expect(panel).toBeVisible();
  // The same findings the CLI computes from the same file: computed in the ingest worker, shown on the page.
  await expect(page.getByTestId('findings-counts')).toHaveText(
    `${count('error')} error${count('error') === 1 ? '' : 's'}${count('warning')} warning${count('warning') === 1 ? '' : 's'}${count('info')} info`,
  );
  expect(count('error')).toBeGreaterThanOrEqual(2);
  await expect(panel.getByTestId('finding-rule').first()).toContainText('placement-blocked');
  await expect(panel.getByTestId('finding')).toHaveCount(demo.findings?.length ?? -1);

  // The badge on the unplaceable service's node.
  const gpu = page.locator('[data-testid="node"][data-kind="service"]', { hasText: 'gpu-transcoder' });
  await expect(gpu.getByTestId('finding-badge')).toHaveText('1');
  await page.getByTestId('fit-view').click();
  await page.screenshot({ path: path.join(ROOT, 'docs/findings-panel.png') });

  // Problems only keeps a service whose only problem is a finding of warning or worse (image-resizer: image drift,
  // running all its tasks) and leaves out one with none (api-gateway).
  const service = (name: string) => page.locator('[data-testid="node"][data-kind="service"]', { hasText: name });
  await expect(service('api-gateway')).toHaveCount(1);
  await page.getByTestId('problems-only').check();
  await expect(service('image-resizer')).toHaveCount(1);
  await expect(service('api-gateway')).toHaveCount(0);
  await page.getByTestId('problems-only').uncheck();

  // Click the finding: the placement view, the hosts it tried highlighted, each with why it failed.
  await panel.getByTestId('finding').filter({ hasText: 'gpu-transcoder' }).click();
  const verdicts = page.getByTestId('host-verdict');
  await expect(verdicts).toHaveCount(3);
  for (const v of await verdicts.all())
    await expect(v).toContainText('is m6i.xlarge: outside memberOf(attribute:ecs.instance-type =~ g5.*)');
  await expect(page.locator('.host-explained')).toHaveCount(3);
  // The finding in full under the list: each host tried and why.
  await expect(page.getByTestId('finding-hosts').locator('li')).toHaveCount(3);
  await page.getByTestId('fit-view').click();
  await page.screenshot({ path: path.join(ROOT, 'docs/findings-placement-fit.png') });
  // Closer, so each host's reason reads: zoom in on the first host tried.
  const first = await page.locator('.host-explained').first().boundingBox();
  expect(first).not.toBeNull();
  await page.mouse.move(first!.x + first!.width * 1.5, first!.y + first!.height * 1.5);
  for (let i = 0; i < 9; i++) await page.mouse.wheel(0, -100);
  await expect(page.locator('.host-explained').first()).toBeInViewport();
  await page.screenshot({ path: path.join(ROOT, 'docs/findings-placement.png') });

  // search-indexer: the nearest miss on CPU, host by host.
  await panel.getByTestId('finding').filter({ hasText: 'search-indexer' }).click();
  await expect(page.getByTestId('host-verdict').filter({ hasText: 'CPU units free, needs 2,048' })).toHaveCount(2);
});

for (const [width, height] of [
  [1600, 1000],
  [1366, 768],
] as const)
  test(`"show 3 hosts" frames every host the explainer tried, at ${width} × ${height}`, async ({ page }) => {
    // It used to centre the service, which the placement view does not draw: the glide went to where the service
    // was in the hierarchy view, and showed one host of the three (1920 × 1080) or none (1366 × 768).
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await page.getByTestId('open-demo').click();
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-layout', 'ready');
    const row = page.getByTestId('findings-panel').getByTestId('finding').filter({ hasText: 'gpu-transcoder' });
    await row.getByText('show 3 hosts').click();
    const hosts = page.locator('.host-explained');
    await expect(hosts).toHaveCount(3);
    // Wait for the glide to land: the hosts' boxes stop moving.
    let last = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await Promise.all((await hosts.all()).map((h) => h.boundingBox())));
        const same = now === last;
        last = now;
        return same;
      })
      .toBe(true);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    for (const h of await hosts.all()) {
      const box = (await h.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(pane.x);
      expect(box.y).toBeGreaterThanOrEqual(pane.y);
      expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
      expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
    }
    // Framed, not fitted: closer than the whole placement view, and never past zoom 1.
    const zoomNow = async () => {
      const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
      return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 'NaN');
    };
    const framed = await zoomNow();
    expect(framed).toBeLessThanOrEqual(1);
    await page.getByTestId('fit-view').click();
    await expect.poll(zoomNow).toBeLessThan(framed * 0.9);
  });
