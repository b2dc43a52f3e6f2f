/**
 * Chooses the DesktopApi: the Electron preload's when it is there, else the
 * browser one (web mode, component tests).
 */
import { DESKTOP_API_GLOBAL, type DesktopApi } from '../../shared/ipc/desktop-api';
import { createBrowserApi } from './browser-api';

/** The host API of this page. */
export function pickDesktopApi(): DesktopApi {
  const injected = (window as unknown as Record<string, unknown>)[DESKTOP_API_GLOBAL];
  if (injected && typeof injected === 'object' && 'loadFiles' in injected) return injected as DesktopApi;
  return createBrowserApi();
}
