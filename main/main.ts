/**
 * The Electron main process entry: registers what must exist before the app
 * is ready, then one `onReady()` calls each module's setup in order.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSourceBytes } from './files/read-sources';
import { watchWindowHealth, setupMainCrashHandling, type CrashDeps } from './crash';
import { registerHandlers } from './handlers';
import { setupAwsIpc } from './aws/setup-aws-ipc';
import { historyKeeper, historyPaths } from './history/history-keeper';
import { keptHistory } from './history/kept-fetches';
import { createIpc, createSenderCheck } from './ipc';
import { logFilePath, setupLogging, type Logger } from './logger';
import { setupMenu, UNAVAILABLE_AT_START } from './menu';
import { MAX_OPEN_BYTES, type MenuCommand } from '../shared/ipc/channels';
import { collectOpenFileEvents, DocumentSession, pathsFromArgv, pickPaths } from './open-files';
import { APP_ENTRY_URL, registerAppScheme, setupAppProtocol } from './protocol';
import { setupRecent } from './recent';
import { RendererPush } from './renderer-push';
import { pinLightTheme, WINDOW_BACKGROUND } from './theme';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

/** Built layout: dist/main/{main.js,preload.cjs}, dist/renderer/, dist/demo/. */
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(here, 'preload.cjs');
const RENDERER_DIR = path.join(here, '..', 'renderer');
const DEMO_DIR = path.join(here, '..', 'demo');

// Tests (e2e) run each app in its own profile; a packaged app ignores this.
if (!app.isPackaged && process.env.ECS_VISUALIZER_USER_DATA)
  app.setPath('userData', process.env.ECS_VISUALIZER_USER_DATA);

registerAppScheme();
const deliverOpenFiles = collectOpenFileEvents();

let mainWindow: BrowserWindow | null = null;
const getWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

function titleFor(paths: string[]): string {
  if (paths.length === 0) return 'ECS Visualizer';
  const first = path.basename(paths[0] ?? '');
  return `${paths.length > 1 ? `${first} (+${paths.length - 1})` : first} — ECS Visualizer`;
}

function openWindow(log: Logger, push: RendererPush, crash: CrashDeps): BrowserWindow {
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    backgroundColor: WINDOW_BACKGROUND,
    devTools: !app.isPackaged,
    log,
  });
  watchWindowHealth(window, crash);
  // The window title names the open files (set by onShown); the page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) push.markNotReady();
  });
  window.webContents.on('render-process-gone', () => push.markNotReady());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function onReady(): Promise<void> {
  const log = setupLogging();
  const crash: CrashDeps = { log, getWindow, logFile: logFilePath() };
  setupMainCrashHandling(crash);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  hardenSession(session.defaultSession, log);
  setupAppProtocol(RENDERER_DIR);

  pinLightTheme();
  const recent = setupRecent();
  const push = new RendererPush(getWindow);
  // Main reads the files; the page's ingest worker ingests them (as in web mode), so no load crosses to the page whole.
  const documents = new DocumentSession({
    read: (paths) => readSourceBytes(paths, { maxTotalBytes: MAX_OPEN_BYTES }),
    addRecent: (paths) => recent.add(paths),
    push: (opened, reason) => push.files(opened, reason),
    demoDir: DEMO_DIR,
    log,
    onShown: (paths) => getWindow()?.setTitle(titleFor(paths)),
  });
  const openPicked = async (kind: 'files' | 'folder'): Promise<void> => {
    const paths = await pickPaths(getWindow(), kind);
    if (paths) await documents.openAndPush(paths);
  };

  // The page's commands it says cannot run now, greyed in the menu (none can before a diagram is open).
  let unavailable: readonly MenuCommand[] = UNAVAILABLE_AT_START;
  let rebuildMenu = (): void => undefined;
  registerHandlers(createIpc(createSenderCheck(getWindow), log), {
    documents,
    push,
    getWindow,
    crash,
    // Each complete live fetch is kept in <userData>/history (issue #19).
    setupAws: (host) => void setupAwsIpc(host, { keepSnapshot: historyKeeper(app.getPath('userData')) }),
    // "Kept fetches…" lists and reads that same folder, by file name only.
    history: keptHistory(historyPaths(app.getPath('userData')).dir),
    setMenuUnavailable: (commands) => {
      if (commands.join() === unavailable.join()) return;
      unavailable = commands;
      rebuildMenu();
    },
  });

  rebuildMenu = setupMenu(
    () => ({
      recent: recent.list(),
      platform: process.platform,
      devTools: !app.isPackaged,
      unavailable,
    }),
    {
      open: () => void openPicked('files'),
      openFolder: () => void openPicked('folder'),
      openRecent: (entry) => void documents.openAndPush(entry.paths),
      clearRecent: () => recent.clear(),
      reload: () => void documents.reload(),
      command: (command) => push.command(command),
    },
  );
  recent.onChange(rebuildMenu);

  mainWindow = openWindow(log, push, crash);
  app.on('activate', () => {
    // macOS: clicking the Dock icon with no window open brings one back, showing the current files.
    if (!getWindow()) {
      mainWindow = openWindow(log, push, crash);
      void documents.reload();
    }
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = getWindow();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    void documents.openAndPush(pathsFromArgv(argv, workingDirectory, Boolean(process.defaultApp)));
  });
  deliverOpenFiles((paths) => void documents.openAndPush(paths));
  await documents.openAndPush(pathsFromArgv(process.argv, process.cwd(), Boolean(process.defaultApp)));
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its paths to the running app (the 'second-instance' event there) and ends.
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      // Startup failed before the window could say anything: say it in a box rather than quit silently.
      dialog.showErrorBox(
        'ECS Visualizer could not start',
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      app.exit(1);
    });
}
