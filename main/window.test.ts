import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeSession, resetFakeElectron, shell } from './test/fake-electron';
import { createMainWindow, hardenSession } from './window';

vi.mock('electron', () => import('./test/fake-electron'));

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function makeWindow(): BrowserWindow {
  return createMainWindow({
    preloadPath: '/app/dist/main/preload.cjs',
    backgroundColor: '#fff',
    devTools: false,
    log,
  }) as unknown as BrowserWindow;
}

function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => resetFakeElectron());

describe('the app window', () => {
  it('is created with the security baseline of DESIGN.md', () => {
    const window = makeWindow();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    // Nothing switches any of it back on elsewhere in the options.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('stays hidden until the page has painted, then shows', () => {
    const window = makeWindow();
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('refuses to navigate away from the app page', () => {
    const window = makeWindow();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://ecs-visualizer/other.html']) {
      const event = navigationEvent(url);
      window.webContents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('refuses redirects and <webview> tags', () => {
    const window = makeWindow();
    const redirect = navigationEvent('https://evil.example/');
    window.webContents.emit('will-redirect', redirect);
    const webview = navigationEvent('');
    window.webContents.emit('will-attach-webview', webview);
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; an AWS console link opens in the system browser instead', () => {
    const window = makeWindow();
    const open = window.webContents.windowOpenHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://evil.example/phish' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    const consoleUrl = 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod';
    expect(open?.({ url: consoleUrl })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith(consoleUrl);
  });

  it('does not harden the same web contents twice (one listener per event)', () => {
    const window = makeWindow();
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('the session', () => {
  function hardened(): FakeSession {
    const session = new FakeSession();
    hardenSession(session as never, log);
    return session;
  }

  it('denies permission requests: camera, microphone, notifications, location, clipboard reads…', () => {
    const session = hardened();
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'midi',
    ]) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {
        requestingUrl: 'app://ecs-visualizer/index.html',
      });
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('lets only the app page write to the clipboard (copy ARN), nothing else', () => {
    const session = hardened();
    const fromApp = vi.fn();
    session.permissionRequestHandler?.({}, 'clipboard-sanitized-write', fromApp, {
      requestingUrl: 'app://ecs-visualizer/index.html',
    });
    expect(fromApp).toHaveBeenCalledWith(true);
    const fromElsewhere = vi.fn();
    session.permissionRequestHandler?.({}, 'clipboard-sanitized-write', fromElsewhere, {
      requestingUrl: 'https://evil.example/',
    });
    expect(fromElsewhere).toHaveBeenCalledWith(false);
  });

  it('answers permission checks and device requests with no', () => {
    const session = hardened();
    expect(session.permissionCheckHandler?.({}, 'media', 'app://ecs-visualizer', {})).toBe(false);
    expect(session.permissionCheckHandler?.({}, 'notifications', 'app://ecs-visualizer', {})).toBe(false);
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });

  it('cancels every request that would leave the app (no remote content)', () => {
    const session = hardened();
    const decide = (url: string): boolean => {
      const callback = vi.fn();
      session.beforeRequest?.({ url }, callback);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(decide('https://cdn.example.com/lib.js')).toBe(true);
    expect(decide('http://169.254.169.254/latest/meta-data/')).toBe(true);
    expect(decide('file:///home/me/.aws/credentials')).toBe(true);
    expect(decide('app://evil-host/index.html')).toBe(true);
    expect(decide('app://ecs-visualizer/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('blob:app://ecs-visualizer/123')).toBe(false);
  });
});
