import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { reportRendererError, setupMainCrashHandling, watchWindowHealth, type CrashDeps } from './crash';
import { app, BrowserWindow, dialog, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

let window: BrowserWindow;
type LogFn = (...params: unknown[]) => void;
let deps: CrashDeps & { log: { info: Mock<LogFn>; warn: Mock<LogFn>; error: Mock<LogFn> } };
const processListeners: [string, (...args: unknown[]) => void][] = [];

beforeEach(() => {
  resetFakeElectron();
  window = new BrowserWindow({});
  deps = {
    log: { info: vi.fn<LogFn>(), warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() },
    getWindow: () => window as unknown as ElectronWindow,
    logFile: '/home/me/.config/ECS Visualizer/logs/main.log',
  };
  // Keep the real process handlers out of the way; record what the module adds.
  vi.spyOn(process, 'on').mockImplementation(((event: string, listener: (...args: unknown[]) => void) => {
    processListeners.push([event, listener]);
    return process;
  }) as typeof process.on);
});
afterEach(() => {
  vi.restoreAllMocks();
  processListeners.length = 0;
});

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('crash handling', () => {
  it('an uncaught error in main is logged and shown, naming the log file', () => {
    setupMainCrashHandling(deps);
    const handler = processListeners.find(([event]) => event === 'uncaughtException')?.[1];
    handler?.(new Error('disk on fire'));
    expect(deps.log.error).toHaveBeenCalledWith('uncaught exception in main:', expect.stringContaining('disk on fire'));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('logs/main.log'));
  });

  it('a renderer that crashes is logged and the user can reload the window', async () => {
    setupMainCrashHandling(deps);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    app.emit('render-process-gone', {}, window.webContents, { reason: 'crashed', exitCode: 139 });
    await settle();
    expect(deps.log.error).toHaveBeenCalledWith(expect.stringContaining('crashed'));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ type: 'error', buttons: ['Reload', 'Quit'] }),
    );
    expect(window.webContents.reload).toHaveBeenCalled();
  });

  it('choosing Quit quits', async () => {
    setupMainCrashHandling(deps);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    app.emit('render-process-gone', {}, window.webContents, { reason: 'oom', exitCode: 0 });
    await settle();
    expect(app.quit).toHaveBeenCalled();
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  it('a renderer closing normally is not a crash', () => {
    setupMainCrashHandling(deps);
    app.emit('render-process-gone', {}, window.webContents, { reason: 'clean-exit', exitCode: 0 });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(deps.log.error).not.toHaveBeenCalled();
  });

  it('a page that fails to load or a failing preload does not leave a blank window silently', async () => {
    watchWindowHealth(window as unknown as ElectronWindow, deps);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://ecs-visualizer/index.html', true);
    await settle();
    window.webContents.emit('preload-error', {}, '/app/preload.cjs', new Error('boom'));
    await settle();
    expect(deps.log.error).toHaveBeenCalledTimes(2);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('one dialog at a time: a burst of errors does not stack dialogs', async () => {
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    dialog.showMessageBox.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const first = reportRendererError({ message: 'first' }, deps);
    await reportRendererError({ message: 'second' }, deps);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(deps.log.error).toHaveBeenCalledTimes(2);
    answer({ response: 0, checkboxChecked: false });
    await first;
    await reportRendererError({ message: 'third' }, deps);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('a ResizeObserver loop notice is logged, not shown as a crash', async () => {
    await reportRendererError({ message: 'ResizeObserver loop completed with undelivered notifications.' }, deps);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(deps.log.warn).toHaveBeenCalled();
  });

  it('an error the page reports is logged with its stack and shown', async () => {
    await reportRendererError({ message: 'Cannot read properties of undefined', stack: 'at Canvas.tsx:10' }, deps);
    expect(deps.log.error).toHaveBeenCalledWith(
      'renderer error:',
      'Cannot read properties of undefined',
      'at Canvas.tsx:10',
    );
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ detail: expect.stringContaining('Cannot read properties of undefined') }),
    );
  });
});
