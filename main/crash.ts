/**
 * Errors never pass silently: a crash in main, a renderer that dies, hangs,
 * fails to load or reports an error it cannot recover from is logged to the
 * electron-log file and shown in a dialog that offers to reload, so the
 * window never stays blank without a word.
 */
import { app, dialog, type BrowserWindow, type RenderProcessGoneDetails } from 'electron';
import type { RendererErrorReport } from '../shared/ipc/channels';
import type { Logger } from './logger';

/** What the crash handling needs to reach. */
export interface CrashDeps {
  log: Logger;
  getWindow: () => BrowserWindow | null;
  /** Where the log is, so the dialog can say. */
  logFile: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Windows with a crash dialog open: one error often brings more, and one dialog is enough. */
const dialogShown = new WeakSet<BrowserWindow>();

/** Offers Reload or Quit for a window whose page is gone or broken (one dialog at a time). */
async function offerReload(deps: CrashDeps, message: string, detail: string): Promise<void> {
  const window = deps.getWindow();
  if (!window || window.isDestroyed() || dialogShown.has(window)) return;
  dialogShown.add(window);
  const { response } = await dialog
    .showMessageBox(window, {
      type: 'error',
      title: 'ECS Visualizer',
      message,
      detail: `${detail}\n\nDetails were written to ${deps.logFile}`,
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
      cancelId: 0,
    })
    .finally(() => dialogShown.delete(window));
  if (response === 1) app.quit();
  else if (!window.isDestroyed()) window.webContents.reload();
}

/** Handles errors of the main process itself: logged, and shown once in an error box. */
export function setupMainCrashHandling(deps: CrashDeps): void {
  process.on('uncaughtException', (error) => {
    deps.log.error('uncaught exception in main:', errorText(error));
    dialog.showErrorBox(
      'ECS Visualizer hit an unexpected error',
      `${errorText(error)}\n\nDetails were written to ${deps.logFile}`,
    );
  });
  process.on('unhandledRejection', (reason) => {
    deps.log.error('unhandled rejection in main:', errorText(reason));
  });
  app.on('render-process-gone', (_event, _contents, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit') return;
    deps.log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    void offerReload(deps, 'The window stopped working.', `Reason: ${details.reason}.`);
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') deps.log.error(`${details.type} process gone: ${details.reason}`);
  });
}

/** Watches one window's page: failed loads, a failing preload and hangs are logged and offered a reload. */
export function watchWindowHealth(window: BrowserWindow, deps: CrashDeps): void {
  const contents = window.webContents;
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (!isMainFrame) return;
    deps.log.error(`page failed to load: ${validatedUrl}: ${errorDescription} (${errorCode})`);
    void offerReload(deps, 'The window could not load.', `${errorDescription} (${errorCode})`);
  });
  contents.on('preload-error', (_event, preloadPath, error) => {
    deps.log.error(`preload failed: ${preloadPath}:`, errorText(error));
    void offerReload(deps, 'The window could not start.', error.message);
  });
  window.on('unresponsive', () => {
    deps.log.warn('window unresponsive');
  });
}

/** Logs an error the renderer reported (its error boundary caught it) and tells the user. */
export async function reportRendererError(report: RendererErrorReport, deps: CrashDeps): Promise<void> {
  // Chromium reports a layout that needed a second ResizeObserver pass as an error event; nothing is broken.
  if (/^ResizeObserver loop/.test(report.message)) {
    deps.log.warn('renderer:', report.message);
    return;
  }
  deps.log.error('renderer error:', report.message, report.stack ?? '');
  await offerReload(deps, 'Something went wrong in the window.', report.message);
}
