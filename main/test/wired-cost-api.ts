/**
 * The page's `costApi` as the real preload exposes it, wired to main's real handlers (registerHandlers) over the
 * fake electron: a call from the page goes through the sender check and the schemas as in the app.
 */
import type { BrowserWindow as ElectronWindow } from 'electron';
import { vi } from 'vitest';
import type { CostBridge } from '../../shared/ipc/cost-api';
import type { CostDeps } from '../aws/pricing-ipc';
import { registerHandlers, type HandlerDeps } from '../handlers';
import { createIpc, createSenderCheck } from '../ipc';
import { BrowserWindow, contextBridge, ipcEvent, ipcMain, ipcRenderer, resetFakeElectron } from './fake-electron';

/** A fresh fake electron, an app window, main's handlers with `cost`, and the preload's costApi for that window. */
export async function wiredCostApi(cost: CostDeps): Promise<{ window: BrowserWindow; costApi: CostBridge }> {
  resetFakeElectron();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const window = new BrowserWindow({});
  const getWindow = (): ElectronWindow => window as unknown as ElectronWindow;
  const deps = {
    getWindow,
    crash: { log, getWindow, logFile: 'main.log' },
    setupAws: () => undefined,
    cost,
  } as unknown as HandlerDeps;
  registerHandlers(createIpc(createSenderCheck(getWindow) as never, log), deps);
  ipcRenderer.invoke.mockImplementation((channel: string, arg?: unknown) =>
    ipcMain.invoke(channel, arg, ipcEvent(window.webContents)),
  );
  vi.resetModules();
  await import('../preload');
  return { window, costApi: contextBridge.exposed.get('costApi') as CostBridge };
}
