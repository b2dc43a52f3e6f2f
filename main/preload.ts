/**
 * The preload: the page's only way to reach main. It exposes the DesktopBridge
 * (the DesktopApi's host I/O, loads as the texts main read: the page ingests
 * them in its worker) as named functions under `window.desktopApi`, never
 * ipcRenderer itself or an IPC event. Bundled as CommonJS (scripts/build-electron.mjs) because a
 * sandboxed preload cannot load ES modules.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { AwsFetchRequest, FetchProgress, MfaCodeAnswer, MfaCodeRequest } from '../shared/ipc/aws-fetch';
import type {
  InlineSource,
  InvokeArg,
  InvokeChannel,
  InvokeResult,
  MenuCommand,
  OpenedSources,
  TopologyPushReason,
} from '../shared/ipc/channels';
import { DESKTOP_API_GLOBAL, type DesktopBridge } from '../shared/ipc/desktop-api';
import { COST_API_GLOBAL, type CostBridge } from '../shared/ipc/cost-api';
import { MAX_FILE_BYTES } from '../shared/ingest/limits';

function invoke<C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeResult<C>> {
  return ipcRenderer.invoke(channel, arg) as Promise<InvokeResult<C>>;
}

let readySent = false;

/** Tells main the page listens, once per page load, so it sends what it opened while the page was loading. */
function announceReady(): void {
  if (readySent) return;
  readySent = true;
  void invoke('app:renderer-ready', undefined);
}

/** Splits picked or dropped files into paths (read in main, then watched) and texts of files that have no path. */
async function describeFiles(files: File[]): Promise<{ paths: string[]; inline: InlineSource[] }> {
  const paths: string[] = [];
  const inline: InlineSource[] = [];
  for (const file of files) {
    let filePath = '';
    try {
      // Only a real file from the user's disk has a path: the page cannot invent one, so it cannot make main read a file the user never chose.
      filePath = webUtils.getPathForFile(file);
    } catch {
      filePath = '';
    }
    if (filePath) paths.push(filePath);
    else inline.push({ name: file.name, size: file.size, text: file.size > MAX_FILE_BYTES ? null : await file.text() });
  }
  return { paths, inline };
}

const desktopApi = {
  platform: 'electron',
  async loadFiles(files: File[]) {
    return invoke('files:load', await describeFiles(files));
  },
  openDialog: () => invoke('files:open-dialog', undefined),
  loadDemo: () => invoke('files:load-demo', undefined),
  onFiles(listener: (opened: OpenedSources, reason: TopologyPushReason) => void) {
    const wrapped = (_event: IpcRendererEvent, opened: OpenedSources, reason: TopologyPushReason): void =>
      listener(opened, reason);
    ipcRenderer.on('files:push', wrapped);
    announceReady();
    return () => {
      ipcRenderer.removeListener('files:push', wrapped);
    };
  },
  saveFile: (suggestedName: string, data: Uint8Array | string) => invoke('files:save', { suggestedName, data }),
  openExternal: (url: string) => invoke('shell:open-external', url),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on('menu:command', wrapped);
    return () => {
      ipcRenderer.removeListener('menu:command', wrapped);
    };
  },
  setMenuUnavailable: (commands: MenuCommand[]) => invoke('menu:unavailable', commands),
  reportError: (error: { message: string; stack?: string }) =>
    invoke('app:report-error', {
      message: String(error.message),
      ...(error.stack === undefined ? {} : { stack: String(error.stack) }),
    }),
  listAwsProfiles: () => invoke('aws:list-profiles', undefined),
  fetchAws: (request: AwsFetchRequest) => invoke('aws:fetch', request),
  cancelAwsFetch: () => invoke('aws:cancel', undefined),
  saveAwsSnapshot: () => invoke('aws:save-snapshot', undefined),
  onAwsProgress(listener: (progress: FetchProgress) => void) {
    const wrapped = (_event: IpcRendererEvent, progress: FetchProgress): void => listener(progress);
    ipcRenderer.on('aws:progress', wrapped);
    return () => {
      ipcRenderer.removeListener('aws:progress', wrapped);
    };
  },
  onAwsMfaRequest(listener: (request: MfaCodeRequest) => void) {
    const wrapped = (_event: IpcRendererEvent, request: MfaCodeRequest): void => listener(request);
    ipcRenderer.on('aws:mfa-request', wrapped);
    return () => {
      ipcRenderer.removeListener('aws:mfa-request', wrapped);
    };
  },
  answerAwsMfa: (answer: MfaCodeAnswer) => invoke('aws:mfa-answer', answer),
  // By file name only: main reads them from its own history folder.
  listKeptFetches: () => invoke('history:list', undefined),
  readKeptFetches: (names: string[]) => invoke('history:read', names),
} as const satisfies DesktopBridge;

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, desktopApi);

// The launch-type lens is priced in the page's ingest worker; Refresh prices asks the AWS Price List API in main.
const costApi = {
  canRefreshPrices: true,
  refreshPrices: (request) => invoke('prices:refresh', request),
  // The View menu's Load Prices…: main's own dialog (a page file input opened from a menu message would not open).
  openPricesDialog: () => invoke('prices:open-dialog', undefined),
} as const satisfies CostBridge;

contextBridge.exposeInMainWorld(COST_API_GLOBAL, costApi);
