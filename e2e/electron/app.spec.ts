import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ELECTRON_BINARY, launchApp, sample, SKIP_REASON } from './launch';

test.skip(!ELECTRON_BINARY, SKIP_REASON);

const taskNodes = '[data-testid="node"][data-kind="task"]';

test('opens sample files given on the command line and draws their tasks', async () => {
  const { app, page } = await launchApp([
    sample('awscli-describe-tasks-1-ec2.json'),
    sample('awscli-describe-tasks-2-fargate.json'),
  ]);
  try {
    await expect(page.locator(taskNodes)).toHaveCount(3);
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('awscli-describe-tasks-1-ec2.json (+1) — ECS Visualizer');
  } finally {
    await app.close();
  }
});

test('opens the demo from the welcome screen', async () => {
  const { app, page } = await launchApp();
  try {
    await page.getByTestId('open-demo').click();
    await expect(page.locator('[data-testid="node"]').first()).toBeVisible();
  } finally {
    await app.close();
  }
});

test('reloads the diagram when the opened file changes on disk', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecs-visualizer-e2e-watch-'));
  const file = path.join(dir, 'tasks.json');
  copyFileSync(sample('awscli-describe-tasks-1-ec2.json'), file);
  const { app, page } = await launchApp([file]);
  try {
    await expect(page.locator(taskNodes)).toHaveCount(1);
    writeFileSync(file, readFileSync(sample('awscli-describe-tasks-2-fargate.json')));
    await expect(page.locator(taskNodes)).toHaveCount(2, { timeout: 5_000 });
  } finally {
    await app.close();
  }
});

test('the page has no Node, only the named desktop API, and cannot leave the app', async () => {
  const { app, page } = await launchApp();
  try {
    // The spec is compiled without DOM types; the page's globals are named here.
    const globals = await page.evaluate(() => {
      const page = globalThis as unknown as {
        require?: unknown;
        process?: unknown;
        desktopApi: Record<string, unknown>;
      };
      return {
        require: typeof page.require,
        process: typeof page.process,
        api: Object.keys(page.desktopApi).sort(),
        // A function that crossed the context bridge is a native proxy: the page cannot reach the preload's world.
        bridged: String(page.desktopApi.loadFiles).includes('[native code]'),
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      api: [
        'loadDemo',
        'loadFiles',
        'onFiles',
        'onMenuCommand',
        'openDialog',
        'openExternal',
        'platform',
        'reportError',
        'saveFile',
      ],
      bridged: true,
    });
    type PageWindow = { open(url: string): unknown; location: { href: string } };
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).open('https://example.com/'))).toBeNull();
    expect(
      await page.evaluate(async () =>
        fetch('https://example.com/').then(
          () => 'loaded',
          () => 'blocked',
        ),
      ),
    ).toBe('blocked');
    await page.evaluate(() => {
      (globalThis as unknown as PageWindow).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/ecs-visualizer\//);
  } finally {
    await app.close();
  }
});

test('the menu has the documented accelerators', async () => {
  const { app } = await launchApp();
  try {
    const accelerators = await app.evaluate(({ Menu }) => {
      const found: Record<string, string> = {};
      const walk = (items: Electron.MenuItem[]): void => {
        for (const item of items) {
          if (item.accelerator) found[item.label] = String(item.accelerator);
          if (item.submenu) walk(item.submenu.items);
        }
      };
      walk(Menu.getApplicationMenu()?.items ?? []);
      return found;
    });
    expect(accelerators).toMatchObject({
      '&Open…': 'CmdOrCtrl+O',
      '&Reload': 'CmdOrCtrl+R',
      'Export &PNG…': 'CmdOrCtrl+E',
      '&Find…': 'CmdOrCtrl+F',
      '&Fit to Window': 'CmdOrCtrl+0',
    });
  } finally {
    await app.close();
  }
});
