/**
 * In-app export in web mode, as a user does it: Export → PNG in the toolbar
 * (a download), decoded back into pixels; SVG through Ctrl/Cmd+Shift+E. The
 * expected size comes from the same pipeline run here in Node on the same
 * input: the whole drawing of the view, never the part on screen.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { initialView } from '../shared/graph/view';
import { ingest } from '../shared/ingest/index';
import type { Topology } from '../shared/model/types';
import { exportSvg } from '../shared/render/export-svg';
import { exportFileName } from '../shared/render/caption';
import { rasterSize } from '../shared/render/raster-limits';
import { OVERLAY_STYLES } from '../shared/theme/theme';
import { parseSvgStrict } from '../shared/render/testing/parse-svg';
import { jsonFiles, ROOT } from './inspect';
import { generateAccountOfSize } from '../shared/synth/generate-account';
import { SHARE_WEIGHT } from '../shared/render/raster-plan';

const DEMO = path.join(ROOT, 'renderer/demo/demo-snapshot.json');
const demo = ingest([{ name: 'demo-snapshot.json', text: readFileSync(DEMO, 'utf8') }]);

/** Environment values of the demo's task definitions and overrides that could not turn up by chance (short ones like "info" could). */
function distinctiveEnvValues(file: string): string[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    taskDefinitions?: { containerDefinitions?: { environment?: { value?: string }[] }[] }[];
    tasks?: { overrides?: { containerOverrides?: { environment?: { value?: string }[] }[] } }[];
  };
  const values = [
    ...(raw.taskDefinitions ?? []).flatMap((td) => (td.containerDefinitions ?? []).flatMap((c) => c.environment ?? [])),
    ...(raw.tasks ?? []).flatMap((t) => (t.overrides?.containerOverrides ?? []).flatMap((c) => c.environment ?? [])),
  ].map((e) => e.value ?? '');
  return [...new Set(values.filter((v) => v.length >= 12))];
}

async function saved(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Opaque pixels within 2 of `hex` per channel (the browser's rasteriser may round by one). */
function countColour(png: PNG, hex: string): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (
      Math.abs(png.data[i] - r) <= 2 &&
      Math.abs(png.data[i + 1] - g) <= 2 &&
      Math.abs(png.data[i + 2] - b) <= 2 &&
      png.data[i + 3] === 255
    )
      n++;
  }
  return n;
}

function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (png.data[i] < 250 || png.data[i + 1] < 250 || png.data[i + 2] < 250) ink++;
  return ink / (png.width * png.height);
}

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-demo').click();
  await expect(page.locator('[data-testid="node"][data-kind="cluster"]')).toHaveCount(
    demo.clusters.filter((c) => !c.placeholder).length,
  );
}

/** Names of the described clusters, services and containers drawn on the canvas. */
async function visibleNames(page: Page, topology: Topology): Promise<string[]> {
  const ids = await page
    .locator('[data-testid="node"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  const names = new Map<string, string>();
  for (const c of topology.clusters) names.set(c.id, c.name);
  for (const s of topology.services) names.set(s.id, s.name);
  for (const t of topology.tasks) for (const c of t.containers) names.set(c.id, c.name);
  return ids.flatMap((id) => (names.has(id) ? [names.get(id) ?? ''] : []));
}

test('Export → PNG at 2× downloads the whole diagram: the drawing’s size × 2, not blank, EC2 orange and Fargate purple', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByTestId('export-button').click();
  await page.getByLabel('Scale').selectOption('2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  expect(download.suggestedFilename()).toBe(exportFileName(demo, 'png'));
  const png = PNG.sync.read(await saved(download));

  const drawing = exportSvg(demo, initialView(demo));
  const expected = rasterSize(drawing.width, drawing.height, 2);
  expect(expected.reduced).toBe(false);
  expect([png.width, png.height]).toEqual([drawing.width * 2, drawing.height * 2]);
  // Larger than the canvas on screen: not a screenshot of the viewport.
  const canvas = await page.getByTestId('canvas').boundingBox();
  expect(png.width * png.height).toBeGreaterThan(4 * (canvas?.width ?? 0) * (canvas?.height ?? 0));

  expect(inkShare(png)).toBeGreaterThan(0.1);
  expect(countColour(png, OVERLAY_STYLES.EC2.accent)).toBeGreaterThan(800);
  expect(countColour(png, OVERLAY_STYLES.FARGATE.accent)).toBeGreaterThan(800);
  await expect(page.getByTestId('notice')).toContainText(`${png.width} × ${png.height} px`);
});

test('Ctrl+Shift+E downloads an SVG with every drawn node and its name, and no environment value', async ({ page }) => {
  await openDemo(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+Shift+E')]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const svg = (await saved(download)).toString('utf8');
  const ids = await page
    .locator('[data-testid="node"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  expect(ids.length).toBeGreaterThan(50);
  expect(svg.match(/<g class="node /g)?.length).toBe(ids.length);
  for (const id of ids) expect(svg).toContain(`data-id="${id.replace(/&/g, '&amp;')}"`);
  const names = await visibleNames(page, demo);
  expect(names.length).toBeGreaterThan(20);
  for (const name of names) expect(svg).toContain(`>${name}<`);
  const secrets = distinctiveEnvValues(DEMO);
  expect(secrets).toContain('demo-not-a-real-secret-7f3a');
  for (const secret of secrets) expect(svg).not.toContain(secret);
});

test('the prod fixtures export as SVG without their environment values, also with a node collapsed', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(jsonFiles('fixtures/ingest/prod'));
  await expect(page.locator('[data-testid="node"][data-kind="task"]').first()).toBeVisible();
  const before = await page.locator('[data-testid="node"]').count();
  await page.locator('[data-testid="node"][data-kind="service"] [data-testid="collapse-toggle"]').first().click();
  await expect.poll(() => page.locator('[data-testid="node"]').count()).toBeLessThan(before);
  const drawn = await page.locator('[data-testid="node"]').count();
  await page.getByTestId('export-button').click();
  await page.getByLabel('SVG').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  const svg = (await saved(download)).toString('utf8');
  // The view as it is: the collapsed service's tasks are not in the file either.
  expect(svg.match(/<g class="node /g)?.length).toBe(drawn);
  for (const secret of ['td-secret-value-4242', 'override-secret-value-7731']) expect(svg).not.toContain(secret);
});

test('Placement → Export PNG draws (issue #14 point 1: the SVG had font-weight twice and the browser refused it)', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByTestId('view-placement').click();
  await expect(page.locator('[data-testid="node"][data-kind="host"]').first()).toBeVisible();
  // The Fargate · AZ cards, whose bold title carried the second font-weight.
  await expect(
    page.locator('[data-testid="node"][data-kind="host"]').filter({ hasText: 'Fargate' }).first(),
  ).toBeVisible();
  await page.getByTestId('export-button').click();
  await page.getByLabel('Scale').selectOption('1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  const png = PNG.sync.read(await saved(download));
  const canvas = await page.getByTestId('canvas').boundingBox();
  expect(png.width * png.height).toBeGreaterThan((canvas?.width ?? 0) * (canvas?.height ?? 0));
  expect(inkShare(png)).toBeGreaterThan(0.1);
  expect(countColour(png, OVERLAY_STYLES.FARGATE.accent)).toBeGreaterThan(200);
  await expect(page.getByTestId('notice')).toContainText(`${png.width} × ${png.height} px`);
  // And as SVG: well-formed for a strict XML parser.
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+Shift+E')]);
  const root = parseSvgStrict((await saved(svgDownload)).toString('utf8'));
  expect(root.children.length).toBeGreaterThan(3);
});

test('a PNG drawn in shares makes the same picture as its SVG drawn whole (1,000-node account, transparent)', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('account-1000.json');
  writeFileSync(file, JSON.stringify(generateAccountOfSize(1000)));
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-layout', 'ready');
  await expect(page.getByTestId('arriving')).toHaveCount(0);
  await page.getByTestId('export-button').click();
  await page.getByLabel('Scale').selectOption('1');
  await page.getByLabel('Background').selectOption('transparent');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  const png = PNG.sync.read(await saved(download));
  // The same drawing as SVG (the popover keeps its choices), drawn by the browser in one piece.
  await page.getByTestId('export-button').click();
  await page.getByLabel('SVG').check();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  const svg = (await saved(svgDownload)).toString('utf8');
  // Enough boxes and text that the PNG took many shares: its composition is what this test checks.
  const weight = (svg.match(/<g class="node /g)?.length ?? 0) + (svg.match(/<text/g)?.length ?? 0);
  expect(weight).toBeGreaterThan(10 * SHARE_WEIGHT);
  // (A string: this project's e2e code has no DOM types.)
  const whole = PNG.sync.read(
    Buffer.from(
      (await page.evaluate(`(async () => {
        const img = new Image();
        await new Promise((resolve, reject) => {
          img.onload = resolve;
          img.onerror = reject;
          img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(${JSON.stringify(svg)});
        });
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.width, img.height];
        canvas.getContext('2d').drawImage(img, 0, 0);
        return canvas.toDataURL('image/png').split(',')[1];
      })()`)) as string,
      'base64',
    ),
  );
  expect([png.width, png.height]).toEqual([whole.width, whole.height]);
  let unlike = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const d = Math.max(...[0, 1, 2, 3].map((k) => Math.abs(png.data[i + k] - whole.data[i + k])));
    if (d > 64) unlike += 1;
  }
  // Anti-aliasing may differ where two shares meet; a missing or misplaced share would differ by far more.
  expect(unlike / (png.width * png.height)).toBeLessThan(0.001);
  expect(inkShare(png)).toBeGreaterThan(0.05);
});
