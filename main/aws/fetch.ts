/**
 * The live fetch: a whole account's ECS state through the AWS SDK v3, as an
 * `ecs-visualizer/v1` bundle. It makes the fewest calls the API allows (full
 * pages, full batches, each task definition once), keeps a bounded number in
 * flight, leaves retries to the SDK (one layer, `awsClientConfig`), turns one
 * failing call into a warning, and stops every request and every wait at once
 * when its signal aborts. It calls ECS only, so one endpoint URL serves a test.
 *
 * Per region it runs the phases of `./phases/` (clusters, then per cluster
 * services, tasks and container instances side by side, capacity providers,
 * and task definitions while services and tasks arrive); each phase is a
 * function of a `RegionContext` and can be run alone.
 */
import { ECSClient, type ECSClientConfig } from '@aws-sdk/client-ecs';
import { setMaxListeners } from 'node:events';
import { makeBundle, type Bundle } from '../../shared/ingest/bundle';
import { FETCH_PHASES, type FetchProgress, type FetchWarning } from '../../shared/ipc/aws-fetch';
import { AWS_CLIENT_DEFAULTS, awsClientConfig, type AwsClientTuning } from './client-config';
import {
  createAccountState,
  createRegionContext,
  FatalFetchError,
  type AccountState,
  type FetchStats,
  type Raw,
} from './fetch-context';
import { AbortedError } from './limiter';
import { fetchClusters } from './phases/clusters';
import { createDefinitionRequests } from './phases/definitions';
import { capacityProviderNames, fetchCapacityProviders, fetchContainerInstances } from './phases/hosts';
import { fetchServices } from './phases/services';
import { fetchTasks } from './phases/tasks';

export { ECS_LIMITS, MAX_PAGES, type FetchStats } from './fetch-context';

/** Options of `fetchAccount`. */
export interface FetchOptions {
  regions: string[];
  /** Credentials or a provider of them; they go to the SDK client and nowhere else. */
  credentials: NonNullable<ECSClientConfig['credentials']>;
  /** Cluster names or ARNs; empty or absent = every cluster of each region. */
  clusters?: string[];
  /** Also list tasks whose desired status is STOPPED. */
  includeStopped?: boolean;
  /** The ECS endpoint (`--endpoint-url`); absent = the region's AWS endpoint. */
  endpointUrl?: string;
  /** Recorded in the bundle's `source` (a name, never a secret). */
  profile?: string;
  /** Calls in flight at once per region. */
  concurrency?: number;
  /** Timeouts and attempts of the ECS client (tests shorten them); default `AWS_CLIENT_DEFAULTS`. */
  client?: AwsClientTuning;
  /** Pages one listing may take per operation and cluster; default MAX_PAGES. */
  maxPages?: number;
  signal?: AbortSignal;
  onProgress?: (progress: FetchProgress) => void;
  /**
   * Task definitions already known, by ARN. A revision never changes once
   * registered, so a refresh (or a retry after Cancel) skips them; the fetch
   * adds what it describes, which is what makes it resumable.
   */
  taskDefinitionCache?: Map<string, Record<string, unknown>>;
  /** The `source.tool` of the bundle. */
  tool?: string;
}

/** How `fetchAccount` ended. */
export type FetchResult =
  | { outcome: 'complete'; bundle: Bundle; warnings: FetchWarning[]; stats: FetchStats }
  | { outcome: 'cancelled'; warnings: FetchWarning[]; stats: FetchStats }
  | { outcome: 'failed'; message: string; warnings: FetchWarning[]; stats: FetchStats };

/** Fetches one region into the account's state: clusters first, then everything inside them. */
async function fetchRegion(
  state: AccountState,
  region: string,
  options: FetchOptions,
  tdCache: Map<string, Raw>,
  listed: (what: 'clusters' | 'contents' | 'providers') => void,
) {
  const tuning = { ...AWS_CLIENT_DEFAULTS, ...options.client };
  const client = new ECSClient({
    region,
    credentials: options.credentials,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...awsClientConfig(tuning),
  });
  const ctx = createRegionContext(state, {
    region,
    client,
    concurrency: options.concurrency ?? 10,
    timeouts: tuning,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
  });
  const statuses: ('RUNNING' | 'STOPPED')[] = options.includeStopped ? ['RUNNING', 'STOPPED'] : ['RUNNING'];
  try {
    const clusters = await fetchClusters(ctx, options.clusters);
    listed('clusters');
    const definitions = createDefinitionRequests(ctx, tdCache);
    const providers = capacityProviderNames(clusters);
    const providersDone = fetchCapacityProviders(ctx, providers);
    listed('providers');
    await Promise.all([
      Promise.all(
        clusters.map((c) => {
          const arn = c.clusterArn as string;
          return Promise.all([
            fetchServices(ctx, arn, definitions),
            fetchTasks(ctx, arn, statuses, definitions),
            fetchContainerInstances(ctx, arn),
          ]);
        }),
      ).then(() => listed('contents')),
      providersDone,
    ]);
    // Task definitions are requested while services and tasks arrive; no new one starts after the clusters are done.
    await definitions.finish();
  } finally {
    client.destroy();
  }
}

/** Fetches the ECS state of `regions` and returns it as a bundle, or why not. */
export async function fetchAccount(options: FetchOptions): Promise<FetchResult> {
  const started = performance.now();
  const tdCache = options.taskDefinitionCache ?? new Map<string, Raw>();
  // One controller for the user's Cancel and for a fatal error: either stops every request.
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const onUserAbort = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onUserAbort, { once: true });
  const state = createAccountState(stop.signal, options.onProgress);
  const { phases } = state;
  let fatal: string | undefined;
  // A phase's total is final once every region has listed it.
  const regionsListing = {
    clusters: options.regions.length,
    contents: options.regions.length,
    providers: options.regions.length,
  };
  const listed = (what: keyof typeof regionsListing) => {
    if (--regionsListing[what] > 0) return;
    if (what === 'clusters') phases.clusters.listing = false;
    if (what === 'providers') phases.capacityProviders.listing = false;
    if (what === 'contents') {
      phases.services.listing = false;
      phases.tasks.listing = false;
      phases.containerInstances.listing = false;
    }
    state.report();
  };

  try {
    const results = await Promise.allSettled(
      options.regions.map((region) => fetchRegion(state, region, options, tdCache, listed)),
    );
    const fatalErr = results.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason instanceof FatalFetchError,
    );
    if (fatalErr && results.every((r) => r.status === 'rejected')) throw fatalErr.reason;
    // A region given up (its endpoint stopped answering) ends with AbortedError and keeps what it fetched.
    const other = results.find(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && !(r.reason instanceof FatalFetchError) && !(r.reason instanceof AbortedError),
    );
    if (other && !stop.signal.aborted) throw other.reason;
    for (const r of results)
      if (r.status === 'rejected' && r.reason instanceof FatalFetchError)
        state.warn({ operation: 'fetch', region: '', code: 'RegionFailed', message: r.reason.message });
  } catch (err) {
    if (err instanceof FatalFetchError) fatal = err.message;
    else if (!(err instanceof AbortedError) && !options.signal?.aborted) throw err;
  } finally {
    options.signal?.removeEventListener('abort', onUserAbort);
  }
  const stats: FetchStats = { ...state.stats, elapsedMs: Math.round(performance.now() - started) };
  const warnings = state.warnings;
  if (options.signal?.aborted) return { outcome: 'cancelled', warnings, stats };
  if (fatal !== undefined) {
    stop.abort();
    return { outcome: 'failed', message: fatal, warnings, stats };
  }
  for (const p of FETCH_PHASES) phases[p].listing = false;
  state.report();
  const { out } = state;
  const bundle = makeBundle({
    fetchedAt: new Date().toISOString(),
    source: {
      ...(options.profile ? { profile: options.profile } : {}),
      regions: [...options.regions],
      tool: options.tool ?? 'ecs-visualizer',
    },
    clusters: out.clusters,
    services: out.services,
    tasks: out.tasks,
    // `{}` marks one still being described when the fetch stopped, or one that failed (its warning says so).
    taskDefinitions: [...out.taskDefinitions.values()].filter((td) => Object.keys(td).length > 0),
    containerInstances: out.containerInstances,
    capacityProviders: out.capacityProviders,
    failures: out.failures,
  });
  return { outcome: 'complete', bundle, warnings, stats };
}
