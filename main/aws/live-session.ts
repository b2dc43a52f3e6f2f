/**
 * The app's "Connect to AWS" on the main side: profiles, one fetch at a time
 * (a new one or Cancel stops the running one), progress at a steady pace, an
 * MFA code asked of the renderer when a profile needs one, and the last
 * snapshot kept for "Save snapshot". Credentials live in this module's
 * closures and the SDK clients only: everything it hands to its callbacks and
 * returns is names, counts, AWS error messages and the fetched ECS data, which
 * is what may cross IPC.
 */
import type { Bundle } from '../../shared/ingest/bundle';
import { MAX_OPEN_BYTES } from '../../shared/ipc/channels';
import { mebibytes, wholeMebibytes } from '../../shared/ingest/limits';
import type { AwsFetchResult, AwsFetchRequest, AwsProfileSummary, FetchProgress } from '../../shared/ipc/aws-fetch';
import { fetchAccount } from './fetch';
import { AbortedError } from './limiter';
import {
  checkCredentials,
  credentialsFor,
  defaultRegion,
  listProfiles,
  type AwsConfigFiles,
  type CredentialOptions,
  type CredentialProvider,
} from './profiles';

/** What the session needs from the app shell (IPC in the real app, plain functions in tests). */
export interface LiveSessionDeps {
  /** Progress for the renderer's bar; called at most every `progressIntervalMs`, and once at the end. */
  sendProgress(progress: FetchProgress): void;
  /** Asks the user for the current MFA code of `serial`; undefined when they cancelled. */
  askMfaCode(request: { profile: string; serial: string }): Promise<string | undefined>;
  configFiles?: AwsConfigFiles;
  /** The ECS endpoint; absent = AWS's (the SDK also honours AWS_ENDPOINT_URL_ECS). */
  endpointUrl?: string;
  progressIntervalMs?: number;
  /** Replaces the STS call of assume-role profiles (tests; the real app leaves it out). */
  roleAssumer?: CredentialOptions['roleAssumer'];
  /** Keeps each complete fetch in the history folder (main/history); a failure is a warning, never a failed fetch. */
  keepSnapshot?(bundle: Bundle): Promise<void>;
  /** Largest snapshot handed to the window (default MAX_OPEN_BYTES, what one IPC answer can carry). */
  maxSnapshotBytes?: number;
}

/** The main-side API behind the "Connect to AWS" dialog. */
export interface LiveSession {
  listProfiles(): Promise<AwsProfileSummary[]>;
  /**
   * Fetches and returns the result, a complete one as the snapshot's JSON (the page ingests it in its worker);
   * a fetch already running is cancelled first.
   */
  fetch(request: AwsFetchRequest): Promise<AwsFetchResult>;
  /** Cancels the running fetch, if any: its requests are aborted at once. */
  cancel(): void;
  /** The bundle of the last complete fetch, for "Save snapshot" (written by main). */
  lastSnapshot(): Bundle | undefined;
}

// Renew a few minutes early so a long fetch never signs with credentials about to expire.
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Makes the session; one per app window is enough. */
export function createLiveSession(deps: LiveSessionDeps): LiveSession {
  let running: AbortController | undefined;
  let last: Bundle | undefined;
  // Task definitions never change once registered: keeping them makes every refresh (and a retry after Cancel) cheaper.
  const taskDefinitionCache = new Map<string, Record<string, unknown>>();
  // One provider per profile for the app's life, so an auto-refresh does not ask for an MFA code every time.
  const providers = new Map<string, CredentialProvider>();

  const providerFor = (profile: string | undefined): CredentialProvider => {
    const key = profile ?? '';
    let p = providers.get(key);
    if (!p) {
      const base = credentialsFor(profile, {
        ...deps.configFiles,
        ...(deps.roleAssumer ? { roleAssumer: deps.roleAssumer } : {}),
        mfaCode: async (serial) => {
          const code = await deps.askMfaCode({ profile: profile ?? 'default', serial });
          if (code === undefined) throw new AbortedError();
          return code;
        },
      });
      let cached: Awaited<ReturnType<CredentialProvider>> | undefined;
      p = (async () => {
        if (!cached || (cached.expiration && cached.expiration.getTime() - Date.now() < EXPIRY_MARGIN_MS))
          cached = await base();
        return cached;
      }) as CredentialProvider;
      providers.set(key, p);
    }
    return p;
  };

  return {
    listProfiles: () => listProfiles(deps.configFiles),
    cancel() {
      running?.abort();
    },
    lastSnapshot: () => last,
    async fetch(request) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      try {
        const regions = request.regions.length
          ? request.regions
          : [await defaultRegion(request.profile, deps.configFiles)].filter((r): r is string => Boolean(r));
        if (regions.length === 0)
          return {
            outcome: 'failed',
            message: `No region chosen, and ${request.profile ? `profile "${request.profile}"` : 'the default profile'} names none.`,
            warnings: [],
          };
        const credentials = providerFor(request.profile);
        const check = await checkCredentials(credentials, request.profile);
        if (controller.signal.aborted) return { outcome: 'cancelled' };
        if (!check.ok) {
          // A failed login must be retried from scratch next time (new MFA code, fresh SSO token).
          providers.delete(request.profile ?? '');
          return { outcome: 'failed', message: check.message, warnings: [] };
        }
        let sentAt = 0;
        const interval = deps.progressIntervalMs ?? 100;
        const result = await fetchAccount({
          regions,
          credentials,
          clusters: request.clusters,
          includeStopped: request.includeStopped,
          ...(deps.endpointUrl ? { endpointUrl: deps.endpointUrl } : {}),
          ...(request.profile ? { profile: request.profile } : {}),
          signal: controller.signal,
          taskDefinitionCache,
          tool: 'ecs-visualizer',
          onProgress: (p) => {
            const now = performance.now();
            const final = Object.values(p.phases).every((s) => !s.listing);
            if (final || now - sentAt >= interval) {
              sentAt = now;
              deps.sendProgress(p);
            }
          },
        });
        if (result.outcome === 'cancelled') return { outcome: 'cancelled' };
        if (result.outcome === 'failed')
          return { outcome: 'failed', message: result.message, warnings: result.warnings };
        last = result.bundle;
        const warnings = [...result.warnings];
        if (deps.keepSnapshot)
          await deps.keepSnapshot(result.bundle).catch((err: unknown) => {
            warnings.push({
              operation: 'KeepHistory',
              region: regions.join(', '),
              code: 'HistoryWriteFailed',
              message: `the snapshot was not kept in the history: ${err instanceof Error ? err.message : String(err)}`,
            });
          });
        const label = `${request.profile ?? 'default credentials'} · ${regions.join(', ')}`;
        const source = { name: `${label} (live)`, bytes: new TextEncoder().encode(JSON.stringify(result.bundle)) };
        const max = deps.maxSnapshotBytes ?? MAX_OPEN_BYTES;
        if (source.bytes.length > max) {
          const message = `the fetched account is ${mebibytes(source.bytes.length)} MiB as JSON, over the ${wholeMebibytes(max)} MiB the app can hand its window at once: fetch fewer regions or clusters (Save snapshot still writes this fetch to a file)`;
          return { outcome: 'failed', message, warnings };
        }
        return { outcome: 'complete', source, warnings, elapsedMs: result.stats.elapsedMs };
      } catch (err) {
        if (err instanceof AbortedError || controller.signal.aborted) return { outcome: 'cancelled' };
        throw err;
      } finally {
        if (running === controller) running = undefined;
      }
    },
  };
}
