/**
 * The plain data of a live AWS fetch that crosses from main to the renderer:
 * profiles (names and kinds only), the request, progress and the outcome.
 * Nothing here can hold a credential: these shapes have no field for one, and
 * main/aws builds them from counts, names and AWS error messages only.
 */
import type { SourceBytes } from '../ingest/index';
import type { Topology } from '../model/types';
import type { ViewState } from '../graph/view';

/** How a profile gets its credentials, as far as the config files tell. */
export type AwsProfileKind = 'sso' | 'assume-role' | 'static' | 'process' | 'web-identity' | 'other';

/** One profile of the user's AWS config and credentials files, without any secret. */
export interface AwsProfileSummary {
  name: string;
  kind: AwsProfileKind;
  /** The profile's `region`, the default region of a fetch with it. */
  region?: string;
  /** True when assuming its role asks for an MFA code (`mfa_serial`). */
  mfa: boolean;
  /** `source_profile` of an assume-role profile. */
  sourceProfile?: string;
}

/** What the renderer asks main to fetch. */
export interface AwsFetchRequest {
  /** A profile name from the list; absent = the default credential chain (environment, default profile, …). */
  profile?: string;
  /** Regions to fetch; empty = the profile's region. */
  regions: string[];
  /** Cluster names or ARNs; empty = every cluster. */
  clusters: string[];
  includeStopped: boolean;
}

/** The steps of a fetch, in the order a progress bar shows them. */
export const FETCH_PHASES = [
  'clusters',
  'services',
  'tasks',
  'taskDefinitions',
  'containerInstances',
  'capacityProviders',
] as const;

/** One step of a fetch. */
export type FetchPhase = (typeof FETCH_PHASES)[number];

/** Progress of one phase: `done` of `total` described; `total` still grows while `listing`. */
export interface PhaseProgress {
  done: number;
  total: number;
  listing: boolean;
  /** Of `done`, how many could not be described (their calls failed; the warnings say why). */
  failed?: number;
}

/** A progress report of a running fetch. */
export interface FetchProgress {
  phases: Record<FetchPhase, PhaseProgress>;
  /** API calls sent so far (retries not counted). */
  calls: number;
  /** Attempts the SDK made beyond each call's first (throttling, a timeout, a reset), over every call so far. */
  retries: number;
  warnings: number;
  elapsedMs: number;
}

/** One call that failed without stopping the fetch (AccessDenied, a deleted cluster, …). */
export interface FetchWarning {
  operation: string;
  region: string;
  /** The cluster, service or task definition the call was about. */
  resource?: string;
  /**
   * The AWS error code (e.g. `AccessDeniedException`, `ThrottlingException` after the SDK's retries), the
   * network's (`TimeoutError`, `ECONNRESET`), or the fetch's own: `RepeatedPageToken` and `PageLimit` (a
   * listing stopped, what it listed kept), `EndpointNotAnswering` (a region given up), `RegionFailed`.
   */
  code: string;
  message: string;
}

/**
 * How a fetch ended, as the renderer sees it: a complete fetch as the page's ingest worker loaded it, with the
 * view that worker laid out first for it (the page starts with it: a big load's lists arrive after its first frame).
 */
export type AwsFetchOutcome =
  | { outcome: 'complete'; topology: Topology; startingView?: ViewState; warnings: FetchWarning[]; elapsedMs: number }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message: string; warnings: FetchWarning[] };

/**
 * How a fetch ended, as main sends it (`aws:fetch`): a complete fetch is the snapshot as JSON (UTF-8 bytes),
 * which the page ingests in its ingest worker like an opened file (see OpenedSources), never a topology built
 * in main.
 */
export type AwsFetchResult =
  | { outcome: 'complete'; source: SourceBytes; warnings: FetchWarning[]; elapsedMs: number }
  | Exclude<AwsFetchOutcome, { outcome: 'complete' }>;

/** Main → renderer: the user must type the current code of an MFA device to assume a profile's role. */
export interface MfaCodeRequest {
  /** Echoed in the answer, so an answer to an old prompt is ignored. */
  requestId: string;
  profile: string;
  /** The device ARN (`mfa_serial`), shown so the user knows which device. */
  serial: string;
}

/** Renderer → main: the code typed, or null when the user cancelled the prompt. */
export interface MfaCodeAnswer {
  requestId: string;
  code: string | null;
}

/**
 * The invoke channels of "Connect to AWS", to be merged into `InvokeChannels`
 * (`interface InvokeChannels extends AwsInvokeChannels`), with their argument
 * schemas from `./aws-schemas.ts` spread into `invokeArgSchemas`.
 */
export interface AwsInvokeChannels {
  'aws:list-profiles': { arg: undefined; result: AwsProfileSummary[] };
  /** Resolves when the fetch ends; progress arrives on `aws:progress` meanwhile. */
  'aws:fetch': { arg: AwsFetchRequest; result: AwsFetchResult };
  'aws:cancel': { arg: undefined; result: void };
  'aws:mfa-answer': { arg: MfaCodeAnswer; result: void };
  /** Saves the last complete fetch as a snapshot (main shows the save dialog); the path, or null when the user cancelled. */
  'aws:save-snapshot': { arg: undefined; result: string | null };
}

/** The push channels of "Connect to AWS", to be merged into `PushChannels`. */
export interface AwsPushChannels {
  'aws:progress': [progress: FetchProgress];
  'aws:mfa-request': [request: MfaCodeRequest];
}
