/**
 * The IPC contract between the Electron main process and the preload: every
 * channel with its argument and result type. Main registers handlers through
 * `handle()` (main/ipc.ts), which validates arguments with the schemas in
 * `./schemas.ts`; the preload calls the same channel names. Names and types
 * live here without zod so the preload bundle stays small.
 */
import type { Diagnostic } from '../model/types';
import type { SourceBytes } from '../ingest/index';
import type { AwsInvokeChannels, AwsPushChannels } from './aws-fetch';
import type { CostInvokeChannels } from './cost-api';
import type { HistoryInvokeChannels } from './kept-history';
import { COMMANDS, type PageCommandId } from './commands';

/** A file the renderer holds that has no path on disk (created in the page, or from a host that hides paths): sent as text. */
export interface InlineSource {
  name: string;
  /** The file's text, or null when the preload refused to read it because of its size. */
  text: string | null;
  /** Size in bytes as the File reported it. */
  size: number;
}

/** Argument of `files:load`: picked or dropped files, by path where the host knows one. */
export interface LoadFilesRequest {
  paths: string[];
  inline: InlineSource[];
}

/** Argument of `files:save`. */
export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array | string;
}

/** Argument of `app:report-error`: an error the renderer could not recover from. */
export interface RendererErrorReport {
  message: string;
  stack?: string;
}

/** Why main pushed files: a fresh open (reset the view) or a reload of the same files (keep zoom, selection, collapsed state). */
export type TopologyPushReason = 'open' | 'reload';

/**
 * Files main read for the page (picked, dropped, from the menu or the command line, reloaded, the demo): their
 * bytes as read, and what could not be read. Main does not ingest them: the page's ingest worker decodes and
 * ingests them, as in web mode, so the load never crosses to the page whole (the 100,000-node account with its
 * raw JSON was a ~950 ms task to receive, then ~400 ms more to send to a layout worker). Bytes rather than
 * text: the page receives them as one copy and hands them to the worker without one (transferred).
 */
export interface OpenedSources {
  sources: SourceBytes[];
  diagnostics: Diagnostic[];
}

/**
 * Most bytes of files main hands the window in one OpenedSources (a file past it is refused unread, named in a
 * diagnostic). Electron's IPC crashes when it serialises a message past 512 MiB (its buffer grows 4× past V8's
 * 536,870,912-byte string limit, over INT_MAX: electron/electron#53961, open as of 2026-09-15); 32 MiB are left
 * for names, diagnostics and the message's own framing. One file alone is at most MAX_FILE_BYTES (256 MiB).
 */
export const MAX_OPEN_BYTES = 480 * 1024 * 1024;

/** Menu commands main forwards to the renderer, which owns the canvas: the page's commands of COMMANDS (commands.ts). */
export const MENU_COMMANDS = COMMANDS.filter((c) => c.desktop === 'page').map((c) => c.id) as PageCommandId[];

/** One menu command the renderer acts on. */
export type MenuCommand = PageCommandId;

/** Renderer → main request/response channels (ipcRenderer.invoke / ipcMain.handle): argument and result of each. */
export interface InvokeChannels extends AwsInvokeChannels, CostInvokeChannels, HistoryInvokeChannels {
  'files:load': { arg: LoadFilesRequest; result: OpenedSources };
  'files:open-dialog': { arg: undefined; result: OpenedSources | null };
  'files:load-demo': { arg: undefined; result: OpenedSources };
  'files:save': { arg: SaveFileRequest; result: string | null };
  'shell:open-external': { arg: string; result: void };
  'app:report-error': { arg: RendererErrorReport; result: void };
  /** Sent once the renderer listens for pushes, so main can flush what it opened before the page was ready. */
  'app:renderer-ready': { arg: undefined; result: void };
  /**
   * The page's menu commands that cannot run now (no diagram open, or Refresh prices without a live load),
   * sent whenever that changes: main greys them in its menu.
   */
  'menu:unavailable': { arg: MenuCommand[]; result: void };
}

/** A renderer → main channel name. */
export type InvokeChannel = keyof InvokeChannels;

/** The argument type of an invoke channel. */
export type InvokeArg<C extends InvokeChannel> = InvokeChannels[C]['arg'];

/** The result type of an invoke channel. */
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C]['result'];

/** Main → renderer push channels (webContents.send / ipcRenderer.on): the arguments of each. */
export interface PushChannels extends AwsPushChannels {
  'files:push': [opened: OpenedSources, reason: TopologyPushReason];
  'menu:command': [command: MenuCommand];
}

/** A main → renderer channel name. */
export type PushChannel = keyof PushChannels;

/** Every channel name, as values, for code that must not hard-code strings. */
export const IpcChannel = {
  loadFiles: 'files:load',
  openDialog: 'files:open-dialog',
  loadDemo: 'files:load-demo',
  saveFile: 'files:save',
  openExternal: 'shell:open-external',
  reportError: 'app:report-error',
  rendererReady: 'app:renderer-ready',
  menuUnavailable: 'menu:unavailable',
  filesPush: 'files:push',
  menuCommand: 'menu:command',
  awsListProfiles: 'aws:list-profiles',
  awsFetch: 'aws:fetch',
  awsCancel: 'aws:cancel',
  awsMfaAnswer: 'aws:mfa-answer',
  awsSaveSnapshot: 'aws:save-snapshot',
  awsProgress: 'aws:progress',
  awsMfaRequest: 'aws:mfa-request',
  historyList: 'history:list',
  historyRead: 'history:read',
} as const satisfies Record<string, InvokeChannel | PushChannel>;

/** True for the only URLs the app opens outside itself: the AWS console over https (`*.console.aws.amazon.com`). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '')
    return false;
  const host = parsed.hostname.toLowerCase();
  return host === 'console.aws.amazon.com' || host.endsWith('.console.aws.amazon.com');
}
