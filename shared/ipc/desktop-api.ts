import type { LaidOutGraph, LayoutPreview, LegendCounts } from '../graph/types';
import type { Direction, ViewState } from '../graph/view';
import type { Topology } from '../model/types';
import type { MenuCommand } from './channels';
import type {
  AwsFetchOutcome,
  AwsFetchRequest,
  AwsProfileSummary,
  FetchProgress,
  MfaCodeAnswer,
  MfaCodeRequest,
} from './aws-fetch';

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
 * The one interface the UI uses to reach the host. Two implementations: the
 * Electron preload (`main/preload.ts`, checked with `satisfies DesktopApi`) and
 * the plain browser one (`renderer/desktop/browser-api.ts`) for web mode.
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
  /**
   * The raw AWS JSON of one object of `topology`, for a host that sent the topology without it
   * (web mode: it stays in the ingest worker, since cloning it to the page froze big opens).
   * Optional: Electron's topologies carry `raw`.
   */
  loadRaw?(topology: Topology, objectId: string): Promise<Record<string, unknown> | undefined>;
  /**
   * Builds and lays out the graph of a topology the host loaded and still holds (web mode: its ingest
   * worker), so it is not cloned again to a layout worker; null when the host does not hold it. Optional.
   */
  layOut?(topology: Topology, view: ViewState, direction: Direction): Promise<LaidOutGraph> | null;
  /**
   * What the page can draw of that layout before it arrives, when the host has it first (web mode: the
   * first layout of a big load, whose overview paint the ingest worker sends ahead of its thousands of
   * nodes); null when it has none, and the promise gives null when none comes. Optional.
   */
  previewLayout?(topology: Topology, view: ViewState, direction: Direction): Promise<LayoutPreview | null> | null;
  /** The legend of that layout, when the host has it before the preview (web mode: once the graph is built, before it is laid out). Optional. */
  previewLegend?(topology: Topology, view: ViewState, direction: Direction): Promise<LegendCounts | null> | null;
  /**
   * The view the host already laid out for a topology it gave (web mode lays out the first graph with the
   * ingest); the page starts with it. Needed for a load given in parts, whose lists the page cannot pick a
   * view from yet. Optional.
   */
  startingView?(topology: Topology): ViewState | undefined;
  /** Save bytes or text the user exported (web: a download; electron: a save dialog). Returns the saved name, or null when cancelled. */
  saveFile(suggestedName: string, data: Uint8Array | string): Promise<string | null>;
  /** Open an AWS console URL in the system browser (only https://*.console.aws.amazon.com). */
  openExternal(url: string): Promise<void>;
  /**
   * Called when the host menu asks the page to act (Export PNG/SVG, Find, Fit,
   * overlay and legend toggles). Returns an unsubscribe. Optional: web mode
   * has no host menu and binds its own keys.
   */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  /** Tell the host about an error the page could not recover from (electron: logged to the log file and shown in a dialog). Optional. */
  reportError?(error: { message: string; stack?: string }): Promise<void>;
  /** "Connect to AWS" (desktop only: credentials never leave main). The user's AWS profiles, names and kinds only. */
  listAwsProfiles?(): Promise<AwsProfileSummary[]>;
  /** Fetches the account's ECS state in main; resolves when it ends (progress arrives through `onAwsProgress`). */
  fetchAws?(request: AwsFetchRequest): Promise<AwsFetchOutcome>;
  /** Cancels the running fetch at once (in-flight requests are aborted). */
  cancelAwsFetch?(): Promise<void>;
  /** Saves the last complete fetch as an `ecs-visualizer/v1` snapshot (main shows the save dialog). */
  saveAwsSnapshot?(): Promise<string | null>;
  /** Progress of a running fetch, per phase. Returns an unsubscribe. */
  onAwsProgress?(listener: (progress: FetchProgress) => void): () => void;
  /** An assume-role profile needs the current MFA code. Returns an unsubscribe. */
  onAwsMfaRequest?(listener: (request: MfaCodeRequest) => void): () => void;
  /** The code the user typed for an MFA request, or null when they cancelled. */
  answerAwsMfa?(answer: MfaCodeAnswer): Promise<void>;
}
