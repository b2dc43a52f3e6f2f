import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeArgSchemas } from '../shared/ipc/schemas';
import type { OpenedSources } from '../shared/ipc/channels';
import { ingest } from '../shared/ingest/index';
import { decodeSource } from '../shared/ingest/decode';
import {
  app,
  BrowserWindow,
  ipcEvent,
  ipcMain,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from './test/fake-electron';
import { makeTempDir, removeTempDir, SAMPLES } from './test/temp-files';

vi.mock('electron', () => import('./test/fake-electron'));
vi.mock('electron-log/main', () => ({
  default: { transports: { file: {} }, info: vi.fn(), warn: vi.fn(), error: vi.fn() },
}));

const SAMPLE = `${SAMPLES}/awscli-describe-tasks-2-fargate.json`;
let userData: string;
let argv: string[];

/** Boots main.ts once against the fake electron, as `ecs-visualizer <sample>` would start. */
beforeAll(async () => {
  resetFakeElectron();
  userData = makeTempDir();
  process.env.ECS_VISUALIZER_USER_DATA = userData;
  argv = process.argv;
  process.argv = ['/opt/ECS Visualizer/ecs-visualizer', SAMPLE];
  // main installs process-wide crash handlers; keep them out of the test runner's process.
  vi.spyOn(process, 'on').mockImplementation((() => process) as unknown as typeof process.on);
  await import('./main');
  await vi.waitFor(() => expect(app.addRecentDocument).toHaveBeenCalled());
});
afterAll(() => {
  process.argv = argv;
  delete process.env.ECS_VISUALIZER_USER_DATA;
  vi.restoreAllMocks();
  removeTempDir(userData);
});

describe('main boots (onReady wiring)', () => {
  it('opens one hardened window on the app page with the CommonJS preload', () => {
    expect(BrowserWindow.instances).toHaveLength(1);
    const window = BrowserWindow.instances[0] as BrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://ecs-visualizer/index.html');
    expect(window.options.webPreferences).toMatchObject({
      preload: expect.stringMatching(/preload\.cjs$/),
      sandbox: true,
      contextIsolation: true,
    });
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('serves the UI from app://, locks the session down, installs the menu and every IPC handler', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.beforeRequest).not.toBeNull();
    expect(Menu.installed).not.toBeNull();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(invokeArgSchemas).sort());
  });

  it('opens the file named on the command line: remembered, titled, and shown once the page listens', async () => {
    const window = BrowserWindow.instances[0] as BrowserWindow;
    expect(app.addRecentDocument).toHaveBeenCalledWith(SAMPLE);
    expect(window.setTitle).toHaveBeenCalledWith('awscli-describe-tasks-2-fargate.json — ECS Visualizer');
    expect(window.webContents.send).not.toHaveBeenCalled();
    await ipcMain.invoke('app:renderer-ready', undefined, ipcEvent(window.webContents));
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
    const [channel, opened, reason] = window.webContents.send.mock.calls[0] as [string, OpenedSources, string];
    expect([channel, reason]).toEqual(['files:push', 'open']);
    // What the page's ingest worker makes of the text main read.
    expect(
      ingest(opened.sources.map(decodeSource), { diagnostics: opened.diagnostics }).tasks.map((t) => t.launchType),
    ).toEqual(['FARGATE', 'FARGATE']);
  });

  it('a second launch with a path focuses this window and opens it', async () => {
    const window = BrowserWindow.instances[0] as BrowserWindow;
    app.emit(
      'second-instance',
      {},
      ['/opt/ECS Visualizer/ecs-visualizer', 'awscli-describe-tasks-1-ec2.json'],
      SAMPLES,
    );
    expect(window.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledTimes(2));
    const opened = window.webContents.send.mock.calls[1]?.[1] as OpenedSources;
    expect(ingest(opened.sources.map(decodeSource)).tasks.map((t) => t.launchType)).toEqual(['EC2']);
  });
});
