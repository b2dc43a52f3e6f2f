/**
 * A hand-written stand-in for the `electron` module in main-process unit
 * tests (`vi.mock('electron', () => import('./test/fake-electron'))`). It
 * records what the code under test registers (IPC handlers, window options,
 * session handlers, menus) so tests can drive them as Electron would. The
 * real binary is not needed, and is not installed on every machine.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A web frame as IPC events carry it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** The parts of webContents the app uses. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  mainFrame: FakeFrame = { url: 'app://ecs-visualizer/index.html', parent: null };
  send = vi.fn();
  reload = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = handler;
  }
}

/** The parts of BrowserWindow the app uses; every created window is in `BrowserWindow.instances`. */
export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  setTitle = vi.fn();
  setBackgroundColor = vi.fn();
  loadURL = vi.fn(async () => undefined);
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  userData = path.join(os.tmpdir(), 'ecs-visualizer-fake-user-data');
  addRecentDocument = vi.fn();
  clearRecentDocuments = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(async () => undefined);
  getPath(name: string): string {
    return name === 'userData' ? this.userData : path.join(os.tmpdir(), `fake-${name}`);
  }
  setPath(name: string, value: string): void {
    if (name === 'userData') this.userData = value;
  }
}

/** The fake `app`. */
export const app = new FakeApp();

/** A fake IPC event as Electron gives `ipcMain.handle` listeners. */
export interface FakeIpcEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
}

class FakeIpcMain {
  readonly handlers = new Map<string, (event: FakeIpcEvent, arg: unknown) => unknown>();
  handle(channel: string, listener: (event: FakeIpcEvent, arg: unknown) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** Calls a registered handler as if the renderer invoked it; the argument is structured-cloned as IPC does. */
  async invoke(channel: string, arg: unknown, event: FakeIpcEvent): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, arg === undefined ? undefined : structuredClone(arg));
  }
}

/** The fake `ipcMain`: `handlers` holds what was registered; `invoke` drives one. */
export const ipcMain = new FakeIpcMain();

/** The fake `dialog`; tests set what each dialog answers. */
export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

/** The fake `shell`. */
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

/** The fake `Menu`: the last installed template is in `Menu.installed`. */
export const Menu = {
  installed: null as unknown[] | null,
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
    Menu.installed = menu ? menu.template : null;
  }),
};

class FakeNativeTheme extends EventEmitter {
  themeSource: 'system' | 'light' | 'dark' = 'system';
  osDark = false;
  get shouldUseDarkColors(): boolean {
    return this.themeSource === 'dark' || (this.themeSource === 'system' && this.osDark);
  }
}

/** The fake `nativeTheme`; `osDark` is what the OS says. */
export const nativeTheme = new FakeNativeTheme();

/** The fake `protocol`. */
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

/** A session recording the handlers set on it. */
export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  beforeRequest: Listener | null = null;
  headersReceived: Listener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: Listener) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

/** The fake `session`. */
export const session = { defaultSession: new FakeSession() };

/** The fake `contextBridge`: what the preload exposed, by key. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

class FakeIpcRenderer extends EventEmitter {
  /** Where invoke goes; tests point it at `ipcMain.invoke` with an event from the window. */
  invoke = vi.fn(async (_channel: string, _arg?: unknown): Promise<unknown> => undefined);
}

/** The fake `ipcRenderer`. */
export const ipcRenderer = new FakeIpcRenderer();

/** The fake `webUtils`: a File's path is whatever tests registered for it (none for files made in the page). */
export const webUtils = {
  paths: new WeakMap<object, string>(),
  getPathForFile: vi.fn((file: object) => webUtils.paths.get(file) ?? ''),
};

/** Clears everything recorded, between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  app.removeAllListeners();
  app.isPackaged = false;
  ipcMain.handlers.clear();
  Menu.installed = null;
  nativeTheme.removeAllListeners();
  nativeTheme.themeSource = 'system';
  nativeTheme.osDark = false;
  session.defaultSession = new FakeSession();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  vi.clearAllMocks();
}

/** An IPC event from a web contents, by default from its top frame on the app page. */
export function ipcEvent(sender: FakeWebContents, frame: Partial<FakeFrame> | null = {}): FakeIpcEvent {
  return { sender, senderFrame: frame === null ? null : { url: sender.mainFrame.url, parent: null, ...frame } };
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  dialog,
  shell,
  Menu,
  nativeTheme,
  protocol,
  session,
  contextBridge,
  ipcRenderer,
  webUtils,
};
