/**
 * On-call e2e (web mode, issue #14 points 5, 8, 9, 10) on real fixtures: the
 * failing container's cause on a task card and in the details panel, a stack
 * that says its tasks failed (fixtures/on-call-failures); the Filters menu
 * closing on Esc and a click outside, keyboard driven, never over a chip; an
 * empty canvas that says what loaded (the published describe-task-definition
 * and describe-capacity-providers samples, and broken files); the Definitions
 * list, their details and Find. Writes docs/screenshot-stopped-task.png and
 * docs/screenshot-empty-load.png at fit-to-screen in a 1600×1000 window.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './inspect';

const FAILURES = ['clusters.json', 'services.json', 'tasks-web.json', 'tasks-checkout.json'].map((f) =>
  path.join(ROOT, 'fixtures/on-call-failures', f),
);
const TASK_DEFINITION = path.join(ROOT, 'fixtures/samples/awscli-describe-task-definition-multicontainer.json');
const CAPACITY_PROVIDERS = path.join(ROOT, 'fixtures/samples/awscli-describe-capacity-providers-1.json');
const BROKEN = ['ec2-instances.json', 'empty.json'].map((f) => path.join(ROOT, 'fixtures/broken', f));

interface TasksFile {
  tasks: { taskArn: string; stopCode?: string; containers: { reason?: string; exitCode?: number }[] }[];
}
const webTasks = JSON.parse(readFileSync(FAILURES[2], 'utf8')) as TasksFile;
const failed = webTasks.tasks.find((t) => t.stopCode === 'TaskFailedToStart')!;
const PULL_ERROR = failed.containers[0].reason!;

const nodes = (page: Page, kind: string) => page.locator(`[data-testid="node"][data-kind="${kind}"]`);

async function open(page: Page, files: string[]): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByTestId('canvas')).toBeVisible();
}

/** Fit to screen, as `f` does, and wait for the viewport to settle. */
async function fit(page: Page): Promise<void> {
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(700);
}

test('a stopped task’s card shows its container’s reason and exit, the panel a Reason column; a stack says it has failures', async ({
  page,
}) => {
  expect(PULL_ERROR).toMatch(/^CannotPullContainerError: /);
  await open(page, FAILURES);
  const card = page.locator(`[data-testid="node"][data-kind="task"][data-status="stopped"]`).first();
  await expect(card).toBeVisible();
  // The task says only "Task failed to start"; the container line says why, without a click.
  await expect(card.getByTestId('stopped-reason')).toHaveText('Task failed to start');
  const line = card.getByTestId('container-problem');
  // Cut at its end to the card (the export's cut), the whole text on hover.
  await expect(line).toHaveText(/^web · CannotPullContainerError: .*…$/);
  await expect(line).toHaveAttribute(
    'title',
    new RegExp(`^Container web: ${PULL_ERROR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  // One line, inside the card.
  const box = await line.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    height: el.clientHeight,
  }));
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  expect(box.height).toBeLessThanOrEqual(18);

  // The checkout stack: 13 tasks, one failed (OOM), one unhealthy, one scaled in (not a failure).
  const stack = page.locator('[data-testid="node"][data-stack="true"]');
  await expect(stack.getByTestId('stack-summary')).toHaveText('13 tasks: 11 RUNNING, 2 STOPPED · rev 3');
  await expect(stack.getByTestId('stack-trouble')).toHaveText('1 failed · 1 unhealthy');
  await expect(stack).toHaveClass(/stack-has-trouble/);
  await expect(stack).toHaveCSS('border-top-color', 'rgb(220, 38, 38)');

  // The details panel: Exit and Reason columns, the whole reason on hover.
  await card.click();
  const panel = page.getByTestId('details-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('columnheader')).toContainText(['Exit', 'Reason']);
  await expect(panel.getByTestId('task-container-cause')).toHaveText(`web · ${PULL_ERROR}`);
  const reason = panel.getByTestId('container-reason');
  await expect(reason).toHaveText(PULL_ERROR);
  await expect(reason).toHaveAttribute('title', PULL_ERROR);

  await page.mouse.move(5, 995);
  await fit(page);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-stopped-task.png') });
});

test('a service short of tasks because they failed is an error finding that says why, newest cause first', async ({
  page,
}) => {
  // web: 1 of 2 running, its other task could not pull its image; checkout: 11 of 13, one task killed for memory
  // (the one a scale-in stopped is no failure). Before this rule the panel said "0 errors" over this load.
  await open(page, FAILURES);
  const panel = page.getByTestId('findings-panel');
  await expect(page.getByTestId('findings-counts')).toHaveText('2 errors0 warnings0 info');
  const rows = panel.getByTestId('finding');
  await expect(panel.getByTestId('finding-rule').first()).toContainText('tasks-failing');
  await expect(rows.filter({ hasText: 'service web' })).toContainText(
    'service web: 1 of 2 desired tasks not running; 1 stopped task failed: CannotPullContainerError (container web)',
  );
  await expect(rows.filter({ hasText: 'service checkout' })).toContainText(
    '2 of 13 desired tasks not running; 1 stopped task failed: OutOfMemoryError (container checkout, exit 137)',
  );
  // The service card carries the badge; the row opens the finding in full and selects the service.
  await expect(nodes(page, 'service').filter({ hasText: 'web' }).first().getByTestId('finding-badge')).toHaveText('1');
  await rows.filter({ hasText: 'service web' }).click();
  await expect(page.getByTestId('details-panel')).toContainText('web');
  await expect(page.getByTestId('finding-evidence')).toContainText(`$.containers[0].reason = ${PULL_ERROR}`);
});

test('the Filters menu closes on Esc and a click outside, works from the keyboard, and never covers a chip', async ({
  page,
}) => {
  await open(page, FAILURES);
  await expect(nodes(page, 'task').first()).toBeVisible();
  const button = page.getByTestId('filters-button');
  const menu = page.getByTestId('filter-menu');

  // Esc closes the menu, and only the menu: the search and the selection stay.
  await page.getByTestId('search').fill('checkout');
  await button.click();
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByTestId('search')).toHaveValue('checkout');
  await page.getByTestId('search').fill('');

  await button.click();
  await expect(menu).toBeVisible();
  await page.getByTestId('canvas').click({ position: { x: 40, y: 500 } });
  await expect(menu).toBeHidden();

  // Keyboard only: Enter opens, arrows move, Space ticks, the menu stays open.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  const stopped = page.getByTestId('filter-status-stopped');
  for (let i = 0; i < 12 && !(await stopped.evaluate((el) => el.matches(':focus'))); i++)
    await page.keyboard.press('ArrowDown');
  await expect(stopped).toBeFocused();
  await page.keyboard.press(' ');
  await expect(stopped).toHaveAttribute('aria-checked', 'true');
  await expect(menu).toBeVisible();
  const chip = page.getByTestId('filter-chip').first();
  await expect(chip).toHaveText('stopped ×');

  // The chip that just appeared is not under the menu: the menu starts below the chips strip.
  const strip = await page.getByTestId('explore-bar').boundingBox();
  const menuBox = await menu.boundingBox();
  expect(menuBox!.y).toBeGreaterThanOrEqual(strip!.y + strip!.height);
  // ...so it can be clicked away directly.
  await chip.click();
  await expect(page.getByTestId('filter-chips')).toHaveCount(0);
});

test('an empty canvas says what loaded and why nothing is drawn, and shows it', async ({ page }) => {
  await open(page, [TASK_DEFINITION, CAPACITY_PROVIDERS]);
  const empty = page.getByTestId('empty-load');
  await expect(empty).toBeVisible();
  await expect(page.getByTestId('empty-load-headline')).toHaveText(
    '1 task definition and 3 capacity providers loaded; no cluster, service or task to draw',
  );
  await expect(nodes(page, 'cluster')).toHaveCount(0);
  await page.mouse.move(5, 995);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-empty-load.png') });

  await page.getByTestId('empty-show-definitions').click();
  const list = page.getByTestId('definitions-panel');
  await expect(list).toBeVisible();
  await expect(list.getByTestId('task-definition-row')).toHaveCount(1);
  const td = list.getByTestId('task-definition-row');
  await expect(td).toContainText('hello_world:8');
  await expect(td).toContainText('ACTIVE');
  await expect(td).toContainText('wordpress');
  await expect(td).toContainText('mysql');
  await expect(list.getByTestId('capacity-provider-row')).toHaveCount(3);

  // A capacity provider's details: its settings come from its JSON, which web mode fetches on demand.
  await list.getByRole('button', { name: 'MyCapacityProvider' }).click();
  const panel = page.getByTestId('details-panel');
  await expect(panel).toHaveAttribute('aria-label', 'Capacity provider details');
  await expect(panel).toContainText('MyAutoScalingGroup');
  await expect(panel).toContainText('ENABLED (target capacity 100%, step 1–1000 instances)');
  await expect(panel).toContainText('Managed termination protection');
  await page.getByTestId('definitions-back').click();
  await expect(list).toBeVisible();
});

test('a load of only broken files says nothing could be read and opens the diagnostics', async ({ page }) => {
  await open(page, BROKEN);
  await expect(page.getByTestId('empty-load-headline')).toHaveText(
    'Nothing to draw: no ECS object could be read from the 2 files',
  );
  await page.getByTestId('empty-show-diagnostics').click();
  await expect(page.getByTestId('diagnostics-panel')).toBeVisible();
  await expect(page.getByTestId('diagnostic')).toHaveCount(2);
  await expect(page.getByTestId('diagnostics-panel')).toContainText('not an ECS describe output');
  await expect(page.getByTestId('diagnostics-panel')).toContainText('empty.json');
});

test('Find matches task definitions and capacity providers; Enter shows one in the details panel', async ({ page }) => {
  await open(page, [...FAILURES, TASK_DEFINITION, CAPACITY_PROVIDERS]);
  await expect(nodes(page, 'task').first()).toBeVisible();
  const search = page.getByTestId('search');
  await search.fill('hello_world');
  await expect(page.getByTestId('search-count')).toHaveText('1 match');
  await search.press('Enter');
  const panel = page.getByTestId('details-panel');
  await expect(panel).toHaveAttribute('aria-label', 'Task definition details');
  await expect(panel.getByTestId('td-containers')).toContainText('wordpress');
  await search.fill('MyAutoScalingGroup');
  await expect(page.getByTestId('search-count')).toHaveText('1 match');
  await search.press('Enter');
  await expect(panel).toHaveAttribute('aria-label', 'Capacity provider details');
  // The toolbar's Definitions button lists them too.
  await page.getByTestId('definitions-toggle').click();
  await expect(page.getByTestId('definitions-panel')).toBeVisible();
});
