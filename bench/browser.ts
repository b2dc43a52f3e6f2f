/**
 * Browser benchmark of web mode in Debian's Chromium: a synthetic account of
 * 20,000 nodes opened through the file input, then measured the way a user
 * feels it: time from file selected to the first interactive frame, main-
 * thread long tasks (over 100 ms) while it opens, pan frame rate at
 * fit-to-screen and at zoom 1, the longest task of each keystroke typing
 * in Find, and the page's JS heap. A second run loads a
 * ~100 MB describe-tasks file and reports the longest main-thread stall.
 * Prints the figures; asserts nothing (they go in docs/BENCHMARKS.md). With
 * `--json`, also one JSON line of medians (issue #20's keys), with the time the
 * same page takes to `JSON.parse` the file's text (measured in a fresh page
 * each run: the floor of any design that reads JSON) and the ratios to it.
 *
 * With `--desktop`, the page opens the file as the desktop app does (no Electron binary here): a stand-in
 * preload whose `loadFiles` gets the file's bytes from a worker, as main's `files:load` reply would (one
 * copy, deserialised on the page), and the page's desktop DesktopApi hands them to its ingest worker.
 *
 * Run: `npm run bench:browser` (`-- --nodes 20000 --runs 5 --big-mb 100 --no-build --json --desktop`).
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { generateAccount, generateAccountOfSize } from '../shared/synth/generate-account';
import { buildWeb, serveWeb } from './web-build';

// The page callbacks below run in Chromium. The node project has no DOM lib (adding it would leak into all
// of main/), so the few page globals they touch are declared here, in this module only.
declare const window: object;
declare const document: {
  querySelector(selector: string): { style: { transform: string }; getAttribute(name: string): string | null } | null;
};

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '20000' },
    'big-mb': { type: 'string', default: '100' },
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(tmpdir(), 'ecs-visualizer-bench-web') },
    json: { type: 'boolean', default: false },
    desktop: { type: 'boolean', default: false },
  },
});
const webDir = values.out;
const work = mkdtempSync(path.join(tmpdir(), 'ecs-visualizer-bench-browser-'));

buildWeb(webDir, values['no-build']);
// The account file, served to a fresh page that parses it (the parse floor of --json).
let benchFile = '';
const server = await serveWeb(webDir, (pathname, res) => {
  if (pathname === '/__bench/main-read.js') {
    // --desktop: stands in for main, which reads the file and answers `files:load` with its text.
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(MAIN_READ);
    return true;
  }
  if (pathname !== '/__bench/account.json' || !benchFile) return false;
  res.writeHead(200, { 'content-type': 'application/json' });
  createReadStream(benchFile).pipe(res);
  return true;
});
const base = server.base;

/** The stand-in for main's read (a worker: the bytes reach the page as one message, as an IPC reply does). */
// Posted, not transferred: an IPC reply is one copy the page deserialises.
const MAIN_READ = `onmessage = async () => postMessage(await (await fetch('/__bench/account.json')).arrayBuffer());`;

/**
 * --desktop: the desktop preload's DesktopBridge, with the file's bytes from MAIN_READ as `loadFiles`' answer
 * (OpenedSources); everything else does nothing. The page then takes its desktop path (pick-api.ts).
 */
const DESKTOP_STAND_IN = `
  (() => {
    const none = () => () => undefined;
    const nothing = async () => null;
    window.desktopApi = {
      platform: 'electron',
      loadFiles: (files) => new Promise((resolve) => {
        const main = new Worker('/__bench/main-read.js');
        main.onmessage = (e) => { main.terminate(); resolve({ sources: [{ name: files[0].name, bytes: new Uint8Array(e.data) }], diagnostics: [] }); };
        main.postMessage(null);
      }),
      openDialog: nothing, loadDemo: nothing, onFiles: none, saveFile: nothing, openExternal: nothing,
      onMenuCommand: none, setMenuUnavailable: nothing, reportError: nothing, listAwsProfiles: async () => [],
      fetchAws: nothing, cancelAwsFetch: nothing, saveAwsSnapshot: nothing, onAwsProgress: none,
      onAwsMfaRequest: none, answerAwsMfa: nothing, listKeptFetches: nothing, readKeptFetches: nothing,
    };
  })();
`;

/** Installed before the app: long tasks (buffered) and the moment a file input changes. */
const PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', (e) => { if (e.target && e.target.type === 'file') window.__selected = performance.now(); }, true);
`;

interface Probe {
  __longTasks: { start: number; duration: number }[];
  __selected?: number;
  __ready?: number;
  __laidOut?: number;
  __complete?: number;
}

/**
 * Waits, checking every frame, until `selector` matches something (`present`) or nothing, and keeps the
 * moment it first did as `window[key]`.
 */
async function stampWhen(page: Page, key: '__ready' | '__laidOut', selector: string, present: boolean): Promise<void> {
  await page.waitForFunction(
    ([k, sel, want]) => {
      const w = window as unknown as Record<string, number | undefined>;
      const done = Boolean(document.querySelector(sel)) === want;
      if (done) w[k] ??= performance.now();
      return done;
    },
    [key, selector, present] as const,
    { polling: 'raf', timeout: 120_000 },
  );
}

/**
 * Stamps `__complete` at the first frame without the toolbar's "receiving N more objects…" once it has shown;
 * for a load with no parts (it never shows), once the layout is on the page: its objects came with the answer.
 */
async function stampComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as Record<string, number | boolean | undefined>;
      const showing = Boolean(document.querySelector('[data-testid="arriving"]'));
      if (showing) w.__sawArriving = true;
      const done = !showing && (w.__sawArriving === true || w.__laidOut !== undefined);
      if (done) w.__complete ??= performance.now();
      return done;
    },
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
}

/** Starts counting frames and the longest time between two (read by `stopFrames`). */
async function startFrames(page: Page): Promise<number> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__gapMax = 0;
    window.__counting = true;
    // A count started right after one stopped must not count that one's last frame loop too.
    const generation = (window.__generation = (window.__generation || 0) + 1);
    let last = performance.now();
    const tick = (t) => {
      if (!window.__counting || window.__generation !== generation) return;
      window.__frames++;
      window.__gapMax = Math.max(window.__gapMax, t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return page.evaluate(() => performance.now());
}

/** Stops the count `startFrames` began: frames per second since `start`, and the longest frame in ms. */
async function stopFrames(page: Page, start: number): Promise<{ fps: number; longestFrameMs: number }> {
  const [frames, gap, end] = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __gapMax: number; __counting: boolean };
    w.__counting = false;
    return [w.__frames, w.__gapMax, performance.now()] as const;
  });
  return { fps: (frames / (end - start)) * 1000, longestFrameMs: gap };
}

/** Frames per second (and the longest frame) while the mouse drags the pane `distance` px over `steps` moves. */
async function panFps(page: Page, distance = 600, steps = 90): Promise<{ fps: number; longestFrameMs: number }> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const start = await startFrames(page);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(
      cx + Math.sin((i / steps) * Math.PI * 2) * distance * 0.5,
      cy + Math.cos((i / steps) * Math.PI * 2) * distance * 0.25,
      { steps: 1 },
    );
  await page.mouse.up();
  return stopFrames(page, start);
}

/** Keys typed into Find, one a second: a query letter by letter, then deleted. */
const FIND_KEYS = ['o', 'r', 'd', 'Backspace', 'Backspace', 'Backspace'];

/** The longest main-thread task each keystroke of FIND_KEYS brings (0: none over 50 ms). */
async function findTyping(page: Page): Promise<number[]> {
  const longest: number[] = [];
  for (const key of FIND_KEYS) {
    const from = await page.evaluate(() => performance.now());
    await page.getByTestId('search').press(key);
    await page.waitForTimeout(1000);
    longest.push(
      await page.evaluate((t) => {
        const tasks = (window as unknown as Probe).__longTasks.filter((x) => x.start + x.duration >= t);
        return Math.round(Math.max(0, ...tasks.map((x) => x.duration)));
      }, from),
    );
  }
  return longest;
}

/**
 * Switches the view (Placement, then back to Hierarchy) and measures each switch: time to the new layout drawn,
 * and the longest main-thread task from the click to `settleMs` later (the idle warm-ups the new layout starts
 * included), with how many were over 100 ms.
 */
async function switchViews(
  page: Page,
  settleMs = 6000,
): Promise<{ view: string; ms: number; longest: number; over100: number[] }[]> {
  const out: { view: string; ms: number; longest: number; over100: number[] }[] = [];
  const canvas = page.getByTestId('canvas');
  for (const view of ['placement', 'hierarchy']) {
    // The view's own drawing has another size (data-drawing, width × height): its layout has landed when it shows.
    const before = await canvas.getAttribute('data-drawing');
    const from = await page.evaluate(() => performance.now());
    await page.getByTestId(`view-${view}`).click();
    await page.waitForFunction(
      (was) => document.querySelector('[data-testid="canvas"]')?.getAttribute('data-drawing') !== was,
      before,
      { polling: 'raf', timeout: 60_000 },
    );
    const ms = (await page.evaluate(() => performance.now())) - from;
    await page.waitForTimeout(settleMs);
    const tasks = await page.evaluate(
      (t) => (window as unknown as Probe).__longTasks.filter((x) => x.start + x.duration >= t).map((x) => x.duration),
      from,
    );
    out.push({
      view,
      ms: Math.round(ms),
      longest: Math.round(Math.max(0, ...tasks)),
      over100: tasks.filter((d) => d > 100).map((d) => Math.round(d)),
    });
  }
  return out;
}

async function zoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    return Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? 1);
  });
}

/** Zooms with the wheel at the pane's centre until the zoom is about `target`. */
async function zoomTo(page: Page, target: number): Promise<number> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 30; i++) {
    const z = await zoom(page);
    if (Math.abs(Math.log(z / target)) < 0.08) break;
    // d3-zoom scales by 2^(−deltaY × 0.002) per wheel event.
    await page.mouse.wheel(0, Math.max(-500, Math.min(500, -Math.log2(target / z) / 0.002)));
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(400);
  return zoom(page);
}

/**
 * The used JS heap of the page's workers (the ingest worker holds the load's raw JSON and layout), in MB,
 * through a DevTools session of the page; null when none answers.
 */
async function workerHeapMB(page: Page): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  const replies = new Map<string, (used: number) => void>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id === 1) replies.get(e.sessionId)?.(message.result?.usedSize ?? 0);
  });
  try {
    // Attaches to the workers already running too (their attachedToTarget events come before this returns).
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    let total = 0;
    for (const sessionId of sessions) {
      const used = new Promise<number>((resolve) => replies.set(sessionId, resolve));
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
      });
      total += await Promise.race([used, new Promise<number>((resolve) => setTimeout(() => resolve(0), 5000))]);
    }
    return sessions.length > 0 ? total / 1e6 : null;
  } finally {
    await cdp.detach();
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
  ],
});
try {
  const nodes = Number(values.nodes);
  const accountFile = path.join(work, `account-${nodes}.json`);
  writeFileSync(accountFile, JSON.stringify(generateAccountOfSize(nodes)));
  benchFile = accountFile;
  /** How long a fresh page takes to JSON.parse the account file's text (fetched first, not timed). */
  const parseOnce = async () => {
    const page = await browser.newPage();
    await page.goto(base);
    const ms = await page.evaluate(async () => {
      const text = await (await fetch('/__bench/account.json')).text();
      const start = performance.now();
      const parsed: unknown = JSON.parse(text);
      const end = performance.now();
      return parsed ? end - start : -1;
    });
    await page.close();
    return ms;
  };
  /** Opens the account in a fresh page and measures the open; the page stays open for the pan figures. */
  const openOnce = async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(PROBE);
    if (values.desktop) await page.addInitScript(DESKTOP_STAND_IN);
    await page.goto(base);
    await page.getByTestId('open-files').waitFor({ state: 'attached' });
    // A person picks a file a moment after the app shows; the app's start-up work (worker, canvas) is done by then.
    await page.waitForTimeout(1000);
    await page.getByTestId('open-files').setInputFiles(accountFile);
    // First interactive frame: the diagram is on screen (the overview canvas painted, or React Flow nodes mounted).
    await stampWhen(page, '__ready', '[data-testid="overview-layer"][data-painted], .react-flow__node', true);
    // Watched at once, each stamped at the first frame that shows it: watched one after the other, every object
    // (which comes first at 100k) was stamped only once the layout was on the page, ~400 ms late.
    await Promise.all([
      // The whole layout on the page (what zooming in and moving to a search hit need): a big load's first
      // frame is drawn from its preview (size, legend, overview paint), and the layout's nodes follow it.
      stampWhen(page, '__laidOut', '[data-testid="canvas"][data-layout="ready"]', true),
      // Every object on the page: a big load's parts follow its first frame (the toolbar's "receiving N more
      // objects…", shown from the answer until the last part).
      stampComplete(page),
    ]);
    await page.waitForTimeout(1500);
    const open = await page.evaluate(() => {
      const w = window as unknown as Probe;
      const from = w.__selected ?? 0;
      // From the task that dispatched the change event (it starts a little before the listener runs) to now.
      const tasks = w.__longTasks.filter((t) => t.start + t.duration >= from);
      return {
        ms: (w.__ready ?? 0) - from,
        laidOutMs: (w.__laidOut ?? 0) - from,
        completeMs: (w.__complete ?? 0) - from,
        longTasks: tasks.filter((t) => t.duration > 100).map((t) => Math.round(t.duration)),
        longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      };
    });
    return { page, open };
  };
  const runs = Math.max(1, Number(values.runs));
  const opens: Awaited<ReturnType<typeof openOnce>>['open'][] = [];
  const parses: number[] = [];
  let page: Page | null = null;
  for (let r = 0; r < runs; r++) {
    await page?.close();
    // Interleaved with the opens, so the ratio is of figures taken under the same load.
    if (values.json) parses.push(await parseOnce());
    const once = await openOnce();
    page = once.page;
    opens.push(once.open);
  }
  page = page!;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const list = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
  const open = {
    ms: median(opens.map((o) => o.ms)),
    laidOutMs: median(opens.map((o) => o.laidOutMs)),
    completeMs: median(opens.map((o) => o.completeMs)),
    longest: median(opens.map((o) => o.longest)),
  };
  const fitZoom = await zoom(page);
  const fpsFit = await panFps(page);
  // Zooming in from fit to 1 (wheel events at the pane's centre, as one gesture): its longest frame.
  const zoomStart = await startFrames(page);
  const z1 = await zoomTo(page, 1);
  const zoomGesture = await stopFrames(page, zoomStart);
  const mounted1 = await page.locator('.react-flow__node').count();
  const fpsZoom1 = await panFps(page);
  const zMid = await zoomTo(page, 0.3);
  const mountedMid = await page.locator('.react-flow__node').count();
  const fpsMid = await panFps(page);
  const heapMB = await page.evaluate(
    () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6,
  );
  const workersMB = values.json ? await workerHeapMB(page) : null;
  // Typing in Find once the load has settled (its idle warm-ups done), at the zoom the pans ended on.
  const find = await findTyping(page);
  await page.getByTestId('search').fill('');
  const switches = await switchViews(page);

  console.log(
    `Chromium ${browser.version()}, 1600×1000, --disable-gpu${values.desktop ? ', desktop path (stand-in preload)' : ''}; synthetic account of ${nodes.toLocaleString('en')} nodes (${(statSync(accountFile).size / 1e6).toFixed(1)} MB)\n`,
  );
  console.log(`${runs} open${runs > 1 ? 's, each in a fresh page; medians, then every run' : ''}`);
  console.log(`file selected → first interactive frame: ${Math.round(open.ms)} ms (${list(opens.map((o) => o.ms))})`);
  console.log(
    `file selected → the layout's nodes on the page (zoom in, go to a search hit): ${Math.round(open.laidOutMs)} ms (${list(opens.map((o) => o.laidOutMs))})`,
  );
  console.log(
    `file selected → every object on the page (search, details, filters complete): ${Math.round(open.completeMs)} ms (${list(opens.map((o) => o.completeMs))})`,
  );
  console.log(
    `longest main-thread task while opening: ${open.longest} ms (${list(opens.map((o) => o.longest))}); tasks over 100 ms: ${opens.map((o) => o.longTasks.length).join(', ')}`,
  );
  console.log(
    `pan at fit-to-screen (zoom ${fitZoom.toFixed(3)}, painted overview): ${fpsFit.fps.toFixed(0)} fps (longest frame ${Math.round(fpsFit.longestFrameMs)} ms)`,
  );
  console.log(
    `pan at zoom ${zMid.toFixed(2)} (painted overview below 0.4, ${mountedMid} nodes mounted): ${fpsMid.fps.toFixed(0)} fps (longest frame ${Math.round(fpsMid.longestFrameMs)} ms)`,
  );
  console.log(
    `pan at zoom ${z1.toFixed(2)} (full cards, ${mounted1} nodes mounted): ${fpsZoom1.fps.toFixed(0)} fps (longest frame ${Math.round(fpsZoom1.longestFrameMs)} ms)`,
  );
  console.log(
    `zoom from fit to ${z1.toFixed(2)} in one wheel gesture: longest frame ${Math.round(zoomGesture.longestFrameMs)} ms`,
  );
  console.log(
    `Find, typing "ord" and deleting it: longest task per keystroke ${find.map((ms, i) => `${FIND_KEYS[i] === 'Backspace' ? '⌫' : FIND_KEYS[i]} ${ms || '—'}`).join(', ')} ms (— none over 50 ms)`,
  );
  for (const sw of switches)
    console.log(
      `switch to the ${sw.view} view: drawn after ${sw.ms} ms; longest main-thread task in the 6 s after the click ${sw.longest} ms (over 100 ms: ${sw.over100.join(', ') || 'none'})`,
    );
  console.log(`JS heap of the page: ${heapMB.toFixed(0)} MB`);
  if (values.json) {
    const parseMs = median(parses);
    const ratio = (x: number) => Math.round((x / parseMs) * 100) / 100;
    console.log(`JSON.parse of the file's text in a fresh page: ${Math.round(parseMs)} ms (${list(parses)})`);
    console.log(
      JSON.stringify({
        nodes,
        fileMB: Math.round(statSync(accountFile).size / 1e5) / 10,
        runs,
        parseMs: Math.round(parseMs),
        firstFrameMs: Math.round(open.ms),
        allObjectsMs: Math.round(open.completeMs),
        firstFrameVsParse: ratio(open.ms),
        allObjectsVsParse: ratio(open.completeMs),
        longestTaskMs: open.longest,
        tasksOver100ms: Math.max(...opens.map((o) => o.longTasks.length)),
        panLongestFrameMs: Math.round(Math.max(fpsFit.longestFrameMs, fpsMid.longestFrameMs, fpsZoom1.longestFrameMs)),
        zoomGestureLongestFrameMs: Math.round(zoomGesture.longestFrameMs),
        fps: { fit: Math.round(fpsFit.fps), zoom03: Math.round(fpsMid.fps), zoom1: Math.round(fpsZoom1.fps) },
        findLongestTaskMs: Math.max(...find),
        viewSwitch: Object.fromEntries(
          switches.map((sw) => [sw.view, { ms: sw.ms, longestTaskMs: sw.longest, tasksOver100ms: sw.over100.length }]),
        ),
        heapMB: Math.round(heapMB),
        workerHeapMB: workersMB === null ? null : Math.round(workersMB),
      }),
    );
  }
  await page.close();

  const bigMb = Number(values['big-mb']);
  if (bigMb > 0) {
    // A describe-tasks file of about bigMb MB: one account's tasks, repeated with fresh ids until big enough.
    const tasks = (generateAccount({ services: 400, tasksPerService: [20, 30], containersPerTask: [2, 3], seed: 7 })
      .tasks ?? []) as Record<string, unknown>[];
    const bigFile = path.join(work, 'describe-tasks.json');
    const chunk = JSON.stringify(tasks).slice(1, -1);
    const copies = Math.max(1, Math.ceil((bigMb * 1e6) / chunk.length));
    const parts: string[] = [];
    for (let c = 0; c < copies; c++)
      parts.push(
        chunk.replace(
          /task\/([^"/]+)\/([0-9a-f]{32})/g,
          (_m, cl: string, id: string) => `task/${cl}/${id.slice(0, 26)}${c.toString(16).padStart(6, '0')}`,
        ),
      );
    writeFileSync(bigFile, `{"tasks":[${parts.join(',')}],"failures":[]}`);
    const big = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await big.addInitScript(PROBE);
    if (values.desktop) await big.addInitScript(DESKTOP_STAND_IN);
    benchFile = bigFile;
    await big.goto(base);
    // A frame-gap meter: the longest time the page went without drawing a frame while the file loads.
    await big.evaluate(`(() => {
      window.__gap = 0;
      let last = performance.now();
      const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    await big.getByTestId('open-files').setInputFiles(bigFile);
    await big.waitForFunction(
      () => document.querySelector('[data-testid="overview-layer"], .react-flow__node, [role="alert"]'),
      undefined,
      { polling: 500, timeout: 300_000 },
    );
    await big.waitForTimeout(1000);
    const r = await big.evaluate(() => {
      const w = window as unknown as Probe & { __gap: number };
      const tasks = w.__longTasks.filter((t) => t.start + t.duration >= (w.__selected ?? 0));
      return {
        gap: w.__gap,
        longest: Math.max(0, ...tasks.map((t) => t.duration)),
        over100: tasks.filter((t) => t.duration > 100).length,
        ms: performance.now() - (w.__selected ?? 0),
      };
    });
    console.log(
      `\n${(statSync(bigFile).size / 1e6).toFixed(0)} MB describe-tasks file: diagram after ${(r.ms / 1000 - 1).toFixed(1)} s; longest main-thread task ${Math.round(r.longest)} ms (${r.over100} over 100 ms); longest gap between frames ${Math.round(r.gap)} ms`,
    );
    await big.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
