/**
 * Issue #19 in the web build, as a user meets it: "Timeline…" opens three bundles (picked out of order), steps
 * through them in time order with what changed between neighbours read as a deployment log; "Compare with…"
 * diffs an older load against the one on screen and marks the canvas. Screenshots: docs/screenshot-timeline.png,
 * docs/screenshot-compare.png.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ROOT } from './inspect';

const TIMELINE = path.join(ROOT, 'fixtures/diff/timeline');

test('the timeline steps through bundles opened together and shows the diff between neighbours', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(path.join(TIMELINE, 'prod-1130.json'));
  await expect(page.locator('[data-testid="node"][data-kind="service"]')).toHaveCount(1);
  await page
    .getByTestId('timeline-files')
    .setInputFiles(['prod-1130.json', 'prod-0930.json', 'prod-1010.json'].map((f) => path.join(TIMELINE, f)));
  const panel = page.getByTestId('history-panel');
  await expect(panel).toBeVisible();
  // In time order, whatever order they were picked in.
  await expect(panel.getByTestId('timeline-steps').locator('.timeline-name')).toHaveText([
    'prod-0930.json',
    'prod-1010.json',
    'prod-1130.json',
  ]);
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(
    /^checkout: rev 41 → 42, deployment started \(rev 42\), 3 tasks replaced, 1 failed to start \(CannotPullContainerError\)/,
  );
  // The evidence ECS has since dropped: the stopped tasks of 10:10, marked "last seen".
  const evidence = panel.getByTestId('evidence');
  await expect(evidence).toContainText('4 tasks, 2 service events');
  await evidence.locator('summary').click();
  await expect(evidence.getByTestId('evidence-row').filter({ hasText: 'cccc0009' })).toContainText(
    'last seen 2026-11-28T10:10:00.000Z (STOPPED)',
  );
  await page.getByRole('button', { name: 'Later →' }).click();
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(/^checkout: desired 3 → 4, 1 task started/);
  await expect(panel).toContainText('task gone (stopped, or forgotten by ECS)');
  await page.getByRole('button', { name: '← Earlier' }).click();
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(/^checkout: rev 41 → 42/);
  await page.getByTestId('fit-view').click();
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-timeline.png') });
});

test('a timeline opened from the first screen, with no diagram open, is shown', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page
    .getByTestId('timeline-files')
    .setInputFiles(['prod-1010.json', 'prod-0930.json'].map((f) => path.join(TIMELINE, f)));
  const panel = page.getByTestId('history-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(/^checkout: rev 41 → 42/);
  // No diagram is being opened: no "Opening …" veil over the workspace.
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.getByTestId('no-diagram')).toContainText('No diagram open');
  await page.screenshot({ path: test.info().outputPath('timeline-first-screen.png') });
});

test('"Show on the diagram" draws a timeline step, marked with what changed since the step before; the timeline stays', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page
    .getByTestId('timeline-files')
    .setInputFiles(['prod-1130.json', 'prod-0930.json', 'prod-1010.json'].map((f) => path.join(TIMELINE, f)));
  const panel = page.getByTestId('history-panel');
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(/^checkout: rev 41 → 42/);
  // 09:30 → 10:10: the 10:10 bundle drawn, its new tasks and the replaced ones marked.
  await panel.getByTestId('timeline-draw').click();
  await expect(page.getByTestId('source-label')).toContainText('prod-1010.json');
  await expect(page.locator('[data-testid="node"][data-kind="service"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="diff-mark"][data-diff="added"]')).toHaveCount(4);
  await expect(page.locator('[data-testid="diff-mark"][data-diff="changed"]')).toHaveCount(4);
  // The timeline is still there, at the same step (the canvas's marks are its, not a reopen's).
  await expect(panel.getByTestId('timeline-steps')).toBeVisible();
  await expect(panel.locator('.timeline-step.active .timeline-name')).toHaveText('prod-1010.json');
  // The next step: 10:10 → 11:30, one task started since 10:10.
  await page.getByRole('button', { name: 'Later →' }).click();
  await panel.getByTestId('timeline-draw').click();
  await expect(page.getByTestId('source-label')).toContainText('prod-1130.json');
  await expect(page.locator('[data-testid="diff-mark"][data-diff="added"]')).toHaveCount(1);
  await expect(panel.locator('.timeline-step.active .timeline-name')).toHaveText('prod-1130.json');
  await page.getByTestId('fit-view').click();
  await page.screenshot({ path: test.info().outputPath('timeline-drawn.png') });
});

test('"Compare with…" diffs an older load against the one on screen and marks the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page
    .getByTestId('open-files')
    .setInputFiles(
      ['describe-services.json', 'describe-tasks.json'].map((f) =>
        path.join(ROOT, 'fixtures/diff/rolling-deploy/new', f),
      ),
    );
  await expect(page.locator('[data-testid="node"][data-kind="service"]')).toHaveCount(1);
  await page
    .getByTestId('compare-files')
    .setInputFiles(
      ['describe-services.json', 'describe-tasks.json'].map((f) =>
        path.join(ROOT, 'fixtures/diff/rolling-deploy/old', f),
      ),
    );
  const panel = page.getByTestId('history-panel');
  await expect(panel.getByTestId('diff-headline').first()).toHaveText(/^checkout: rev 41 → 42/);
  // The log says what it was compared with (it read "Changes since 2 files").
  await expect(panel.getByRole('heading')).toHaveText(
    'Compared with 2 files (describe-services.json, describe-tasks.json)',
  );
  // The canvas marks: new tasks green, the replaced ones amber, the service changed.
  await expect(page.locator('[data-testid="diff-mark"][data-diff="added"]')).toHaveCount(4);
  await expect(page.locator('[data-testid="diff-mark"][data-diff="changed"]')).toHaveCount(4);
  await expect(page.getByTestId('changes-panel')).toBeVisible();
  await page.getByTestId('fit-view').click();
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-compare.png') });
});

test('reopening changed describe-* files of the same cluster shows what changed since the previous load', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  const files = (side: 'old' | 'new') =>
    ['describe-services.json', 'describe-tasks.json'].map((f) =>
      path.join(ROOT, 'fixtures/diff/rolling-deploy', side, f),
    );
  await page.getByTestId('open-files').setInputFiles(files('old'));
  await expect(page.locator('[data-testid="node"][data-kind="task"]')).toHaveCount(3);
  // A first open is not a reopen: nothing marked, no log.
  await expect(page.getByTestId('changes-panel')).toHaveCount(0);
  await page.getByTestId('open-files').setInputFiles(files('new'));
  await expect(page.getByTestId('changes-panel')).toBeVisible();
  await expect(page.getByTestId('history-panel').getByTestId('diff-headline').first()).toHaveText(
    /^checkout: rev 41 → 42, deployment started \(rev 42\), 3 tasks replaced, 1 failed to start/,
  );
  await expect(page.locator('[data-testid="diff-mark"][data-diff="added"]')).toHaveCount(4);
  // Opening the older files again is not a reopen (older data): the marks end.
  await page.getByTestId('open-files').setInputFiles(files('old'));
  await expect(page.getByTestId('changes-panel')).toHaveCount(0);
});
