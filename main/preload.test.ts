import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, DesktopBridge } from '../shared/ipc/desktop-api';
import type { CostBridge } from '../shared/ipc/cost-api';
type FakeElectron = typeof import('./test/fake-electron');

vi.mock('electron', () => import('./test/fake-electron'));

let contextBridge: FakeElectron['contextBridge'];
let ipcRenderer: FakeElectron['ipcRenderer'];

/** Loads a fresh preload (it runs once per page load) against a fresh fake electron, and returns what it exposed. */
async function loadPreload(): Promise<Record<string, unknown>> {
  await import('./preload');
  return contextBridge.exposed.get('desktopApi') as Record<string, unknown>;
}

beforeEach(async () => {
  vi.resetModules();
  // The mocked 'electron' is what the preload imports; take the fake from there so both see one instance.
  const fake = (await import('electron')) as unknown as FakeElectron;
  fake.resetFakeElectron();
  ({ contextBridge, ipcRenderer } = fake);
});

describe('the preload', () => {
  it('exposes one object, window.desktopApi, of named functions only', async () => {
    const api = await loadPreload();
    // desktopApi, and the launch-type lens's costApi (named functions and one flag too).
    expect([...contextBridge.exposed.keys()]).toEqual(['desktopApi', 'costApi']);
    const cost = contextBridge.exposed.get('costApi') as Record<string, unknown>;
    // Main's part of the lens only: the lens itself is priced in the page's ingest worker, which holds the load.
    expect(Object.keys(cost).sort()).toEqual(['canRefreshPrices', 'openPricesDialog', 'refreshPrices']);
    expect(typeof cost.refreshPrices).toBe('function');
    expect(cost.canRefreshPrices).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'answerAwsMfa',
      'cancelAwsFetch',
      'fetchAws',
      'listAwsProfiles',
      'listKeptFetches',
      'loadDemo',
      'loadFiles',
      'onAwsMfaRequest',
      'onAwsProgress',
      'onFiles',
      'onMenuCommand',
      'openDialog',
      'openExternal',
      'platform',
      'readKeptFetches',
      'reportError',
      'saveAwsSnapshot',
      'saveFile',
      'setMenuUnavailable',
    ]);
    for (const [key, value] of Object.entries(api)) {
      if (key === 'platform') expect(value).toBe('electron');
      else expect(typeof value, key).toBe('function');
    }
  });

  it("the menu's Load Prices… asks main for its own dialog, with nothing the page could choose", async () => {
    await loadPreload();
    const cost = contextBridge.exposed.get('costApi') as CostBridge;
    ipcRenderer.invoke.mockResolvedValueOnce({ kind: 'read', name: 'mine.json', text: '{}' });
    expect(await cost.openPricesDialog()).toEqual({ kind: 'read', name: 'mine.json', text: '{}' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([['prices:open-dialog', undefined]]);
  });

  it('never hands the page ipcRenderer or anything that reaches it', async () => {
    const api = await loadPreload();
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(ipcRenderer);
      Object.values(value).forEach(walk);
    };
    walk(api);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  it('passes the files main pushed to the listener without the IPC event, and unsubscribes', async () => {
    const api = (await loadPreload()) as unknown as DesktopBridge;
    const listener = vi.fn();
    const unsubscribe = api.onFiles(listener);
    const opened = { sources: [{ name: 'a.json', text: '{"tasks":[]}' }], diagnostics: [] };
    ipcRenderer.emit('files:push', { sender: ipcRenderer }, opened, 'reload');
    expect(listener).toHaveBeenCalledExactlyOnceWith(opened, 'reload');
    unsubscribe();
    ipcRenderer.emit('files:push', { sender: ipcRenderer }, opened, 'open');
    expect(listener).toHaveBeenCalledOnce();
  });

  it('tells main the page listens once per page load, on the first subscription', async () => {
    const api = (await loadPreload()) as unknown as DesktopBridge;
    api.onFiles(vi.fn());
    api.onFiles(vi.fn());
    expect(ipcRenderer.invoke.mock.calls.filter(([channel]) => channel === 'app:renderer-ready')).toHaveLength(1);
  });

  it('forwards menu commands to the page', async () => {
    const api = (await loadPreload()) as unknown as Required<DesktopApi>;
    const listener = vi.fn();
    api.onMenuCommand(listener);
    ipcRenderer.emit('menu:command', { sender: ipcRenderer }, 'export-png');
    expect(listener).toHaveBeenCalledExactlyOnceWith('export-png');
  });

  it('forwards live-fetch progress and MFA prompts to the page, without the IPC event, and unsubscribes', async () => {
    const api = (await loadPreload()) as unknown as Required<DesktopApi>;
    const progress = vi.fn();
    const mfa = vi.fn();
    const stopProgress = api.onAwsProgress(progress);
    api.onAwsMfaRequest(mfa);
    const report = { calls: 3, retries: 0, warnings: 0, elapsedMs: 10 };
    ipcRenderer.emit('aws:progress', { sender: ipcRenderer }, report);
    ipcRenderer.emit(
      'aws:mfa-request',
      { sender: ipcRenderer },
      { requestId: 'r1', profile: 'prod', serial: 'arn:aws:iam::1:mfa/me' },
    );
    expect(progress).toHaveBeenCalledExactlyOnceWith(report);
    expect(mfa).toHaveBeenCalledExactlyOnceWith({ requestId: 'r1', profile: 'prod', serial: 'arn:aws:iam::1:mfa/me' });
    stopProgress();
    ipcRenderer.emit('aws:progress', { sender: ipcRenderer }, report);
    expect(progress).toHaveBeenCalledTimes(1);
  });

  it('maps each live-fetch call to its aws:* channel', async () => {
    const api = (await loadPreload()) as unknown as Required<DesktopApi>;
    await api.listAwsProfiles();
    await api.fetchAws({ regions: ['eu-west-1'], clusters: [], includeStopped: false });
    await api.cancelAwsFetch();
    await api.answerAwsMfa({ requestId: 'r1', code: '123456' });
    await api.saveAwsSnapshot();
    expect(ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([
      'aws:list-profiles',
      'aws:fetch',
      'aws:cancel',
      'aws:mfa-answer',
      'aws:save-snapshot',
    ]);
    expect(ipcRenderer.invoke.mock.calls[1][1]).toEqual({
      regions: ['eu-west-1'],
      clusters: [],
      includeStopped: false,
    });
  });

  it('asks main for the kept fetches by file name only, on the history:* channels', async () => {
    const api = (await loadPreload()) as unknown as Required<DesktopApi>;
    const kept = { folder: '/home/me/.config/ECS Visualizer/history', entries: [] };
    ipcRenderer.invoke.mockResolvedValueOnce(kept);
    expect(await api.listKeptFetches()).toBe(kept);
    await api.readKeptFetches(['snapshot-2026-11-28T09-30-00-000Z.json']);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['history:list', undefined],
      ['history:read', ['snapshot-2026-11-28T09-30-00-000Z.json']],
    ]);
  });

  it('maps each call to its channel', async () => {
    const api = (await loadPreload()) as unknown as Required<DesktopApi>;
    await api.openDialog();
    await api.loadDemo();
    await api.saveFile('cluster.svg', '<svg/>');
    await api.openExternal('https://console.aws.amazon.com/ecs/');
    await api.reportError({ message: 'boom', stack: 'at x' });
    await api.setMenuUnavailable(['refresh-prices']);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['files:open-dialog', undefined],
      ['files:load-demo', undefined],
      ['files:save', { suggestedName: 'cluster.svg', data: '<svg/>' }],
      ['shell:open-external', 'https://console.aws.amazon.com/ecs/'],
      ['app:report-error', { message: 'boom', stack: 'at x' }],
      ['menu:unavailable', ['refresh-prices']],
    ]);
  });
});
