/**
 * Web mode's refresh: open a snapshot, then a newer snapshot of the same
 * account. What changed is highlighted on exactly the nodes it concerns, a
 * service that lost a task says "−1 gone", and the Changes list selects.
 * The newer snapshot is the demo a few minutes on: one api-gateway task
 * stopped (kept, as an include-stopped fetch shows it) and one gone, and
 * checkout's desired count raised from 6 to 8.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../shared/ingest/index';
import { ROOT } from './inspect';

type Raw = Record<string, unknown>;
interface Snapshot {
  fetchedAt: string;
  services: Raw[];
  tasks: (Raw & { containers: Raw[] })[];
}

const demoText = readFileSync(path.join(ROOT, 'renderer/demo/demo-snapshot.json'), 'utf8');
const demo = JSON.parse(demoText) as Snapshot;

function later(): Snapshot {
  const next = structuredClone(demo);
  next.fetchedAt = new Date(Date.parse(demo.fetchedAt) + 10 * 60_000).toISOString();
  const api = next.services.find((s) => s.serviceName === 'api-gateway');
  const checkout = next.services.find((s) => s.serviceName === 'checkout');
  if (!api || !checkout) throw new Error('demo snapshot lacks api-gateway or checkout');
  const apiTasks = next.tasks.filter((t) => t.group === 'service:api-gateway' && t.lastStatus === 'RUNNING');
  const [stopped, gone] = apiTasks;
  Object.assign(stopped, {
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'ServiceSchedulerInitiated',
    stoppedReason: 'Task failed ELB health checks',
    stoppedAt: next.fetchedAt,
  });
  for (const c of stopped.containers) Object.assign(c, { lastStatus: 'STOPPED', exitCode: 137 });
  next.tasks = next.tasks.filter((t) => t !== gone);
  api.runningCount = Number(api.runningCount) - 2;
  checkout.desiredCount = 8;
  return next;
}

const newer = later();
const before = ingest([{ name: 'prod-0930.json', text: demoText }]);
const after = ingest([{ name: 'prod-0940.json', text: JSON.stringify(newer) }]);
const idOfService = (name: string) => after.services.find((s) => s.name === name)?.id ?? '';
const stoppedTask = after.tasks.find((t) => t.lastStatus === 'STOPPED' && t.serviceId === idOfService('api-gateway'));
const goneTask = before.tasks.find((t) => !after.tasks.some((n) => n.id === t.id));

async function open(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('open-files').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const marked = (page: Page) =>
  page
    .locator('[data-testid="diff-mark"]')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-diff')} ${el.getAttribute('data-diff-for')}`).sort(),
    );

test('opening a newer snapshot of the same account highlights exactly what changed, with a Changes list that selects', async ({
  page,
}) => {
  expect(stoppedTask && goneTask).toBeTruthy();
  await page.goto('/');
  await open(page, 'prod-0930.json', demoText);
  await expect(page.locator('[data-testid="node"][data-kind="cluster"]')).toHaveCount(3);
  // A first open is not a refresh: nothing is marked.
  await expect(page.getByTestId('changes-panel')).toHaveCount(0);
  expect(await marked(page)).toEqual([]);

  await open(page, 'prod-0940.json', JSON.stringify(newer));
  await expect(page.getByTestId('changes-panel')).toBeVisible();
  const expected = [
    `changed ${idOfService('api-gateway')}`,
    `changed ${idOfService('checkout')}`,
    `changed ${stoppedTask?.id}`,
    ...(stoppedTask?.containers ?? []).map((c) => `changed ${c.id}`),
  ].sort();
  await expect.poll(() => marked(page)).toEqual(expected);

  // The badges say what changed; the service that lost a task carries "−1 gone".
  const checkoutMark = page.locator(`[data-testid="diff-mark"][data-diff-for="${idOfService('checkout')}"]`);
  await expect(checkoutMark.getByTestId('diff-badge')).toHaveText('desired count 6 → 8');
  await expect(checkoutMark.getByTestId('diff-badge')).toHaveAttribute('title', 'desired count 6 → 8');
  await expect(
    page.locator(`[data-testid="diff-mark"][data-diff-for="${stoppedTask?.id}"]`).getByTestId('diff-badge'),
  ).toHaveText('task stopped');
  const apiMark = page.locator(`[data-testid="diff-mark"][data-diff-for="${idOfService('api-gateway')}"]`);
  await expect(apiMark.getByTestId('diff-gone')).toHaveText('−1 gone');
  await expect(apiMark.getByTestId('diff-badge')).toHaveText('running count 6 → 4');
  // Outlines in the theme's added/changed colours, on the node's box.
  const outline = await checkoutMark.evaluate(
    (el) => el.ownerDocument.defaultView?.getComputedStyle(el).boxShadow ?? '',
  );
  expect(outline).toContain('rgb(245, 158, 11)');

  // The Changes list: one row per change, gone task included.
  const rows = page.getByTestId('change');
  await expect(rows).toHaveCount(expected.length + 1);
  await expect(page.locator(`[data-testid="change"][data-change="removed"][data-id="${goneTask?.id}"]`)).toContainText(
    'task gone',
  );
  await page.locator(`[data-testid="change"][data-id="${idOfService('checkout')}"] button`).click();
  await expect(page.getByTestId('details-panel')).toContainText('checkout');
  await expect(page.locator(`[data-testid="node"][data-id="${idOfService('checkout')}"]`)).toHaveAttribute(
    'data-kind',
    'service',
  );
  await expect(page.locator(`.react-flow__node.selected[data-id="${idOfService('checkout')}"]`)).toHaveCount(1);

  // Opening something else is not a refresh: the highlight ends.
  await open(page, 'prod-0930.json', demoText);
  await expect(page.getByTestId('changes-panel')).toHaveCount(0);
  await expect.poll(() => marked(page)).toEqual([]);
});
