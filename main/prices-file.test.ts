/**
 * The View menu's Load Prices… on the desktop (the items are in menu.test.ts), end to end through the preload
 * and main's handlers (the fake electron's dialog picks real temp files): the picked file's
 * text reaches the page and prices the load, a FIFO or an over-size file is refused naming the file, cancel
 * gives nothing.
 */
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { m5LargeExample, testPrices } from '../shared/cost/testing/cost-fixtures';
import { MAX_PRICES_BYTES, type CostBridge } from '../shared/ipc/cost-api';
import { costAnswer } from '../shared/cost/cost-request';
import { dialog, type BrowserWindow } from './test/fake-electron';
import { makeTempDir, removeTempDir } from './test/temp-files';
import { wiredCostApi } from './test/wired-cost-api';

vi.mock('electron', () => import('./test/fake-electron'));

// m5.large at $0.10/h (the bundled table has $0.096).
const PRICES = JSON.stringify(testPrices());

describe('Load Prices… from the menu: main’s dialog, the preload, the page’s cost API', () => {
  let window: BrowserWindow;
  let costApi: CostBridge;
  let dir: string;

  beforeEach(async () => {
    dir = makeTempDir();
    ({ window, costApi } = await wiredCostApi({ fetchPrices: vi.fn() }));
  });
  afterEach(() => removeTempDir(dir));

  const pick = (file: string) => dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });

  it('opens main’s JSON dialog on the app window and gives the page the picked file, which then prices the load', async () => {
    const file = path.join(dir, 'discounts.json');
    writeFileSync(file, PRICES);
    pick(file);
    const choice = await costApi.openPricesDialog();
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    const [shownOn, options] = dialog.showOpenDialog.mock.calls[0] as [
      unknown,
      { filters: { extensions: string[] }[] },
    ];
    expect(shownOn).toBe(window);
    expect(options.filters[0].extensions).toEqual(['json']);
    expect(choice).toEqual({ kind: 'read', name: 'discounts.json', text: PRICES });
    // What the user sees (the lens, in the page's ingest worker, at the file's prices): the m5.large host at
    // $0.10/h, not the bundled $0.096 ($70.08 a month).
    const answer = costAnswer(m5LargeExample(), choice?.kind === 'read' ? choice : null);
    expect(answer.report.hosts[0].monthly).toBeCloseTo(73, 6);
  });

  it('refuses a FIFO unread, naming the file', async (context) => {
    const fifo = path.join(dir, 'pipe.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      context.skip('mkfifo is not available here: the FIFO case is not run');
    }
    pick(fifo);
    // A FIFO with no writer would block a plain read forever; here the answer comes at once.
    expect(await costApi.openPricesDialog()).toEqual({
      kind: 'refused',
      name: 'pipe.json',
      reason: 'a named pipe (FIFO), not a regular file; it was not read',
    });
  });

  it('refuses a file over the prices limit from its size, naming the file', async () => {
    const big = path.join(dir, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_PRICES_BYTES + 1);
    pick(big);
    expect(await costApi.openPricesDialog()).toEqual({
      kind: 'refused',
      name: 'huge.json',
      reason: 'file is 5,000,001 bytes, over the 5,000,000-byte limit of a prices file; it was not read',
    });
  });

  it('says why a missing file could not be read', async () => {
    pick(path.join(dir, 'gone.json'));
    expect(await costApi.openPricesDialog()).toEqual({
      kind: 'refused',
      name: 'gone.json',
      reason: 'cannot read: no such file or folder',
    });
  });

  it('gives nothing when the dialog is cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await costApi.openPricesDialog()).toBeNull();
  });
});
