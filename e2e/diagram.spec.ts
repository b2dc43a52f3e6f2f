import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect, jsonFiles, ROOT, type InspectJson } from './inspect';

const KINDS = ['cluster', 'service', 'task', 'container'] as const;
const PLURAL = { cluster: 'clusters', service: 'services', task: 'tasks', container: 'containers' } as const;

/** Non-placeholder nodes of a kind, as drawn. */
const described = (page: Page, kind: string) =>
  page.locator(`[data-testid="node"][data-kind="${kind}"]:not([data-placeholder="true"])`);

/** Every node's box intersects the canvas: the whole diagram is on screen. */
async function nodesOffScreen(page: Page): Promise<number> {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) return Number.POSITIVE_INFINITY;
  const boxes = await page.locator('[data-testid="node"]').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    }),
  );
  return boxes.filter(
    (r) =>
      r.width === 0 ||
      r.right < canvas.x ||
      r.left > canvas.x + canvas.width ||
      r.bottom < canvas.y ||
      r.top > canvas.y + canvas.height,
  ).length;
}

async function expectCountsMatch(page: Page, reference: InspectJson): Promise<void> {
  for (const kind of KINDS)
    await expect(described(page, kind), `${kind} nodes`).toHaveCount(reference.counts[PLURAL[kind]]);
}

async function openSamples(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(jsonFiles('fixtures/samples'));
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(described(page, 'task').first()).toBeVisible();
}

let samples: InspectJson;
test.beforeAll(() => {
  samples = inspect('fixtures/samples');
});

test('samples loaded through open-files draw as many nodes of each kind as inspect --json counts', async ({ page }) => {
  await openSamples(page);
  await page.getByTestId('fit-view').click();
  // Nothing collapsed, everything on screen.
  await expect(page.locator('[data-testid="collapse-toggle"][aria-expanded="false"]')).toHaveCount(0);
  await expect.poll(() => nodesOffScreen(page)).toBe(0);
  await expectCountsMatch(page, samples);
  expect(samples.counts.tasks).toBeGreaterThan(0);
  // Placeholders (list-* output) are drawn too, flagged.
  expect(await page.locator('[data-testid="node"][data-placeholder="true"]').count()).toBeGreaterThan(0);
  // Launch types on the task nodes agree with the CLI's.
  for (const [launchType, n] of Object.entries(samples.tasksByLaunchType)) {
    const selector =
      launchType === 'FARGATE'
        ? '[data-launch-type="FARGATE"], [data-launch-type="FARGATE_SPOT"]'
        : `[data-launch-type="${launchType}"]`;
    await expect(described(page, 'task').and(page.locator(selector))).toHaveCount(n);
  }
});

test('clicking a task opens the details panel with its ARN', async ({ page }) => {
  await openSamples(page);
  const arns = jsonFiles('fixtures/samples')
    .flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { tasks?: { taskArn: string }[] }).tasks ?? [])
    .map((t) => t.taskArn);
  const task = described(page, 'task').first();
  const id = (await task.getAttribute('data-id')) ?? '';
  await task.click();
  const arn = page.getByTestId('details-panel').getByTestId('details-arn');
  await expect(arn).toBeVisible();
  const text = (await arn.textContent()) ?? '';
  expect(arns).toContain(text);
  expect(text.endsWith(id.slice(id.lastIndexOf('|') + 1))).toBe(true);
  await expect(page.getByTestId('copy-arn')).toBeVisible();
  // The raw JSON stays in the ingest worker in web mode; opening the panel fetches the task's.
  await expect(page.getByTestId('details-panel').getByTestId('raw-json').first()).toContainText(`"taskArn": "${text}"`);
});

test('the overlay toggle switches launch-type colours off and back on', async ({ page }) => {
  await openSamples(page);
  const fargate = described(page, 'task').and(page.locator('[data-launch-type="FARGATE"]')).first();
  const ec2 = described(page, 'task').and(page.locator('[data-launch-type="EC2"]')).first();
  const bg = (l: typeof fargate) =>
    l.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
  const onFargate = await bg(fargate);
  const onEc2 = await bg(ec2);
  expect(onFargate).not.toBe(onEc2);
  const toggle = page.getByTestId('overlay-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('legend')).toContainText('Overlay off');
  // Neutral: EC2 and Fargate look the same.
  await expect.poll(() => bg(fargate)).toBe(await bg(ec2));
  expect(await bg(fargate)).not.toBe(onFargate);
  await toggle.click();
  await expect.poll(() => bg(fargate)).toBe(onFargate);
});

test('dropping files on the window loads them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('welcome')).toBeVisible();
  const files = jsonFiles('fixtures/samples').map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));
  // Built in the page, as a real drop would deliver it (this file is type-checked without the DOM lib).
  interface PageGlobals {
    DataTransfer: new () => { items: { add(file: unknown): void } };
    File: new (parts: string[], name: string, options: { type: string }) => unknown;
  }
  const dataTransfer = await page.evaluateHandle((list) => {
    const g = globalThis as unknown as PageGlobals;
    const dt = new g.DataTransfer();
    for (const f of list) dt.items.add(new g.File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  const target = page.getByTestId('app');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expectCountsMatch(page, samples);
});

test('a folder opened through open-folder loads its JSON files', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-folder').setInputFiles(path.join(ROOT, 'fixtures/samples'));
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expectCountsMatch(page, samples);
});

test('broken files show the diagnostics panel and the diagram of what did load', async ({ page }) => {
  const broken = inspect('fixtures/broken');
  const errors = broken.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(jsonFiles('fixtures/broken'));
  const panel = page.getByTestId('diagnostics-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-testid="diagnostic"][data-severity="error"]')).toHaveCount(errors.length);
  const syntax = errors.find((d) => d.code === 'json-syntax');
  expect(syntax?.line).toBeDefined();
  await expect(panel).toContainText(`${path.basename(syntax!.file!)}:${syntax!.line}:${syntax!.column}`);
  await expectCountsMatch(page, broken);
  expect(broken.counts.tasks).toBeGreaterThan(0);
});

test('clicking a diagnostic that names an object selects it, expanding what hid it', async ({ page }) => {
  await openSamples(page);
  const withObject = samples.diagnostics.find((d) => d.severity !== 'info' && d.objectId?.startsWith('task|'));
  expect(withObject).toBeDefined();
  // The samples carry warnings, so the panel opens by itself.
  await expect(page.getByTestId('diagnostics-panel')).toBeVisible();
  // Collapse every cluster first: selecting from the panel has to expand what hides the task.
  const clusterToggles = page.locator('[data-kind="cluster"] [data-testid="collapse-toggle"][aria-expanded="true"]');
  while ((await clusterToggles.count()) > 0) await clusterToggles.first().click();
  await expect(described(page, 'task')).toHaveCount(0);
  const row = page.locator('[data-testid="diagnostic"][data-severity="warning"] button').first();
  await row.click();
  await expect(page.getByTestId('details-panel')).toContainText('Task');
  await expect(page.locator(`[data-testid="node"][data-id="${withObject!.objectId}"]`)).toHaveAttribute(
    'data-kind',
    'task',
  );
  await expect(page.locator('.react-flow__node.selected [data-testid="node"]')).toHaveAttribute(
    'data-id',
    withObject!.objectId!,
  );
  await expect(page.locator('.react-flow__node.selected')).toBeInViewport();
});

test('the demo snapshot draws two clusters, every launch type, and is saved as docs/screenshot.png', async ({
  page,
}) => {
  const demo = inspect('renderer/demo/demo-snapshot.json');
  await page.setViewportSize({ width: 1920, height: 1200 });
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  await expect(described(page, 'task').first()).toBeVisible();
  await expectCountsMatch(page, demo);
  expect(demo.counts.clusters).toBe(2);
  expect(demo.counts.services).toBeGreaterThanOrEqual(8);
  expect(demo.counts.tasks).toBeGreaterThanOrEqual(40);
  for (const lt of ['EC2', 'FARGATE', 'FARGATE_SPOT', 'MANAGED_INSTANCES', 'EXTERNAL'])
    await expect(page.locator(`[data-kind="task"][data-launch-type="${lt}"]`).first()).toBeVisible();
  await expect(page.locator('[data-kind="task"][data-status="unhealthy"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="task"][data-status="stopped"]')).toHaveCount(1);
  await expect(page.getByTestId('legend-count-FARGATE_SPOT')).toHaveText(String(demo.tasksOnFargateSpot));
  await page.getByTestId('fit-view').click();
  await expect.poll(() => nodesOffScreen(page)).toBe(0);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png') });

  // A closer look for the README: the unhealthy task selected, its service's tasks at a readable zoom.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.getByTestId('fit-view').click();
  const service = page.locator('[data-testid="node"][data-kind="service"]', { hasText: 'web-frontend' });
  const box = await service.boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x + box!.width * 2.2, box!.y + box!.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
  const unhealthy = page.locator('[data-kind="task"][data-status="unhealthy"]');
  await unhealthy.click();
  await expect(page.getByTestId('details-panel')).toContainText('UNHEALTHY');
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-details.png') });
});
