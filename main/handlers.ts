/**
 * Registers a handler for every renderer → main channel of the contract.
 * Each goes through `IpcRegistry.handle`, so none runs for a foreign sender
 * or a malformed argument.
 */
import type { BrowserWindow } from 'electron';
import type { MenuCommand, OpenedSources } from '../shared/ipc/channels';
import { reportRendererError, type CrashDeps } from './crash';
import { openAwsConsoleUrl } from './external';
import type { IpcRegistry } from './ipc';
import { pickPaths, type DocumentSession } from './open-files';
import type { RendererPush } from './renderer-push';
import { saveExport } from './save-file';
import type { AwsIpcHost } from './aws/setup-aws-ipc';
import { setupCostIpc, type CostDeps } from './aws/pricing-ipc';
import type { KeptHistory } from './history/kept-fetches';
import { openPricesFile } from './prices-file';

/** What the handlers reach. */
export interface HandlerDeps {
  documents: DocumentSession;
  push: RendererPush;
  getWindow: () => BrowserWindow | null;
  crash: CrashDeps;
  /** Registers the "Connect to AWS" channels (main/aws/setup-aws-ipc.ts) on the host it is given. */
  setupAws: (host: AwsIpcHost) => void;
  /** The launch-type lens's work in main (main/aws/pricing-ipc.ts); the real one when absent. */
  cost?: CostDeps;
  /** "Kept fetches…": the live fetches kept in `<userData>/history` (main/history/kept-fetches.ts). */
  history: KeptHistory;
  /** Greys the page's menu commands it says cannot run now (main.ts rebuilds the menu). */
  setMenuUnavailable?: (commands: MenuCommand[]) => void;
}

/** The file name a saved live snapshot is offered under: the fetch's own time, so two saves do not collide. */
export function snapshotFileName(fetchedAt: string | undefined): string {
  const stamp = (fetchedAt ?? '')
    .replace(/[:.]/g, '-')
    .replace(/[^0-9A-Za-z-]/g, '')
    .slice(0, 19);
  return `ecs-snapshot${stamp ? `-${stamp}` : ''}.json`;
}

/** Registers the handlers of all invoke channels. */
export function registerHandlers(ipc: IpcRegistry, deps: HandlerDeps): void {
  ipc.handle('files:load', (request) => deps.documents.load(request));
  ipc.handle('files:open-dialog', async (): Promise<OpenedSources | null> => {
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
  ipc.handle('menu:unavailable', (commands) => deps.setMenuUnavailable?.(commands));
  ipc.handle('history:list', () => deps.history.list());
  ipc.handle('history:read', (names) => deps.history.read(names));
  setupCostIpc({ handle: (channel, handler) => ipc.handle(channel, (arg) => handler(arg)) }, deps.cost);
  ipc.handle('prices:open-dialog', () => openPricesFile(deps.getWindow()));
  deps.setupAws({
    // Same registry as every other channel: the AWS handlers get the sender check and schema validation too.
    handle: (channel, handler) => ipc.handle(channel, (arg) => handler(arg)),
    push: (channel, ...args) => deps.push.aws(channel, ...args),
    saveSnapshot: (bundle) =>
      saveExport(deps.getWindow(), {
        suggestedName: snapshotFileName(bundle.fetchedAt),
        data: JSON.stringify(bundle, null, 2),
      }),
  });
}
