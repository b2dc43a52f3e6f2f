import { expect, test } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './inspect';

test('? lists every command with its keys; the keys from the table act in web mode', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  await expect(page.locator('[data-testid="node"][data-kind="task"]').first()).toBeVisible();
  // A bare key: the overlay toggle.
  const overlay = page.getByTestId('overlay-toggle');
  await expect(overlay).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('o');
  await expect(overlay).toHaveAttribute('aria-pressed', 'false');
  // The menu's accelerator, in the browser too.
  await page.keyboard.press('Control+Shift+L');
  await expect(overlay).toHaveAttribute('aria-pressed', 'true');
  // The toolbar's tooltip comes from the same table.
  await expect(page.getByTestId('fit-view')).toHaveAttribute('title', 'Fit to Window (Ctrl+0, F)');
  await page.keyboard.press('Shift+?');
  const dialog = page.getByTestId('shortcuts-overlay');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-command="export-png"]')).toContainText('Ctrl+E');
  await expect(dialog.locator('[data-command="find"]')).toContainText('/');
  await expect(dialog.locator('[data-command="reload"]')).toHaveCount(0);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Typing in the search box is typing, not commands.
  await page.keyboard.press('/');
  await page.keyboard.type('of');
  await expect(overlay).toHaveAttribute('aria-pressed', 'true');
});

test('a load with thousands of diagnostics scrolls through them without drawing them all', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-viz-diag-'));
  // 3,000 tasks with a field of the wrong type (a warning each), on 3,000 clusters that are not described.
  const tasks = Array.from({ length: 3000 }, (_, i) => ({
    taskArn: `arn:aws:ecs:eu-west-1:111122223333:task/c${i}/${i.toString(16).padStart(32, '0')}`,
    clusterArn: `arn:aws:ecs:eu-west-1:111122223333:cluster/c${i}`,
    lastStatus: 'RUNNING',
    launchType: 'FARGATE',
    cpu: { not: 'a string' },
    containers: [],
  }));
  const file = path.join(dir, 'describe-tasks.json');
  writeFileSync(file, JSON.stringify({ tasks, failures: [] }));
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  const panel = page.getByTestId('diagnostics-panel');
  const toggle = page.getByTestId('diagnostics-toggle');
  await expect(toggle).toBeEnabled({ timeout: 30_000 });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(panel).toBeVisible();
  await panel.getByLabel(/info/).check();
  const rows = panel.locator('[data-testid="diagnostic"]');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);
  const list = page.getByTestId('diagnostics-list');
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  // The bottom of the list is drawn (the last of the 3,000+ rows), still without drawing them all.
  await expect(rows.last()).toContainText('more cluster placeholders not listed one by one');
  expect(Number(await rows.last().getAttribute('data-index'))).toBeGreaterThan(3000);
  expect(await rows.count()).toBeLessThan(100);
});
