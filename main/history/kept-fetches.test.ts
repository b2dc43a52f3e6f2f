import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { makeBundle } from '../../shared/ingest/bundle';
import { MAX_FILE_BYTES } from '../../shared/ingest/limits';
import type { KeptFetchList, KeptFetchText } from '../../shared/ipc/kept-history';
import { registerHandlers, type HandlerDeps } from '../handlers';
import { createIpc, createSenderCheck } from '../ipc';
import { BrowserWindow, ipcEvent, ipcMain, resetFakeElectron } from '../test/fake-electron';
import { makeTempDir, removeTempDir } from '../test/temp-files';
import { keepInHistory } from './history-store';
import { keptHistory, listKeptFetches, readKeptFetches } from './kept-fetches';

vi.mock('electron', () => import('../test/fake-electron'));

let root: string;
let dir: string;
beforeEach(() => {
  root = makeTempDir();
  dir = path.join(root, 'history');
});
afterEach(() => removeTempDir(root));

const caps = { maxCount: 48, maxBytes: 1e9 };
const at = (minute: number) => `2026-11-28T09:${String(minute).padStart(2, '0')}:00.000Z`;
const nameAt = (minute: number) => `snapshot-2026-11-28T09-${String(minute).padStart(2, '0')}-00-000Z.json`;
/** Keeps a fetch of cluster `cluster` made at `minute`, as the live session does. */
const keep = (minute: number, cluster = 'prod') =>
  keepInHistory(dir, makeBundle({ fetchedAt: at(minute), clusters: [{ clusterName: cluster }] }), caps);
const errorOf = (result: KeptFetchText | undefined): string => (result && !result.ok ? result.error : '(read)');

describe('kept fetches: the list', () => {
  it('names the kept fetches oldest first, with their times and sizes, and never a path', async () => {
    await keep(30);
    await keep(5);
    await keep(17);
    const list = await listKeptFetches(dir);
    expect(list.entries.map((e) => e.name)).toEqual([nameAt(5), nameAt(17), nameAt(30)]);
    expect(list.entries.map((e) => e.fetchedAt)).toEqual([at(5), at(17), at(30)]);
    for (const e of list.entries) {
      expect(e.name).not.toMatch(/[\\/]/);
      expect(e.bytes).toBe(statSync(path.join(dir, e.name)).size);
    }
    expect(list.folder).toBe(dir);
  });

  it('is empty, not an error, before the first fetch was kept (no folder yet)', async () => {
    expect(await listKeptFetches(dir)).toEqual({ folder: dir, entries: [] });
  });
});

describe('kept fetches: reading', () => {
  it('gives the texts of the chosen fetches, in the order asked', async () => {
    await keep(1, 'blue');
    await keep(2, 'green');
    const read = await readKeptFetches(dir, [nameAt(2), nameAt(1)]);
    expect(read.map((r) => r.ok && JSON.parse(r.text).clusters[0].clusterName)).toEqual(['green', 'blue']);
    expect(read.map((r) => r.name)).toEqual([nameAt(2), nameAt(1)]);
  });

  it('refuses a name that is not a kept fetch, and reads nothing outside the folder', async () => {
    await keep(1);
    writeFileSync(path.join(root, 'x.json'), '{"secret": true}');
    const outside = path.join(root, 'x.json');
    const read = await readKeptFetches(dir, ['../x.json', outside, `${nameAt(1)}/../../x.json`, 'x.json']);
    for (const r of read) {
      expect(r.ok, r.name).toBe(false);
      expect(errorOf(r)).toContain('not the name of a kept fetch');
    }
    expect(JSON.stringify(read)).not.toContain('secret');
  });

  it('refuses a FIFO named like a kept fetch at once, without waiting for a writer', async (ctx) => {
    await keep(1);
    try {
      execFileSync('mkfifo', [path.join(dir, nameAt(2))], { stdio: 'ignore' });
    } catch {
      ctx.skip('FIFO check skipped: mkfifo is not available on this machine');
    }
    const [fifo, good] = await readKeptFetches(dir, [nameAt(2), nameAt(1)]);
    expect(errorOf(fifo)).toBe(`${nameAt(2)}: a named pipe (FIFO), not a regular file; it was not read`);
    // The one good file still loads.
    expect(good?.ok).toBe(true);
  });

  it('refuses a folder named like a kept fetch', async () => {
    await keep(1);
    mkdirSync(path.join(dir, nameAt(3)));
    const [folder] = await readKeptFetches(dir, [nameAt(3)]);
    expect(errorOf(folder)).toBe(`${nameAt(3)}: a folder, not a regular file; it was not read`);
  });

  it.skipIf(process.platform === 'win32')('refuses a symbolic link out of the folder, unread', async () => {
    await keep(1);
    writeFileSync(path.join(root, 'elsewhere.json'), '{"secret": true}');
    symlinkSync(path.join(root, 'elsewhere.json'), path.join(dir, nameAt(4)));
    const [link] = await readKeptFetches(dir, [nameAt(4)]);
    expect(errorOf(link)).toBe(`${nameAt(4)}: a symbolic link; only files inside the history folder are read`);
  });

  it('refuses a file over the size limit from its size, without reading it', async () => {
    await keep(1);
    // A sparse file: over the limit by one byte, costs no disk.
    const fd = openSync(path.join(dir, nameAt(5)), 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    const [big] = await readKeptFetches(dir, [nameAt(5)]);
    expect(errorOf(big)).toMatch(new RegExp(`^${nameAt(5)}: file is .*over the 256 MiB limit; it was not read$`));
  });

  it('leaves out what is over the size of one read together, saying so, and reads the rest', async () => {
    await keep(1, 'a'.repeat(400));
    await keep(2, 'b'.repeat(400));
    const [first, second] = await readKeptFetches(dir, [nameAt(1), nameAt(2)], 600);
    expect(first?.ok).toBe(true);
    expect(errorOf(second)).toMatch(/over 0 MiB; choose fewer/);
  });

  it('says a fetch pruned since the list was read is no longer kept', async () => {
    const [gone] = await readKeptFetches(dir, [nameAt(9)]);
    expect(errorOf(gone)).toBe(`${nameAt(9)}: no longer kept (pruned since the list was read)`);
  });
});

describe('kept fetches over IPC', () => {
  it('history:list and history:read answer the app window from the history folder; a path is refused', async () => {
    resetFakeElectron();
    await keep(7);
    await keep(8);
    const window = new BrowserWindow({});
    const getWindow = (): ElectronWindow => window as unknown as ElectronWindow;
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const deps = { getWindow, setupAws: () => undefined, history: keptHistory(dir) } as unknown as HandlerDeps;
    registerHandlers(createIpc(createSenderCheck(getWindow) as never, log), deps);
    const event = ipcEvent(window.webContents);
    const list = (await ipcMain.invoke('history:list', undefined, event)) as KeptFetchList;
    expect(list.entries.map((e) => e.name)).toEqual([nameAt(7), nameAt(8)]);
    const read = (await ipcMain.invoke('history:read', [nameAt(8)], event)) as KeptFetchText[];
    expect(read[0]?.ok && JSON.parse(read[0].text).fetchedAt).toBe(at(8));
    await expect(ipcMain.invoke('history:read', ['../x.json'], event)).rejects.toThrow(
      'history:read: malformed argument',
    );
    await expect(ipcMain.invoke('history:read', [path.join(dir, nameAt(8))], event)).rejects.toThrow(
      'history:read: malformed argument',
    );
  });
});
