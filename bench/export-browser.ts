/**
 * In-app PNG export benchmark, web mode in Debian's Chromium: synthetic accounts opened through the file input,
 * then Export → PNG at 1× as a user does it, measured the way a user feels it: time from the click to the
 * download, the page's longest task meanwhile and how many were over 100 ms (the app not answering), and what
 * the notice said along the way. Prints the figures; asserts nothing (they go in docs/BENCHMARKS.md).
 *
 * Run: `npm run bench:export-browser` (`-- --nodes 5000,20000,100000 --no-build`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { generateAccountOfSize } from '../shared/synth/generate-account';
import { buildWeb, serveWeb } from './web-build';

// The page callbacks below run in Chromium; the node project has no DOM lib, so the one page global they touch is declared here.
declare const window: object;

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '5000,20000,100000' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(tmpdir(), 'ecs-visualizer-bench-web') },
  },
});
const webDir = values.out;
const work = mkdtempSync(path.join(tmpdir(), 'ecs-visualizer-bench-export-'));

buildWeb(webDir, values['no-build']);
const server = await serveWeb(webDir);
const base = server.base;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

/** Long tasks (buffered), installed before the app. */
const PROBE = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

try {
  console.log(`Chromium ${browser.version()}, 1600×1000, --disable-gpu; Export → PNG at 1×\n`);
  for (const nodes of values.nodes.split(',').map(Number)) {
    const file = path.join(work, `account-${nodes}.json`);
    writeFileSync(file, JSON.stringify(generateAccountOfSize(nodes)));
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    await page.addInitScript(PROBE);
    page.on('console', (m) => {
      if (m.text().startsWith('SUM')) console.log(m.text());
    });
    await page.goto(base);
    await page.getByTestId('open-files').setInputFiles(file);
    await page.waitForSelector('[data-testid="canvas"][data-layout="ready"]', { timeout: 300_000 });
    await page.waitForSelector('[data-testid="arriving"]', { state: 'detached', timeout: 300_000 });
    // The findings and the rest of the open settle first: only the export's tasks are counted.
    await page.waitForTimeout(3000);
    const from = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: unknown[] };
      w.__longTasks = [];
      return performance.now();
    });
    await page.getByTestId('export-button').click();
    await page.getByLabel('Scale').selectOption('1');
    const notices: string[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const text = await page
          .getByTestId('notice')
          .textContent({ timeout: 100 })
          .catch(() => null);
        if (text && notices.at(-1) !== text) notices.push(text.replace(/×$/, ''));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const start = await page.evaluate(() => performance.now());
    // (Task times below are from `from`, taken just before the popover opened.)
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 900_000 }),
      page.getByTestId('export-run').click(),
    ]);
    const end = await page.evaluate(() => performance.now());
    watching = false;
    await watch;
    const tasks = await page.evaluate(
      (from) =>
        (window as unknown as { __longTasks: [number, number][] }).__longTasks
          .filter(([s, d]) => s + d >= from)
          .map(([s, d]) => [Math.round(s - from), Math.round(d)]),
      from,
    );
    const saved = path.join(work, 'out.png');
    await download.saveAs(saved);
    const png = PNG.sync.read(readFileSync(saved));
    const drawn = notices.find((n) => /^Drawing the PNG of/.test(n))?.match(/of ([\d,]+) boxes/)?.[1] ?? '?';
    console.log(
      `${nodes.toLocaleString('en')} nodes (${drawn} boxes): PNG ${png.width}×${png.height} px in ${((end - start) / 1000).toFixed(1)} s; ` +
        `longest task ${Math.max(0, ...tasks.map(([, d]) => d))} ms (tasks under 50 ms are not reported), ` +
        `tasks over 100 ms: ${tasks.filter(([, d]) => d > 100).length}` +
        tasks
          .filter(([, d]) => d > 100)
          .map(([at, d]) => ` (${d} ms at ${(at / 1000).toFixed(1)} s)`)
          .join(''),
    );
    console.log(
      `  notices: ${[notices[0], notices[Math.floor(notices.length / 2)], notices.at(-1)].filter(Boolean).join(' | ')}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
