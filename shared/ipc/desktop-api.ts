import type { Topology } from '../model/types';
import type { MenuCommand, OpenedSources, TopologyPushReason } from './channels';
import type {
  AwsFetchOutcome,
  AwsFetchResult,
  AwsFetchRequest,
  AwsProfileSummary,
  FetchProgress,
  MfaCodeAnswer,
  MfaCodeRequest,
} from './aws-fetch';
import type { KeptFetchList, KeptFetchText } from './kept-history';

export type { MenuCommand } from './channels';

/** The name the Electron preload exposes the API under on the page's global object (`desktopApi`). Absent in web mode. */
export const DESKTOP_API_GLOBAL = 'desktopApi';

/** A file the renderer holds (picked, dropped): its name and, where the host knows it, its path on disk. */
export interface PickedFile {
  name: string;
  text(): Promise<string>;
  size: number;
}

/**
 * The one interface the UI uses for host I/O (open, save, watch, menu, AWS).
 * Two implementations: the Electron preload (`main/preload.ts`, checked with
 * `satisfies DesktopApi`) and the plain browser one
 * (`renderer/desktop/browser-api.ts`) for web mode. Laying out what was
 * loaded is the renderer's LayoutHost's (`renderer/layout/layout-host.ts`).
 */
export interface DesktopApi {
  /** Which host this is. */
  readonly platform: 'electron' | 'web';
  /** Load files the user picked or dropped in the page (web: read in the page; electron: by path, in main). */
  loadFiles(files: File[]): Promise<Topology>;
  /** The host's own open dialog (files or folder); null when cancelled or when the host has none. */
  openDialog(): Promise<Topology | null>;
  /** The demo snapshot that ships with the app. */
  loadDemo(): Promise<Topology>;
  /**
   * Called when the host pushes a new load (menu open, command line, file watch reload), or the complete
   * topology of a load it gave in parts (`complete`: the one shown has `arriving`). Returns an unsubscribe.
   */
  onTopology(listener: (topology: Topology, reason: 'open' | 'reload' | 'complete') => void): () => void;
  /** Save bytes or text the user exported (web: a download; electron: a save dialog). Returns the saved name, or null when cancelled. */
  saveFile(suggestedName: string, data: Uint8Array | string): Promise<string | null>;
  /** Open an AWS console URL in the system browser (only https://*.console.aws.amazon.com). */
  openExternal(url: string): Promise<void>;
  /**
   * Called when the host menu asks the page to act (a command of renderer/commands). Returns an
   * unsubscribe. Web mode has no host menu: it never calls, and the page binds the commands' keys itself.
   */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Tell the host which of its menu's page commands cannot run now (see `menu:unavailable`), so it greys them.
   * Web mode has no host menu: its implementation does nothing.
   */
  setMenuUnavailable(commands: MenuCommand[]): Promise<void>;
  /** Tell the host about an error the page could not recover from (electron: logged to the log file and shown in a dialog; web: nowhere to go). */
  reportError(error: { message: string; stack?: string }): Promise<void>;
  /**
   * "Connect to AWS": the user's AWS profiles, names and kinds only. Desktop only, as every AWS member:
   * credentials never leave main, so web mode's implementations refuse (`platform` says which host this is).
   */
  listAwsProfiles(): Promise<AwsProfileSummary[]>;
  /** Fetches the account's ECS state in main; resolves when it ends (progress arrives through `onAwsProgress`). */
  fetchAws(request: AwsFetchRequest): Promise<AwsFetchOutcome>;
  /** Cancels the running fetch at once (in-flight requests are aborted). */
  cancelAwsFetch(): Promise<void>;
  /** Saves the last complete fetch as an `ecs-visualizer/v1` snapshot (main shows the save dialog). */
  saveAwsSnapshot(): Promise<string | null>;
  /** Progress of a running fetch, per phase. Returns an unsubscribe. */
  onAwsProgress(listener: (progress: FetchProgress) => void): () => void;
  /** An assume-role profile needs the current MFA code. Returns an unsubscribe. */
  onAwsMfaRequest(listener: (request: MfaCodeRequest) => void): () => void;
  /** The code the user typed for an MFA request, or null when they cancelled. */
  answerAwsMfa(answer: MfaCodeAnswer): Promise<void>;
  /**
   * "Kept fetches…": the live fetches the desktop app kept in its history folder, oldest first, by file name.
   * Desktop only: web mode keeps no history, and its implementations refuse (`NO_KEPT_HISTORY`).
   */
  listKeptFetches(): Promise<KeptFetchList>;
  /** The texts of the kept fetches named (names from `listKeptFetches`); one that cannot be read says why. */
  readKeptFetches(names: string[]): Promise<KeptFetchText[]>;
}

/**
 * What the Electron preload exposes (the page's global `desktopApi`, `main/preload.ts` checks it with `satisfies`): the
 * DesktopApi's host I/O, except that loads come as the texts main read (OpenedSources, and a complete live
 * fetch's snapshot text), never as topologies. The page's wrapper (`renderer/desktop/desktop-api.ts`) ingests
 * them in its ingest worker and is the DesktopApi the UI uses, on the same hosts as web mode.
 */
export interface DesktopBridge extends Omit<
  DesktopApi,
  'platform' | 'loadFiles' | 'openDialog' | 'loadDemo' | 'onTopology' | 'fetchAws'
> {
  readonly platform: 'electron';
  /** Files the user picked or dropped in the page: read by path in main (inline when they have none). */
  loadFiles(files: File[]): Promise<OpenedSources>;
  /** Main's open dialog; null when cancelled. */
  openDialog(): Promise<OpenedSources | null>;
  /** The demo snapshot that ships with the app. */
  loadDemo(): Promise<OpenedSources>;
  /** Files main opened (menu, command line, OS) or read again (file watch). Returns an unsubscribe. */
  onFiles(listener: (opened: OpenedSources, reason: TopologyPushReason) => void): () => void;
  /** A live fetch; a complete one gives the snapshot's text. */
  fetchAws(request: AwsFetchRequest): Promise<AwsFetchResult>;
}

/** The AWS members of DesktopApi (see `listAwsProfiles`). */
export type LiveAwsMembers =
  | 'listAwsProfiles'
  | 'fetchAws'
  | 'cancelAwsFetch'
  | 'saveAwsSnapshot'
  | 'onAwsProgress'
  | 'onAwsMfaRequest'
  | 'answerAwsMfa';

/** Why a host without live AWS access refuses: the credentials live in the desktop app's main process only. */
export const NO_LIVE_AWS_MESSAGE = 'Connect to AWS needs the desktop app: AWS credentials never leave its main process';

/** The AWS members of a host that has no live AWS access (web mode, component tests): every call refuses or does nothing. */
export const NO_LIVE_AWS: Pick<DesktopApi, LiveAwsMembers> = {
  listAwsProfiles: () => Promise.reject(new Error(NO_LIVE_AWS_MESSAGE)),
  fetchAws: () => Promise.reject(new Error(NO_LIVE_AWS_MESSAGE)),
  cancelAwsFetch: async () => undefined,
  saveAwsSnapshot: () => Promise.reject(new Error(NO_LIVE_AWS_MESSAGE)),
  onAwsProgress: () => () => undefined,
  onAwsMfaRequest: () => () => undefined,
  answerAwsMfa: async () => undefined,
};

/** The kept-history members of DesktopApi (see `listKeptFetches`). */
export type KeptHistoryMembers = 'listKeptFetches' | 'readKeptFetches';

/** Why a host without a kept history refuses: only the desktop app's live mode keeps its fetches. */
export const NO_KEPT_HISTORY_MESSAGE =
  'Kept fetches need the desktop app: only its live mode keeps each complete fetch in a history folder';

/** The kept-history members of a host that keeps none (web mode, component tests): every call refuses. */
export const NO_KEPT_HISTORY: Pick<DesktopApi, KeptHistoryMembers> = {
  listKeptFetches: () => Promise.reject(new Error(NO_KEPT_HISTORY_MESSAGE)),
  readKeptFetches: () => Promise.reject(new Error(NO_KEPT_HISTORY_MESSAGE)),
};
