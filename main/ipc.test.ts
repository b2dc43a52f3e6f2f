import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvokeChannel } from '../shared/ipc/channels';
import { invokeArgSchemas } from '../shared/ipc/schemas';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { registerHandlers, type HandlerDeps } from './handlers';
import { createIpc, createSenderCheck } from './ipc';
import {
  BrowserWindow,
  dialog,
  FakeWebContents,
  ipcEvent,
  ipcMain,
  resetFakeElectron,
  shell,
} from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const nothingRead = { sources: [], diagnostics: [] };

/** A valid argument per channel, so a refusal can only come from the sender. */
const VALID: Record<InvokeChannel, unknown> = {
  'files:load': { paths: ['/data/tasks.json'], inline: [] },
  'files:open-dialog': undefined,
  'files:load-demo': undefined,
  'files:save': { suggestedName: 'cluster.png', data: new Uint8Array([137, 80, 78, 71]) },
  'shell:open-external': 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services',
  'app:report-error': { message: 'render failed', stack: 'Error: render failed\n    at Canvas' },
  'app:renderer-ready': undefined,
  'menu:unavailable': ['refresh-prices', 'fit'],
  'aws:list-profiles': undefined,
  'aws:fetch': { regions: ['eu-west-1'], clusters: [], includeStopped: false },
  'aws:cancel': undefined,
  'aws:mfa-answer': { requestId: 'r', code: '123456' },
  'aws:save-snapshot': undefined,
  'prices:refresh': { regions: ['us-east-1'] },
  'prices:open-dialog': undefined,
  'history:list': undefined,
  'history:read': ['snapshot-2026-11-28T09-30-00-000Z.json', 'snapshot-2026-11-28T09-30-00-000Z-1.json'],
};

/** Malformed arguments per channel: wrong types, extra keys, paths where a name belongs, URLs that are not the AWS console. */
const MALFORMED: Record<InvokeChannel, unknown[]> = {
  'files:load': [
    42,
    null,
    'a.json',
    { paths: 'a.json', inline: [] },
    { paths: [], inline: [] },
    { paths: ['a\0b.json'], inline: [] },
    { paths: [], inline: [{ name: 'x.json' }] },
    { paths: ['a.json'], inline: [], extra: true },
  ],
  'files:open-dialog': ['/etc', { properties: ['openFile'] }, 0],
  'files:load-demo': [1, 'demo', {}],
  'files:save': [
    null,
    { suggestedName: '../../.bashrc', data: 'x' },
    { suggestedName: '/tmp/x.png', data: 'x' },
    { suggestedName: 'a.png', data: 5 },
    { suggestedName: 'a.png' },
    { suggestedName: '', data: '' },
  ],
  'shell:open-external': [
    42,
    'http://console.aws.amazon.com/',
    'https://evil.example/',
    'https://console.aws.amazon.com.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pw@console.aws.amazon.com/',
  ],
  'app:report-error': ['boom', { message: 5 }, { message: 'x', stack: 1 }, { message: 'x', extra: 1 }],
  'app:renderer-ready': ['ready', 1, {}],
  // Page commands only, each a known one: main's own commands and made-up names are refused, as is a non-list.
  'menu:unavailable': ['fit', [1], ['open'], ['reload'], ['quit'], [{}], Array.from({ length: 40 }, () => 'fit')],
  'aws:list-profiles': ['default', 1],
  'aws:fetch': [
    { regions: ['not a region'], clusters: [], includeStopped: false },
    { regions: ['eu-west-1'], clusters: [], includeStopped: false, secretAccessKey: 'x' },
    { regions: 'eu-west-1', clusters: [], includeStopped: false },
  ],
  'aws:cancel': ['now', {}],
  'aws:mfa-answer': [{ requestId: 'r', code: '12ab' }, { requestId: '', code: '123456' }, ['x']],
  'aws:save-snapshot': ['x', {}],
  'prices:refresh': [
    { regions: [] },
    { regions: ['not a region'] },
    { regions: ['us-east-1'], secretAccessKey: 'x' },
    'us-east-1',
  ],
  // Main's dialog picks the file: the page can name none.
  'prices:open-dialog': ['/etc/passwd', { path: '/etc/passwd' }, 1],
  'history:list': ['/home/me/.config', {}, 1],
  'history:read': [
    'snapshot-2026-11-28T09-30-00-000Z.json',
    [],
    ['../x.json'],
    ['/etc/passwd'],
    ['../history/snapshot-2026-11-28T09-30-00-000Z.json'],
    ['snapshot-2026-11-28T09-30-00-000Z.json/../../../.bashrc'],
    ['C:\\Users\\me\\snapshot-2026-11-28T09-30-00-000Z.json'],
    [5],
    Array.from({ length: 97 }, (_, i) => `snapshot-2026-11-28T09-30-00-000Z-${i}.json`),
  ],
};

let window: BrowserWindow;
let deps: {
  documents: { load: ReturnType<typeof vi.fn>; open: ReturnType<typeof vi.fn>; loadDemo: ReturnType<typeof vi.fn> };
  push: { markReady: ReturnType<typeof vi.fn>; aws: ReturnType<typeof vi.fn> };
  aws: ReturnType<typeof vi.fn<(channel: string, arg?: unknown) => Promise<null>>>;
  cost: { fetchPrices: ReturnType<typeof vi.fn> };
  history: { list: ReturnType<typeof vi.fn>; read: ReturnType<typeof vi.fn> };
  setMenuUnavailable: ReturnType<typeof vi.fn>;
};

beforeEach(() => {
  resetFakeElectron();
  window = new BrowserWindow({});
  deps = {
    documents: {
      load: vi.fn(async () => nothingRead),
      open: vi.fn(async () => nothingRead),
      loadDemo: vi.fn(async () => nothingRead),
    },
    push: { markReady: vi.fn(), aws: vi.fn() },
    aws: vi.fn(async (_channel: string, _arg?: unknown) => null),
    cost: {
      fetchPrices: vi.fn(async () => ({ retrieved: '2026-12-06', regions: {} })),
    },
    history: {
      list: vi.fn(async () => ({ folder: '/home/me/.config/ecs-visualizer/history', entries: [] })),
      read: vi.fn(async () => []),
    },
    setMenuUnavailable: vi.fn(),
  };
  dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/data/tasks.json'] });
  dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
  const getWindow = (): ElectronWindow => window as unknown as ElectronWindow;
  // The AWS session itself is tested in main/aws; here each aws:* channel's handler is a spy, so the test sees what the IPC layer lets through.
  const setupAws: HandlerDeps['setupAws'] = (host) => {
    host.handle('aws:list-profiles', async () => (await deps.aws('aws:list-profiles'), []));
    host.handle('aws:fetch', async (arg) => (await deps.aws('aws:fetch', arg), { outcome: 'cancelled' }));
    host.handle('aws:cancel', async () => void (await deps.aws('aws:cancel')));
    host.handle('aws:mfa-answer', async (arg) => void (await deps.aws('aws:mfa-answer', arg)));
    host.handle('aws:save-snapshot', () => deps.aws('aws:save-snapshot'));
  };
  const handlerDeps = {
    ...deps,
    setupAws,
    getWindow,
    crash: { log, getWindow, logFile: '/logs/main.log' },
  } as unknown as HandlerDeps;
  registerHandlers(createIpc(createSenderCheck(getWindow) as never, log), handlerDeps);
});

/** Every side effect a handler can have; none may happen for a refused call. */
function sideEffects(): number {
  return (
    deps.documents.load.mock.calls.length +
    deps.documents.open.mock.calls.length +
    deps.documents.loadDemo.mock.calls.length +
    deps.push.markReady.mock.calls.length +
    deps.aws.mock.calls.length +
    deps.cost.fetchPrices.mock.calls.length +
    deps.history.list.mock.calls.length +
    deps.history.read.mock.calls.length +
    deps.setMenuUnavailable.mock.calls.length +
    dialog.showOpenDialog.mock.calls.length +
    dialog.showSaveDialog.mock.calls.length +
    dialog.showMessageBox.mock.calls.length +
    shell.openExternal.mock.calls.length
  );
}

const channels = Object.keys(invokeArgSchemas) as InvokeChannel[];

describe('IPC handlers', () => {
  it('registers a handler for every channel of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it.each(channels)('%s does its work for the app window with a valid argument', async (channel) => {
    await ipcMain.invoke(channel, VALID[channel], ipcEvent(window.webContents));
    expect(sideEffects()).toBeGreaterThan(0);
  });

  it.each(channels)('%s rejects malformed arguments before doing anything', async (channel) => {
    for (const arg of MALFORMED[channel]) {
      await expect(ipcMain.invoke(channel, arg, ipcEvent(window.webContents)), JSON.stringify(arg)).rejects.toThrow(
        /malformed argument/,
      );
    }
    expect(sideEffects()).toBe(0);
  });

  it.each(channels)(
    '%s refuses a foreign sender: another web contents, a subframe, another origin, a gone frame',
    async (channel) => {
      const senders = [
        ipcEvent(new FakeWebContents()),
        ipcEvent(window.webContents, { parent: { url: 'app://ecs-visualizer/index.html', parent: null } }),
        ipcEvent(window.webContents, { url: 'https://evil.example/' }),
        ipcEvent(window.webContents, { url: 'file:///home/me/index.html' }),
        ipcEvent(window.webContents, { url: 'app://other-host/index.html' }),
        ipcEvent(window.webContents, null),
      ];
      for (const event of senders) {
        await expect(ipcMain.invoke(channel, VALID[channel], event)).rejects.toThrow(
          /refused, the sender is not the app window/,
        );
      }
      expect(sideEffects()).toBe(0);
    },
  );

  it('refuses every call once the window is closed', async () => {
    window.destroyed = true;
    await expect(ipcMain.invoke('files:load-demo', undefined, ipcEvent(window.webContents))).rejects.toThrow(/refused/);
    expect(sideEffects()).toBe(0);
  });

  it('opens only AWS console URLs in the browser', async () => {
    await ipcMain.invoke('shell:open-external', VALID['shell:open-external'], ipcEvent(window.webContents));
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(VALID['shell:open-external']);
  });
});
