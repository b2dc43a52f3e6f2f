/**
 * A big account in web mode (the parts path): the ingest worker answers with
 * the layout and the topology without its big lists, and sends services,
 * task definitions, hosts, target groups and tasks in parts once the page
 * has drawn. What a user sees: the diagram at once, then every object there
 * to search, count and open, as if it had come in one piece.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingest } from '../shared/ingest/index';
import { taskOverlay } from '../shared/model/task-overlay';
import { generateAccountOfSize } from '../shared/synth/generate-account';
import { ROOT } from './inspect';

const dir = mkdtempSync(path.join(tmpdir(), 'ecs-visualizer-big-'));
const file = path.join(dir, 'account-8000.json');
const text = JSON.stringify(generateAccountOfSize(8000, 3));
const topology = ingest([{ name: 'account-8000.json', text }]);
const second = path.join(dir, 'account-2500.json');

test.beforeAll(() => {
  writeFileSync(file, text);
  writeFileSync(second, JSON.stringify(generateAccountOfSize(2500, 5)));
  // The load must be one the worker sends in parts, or this test proves nothing about them: more than twice
  // renderer/desktop/split-parts.ts's PART_WEIGHT (1,500 objects and the containers they hold).
  expect(topology.tasks.reduce((n, t) => n + 1 + t.containers.length, 0)).toBeGreaterThan(2 * 1500);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the big account and waits until every part has arrived. */
async function openWhole(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-layout', 'ready');
  await expect(page.getByTestId('arriving')).toHaveCount(0);
}

test('a load sent in parts draws, then has every task: search finds one and its details open', async ({ page }) => {
  // What the canvas held when the overview was first painted: the worker's preview, or the layout itself.
  // (A string: this project's e2e code has no DOM types.)
  await page.addInitScript(`
    new MutationObserver(() => {
      if (!window.firstPaintFrom && document.querySelector('[data-testid="overview-layer"][data-painted]'))
        window.firstPaintFrom = document.querySelector('[data-testid="canvas"]')?.getAttribute('data-layout') ?? 'none';
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-painted'] });
  `);
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.locator('[data-testid="overview-layer"], .react-flow__node').first()).toBeVisible();
  // The first frame is drawn from the preview (size, legend, paint) before the layout's thousands of nodes
  // arrive; the layout follows without being asked for by the user.
  expect(await page.evaluate('window.firstPaintFrom')).toBe('preview');
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-layout', 'ready');
  // A big diagram has no dotted grid: it is repainted on every pan frame (halved the pan frame rate at zoom 1).
  await expect(page.locator('.react-flow__background')).toHaveCount(0);
  // The parts have all arrived: the toolbar's "receiving N more objects…" is gone.
  await expect(page.getByTestId('source-label')).toContainText('account-8000.json');
  await expect(page.getByTestId('arriving')).toHaveCount(0);

  // Legend counts are over the whole load: every task is on the page.
  const byOverlay = new Map<string, number>();
  for (const t of topology.tasks)
    if (!t.placeholder) byOverlay.set(taskOverlay(t), (byOverlay.get(taskOverlay(t)) ?? 0) + 1);
  for (const [overlay, n] of byOverlay) await expect(page.getByTestId(`legend-count-${overlay}`)).toHaveText(String(n));

  // The last task of the load (from the last part): search finds it, Enter opens the service that hides it and selects it.
  const last = topology.tasks[topology.tasks.length - 1];
  await page.getByTestId('search').fill(last.shortId);
  await expect(page.getByTestId('search-count')).toHaveText('1 match');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('details-arn')).toHaveText(last.arn!);
  await expect(page.locator(`[data-testid="node"][data-id="${last.id}"]`)).toBeVisible();
});

test('Fit shows the whole drawing, even in a pane the Findings panel leaves short', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 650 });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  await expect(page.getByTestId('arriving')).toHaveCount(0);
  // This account has errors: the Findings panel opens under the canvas once they arrive.
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await page.getByTestId('fit-view').click();
  // Where the whole drawing lands on screen (transform and pane as the browser has them), once the glide is over.
  const framed = () =>
    page.evaluate(() => {
      type El = { getAttribute(n: string): string | null; getBoundingClientRect(): { width: number; height: number } };
      const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null } }).document;
      const [w, h] = (doc.querySelector('[data-testid="canvas"]')?.getAttribute('data-drawing') ?? '0x0')
        .split('x')
        .map(Number);
      const t = doc.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
      const [x, y] = (/translate\(([-\d.e]+)px, ?([-\d.e]+)px\)/.exec(t) ?? []).slice(1).map(Number);
      const zoom = Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? NaN);
      const pane = doc.querySelector('.react-flow')!.getBoundingClientRect();
      return { w, h, x, y, right: x + w * zoom, bottom: y + h * zoom, zoom, width: pane.width, height: pane.height };
    });
  let last = await framed();
  await expect
    .poll(async () => {
      const now = await framed();
      const settled = now.zoom === last.zoom && now.x === last.x && now.y === last.y;
      last = now;
      return settled;
    })
    .toBe(true);
  // The drawing Fit frames: taller than the pane at any zoom above 0.03.
  expect(last.h * 0.03).toBeGreaterThan(last.height);
  // Short enough that the fit is past the canvas's usual floor (0.03), where it used to stop and cut the drawing.
  expect(last.zoom).toBeLessThan(0.03);
  expect(last.x).toBeGreaterThanOrEqual(-2);
  // Room above the top row for the cluster names the overview paints over their boxes.
  expect(last.y).toBeGreaterThanOrEqual(14);
  expect(last.right).toBeLessThanOrEqual(last.width + 2);
  expect(last.bottom).toBeLessThanOrEqual(last.height + 2);
  // Zooming out from there stays there: the canvas lets the zoom go as far out as the fit (a floor of 0.03
  // made the wheel jump in to 0.03).
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(400);
  expect((await framed()).zoom).toBeLessThanOrEqual(last.zoom + 1e-9);
});

test("a second load opens at its own fit from its first frame, not gliding from the last load's view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1100, height: 650 });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(file);
  await expect(page.getByTestId('arriving')).toHaveCount(0);
  // The Findings panel under the canvas: the next load starts without it, so the pane changes size as it opens.
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-drawing', /^\d+x\d+$/);
  const first = await page.getByTestId('canvas').getAttribute('data-drawing');
  // Every frame from here: the zoom, the drawing's size, and whether the canvas shows it (painted or cards).
  await page.evaluate(`(() => {
    window.frames_ = [];
    const tick = () => {
      const t = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
      const zoom = Number(/scale\\(([\\d.e-]+)\\)/.exec(t)?.[1] ?? NaN);
      const drawn = !!document.querySelector('[data-testid="overview-layer"][data-painted], .react-flow__node');
      window.frames_.push([zoom, document.querySelector('[data-testid="canvas"]')?.getAttribute('data-drawing') ?? '', drawn]);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const before = (await page.evaluate('window.frames_.at(-1)')) as [number, string, boolean];
  await page.getByTestId('open-files').setInputFiles(second);
  await expect(page.getByTestId('source-label')).toContainText('account-2500.json');
  await expect(page.getByTestId('arriving')).toHaveCount(0);
  const frames = (await page.evaluate('window.frames_')) as [number, string, boolean][];
  const at = frames.findIndex(([, drawing, drawn]) => drawn && drawing !== first && drawing !== '');
  expect(at).toBeGreaterThan(0);
  const [zoom] = frames[at];
  // A smaller account: its fit is well in from the last one's.
  expect(zoom).toBeGreaterThan(before[0] * 1.3);
  // And it is there from the first frame that shows it: a glide from the last load's view took it from there
  // over ~20 frames. (Within 2%: the toolbar settling around the new load may move the pane a few pixels.)
  for (const [z] of frames.slice(at, at + 6)) expect(Math.abs(z - zoom) / zoom).toBeLessThan(0.02);
});

test('far out, a search dims the rest of the painted diagram and rings its hits; saved as docs/screenshot-find-far-out.png', async ({
  page,
}) => {
  await openWhole(page);
  // Pixels of the overview canvas: ringed amber (the cards' search-hit colour), and near-white (veiled or empty).
  const pixels = async () => {
    await page.waitForTimeout(400);
    return page.evaluate(`(() => {
      const c = document.querySelector('[data-testid="overview-layer"]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let amber = 0, pale = 0, painted = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] < 200) continue;
        painted++;
        if (d[i] > 230 && d[i + 1] > 140 && d[i + 1] < 175 && d[i + 2] < 40) amber++;
        if (d[i] > 235 && d[i + 1] > 235 && d[i + 2] > 235) pale++;
      }
      return { amber, pale, painted };
    })()`) as Promise<{ amber: number; pale: number; painted: number }>;
  };
  await expect(page.getByTestId('overview-layer')).toHaveAttribute('data-painted', 'true');
  const before = await pixels();
  expect(before.amber).toBe(0);
  const service = topology.services.find((s) => !s.placeholder)!;
  await page.getByTestId('search').fill(service.name);
  await expect(page.getByTestId('search-count')).toContainText('match');
  const searching = await pixels();
  expect(searching.amber).toBeGreaterThan(40);
  // Most boxes are not hits: veiled, the drawing turns paler.
  expect(searching.pale / searching.painted).toBeGreaterThan(before.pale / before.painted + 0.1);
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-find-far-out.png') });
  await page.getByTestId('search').fill('');
  const after = await pixels();
  expect(after.amber).toBe(0);
});

test('far out, a pan with a search on moves the painted picture pixel for pixel (copied, not drawn again)', async ({
  page,
}) => {
  // A pan at fit with a one-letter search was a full draw a frame (21-23 fps at 100k): the layer now keeps a
  // picture of the whole drawing at that zoom and copies it. It must land where a straight draw would.
  await openWhole(page);
  await page.getByTestId('search').fill('a');
  await expect(page.getByTestId('search-count')).toContainText('match');
  await page.waitForTimeout(600);
  const viewport = page.locator('.react-flow__viewport');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // The part of the canvas on the pane (it only grows, and the box around it clips the rest), kept in the page.
  const keep = (name: string) =>
    page.evaluate(`(() => {
      const c = document.querySelector('[data-testid="overview-layer"]');
      const r = window.devicePixelRatio || 1;
      window.${name} = c.getContext('2d').getImageData(0, 0, ${Math.floor(pane.width)} * r, ${Math.floor(pane.height)} * r).data;
    })()`);
  const start = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const layer = page.getByTestId('overview-layer');
  // The picture is made once the page has been idle a while after the search's draw.
  await expect(layer).toHaveAttribute('data-picture', 'ready');
  const before = await viewport.getAttribute('style');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 13, start.y + i * 7);
  await page.mouse.up();
  await expect(viewport).not.toHaveAttribute('style', before ?? '');
  await page.waitForTimeout(300);
  const panned = await viewport.getAttribute('style');
  await expect(layer).toHaveAttribute('data-frame', 'copied');
  await keep('__copied');
  // The same viewport drawn straight: a wheel step in and one out around one point come back to it exactly.
  await page.mouse.move(start.x - 200, start.y);
  await page.mouse.wheel(0, -100);
  await page.waitForTimeout(400);
  await page.mouse.wheel(0, 100);
  await page.waitForTimeout(400);
  await expect(viewport).toHaveAttribute('style', panned ?? '');
  await expect(layer).toHaveAttribute('data-frame', 'drawn');
  await keep('__drawn');
  // What the user sees: the canvas over the pane's background (#f6f7f9), which the veil is made of.
  const { differing, painted, same } = (await page.evaluate(`(() => {
    const a = window.__copied, b = window.__drawn, bg = [246, 247, 249];
    let differing = 0, painted = 0;
    for (let i = 0; i < b.length; i += 4) {
      if (a[i + 3] > 0 || b[i + 3] > 0) painted++;
      for (let k = 0; k < 3; k++) {
        const seenA = (a[i + k] * a[i + 3] + bg[k] * (255 - a[i + 3])) / 255;
        const seenB = (b[i + k] * b[i + 3] + bg[k] * (255 - b[i + 3])) / 255;
        if (Math.abs(seenA - seenB) > 24) { differing++; break; }
      }
    }
    return { differing, painted, same: a.length === b.length };
  })()`)) as { differing: number; painted: number; same: boolean };
  expect(same).toBe(true);
  expect(painted).toBeGreaterThan(10_000);
  expect(differing / painted).toBeLessThan(0.001);
});
