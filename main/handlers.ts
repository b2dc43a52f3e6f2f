/**
 * Registers a handler for every renderer → main channel of the contract.
 * Each goes through `IpcRegistry.handle`, so none runs for a foreign sender
 * or a malformed argument.
 */
import type { BrowserWindow } from 'electron';
import type { Topology } from '../shared/model/types';
import { reportRendererError, type CrashDeps } from './crash';
import { openAwsConsoleUrl } from './external';
import type { IpcRegistry } from './ipc';
import { pickPaths, type DocumentSession } from './open-files';
import type { RendererPush } from './renderer-push';
import { saveExport } from './save-file';

/** What the handlers reach. */
export interface HandlerDeps {
  documents: DocumentSession;
  push: RendererPush;
  getWindow: () => BrowserWindow | null;
  crash: CrashDeps;
}

/** Registers the handlers of all invoke channels. */
export function registerHandlers(ipc: IpcRegistry, deps: HandlerDeps): void {
  ipc.handle('files:load', (request) => deps.documents.load(request));
  ipc.handle('files:open-dialog', async (): Promise<Topology | null> => {
    const paths = await pickPaths(deps.getWindow(), 'any');
    return paths ? deps.documents.open(paths) : null;
  });
  ipc.handle('files:load-demo', () => deps.documents.loadDemo());
  ipc.handle('files:save', (request) => saveExport(deps.getWindow(), request));
  ipc.handle('shell:open-external', async (url) => {
    await openAwsConsoleUrl(url);
  });
  ipc.handle('app:report-error', (report) => reportRendererError(report, deps.crash));
  ipc.handle('app:renderer-ready', () => deps.push.markReady());
}
