import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { ingest } from '../shared/ingest/index';
import { decodeSource } from '../shared/ingest/decode';
import type { OpenedSources } from '../shared/ipc/channels';
import type { DesktopBridge } from '../shared/ipc/desktop-api';
import type { Topology } from '../shared/model/types';
import { readSourceBytes } from './files/read-sources';
import { registerHandlers, type HandlerDeps } from './handlers';
import { createIpc, createSenderCheck } from './ipc';
import { buildMenuTemplate, type MenuActions } from './menu';
import { collectOpenFileEvents, DocumentSession, openDialogOptions, pathsFromArgv } from './open-files';
import { createRecentStore, type RecentStore } from './recent';
import { RendererPush } from './renderer-push';
import {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcEvent,
  ipcMain,
  ipcRenderer,
  resetFakeElectron,
  webUtils,
} from './test/fake-electron';
import { copySample, makeTempDir, removeTempDir, SAMPLES } from './test/temp-files';

vi.mock('electron', () => import('./test/fake-electron'));

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

let dir: string;
let window: BrowserWindow;
let recent: RecentStore;
let documents: DocumentSession;
let pushed: { opened: OpenedSources; reason: string }[];

/** What the page's ingest worker makes of files main read (it runs this same ingest). */
function loaded(opened: unknown): Topology {
  const { sources, diagnostics } = opened as OpenedSources;
  return ingest(sources.map(decodeSource), { diagnostics });
}

/** Wires the real open flow (read-sources, handlers) to the fake electron, as main.ts does. */
function wireApp(): void {
  window = new BrowserWindow({});
  const getWindow = (): ElectronWindow => window as unknown as ElectronWindow;
  recent = createRecentStore({
    file: path.join(dir, 'user-data', 'recent.json'),
    addToOs: (p) => app.addRecentDocument(p),
  });
  pushed = [];
  documents = new DocumentSession({
    read: readSourceBytes,
    addRecent: (paths) => recent.add(paths),
    push: (opened, reason) => pushed.push({ opened, reason }),
    demoDir: SAMPLES,
    log,
    watch: () => ({ close: () => undefined }),
  });
  const push = new RendererPush(getWindow);
  // Connect to AWS is not part of the open flows; its channels are tested in ipc.test.ts and main/aws.
  const deps = {
    documents,
    push,
    getWindow,
    crash: { log, getWindow, logFile: 'main.log' },
    setupAws: () => undefined,
  } as unknown as HandlerDeps;
  registerHandlers(createIpc(createSenderCheck(getWindow) as never, log), deps);
  // The preload's invoke reaches main as the app window's top frame would.
  ipcRenderer.invoke.mockImplementation((channel: string, arg?: unknown) =>
    ipcMain.invoke(channel, arg, ipcEvent(window.webContents)),
  );
}

/** Loads the real preload against the fake electron and returns what it exposed. */
async function loadPreload(): Promise<DesktopBridge> {
  vi.resetModules();
  await import('./preload');
  return contextBridge.exposed.get('desktopApi') as DesktopBridge;
}

beforeEach(() => {
  resetFakeElectron();
  dir = makeTempDir();
  wireApp();
});
afterEach(() => {
  documents.close();
  removeTempDir(dir);
});

describe('File > Open (dialog)', () => {
  it('loads the picked files into one topology and remembers them', async () => {
    const ec2 = copySample(dir, 'awscli-describe-tasks-1-ec2.json');
    const fargate = copySample(dir, 'awscli-describe-tasks-2-fargate.json');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [ec2, fargate] });
    const topology = loaded(await ipcMain.invoke('files:open-dialog', undefined, ipcEvent(window.webContents)));
    expect(topology.tasks.map((t) => t.launchType).sort()).toEqual(['EC2', 'FARGATE', 'FARGATE']);
    expect(recent.list().map((e) => e.paths)).toEqual([[ec2, fargate]]);
    expect(app.addRecentDocument).toHaveBeenCalledWith(ec2);
    expect(documents.currentPaths).toEqual([ec2, fargate]);
  });

  it('loads every *.json of a picked folder', async () => {
    copySample(dir, 'awscli-describe-clusters-1.json');
    copySample(dir, 'awscli-describe-services.json');
    writeFileSync(path.join(dir, 'notes.txt'), 'not ECS');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    const topology = loaded(await ipcMain.invoke('files:open-dialog', undefined, ipcEvent(window.webContents)));
    expect(topology.clusters).toHaveLength(1);
    expect(topology.services).toHaveLength(1);
    expect(topology.diagnostics.some((d) => d.code === 'skipped' && d.file?.endsWith('notes.txt'))).toBe(true);
  });

  it('says why a folder of folders draws nothing: its subfolders are named, and the folder has no *.json file', async () => {
    const sub = path.join(dir, 'prod');
    mkdirSync(sub);
    copySample(sub, 'awscli-describe-clusters-1.json');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    const topology = loaded(await ipcMain.invoke('files:open-dialog', undefined, ipcEvent(window.webContents)));
    expect(topology.clusters).toHaveLength(0);
    expect(topology.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'skipped', file: sub }),
    );
    expect(topology.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'empty',
        message: 'no *.json files in this folder',
        file: dir,
      }),
    );
  });

  it('returns null and changes nothing when the dialog is cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await ipcMain.invoke('files:open-dialog', undefined, ipcEvent(window.webContents))).toBeNull();
    expect(recent.list()).toEqual([]);
  });

  it('asks for multiple files; a folder dialog asks for folders; macOS gets both in one', () => {
    expect(openDialogOptions('files', 'linux').properties).toEqual(['openFile', 'multiSelections']);
    expect(openDialogOptions('folder', 'win32').properties).toEqual(['openDirectory', 'multiSelections']);
    expect(openDialogOptions('any', 'darwin').properties).toEqual(['openFile', 'openDirectory', 'multiSelections']);
    expect(openDialogOptions('any', 'linux').properties).toEqual(['openFile', 'multiSelections']);
  });
});

describe('drag-and-drop onto the window (through the preload)', () => {
  it('sends dropped files by their path on disk, read and watched in main', async () => {
    const api = await loadPreload();
    const tasks = copySample(dir, 'awscli-describe-tasks-2-fargate.json');
    const dropped = new File(['(contents are read in main)'], 'awscli-describe-tasks-2-fargate.json');
    webUtils.paths.set(dropped, tasks);
    const topology = loaded(await api.loadFiles([dropped]));
    expect(topology.tasks).toHaveLength(2);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('files:load', { paths: [tasks], inline: [] });
    expect(documents.currentPaths).toEqual([tasks]);
    expect(recent.list()[0]?.paths).toEqual([tasks]);
  });

  it('a dropped folder loads its *.json files', async () => {
    const api = await loadPreload();
    copySample(dir, 'awscli-describe-tasks-1-ec2.json');
    copySample(dir, 'awscli-describe-clusters-1.json');
    const folder = new File([], path.basename(dir));
    webUtils.paths.set(folder, dir);
    const topology = loaded(await api.loadFiles([folder]));
    expect(topology.tasks).toHaveLength(1);
    expect(topology.clusters.filter((c) => !c.placeholder)).toHaveLength(1);
  });

  it('a file with no path on disk is sent as its text', async () => {
    const api = await loadPreload();
    const text = readFileSync(path.join(SAMPLES, 'awscli-describe-clusters-1.json'), 'utf8');
    const topology = loaded(await api.loadFiles([new File([text], 'clusters.json')]));
    expect(topology.clusters).toHaveLength(1);
    expect(documents.currentPaths).toEqual([]);
    expect(recent.list()).toEqual([]);
  });

  it('a page cannot name a path itself: a file it made has none, so main reads nothing from disk', async () => {
    const api = await loadPreload();
    const forged = new File(['{}'], '/home/me/.aws/credentials');
    await api.loadFiles([forged]);
    const [, request] = ipcRenderer.invoke.mock.calls.at(-1) as [string, { paths: string[] }];
    expect(request.paths).toEqual([]);
  });
});

describe('paths on the command line', () => {
  it('opens the arguments after the executable, resolved against the working directory', () => {
    expect(
      pathsFromArgv(
        ['/opt/ECS Visualizer/ecs-visualizer', 'tasks.json', '--no-sandbox', '/data/prod'],
        '/home/me',
        false,
      ),
    ).toEqual(['/home/me/tasks.json', '/data/prod']);
  });

  it('skips the app path when run as `electron <app>`, and takes everything after `--`', () => {
    expect(
      pathsFromArgv(['/usr/bin/electron', '.', '--inspect=0', 'a.json', '--', '-odd-name.json'], '/w', true),
    ).toEqual(['/w/a.json', '/w/-odd-name.json']);
    // Switches may come before the app path (Playwright and debuggers put theirs first).
    expect(
      pathsFromArgv(['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', '/repo', 'b.json'], '/w', true),
    ).toEqual(['/w/b.json']);
  });

  it('opens them and pushes the diagram to the page', async () => {
    const file = copySample(dir, 'awscli-describe-tasks-1-ec2.json');
    await documents.openAndPush(pathsFromArgv(['ecs-visualizer', path.basename(file)], dir, false));
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.reason).toBe('open');
    expect(loaded(pushed[0]?.opened).tasks).toHaveLength(1);
  });

  it('a missing path shows as an error diagnostic, not a crash', async () => {
    await documents.openAndPush([path.join(dir, 'gone.json')]);
    expect(loaded(pushed[0]?.opened).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unreadable' }),
    ]);
  });
});

describe('macOS open-file', () => {
  it('holds files opened before the window exists, then opens them together', () => {
    const deliver = collectOpenFileEvents();
    const prevented = vi.fn();
    app.emit('open-file', { preventDefault: prevented }, '/data/a.json');
    app.emit('open-file', { preventDefault: prevented }, '/data/b.json');
    expect(prevented).toHaveBeenCalledTimes(2);
    const opened: string[][] = [];
    deliver((paths) => opened.push(paths));
    expect(opened).toEqual([['/data/a.json', '/data/b.json']]);
  });

  it('gathers files opened at once while running into one open', async () => {
    const deliver = collectOpenFileEvents();
    const opened: string[][] = [];
    deliver((paths) => opened.push(paths));
    app.emit('open-file', { preventDefault: vi.fn() }, '/data/a.json');
    app.emit('open-file', { preventDefault: vi.fn() }, '/data/b.json');
    await vi.waitFor(() => expect(opened).toEqual([['/data/a.json', '/data/b.json']]));
  });
});

describe('Open Recent', () => {
  it('persists across restarts, newest first, without duplicates', () => {
    const file = path.join(dir, 'recent.json');
    const a = copySample(dir, 'awscli-describe-clusters-1.json');
    const b = copySample(dir, 'awscli-describe-services.json');
    const first = createRecentStore({ file });
    first.add([a]);
    first.add([b]);
    first.add([a]);
    const afterRestart = createRecentStore({ file });
    expect(afterRestart.list().map((e) => e.paths)).toEqual([[a], [b]]);
  });

  it('drops files that no longer exist, and saves the pruned list', () => {
    const file = path.join(dir, 'recent.json');
    const kept = copySample(dir, 'awscli-describe-clusters-1.json');
    const deleted = copySample(dir, 'awscli-describe-services.json');
    const store = createRecentStore({ file });
    store.add([deleted]);
    store.add([kept, deleted]);
    rmSync(deleted);
    expect(store.list().map((e) => e.paths)).toEqual([[kept]]);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries.map((e: { paths: string[] }) => e.paths)).toEqual([[kept]]);
  });

  it('keeps the ten newest and registers each with the OS', () => {
    const addToOs = vi.fn();
    const store = createRecentStore({ file: path.join(dir, 'recent.json'), exists: () => true, addToOs });
    for (let i = 0; i < 12; i++) store.add([`/data/${i}.json`]);
    expect(store.list()).toHaveLength(10);
    expect(store.list()[0]?.paths).toEqual(['/data/11.json']);
    expect(addToOs).toHaveBeenCalledTimes(12);
  });

  it('starts empty from a corrupt file instead of failing', () => {
    const file = path.join(dir, 'recent.json');
    writeFileSync(file, '{"version":1,"entries":[{"paths":');
    expect(createRecentStore({ file }).list()).toEqual([]);
  });

  it('Clear Recent empties it here and in the OS', () => {
    const clearOs = vi.fn();
    const file = path.join(dir, 'recent.json');
    const store = createRecentStore({ file, exists: () => true, clearOs });
    store.add(['/data/a.json']);
    store.clear();
    expect(store.list()).toEqual([]);
    expect(clearOs).toHaveBeenCalled();
    expect(existsSync(file)).toBe(true);
    expect(createRecentStore({ file, exists: () => true }).list()).toEqual([]);
  });

  it('the menu lists the entries and opening one loads its files again', async () => {
    const a = copySample(dir, 'awscli-describe-tasks-2-fargate.json');
    const b = copySample(dir, 'awscli-describe-clusters-1.json');
    recent.add([a, b]);
    const actions = menuActions();
    const template = buildMenuTemplate({ recent: recent.list(), platform: 'linux', devTools: false }, actions);
    const openRecent = findItem(template, 'Open &Recent');
    const entry = (openRecent.submenu as MenuItem[])[0];
    expect(entry?.label).toBe('awscli-describe-tasks-2-fargate.json (+1 more)');
    entry?.click?.();
    expect(actions.openRecent).toHaveBeenCalledWith({ paths: [a, b], openedAt: expect.any(String) });
    await documents.openAndPush([a, b]);
    expect(loaded(pushed.at(-1)?.opened).tasks).toHaveLength(2);
    expect(loaded(pushed.at(-1)?.opened).clusters.filter((c) => !c.placeholder)).toHaveLength(1);
  });
});

interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

function menuActions(): { [K in keyof MenuActions]: Mock<MenuActions[K]> } {
  return {
    open: vi.fn<MenuActions['open']>(),
    openFolder: vi.fn<MenuActions['openFolder']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
    reload: vi.fn<MenuActions['reload']>(),
    command: vi.fn<MenuActions['command']>(),
  };
}

function allItems(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])]);
}

function findItem(template: unknown[], label: string): MenuItem {
  const item = allItems(template as MenuItem[]).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

describe('the menu', () => {
  const state = { recent: [], platform: 'linux' as NodeJS.Platform, devTools: false };

  it('has the accelerators of the issue', () => {
    const items = allItems(buildMenuTemplate(state, menuActions()) as MenuItem[]);
    const accelerators = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]));
    expect(accelerators).toMatchObject({
      '&Open…': 'CmdOrCtrl+O',
      '&Reload': 'CmdOrCtrl+R',
      'Export &PNG…': 'CmdOrCtrl+E',
      '&Find…': 'CmdOrCtrl+F',
      '&Fit to Window': 'CmdOrCtrl+0',
    });
    expect(items.some((i) => i.label === 'Export &SVG…')).toBe(true);
    expect(items.some((i) => i.role === 'about')).toBe(true);
  });

  it('forwards canvas commands to the page and does file actions in main', () => {
    const actions = menuActions();
    const template = buildMenuTemplate(state, actions);
    findItem(template, 'Export &PNG…').click?.();
    findItem(template, 'Export &SVG…').click?.();
    findItem(template, '&Find…').click?.();
    findItem(template, '&Fit to Window').click?.();
    findItem(template, 'Toggle EC2 / Fargate &Overlay').click?.();
    expect(actions.command.mock.calls.map((c) => c[0])).toEqual([
      'export-png',
      'export-svg',
      'find',
      'fit',
      'toggle-overlay',
    ]);
    findItem(template, '&Open…').click?.();
    findItem(template, '&Reload').click?.();
    expect(actions.open).toHaveBeenCalledOnce();
    expect(actions.reload).toHaveBeenCalledOnce();
  });

  it('says so when there is nothing recent, and offers developer tools only in development', () => {
    const items = allItems(buildMenuTemplate(state, menuActions()) as MenuItem[]);
    expect(items.find((i) => i.label === 'No recent files')?.enabled).toBe(false);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(
      allItems(buildMenuTemplate({ ...state, devTools: true }, menuActions()) as MenuItem[]).some(
        (i) => i.role === 'toggleDevTools',
      ),
    ).toBe(true);
  });
});
