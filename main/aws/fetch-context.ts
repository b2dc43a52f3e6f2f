/**
 * What the phases of a live fetch share: the objects fetched so far, progress,
 * warnings, and per region one ECS client behind a bounded number of calls in
 * flight. `call` sends one request (the SDK retries it; nothing here does) and
 * turns a failure into a warning; `paginate` follows page tokens and stops on
 * one it has seen before or at the page limit. A region whose endpoint stops
 * answering is given up after a few calls, keeping what arrived.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import { setMaxListeners } from 'node:events';
import {
  FETCH_PHASES,
  type FetchPhase,
  type FetchProgress,
  type FetchWarning,
  type PhaseProgress,
} from '../../shared/ipc/aws-fetch';
import { AbortedError, createLimiter, type Limiter } from './limiter';

/** A raw AWS object as the bundle stores it. */
export type Raw = Record<string, unknown>;

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

/**
 * Pages one listing may take (per operation and cluster) before the fetch
 * stops it: 10,000 pages of 100 is a million ARNs, far past any real cluster,
 * and it bounds an endpoint that hands out new tokens forever.
 */
export const MAX_PAGES = 10_000;

/** Calls of one region that may end without an answer (timeout, reset) before the region is given up. */
export const NO_ANSWER_LIMIT = 3;

/** Counters of one fetch. */
export interface FetchStats {
  /** Calls sent per operation (the SDK's retries not counted). */
  calls: Record<string, number>;
  /** Attempts the SDK made beyond the first, over every call (throttling, timeouts, resets). */
  retries: number;
  elapsedMs: number;
}

/** Everything fetched so far, across regions. */
export interface Fetched {
  clusters: Raw[];
  services: Raw[];
  tasks: Raw[];
  /** By ARN; `{}` while one is being described. */
  taskDefinitions: Map<string, Raw>;
  containerInstances: Raw[];
  capacityProviders: Raw[];
  /** AWS `failures` entries and the fetch's own warnings, as the bundle's diagnostics. */
  failures: Raw[];
}

/** The state of one fetch shared by its regions. */
export interface AccountState {
  out: Fetched;
  phases: Record<FetchPhase, PhaseProgress>;
  warnings: FetchWarning[];
  stats: FetchStats;
  /** Aborts on Cancel or a fatal error: every request and wait of every region stops. */
  signal: AbortSignal;
  warn(w: FetchWarning): void;
  report(): void;
}

/** Stops the whole fetch (or one region) with a message for the user. */
export class FatalFetchError extends Error {}

/** Makes the shared state of a fetch; `report` calls `onProgress` unless the fetch was stopped. */
export function createAccountState(signal: AbortSignal, onProgress?: (p: FetchProgress) => void): AccountState {
  const started = performance.now();
  const out: Fetched = {
    clusters: [],
    services: [],
    tasks: [],
    taskDefinitions: new Map(),
    containerInstances: [],
    capacityProviders: [],
    failures: [],
  };
  const warnings: FetchWarning[] = [];
  const stats: FetchStats = { calls: {}, retries: 0, elapsedMs: 0 };
  const phases = Object.fromEntries(FETCH_PHASES.map((p) => [p, { done: 0, total: 0, listing: true }])) as Record<
    FetchPhase,
    PhaseProgress
  >;
  return {
    out,
    phases,
    warnings,
    stats,
    signal,
    warn(w) {
      warnings.push(w);
      out.failures.push({
        ...(w.resource ? { arn: w.resource } : {}),
        reason: w.code,
        detail: `${w.operation}${w.region ? ` in ${w.region}` : ''}: ${w.message}`,
      });
    },
    report() {
      if (!onProgress || signal.aborted) return;
      onProgress({
        phases: structuredClone(phases),
        calls: Object.values(stats.calls).reduce((a, b) => a + b, 0),
        retries: stats.retries,
        warnings: warnings.length,
        elapsedMs: Math.round(performance.now() - started),
      });
    },
  };
}

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

// Connections that ended without an answer (the SDK names these TimeoutError too, though nothing timed out).
const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH']);

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; Code?: unknown; code?: unknown };
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return e.code;
    for (const v of [e.name, e.Code, e.code]) if (typeof v === 'string' && v !== 'Error' && v !== '') return v;
  }
  return 'Error';
}

/** An error's text on one line: SDK and endpoint messages may hold line breaks, a warning is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function attemptsOf(err: unknown): number {
  const m = (err as { $metadata?: { attempts?: unknown } } | null)?.$metadata;
  return typeof m?.attempts === 'number' ? m.attempts : 1;
}

function isNoAnswer(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: unknown; code?: unknown; message?: unknown };
  return (
    e.name === 'TimeoutError' ||
    (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || e.code === 'ETIMEDOUT')) ||
    (typeof e.message === 'string' && /socket hang up/i.test(e.message))
  );
}

const seconds = (ms: number) => `${ms >= 1000 ? String(Math.round(ms / 1000)) : String(ms / 1000)} s`;

/** The warning text of a failed call: the endpoint's own message, or what "no answer" was. */
function describeFailure(err: unknown, timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number }): string {
  const attempts = attemptsOf(err);
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (isNoAnswer(err)) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code))
      return `the connection ended without an answer (${code}), ${tries}`;
    // The SDK names both timeouts TimeoutError; only its message tells a connection never made from an answer never sent.
    if (err instanceof Error && /establish a connection/.test(err.message))
      return `no connection within ${seconds(timeouts.connectionTimeoutMs)}, ${tries}`;
    return `no answer within ${seconds(timeouts.requestTimeoutMs)}, ${tries}`;
  }
  const message = oneLine(err instanceof Error ? err.message : String(err));
  return attempts > 1 ? `${message} (${tries})` : message;
}

/** The fetch of one region: its client, its limiter, and the helpers every phase uses. */
export interface RegionContext {
  region: string;
  client: ECSClient;
  state: AccountState;
  /** Aborts with the account's signal, or when this region is given up. */
  signal: AbortSignal;
  /**
   * Sends one call through the limiter. Resolves undefined (after a warning)
   * when it failed, rejects with AbortedError when stopped, and with
   * FatalFetchError when the credentials are refused.
   */
  call<T extends { $metadata: { attempts?: number } }>(
    operation: string,
    resource: string | undefined,
    send: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T | undefined>;
  /**
   * Follows `nextToken` from the first page, handing each page to `onPage`.
   * Resolves true when the listing ended normally, false when a call failed or
   * the listing was stopped (a repeated token, the page limit), with a warning.
   */
  paginate<P extends { $metadata: { attempts?: number }; nextToken?: string | undefined }>(
    operation: string,
    resource: string | undefined,
    page: (token: string | undefined, abortSignal: AbortSignal) => Promise<P>,
    onPage: (page: P) => void,
  ): Promise<boolean>;
  /** Records the `failures` entries of a describe answer. */
  addFailures(failures: unknown): void;
}

/** Options of `createRegionContext`. */
export interface RegionContextOptions {
  region: string;
  client: ECSClient;
  concurrency: number;
  /** Pages per listing; default MAX_PAGES. */
  maxPages?: number;
  /** The client's timeouts, for the warning text of a call that got no answer. */
  timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number };
}

/** Makes the context of one region's fetch. */
export function createRegionContext(state: AccountState, options: RegionContextOptions): RegionContext {
  const { region, client } = options;
  const maxPages = options.maxPages ?? MAX_PAGES;
  const giveUp = new AbortController();
  // Every request in flight listens to it; they remove themselves when done.
  setMaxListeners(0, giveUp.signal);
  const signal = AbortSignal.any([state.signal, giveUp.signal]);
  setMaxListeners(0, signal);
  const limiter: Limiter = createLimiter(options.concurrency, signal);
  let noAnswer = 0;

  const stopped = () => signal.aborted;

  const call: RegionContext['call'] = async (operation, resource, send) => {
    try {
      const result = await limiter.run(() => {
        state.stats.calls[operation] = (state.stats.calls[operation] ?? 0) + 1;
        return send(signal);
      });
      state.stats.retries += Math.max(0, (result.$metadata.attempts ?? 1) - 1);
      return result;
    } catch (err) {
      if (stopped()) throw new AbortedError();
      state.stats.retries += Math.max(0, attemptsOf(err) - 1);
      const code = errorCode(err);
      if (FATAL_CODES.has(code)) {
        // The region's other calls would be refused the same way: stop them now.
        giveUp.abort();
        throw new FatalFetchError(
          `${operation} in ${region}: ${oneLine(err instanceof Error ? err.message : String(err))}`,
        );
      }
      state.warn({
        operation,
        region,
        ...(resource ? { resource } : {}),
        code,
        message: describeFailure(err, options.timeouts),
      });
      if (isNoAnswer(err) && ++noAnswer === NO_ANSWER_LIMIT) {
        state.warn({
          operation: 'fetch',
          region,
          code: 'EndpointNotAnswering',
          message: `${NO_ANSWER_LIMIT} calls got no answer after their retries; stopped fetching ${region}, the snapshot keeps what arrived before`,
        });
        giveUp.abort();
      }
      state.report();
      return undefined;
    }
  };

  const paginate: RegionContext['paginate'] = async (operation, resource, page, onPage) => {
    const seen = new Set<string>();
    let token: string | undefined;
    for (let pages = 0; ;) {
      const asked = token;
      const p = await call(operation, resource, (abortSignal) => page(asked, abortSignal));
      if (!p) return false;
      pages += 1;
      onPage(p);
      token = p.nextToken || undefined;
      if (token === undefined) return true;
      const where = resource ? ` for ${resource}` : '';
      if (seen.has(token)) {
        state.warn({
          operation,
          region,
          ...(resource ? { resource } : {}),
          code: 'RepeatedPageToken',
          message: `the endpoint returned a page token it had returned before; stopped listing${where} after ${pages} pages, keeping what they listed`,
        });
        return false;
      }
      if (pages >= maxPages) {
        state.warn({
          operation,
          region,
          ...(resource ? { resource } : {}),
          code: 'PageLimit',
          message: `stopped listing${where} at ${maxPages.toLocaleString('en-US')} pages (the fetch's limit per operation and cluster), keeping what they listed`,
        });
        return false;
      }
      seen.add(token);
    }
  };

  return {
    region,
    client,
    state,
    signal,
    call,
    paginate,
    addFailures(failures) {
      if (Array.isArray(failures)) for (const f of failures) state.out.failures.push(plain(f));
    },
  };
}

/** Turns SDK output (Dates, class instances) into the plain JSON AWS sent, as the bundle stores it. */
export function plain<T>(value: T): Raw {
  return JSON.parse(JSON.stringify(value)) as Raw;
}

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Collects ARNs and hands them on in full batches, so a describe call is never half empty but for the last. */
export class Batcher {
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

/** What `listAndDescribe` lists and describes for one cluster. */
export interface ListAndDescribe<P extends { $metadata: { attempts?: number }; nextToken?: string }, D> {
  /** The phase whose `total` grows with each new ARN and whose `done` with each described batch. */
  phase: FetchPhase;
  cluster: string;
  listOperation: string;
  /** One page of each listing (several listings, e.g. RUNNING and STOPPED tasks, feed one describe). */
  lists: ((token: string | undefined, abortSignal: AbortSignal) => Promise<P>)[];
  arnsOf(page: P): string[] | undefined;
  describeOperation: string;
  batchSize: number;
  describe(batch: string[], abortSignal: AbortSignal): Promise<D & { $metadata: { attempts?: number } }>;
  /** Takes a describe answer's objects (its `failures` are recorded already). */
  onDescribed(answer: D): void;
}

/**
 * The list-then-describe pipeline of a cluster's services, tasks or container
 * instances: each page's new ARNs go to describe calls as soon as a batch is
 * full, so describing overlaps listing.
 */
export async function listAndDescribe<P extends { $metadata: { attempts?: number }; nextToken?: string }, D>(
  ctx: RegionContext,
  spec: ListAndDescribe<P, D>,
): Promise<void> {
  const { state } = ctx;
  const progress = state.phases[spec.phase];
  const batcher = new Batcher(spec.batchSize, async (batch) => {
    const r = await ctx.call(spec.describeOperation, spec.cluster, (abortSignal) => spec.describe(batch, abortSignal));
    if (r) {
      spec.onDescribed(r);
      ctx.addFailures((r as { failures?: unknown }).failures);
    } else progress.failed = (progress.failed ?? 0) + batch.length;
    progress.done += batch.length;
    state.report();
  });
  await Promise.all(
    spec.lists.map((list) =>
      ctx.paginate(spec.listOperation, spec.cluster, list, (page) => {
        progress.total += batcher.add(spec.arnsOf(page) ?? []);
        state.report();
      }),
    ),
  );
  await batcher.finish();
}
