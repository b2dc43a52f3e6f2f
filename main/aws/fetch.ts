/**
 * The live fetch: a whole account's ECS state through the AWS SDK v3, as an
 * `ecs-visualizer/v1` bundle. It makes the fewest calls the API allows (full
 * pages, full batches, each task definition once), keeps a bounded number in
 * flight, survives throttling (the SDK's adaptive retry, then a backoff of its
 * own), turns one failing call into a warning, and stops every request at once
 * when its signal aborts. It calls ECS only, so one endpoint URL serves a test.
 */
import {
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ECSClientConfig,
} from '@aws-sdk/client-ecs';
import { setMaxListeners } from 'node:events';
import { makeBundle, type Bundle } from '../../shared/ingest/bundle';
import {
  FETCH_PHASES,
  type FetchPhase,
  type FetchProgress,
  type FetchWarning,
  type PhaseProgress,
} from '../../shared/ipc/aws-fetch';
import { AbortedError, createLimiter, sleep, type Limiter } from './limiter';

/** The batch and page sizes of the ECS API (DESIGN.md "Live fetch facts"). */
export const ECS_LIMITS = {
  listPage: 100,
  describeClusters: 100,
  describeServices: 10,
  describeTasks: 100,
  describeContainerInstances: 100,
  /** DescribeCapacityProviders answers at most 10 a page, so 10 names a call never needs a second page. */
  describeCapacityProviders: 10,
} as const;

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
  /** Attempts the SDK makes per call before this module's own backoff takes over. */
  sdkMaxAttempts?: number;
  /** Rounds of this module's backoff after the SDK gave up on a throttled call. */
  throttleRounds?: number;
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

/** Counters of one fetch. */
export interface FetchStats {
  /** Calls sent per operation (SDK retries not counted). */
  calls: Record<string, number>;
  retries: number;
  elapsedMs: number;
}

/** How `fetchAccount` ended. */
export type FetchResult =
  | { outcome: 'complete'; bundle: Bundle; warnings: FetchWarning[]; stats: FetchStats }
  | { outcome: 'cancelled'; warnings: FetchWarning[]; stats: FetchStats }
  | { outcome: 'failed'; message: string; warnings: FetchWarning[]; stats: FetchStats };

type Raw = Record<string, unknown>;

// Errors that mean every further call would fail the same way: stop and say so once.
const FATAL_CODES = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'CredentialsProviderError',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
]);
const THROTTLE_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
]);

/** Stops the whole fetch with a message for the user. */
class FatalFetchError extends Error {}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; Code?: unknown; code?: unknown };
    for (const v of [e.name, e.Code, e.code]) if (typeof v === 'string' && v !== 'Error') return v;
  }
  return 'Error';
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Turns SDK output (Dates, class instances) into the plain JSON AWS sent, as the bundle stores it. */
function plain<T>(value: T): Raw {
  return JSON.parse(JSON.stringify(value)) as Raw;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Collects ARNs and hands them on in full batches, so a describe call is never half empty but for the last. */
class Batcher {
  private pending: string[] = [];
  private readonly seen = new Set<string>();
  private readonly jobs: Promise<void>[] = [];
  constructor(
    private readonly size: number,
    private readonly describe: (batch: string[]) => Promise<void>,
  ) {}
  /** Adds ARNs (duplicates dropped) and starts a describe for each full batch; returns how many were new. */
  add(arns: string[]): number {
    let added = 0;
    for (const a of arns) {
      if (this.seen.has(a)) continue;
      this.seen.add(a);
      this.pending.push(a);
      added += 1;
      if (this.pending.length === this.size) this.flush();
    }
    return added;
  }
  private flush() {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const job = this.describe(batch);
    // Marked handled here: after Cancel, batches reject before `finish` awaits them.
    job.catch(() => undefined);
    this.jobs.push(job);
  }
  /** Describes what is left and waits for every batch. */
  async finish(): Promise<void> {
    this.flush();
    await Promise.all(this.jobs);
  }
}

/** Fetches the ECS state of `regions` and returns it as a bundle, or why not. */
export async function fetchAccount(options: FetchOptions): Promise<FetchResult> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 10;
  const throttleRounds = options.throttleRounds ?? 8;
  const tdCache = options.taskDefinitionCache ?? new Map<string, Raw>();
  // One controller for the user's Cancel and for a fatal error: either stops every request.
  const stop = new AbortController();
  // Every request in flight and every backoff listens to it; they remove themselves when done.
  setMaxListeners(0, stop.signal);
  const onUserAbort = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onUserAbort, { once: true });

  const out = {
    clusters: [] as Raw[],
    services: [] as Raw[],
    tasks: [] as Raw[],
    taskDefinitions: new Map<string, Raw>(),
    containerInstances: [] as Raw[],
    capacityProviders: [] as Raw[],
    failures: [] as Raw[],
  };
  const warnings: FetchWarning[] = [];
  const stats: FetchStats = { calls: {}, retries: 0, elapsedMs: 0 };
  const phases = Object.fromEntries(FETCH_PHASES.map((p) => [p, { done: 0, total: 0, listing: true }])) as Record<
    FetchPhase,
    PhaseProgress
  >;
  let fatal: string | undefined;
  // A phase's total is final once every region has listed it.
  let regionsListingClusters = options.regions.length;
  let regionsListingProviders = options.regions.length;
  let regionsListingClusterContents = options.regions.length;

  const report = () => {
    if (!options.onProgress || stop.signal.aborted) return;
    const calls = Object.values(stats.calls).reduce((a, b) => a + b, 0);
    options.onProgress({
      phases: structuredClone(phases),
      calls,
      retries: stats.retries,
      warnings: warnings.length,
      elapsedMs: Math.round(performance.now() - started),
    });
  };
  const warn = (w: FetchWarning) => {
    warnings.push(w);
    out.failures.push({
      ...(w.resource ? { arn: w.resource } : {}),
      reason: w.code,
      detail: `${w.operation} in ${w.region}: ${w.message}`,
    });
  };

  const fetchRegion = async (region: string, limiter: Limiter) => {
    const client = new ECSClient({
      region,
      credentials: options.credentials,
      ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
      // Adaptive mode adds a client-side rate limiter that backs off on ThrottlingException: the account's bucket is shared by every call.
      retryMode: 'adaptive',
      maxAttempts: options.sdkMaxAttempts ?? 6,
    });
    const tdJobs: Promise<void>[] = [];

    /** Sends one call through the limiter; returns undefined (after a warning) when it failed for a reason other than Cancel. */
    const call = async <T extends { $metadata: { attempts?: number } }>(
      operation: string,
      resource: string | undefined,
      send: (abortSignal: AbortSignal) => Promise<T>,
    ): Promise<T | undefined> => {
      for (let round = 0; ; round += 1) {
        try {
          const result = await limiter.run(() => {
            stats.calls[operation] = (stats.calls[operation] ?? 0) + 1;
            return send(stop.signal);
          });
          stats.retries += Math.max(0, (result.$metadata.attempts ?? 1) - 1);
          return result;
        } catch (err) {
          if (stop.signal.aborted) throw new AbortedError();
          const code = errorCode(err);
          if (FATAL_CODES.has(code)) throw new FatalFetchError(`${operation} in ${region}: ${errorMessage(err)}`);
          if (THROTTLE_CODES.has(code) && round < throttleRounds) {
            // The SDK gave up: wait with full jitter, capped, before this call tries again.
            stats.retries += 1;
            await sleep(Math.random() * Math.min(20_000, 500 * 2 ** round), stop.signal);
            continue;
          }
          warn({ operation, region, ...(resource ? { resource } : {}), code, message: errorMessage(err) });
          report();
          return undefined;
        }
      }
    };

    const addFailures = (failures: unknown) => {
      if (Array.isArray(failures)) for (const f of failures) out.failures.push(plain(f));
    };

    const ensureTaskDefinition = (arn: unknown) => {
      if (typeof arn !== 'string' || arn === '' || out.taskDefinitions.has(arn)) return;
      phases.taskDefinitions.total += 1;
      const cached = tdCache.get(arn);
      if (cached) {
        out.taskDefinitions.set(arn, cached);
        phases.taskDefinitions.done += 1;
        return;
      }
      // A placeholder until it arrives, so a second reference does not fetch it again.
      out.taskDefinitions.set(arn, {});
      const job = call('DescribeTaskDefinition', arn, (abortSignal) =>
        client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }), { abortSignal }),
      ).then((r) => {
        if (r?.taskDefinition) {
          const td = plain(r.taskDefinition);
          out.taskDefinitions.set(arn, td);
          tdCache.set(arn, td);
        } else out.taskDefinitions.delete(arn);
        phases.taskDefinitions.done += 1;
        report();
      });
      // Marked handled here: after Cancel it rejects before the region awaits `tdJobs`.
      job.catch(() => undefined);
      tdJobs.push(job);
    };

    // Clusters: the ones asked for, or every one the region lists.
    let clusterRefs = options.clusters?.length ? [...options.clusters] : [];
    if (!options.clusters?.length) {
      let nextToken: string | undefined;
      do {
        const token = nextToken;
        const page = await call('ListClusters', undefined, (abortSignal) =>
          client.send(new ListClustersCommand({ maxResults: ECS_LIMITS.listPage, nextToken: token }), { abortSignal }),
        );
        if (!page)
          throw new FatalFetchError(
            `Could not list the clusters of ${region}: ${warnings[warnings.length - 1]?.message ?? 'unknown error'}`,
          );
        clusterRefs.push(...(page.clusterArns ?? []));
        phases.clusters.total += page.clusterArns?.length ?? 0;
        report();
        nextToken = page.nextToken;
      } while (nextToken);
    } else phases.clusters.total += clusterRefs.length;
    clusterRefs = [...new Set(clusterRefs)];

    const described: Raw[] = [];
    await Promise.all(
      chunk(clusterRefs, ECS_LIMITS.describeClusters).map(async (batch) => {
        const r = await call('DescribeClusters', undefined, (abortSignal) =>
          client.send(new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS', 'CONFIGURATIONS'] }), {
            abortSignal,
          }),
        );
        for (const c of r?.clusters ?? []) described.push(plain(c));
        addFailures(r?.failures);
        for (const f of r?.failures ?? [])
          warn({
            operation: 'DescribeClusters',
            region,
            ...(f.arn ? { resource: f.arn } : {}),
            code: f.reason ?? 'failure',
            message: f.detail ?? `cluster ${f.reason ?? 'not described'}`,
          });
        phases.clusters.done += batch.length;
        report();
      }),
    );
    out.clusters.push(...described);
    if (--regionsListingClusters === 0) phases.clusters.listing = false;

    const listAll = async (
      operation: string,
      cluster: string,
      list: (
        token: string | undefined,
        abortSignal: AbortSignal,
      ) => Promise<{ $metadata: { attempts?: number }; nextToken?: string; arns: string[] }>,
      onPage: (arns: string[]) => void,
    ) => {
      let nextToken: string | undefined;
      do {
        const token = nextToken;
        const page = await call(operation, cluster, (abortSignal) => list(token, abortSignal));
        if (!page) return;
        onPage(page.arns);
        nextToken = page.nextToken;
      } while (nextToken);
    };

    const fetchCluster = async (clusterArn: string) => {
      const services = new Batcher(ECS_LIMITS.describeServices, async (batch) => {
        const r = await call('DescribeServices', clusterArn, (abortSignal) =>
          client.send(new DescribeServicesCommand({ cluster: clusterArn, services: batch, include: ['TAGS'] }), {
            abortSignal,
          }),
        );
        for (const s of r?.services ?? []) {
          out.services.push(plain(s));
          ensureTaskDefinition(s.taskDefinition);
          for (const d of s.deployments ?? []) ensureTaskDefinition(d.taskDefinition);
        }
        addFailures(r?.failures);
        phases.services.done += batch.length;
        report();
      });
      const tasks = new Batcher(ECS_LIMITS.describeTasks, async (batch) => {
        const r = await call('DescribeTasks', clusterArn, (abortSignal) =>
          client.send(new DescribeTasksCommand({ cluster: clusterArn, tasks: batch, include: ['TAGS'] }), {
            abortSignal,
          }),
        );
        for (const t of r?.tasks ?? []) {
          out.tasks.push(plain(t));
          ensureTaskDefinition(t.taskDefinitionArn);
        }
        addFailures(r?.failures);
        phases.tasks.done += batch.length;
        report();
      });
      const instances = new Batcher(ECS_LIMITS.describeContainerInstances, async (batch) => {
        const r = await call('DescribeContainerInstances', clusterArn, (abortSignal) =>
          client.send(new DescribeContainerInstancesCommand({ cluster: clusterArn, containerInstances: batch }), {
            abortSignal,
          }),
        );
        for (const i of r?.containerInstances ?? []) out.containerInstances.push(plain(i));
        addFailures(r?.failures);
        phases.containerInstances.done += batch.length;
        report();
      });
      const statuses: ('RUNNING' | 'STOPPED')[] = options.includeStopped ? ['RUNNING', 'STOPPED'] : ['RUNNING'];
      await Promise.all([
        listAll(
          'ListServices',
          clusterArn,
          async (nextToken, abortSignal) => {
            const r = await client.send(
              new ListServicesCommand({ cluster: clusterArn, maxResults: ECS_LIMITS.listPage, nextToken }),
              { abortSignal },
            );
            return { ...r, arns: r.serviceArns ?? [] };
          },
          (arns) => {
            phases.services.total += services.add(arns);
            report();
          },
        ).then(() => services.finish()),
        // RUNNING and STOPPED lists feed one batcher, so their tasks share describe calls.
        Promise.all(
          statuses.map((desiredStatus) =>
            listAll(
              'ListTasks',
              clusterArn,
              async (nextToken, abortSignal) => {
                const r = await client.send(
                  new ListTasksCommand({
                    cluster: clusterArn,
                    desiredStatus,
                    maxResults: ECS_LIMITS.listPage,
                    nextToken,
                  }),
                  { abortSignal },
                );
                return { ...r, arns: r.taskArns ?? [] };
              },
              (arns) => {
                phases.tasks.total += tasks.add(arns);
                report();
              },
            ),
          ),
        ).then(() => tasks.finish()),
        listAll(
          'ListContainerInstances',
          clusterArn,
          async (nextToken, abortSignal) => {
            const r = await client.send(
              new ListContainerInstancesCommand({ cluster: clusterArn, maxResults: ECS_LIMITS.listPage, nextToken }),
              { abortSignal },
            );
            return { ...r, arns: r.containerInstanceArns ?? [] };
          },
          (arns) => {
            phases.containerInstances.total += instances.add(arns);
            report();
          },
        ).then(() => instances.finish()),
      ]);
    };

    const fetchCapacityProviders = async () => {
      const names = [
        ...new Set(
          described.flatMap((c) =>
            Array.isArray(c.capacityProviders)
              ? (c.capacityProviders as unknown[]).filter((n): n is string => typeof n === 'string')
              : [],
          ),
        ),
      ];
      phases.capacityProviders.total += names.length;
      if (--regionsListingProviders === 0) phases.capacityProviders.listing = false;
      report();
      await Promise.all(
        chunk(names, ECS_LIMITS.describeCapacityProviders).map(async (batch) => {
          let nextToken: string | undefined;
          do {
            const token = nextToken;
            const r = await call('DescribeCapacityProviders', undefined, (abortSignal) =>
              client.send(
                new DescribeCapacityProvidersCommand({
                  capacityProviders: batch,
                  maxResults: ECS_LIMITS.describeCapacityProviders,
                  nextToken: token,
                }),
                { abortSignal },
              ),
            );
            for (const p of r?.capacityProviders ?? []) out.capacityProviders.push(plain(p));
            addFailures(r?.failures);
            nextToken = r?.nextToken;
          } while (nextToken);
          phases.capacityProviders.done += batch.length;
          report();
        }),
      );
    };

    try {
      const clusterJobs = described.map((c) => fetchCluster(c.clusterArn as string));
      await Promise.all([
        Promise.all(clusterJobs).then(() => {
          if (--regionsListingClusterContents > 0) return;
          phases.services.listing = false;
          phases.tasks.listing = false;
          phases.containerInstances.listing = false;
        }),
        fetchCapacityProviders(),
      ]);
      // Task definitions are requested while services and tasks arrive; no new one starts after the clusters are done.
      await Promise.all(tdJobs);
    } finally {
      client.destroy();
    }
  };

  try {
    const limiters = options.regions.map(() => createLimiter(concurrency, stop.signal));
    const results = await Promise.allSettled(options.regions.map((region, i) => fetchRegion(region, limiters[i])));
    const fatalErr = results.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason instanceof FatalFetchError,
    );
    if (fatalErr && results.every((r) => r.status === 'rejected')) throw fatalErr.reason;
    const other = results.find(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && !(r.reason instanceof FatalFetchError) && !(r.reason instanceof AbortedError),
    );
    if (other && !stop.signal.aborted) throw other.reason;
    for (const r of results)
      if (r.status === 'rejected' && r.reason instanceof FatalFetchError)
        warn({ operation: 'fetch', region: '', code: 'RegionFailed', message: r.reason.message });
  } catch (err) {
    if (err instanceof FatalFetchError) fatal = err.message;
    else if (!(err instanceof AbortedError) && !options.signal?.aborted) throw err;
  } finally {
    options.signal?.removeEventListener('abort', onUserAbort);
  }
  stats.elapsedMs = Math.round(performance.now() - started);
  if (options.signal?.aborted) return { outcome: 'cancelled', warnings, stats };
  if (fatal !== undefined) {
    stop.abort();
    return { outcome: 'failed', message: fatal, warnings, stats };
  }
  for (const p of FETCH_PHASES) phases[p].listing = false;
  report();
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
    taskDefinitions: [...out.taskDefinitions.values()].filter((td) => Object.keys(td).length > 0),
    containerInstances: out.containerInstances,
    capacityProviders: out.capacityProviders,
    failures: out.failures,
  });
  return { outcome: 'complete', bundle, warnings, stats };
}
