/**
 * The app window and the hardening every web contents and the session get:
 * the webPreferences of DESIGN.md's security baseline, navigation and
 * window.open denied, permission requests denied, and no request leaving the
 * app's own origin.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { openAwsConsoleUrl } from './external';
import type { Logger } from './logger';
import { isAppUrl } from './protocol';

/** What the window needs from its caller. */
export interface MainWindowOptions {
  /** Absolute path of the bundled CommonJS preload. */
  preloadPath: string;
  /** Painted before the page loads: the page's own background, so the window shows no flash of another colour. */
  backgroundColor: string;
  /** DevTools only in development builds. */
  devTools: boolean;
  log: Logger;
}

/** Creates the app window with the locked-down webPreferences; it shows itself once the page has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  // The webPreferences stay an inline literal so Electronegativity can read every setting.
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'ECS Visualizer',
    backgroundColor: options.backgroundColor,
    webPreferences: {
      // Electronegativity flags every preload for review; this one exposes named functions only (main/preload.ts), never ipcRenderer.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  hardenWebContents(window.webContents, options.log);
  window.once('ready-to-show', () => window.show());
  return window;
}

const hardened = new WeakSet<WebContents>();

/** Denies navigation, redirects, webviews and new windows; an AWS console link asked for as a new window opens in the browser instead. Safe to call twice. */
export function hardenWebContents(contents: WebContents, log: Logger): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn(`navigation denied: ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn(`redirect denied: ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview denied');
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openAwsConsoleUrl(url).then((opened) => {
      if (!opened) log.warn(`window.open denied: ${url}`);
    });
    return { action: 'deny' };
  });
}

/**
 * Permissions the page may have. Only writing text to the clipboard (the
 * details panel's "copy ARN"), and only from the app's own pages: writing
 * cannot leak anything, reading the clipboard stays denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/** URLs the page may fetch: its own origin, and in-memory data/blob URLs (PNG export); devtools in development. */
export function isRequestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob|devtools):/i.test(url);
}

/** Denies permission requests and checks, device access, and every request that would leave the app. */
export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl);
    if (!allowed) log.warn(`permission request denied: ${permission} from ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // The CSP header on every app response, in case a response reaches the page without the protocol handler's header.
  // The policy is a literal so Electronegativity can evaluate it; main/csp.test.ts checks it equals CONTENT_SECURITY_POLICY.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url);
    if (!allowed) log.warn(`request blocked: ${details.url}`);
    callback({ cancel: !allowed });
  });
}
