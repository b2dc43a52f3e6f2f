/**
 * Issue #16 point 7 in the web build, as a user meets it: a describe-tasks file with one missing comma
 * opens with its error (line and column) in the diagnostics and both tasks drawn, each dotted with a
 * "recovered" pill; the details panel says which broken file it came from.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ROOT } from './inspect';

test('objects recovered from a broken file are drawn, marked, and explained; saved as docs/screenshot-recovered.png', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await page
    .getByTestId('open-files')
    .setInputFiles([
      path.join(ROOT, 'fixtures/recovery/describe-tasks-missing-comma.json'),
      path.join(ROOT, 'fixtures/samples/awscli-describe-tasks-1-ec2.json'),
    ]);
  const diagnostics = page.getByTestId('diagnostics-panel');
  await expect(diagnostics).toBeVisible();
  await expect(diagnostics).toContainText('describe-tasks-missing-comma.json:70:13');
  const recovered = page.locator('[data-testid="node"][data-kind="task"][data-recovered="true"]');
  await expect(recovered).toHaveCount(2);
  await expect(recovered.first().getByTestId('recovered-badge')).toHaveText('recovered');
  expect(
    await recovered.first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).borderTopStyle),
  ).toBe('dotted');
  // The task of the valid file is drawn as before.
  const clean = page.locator('[data-testid="node"][data-kind="task"]:not([data-recovered])');
  await expect(clean).toHaveCount(1);
  await expect(clean.getByTestId('recovered-badge')).toHaveCount(0);

  await page.getByTestId('fit-view').click();
  await recovered.first().click();
  const panel = page.getByTestId('details-panel');
  await expect(panel.getByTestId('recovered-note')).toContainText(
    'Recovered from a broken file: describe-tasks-missing-comma.json is not valid JSON',
  );
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-recovered.png') });
});

test('a crowded card (deploying, recovered) still shows its launch type whole', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const dir = path.join(ROOT, 'fixtures/recovery');
  await page
    .getByTestId('open-files')
    .setInputFiles(['update-service-1.json', 'update-service-3.json'].map((f) => path.join(dir, f)));
  const crowded = page.locator('[data-testid="node"][data-kind="service"][data-recovered="true"]');
  await expect(crowded.first()).toBeVisible();
  // Cards at a readable size, as a user zoomed in would see them.
  const cards = await crowded.count();
  expect(cards).toBeGreaterThan(0);
  for (let i = 0; i < cards; i++) {
    const card = crowded.nth(i);
    await expect(card.locator('.pill-info')).toHaveText('deploying');
    const edges = await card.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const badge = el.querySelector('.badge-overlay')!.getBoundingClientRect();
      // What of the badge the card shows: its own box clipped by the card's (the card hides what overflows).
      return { cardRight: box.right, badgeLeft: badge.left, badgeRight: badge.right, badgeWidth: badge.width };
    });
    expect(edges.badgeWidth).toBeGreaterThan(0);
    expect(edges.badgeRight).toBeLessThanOrEqual(edges.cardRight);
  }
});
