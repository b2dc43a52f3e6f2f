import { afterEach, describe, expect, it } from 'vitest';
import { ingest, summarize } from '../../shared/ingest/index';
import { countBundle, generateAccount } from '../../shared/synth/generate-account';
import type { FetchProgress } from '../../shared/ipc/aws-fetch';
import { fetchAccount, MAX_PAGES, type FetchOptions } from './fetch';
import { startFakeEcs, type FakeEcsOptions, type FakeEcsServer } from './testing/fake-ecs-server';
import { minimumCalls } from './testing/minimum-calls';

const CREDENTIALS = {
  accessKeyId: 'AKIATESTFETCH0000001',
  secretAccessKey: 'fetch-test-secret-key-do-not-leak',
  sessionToken: 'fetch-test-session-token',
};

// Two clusters of 130 services: list-services needs two pages each, list-tasks several.
const account = generateAccount({
  seed: 7,
  clusters: 2,
  services: 260,
  tasksPerService: [1, 3],
  standalonePerCluster: 2,
  stoppedShare: 0.05,
});

let server: FakeEcsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(opts: Partial<FakeEcsOptions> = {}): Promise<FakeEcsServer> {
  server = await startFakeEcs({ account, ...opts });
  return server;
}

function options(url: string, extra: Partial<FetchOptions> = {}): FetchOptions {
  return { regions: ['eu-west-1'], credentials: CREDENTIALS, endpointUrl: url, ...extra };
}

function load(bundle: unknown) {
  return summarize(ingest([{ name: 'snapshot.json', text: JSON.stringify(bundle) }]));
}

describe('fetchAccount against the fake ECS endpoint', () => {
  it('fetches a snapshot that ingest loads with exactly the generated counts', async () => {
    const s = await start();
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(result.bundle.format).toBe('ecs-visualizer/v1');
    expect(result.warnings).toEqual([]);
    const summary = load(result.bundle);
    const generated = countBundle(account);
    // The fetch calls ECS only: target groups arrive as the services' links (placeholders), not described.
    expect(summary.counts).toEqual({ ...generated, targetGroups: 0 });
    expect(summary.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('makes exactly the minimum number of calls of each operation', async () => {
    const s = await start();
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    const minimum = minimumCalls(account, true);
    // Sanity: the account is big enough that paging and batching matter.
    expect(minimum.ListServices).toBe(4);
    expect(minimum.DescribeServices).toBe(26);
    expect(s.calls).toEqual(minimum);
  });

  it('without --include-stopped lists RUNNING tasks only, still with the minimum calls', async () => {
    const s = await start();
    const result = await fetchAccount(options(s.url));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    const running = (account.tasks as { desiredStatus: string }[]).filter((t) => t.desiredStatus === 'RUNNING').length;
    expect(running).toBeLessThan(account.tasks?.length ?? 0);
    expect(load(result.bundle).counts.tasks).toBe(running);
    expect(s.calls).toEqual(minimumCalls(account, false));
  });

  it('keeps to the page and batch limits: the fake rejects an 11-service describe with the real error', async () => {
    const s = await start();
    const { ECSClient, DescribeServicesCommand } = await import('@aws-sdk/client-ecs');
    const client = new ECSClient({ region: 'eu-west-1', credentials: CREDENTIALS, endpoint: s.url, maxAttempts: 1 });
    const services = (account.services as { serviceArn: string }[]).slice(0, 11).map((x) => x.serviceArn);
    await expect(client.send(new DescribeServicesCommand({ cluster: 'production', services }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      $metadata: { httpStatusCode: 400 },
    });
    client.destroy();
  });

  it('retries throttled calls and completes with every object', async () => {
    const s = await start({ throttle: { ratePerSecond: 150, burst: 10 }, latencyMs: 1 });
    const progress: FetchProgress[] = [];
    const result = await fetchAccount(options(s.url, { includeStopped: true, onProgress: (p) => progress.push(p) }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(Object.values(s.throttled).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(result.warnings).toEqual([]);
    expect(result.stats.retries).toBeGreaterThan(0);
    expect(load(result.bundle).counts).toEqual({ ...countBundle(account), targetGroups: 0 });
    expect(progress.at(-1)?.retries).toBeGreaterThan(0);
  }, 30_000);

  it('an AccessDenied on one cluster’s list-services leaves the other cluster complete and says so', async () => {
    const s = await start({ denyListServices: ['staging'] });
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    const stagingArn = 'arn:aws:ecs:eu-west-1:210987654321:cluster/staging';
    expect(result.warnings).toEqual([
      expect.objectContaining({ operation: 'ListServices', resource: stagingArn, code: 'AccessDeniedException' }),
    ]);
    const fetched = result.bundle.services as { clusterArn: string }[];
    const generated = account.services as { clusterArn: string }[];
    expect(fetched.filter((x) => x.clusterArn === stagingArn)).toHaveLength(0);
    expect(fetched).toHaveLength(generated.filter((x) => x.clusterArn !== stagingArn).length);
    // The denied cluster's tasks and hosts still load: only its service list was refused.
    expect(result.bundle.tasks).toHaveLength(account.tasks?.length ?? 0);
    const summary = load(result.bundle);
    expect(summary.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'failure',
        message: expect.stringContaining('AccessDeniedException'),
      }),
    );
    expect(summary.counts.clusters).toBe(2);
  });

  it('Cancel aborts the requests in flight (the endpoint sees them closed) and settles as cancelled', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const s = await start({
      // Describe calls hang, so Cancel catches several of them in flight.
      latencyMs: (op) => (op.startsWith('Describe') && op !== 'DescribeClusters' ? 10_000 : 2),
      onRequest: () => {
        if (!abortedAt && (s.calls.DescribeServices ?? 0) + (s.calls.DescribeTasks ?? 0) >= 4) {
          abortedAt = performance.now();
          setImmediate(() => controller.abort());
        }
      },
    });
    const result = await fetchAccount(options(s.url, { includeStopped: true, signal: controller.signal }));
    const settledAfter = performance.now() - abortedAt;
    expect(result.outcome).toBe('cancelled');
    // Far under the 10 s the endpoint would take to answer: the fetch did not wait for them.
    expect(settledAfter).toBeLessThan(2_000);
    // Every hanging describe is closed by the client, none is left waiting for its answer.
    await expect.poll(() => s.inFlight(), { timeout: 2_000 }).toBe(0);
    expect(s.aborted).toBeGreaterThanOrEqual(4);
    // And nothing new is sent after Cancel (client and endpoint share this process, so let it drain first).
    const callsAfterCancel = s.totalCalls();
    await new Promise((r) => setTimeout(r, 200));
    expect(s.totalCalls()).toBe(callsAfterCancel);
  });

  it('reuses known task definitions, so a refresh or a retry after Cancel skips them', async () => {
    const s = await start();
    const cache = new Map<string, Record<string, unknown>>();
    const first = await fetchAccount(options(s.url, { taskDefinitionCache: cache }));
    expect(first.outcome).toBe('complete');
    const described = s.calls.DescribeTaskDefinition;
    expect(cache.size).toBe(described);
    const second = await fetchAccount(options(s.url, { taskDefinitionCache: cache }));
    expect(second.outcome).toBe('complete');
    expect(s.calls.DescribeTaskDefinition).toBe(described);
    if (second.outcome === 'complete') expect(second.bundle.taskDefinitions).toHaveLength(described);
  }, 15_000);

  it('fails once, with the reason, when the endpoint refuses the credentials', async () => {
    const s = await start();
    // The fake refuses unsigned requests the way AWS does.
    const result = await fetchAccount({
      regions: ['eu-west-1'],
      endpointUrl: s.url,
      credentials: async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        });
      },
    });
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed') expect(result.message).toContain('Could not load credentials');
  });
});

describe('fetchAccount against a hostile or broken endpoint', () => {
  const clusterArns = (account.clusters as { clusterArn: string }[]).map((c) => c.clusterArn);
  const tdArns = new Set(
    [
      ...(account.services as { taskDefinition?: string; deployments?: { taskDefinition?: string }[] }[]).flatMap(
        (x) => [x.taskDefinition, ...(x.deployments ?? []).map((d) => d.taskDefinition)],
      ),
      ...(account.tasks as { taskDefinitionArn?: string }[]).map((t) => t.taskDefinitionArn),
    ].filter((a): a is string => typeof a === 'string'),
  );

  it('a ListTasks page token that repeats: stops at once with a warning naming ListTasks, keeps the tasks listed', async () => {
    const s = await start({ fault: (op) => (op === 'ListTasks' ? 'repeat-token' : undefined) });
    const result = await fetchAccount(options(s.url));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    // Two pages per cluster: the first, and the one that gave the same token again.
    expect(s.calls.ListTasks).toBe(2 * clusterArns.length);
    expect(result.warnings).toHaveLength(clusterArns.length);
    for (const arn of clusterArns)
      expect(result.warnings).toContainEqual(
        expect.objectContaining({ operation: 'ListTasks', resource: arn, code: 'RepeatedPageToken' }),
      );
    // The first page's 100 tasks of each cluster were described and kept, each once.
    const fetched = result.bundle.tasks as { taskArn: string }[];
    expect(fetched.length).toBe(2 * 100);
    expect(new Set(fetched.map((t) => t.taskArn)).size).toBe(fetched.length);
    // The warning is a diagnostic of the snapshot too.
    expect(load(result.bundle).diagnostics).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('RepeatedPageToken') }),
    );
  });

  it('a ListClusters page token that repeats: the clusters listed are still fetched', async () => {
    const s = await start({ fault: (op) => (op === 'ListClusters' ? 'repeat-token' : undefined) });
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(s.calls.ListClusters).toBe(2);
    expect(result.warnings).toEqual([
      expect.objectContaining({ operation: 'ListClusters', code: 'RepeatedPageToken' }),
    ]);
    expect(load(result.bundle).counts).toEqual({ ...countBundle(account), targetGroups: 0 });
  });

  it('page tokens that never end: stops at the page limit per operation and cluster, with a warning', async () => {
    expect(MAX_PAGES).toBe(10_000);
    const s = await start({ fault: (op) => (op === 'ListServices' ? 'endless-token' : undefined) });
    const result = await fetchAccount(options(s.url, { maxPages: 25 }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(s.calls.ListServices).toBe(25 * clusterArns.length);
    expect(result.warnings).toHaveLength(clusterArns.length);
    expect(result.warnings[0]).toMatchObject({ operation: 'ListServices', code: 'PageLimit' });
    expect(result.warnings[0]?.message).toContain('25 pages');
    // The first page of each cluster listed 100 services (the endless tokens list nothing more): those are kept.
    expect(result.bundle.services).toHaveLength(100 * clusterArns.length);
  });

  it('an endpoint that never answers DescribeTasks: timed out, retried, given up with warnings; the rest is kept', async () => {
    const s = await start({ fault: (op) => (op === 'DescribeTasks' ? 'hang' : undefined) });
    const started = performance.now();
    const progress: FetchProgress[] = [];
    const result = await fetchAccount(
      options(s.url, { client: { requestTimeoutMs: 300 }, onProgress: (p) => progress.push(p) }),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    const timedOut = result.warnings.filter((w) => w.operation === 'DescribeTasks');
    expect(timedOut.length).toBeGreaterThanOrEqual(3);
    expect(timedOut[0]).toMatchObject({ code: 'TimeoutError' });
    expect(timedOut[0]?.message).toBe('no answer within 0.3 s, 3 attempts');
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'EndpointNotAnswering' }));
    // Each of those calls was tried 3 times: the SDK's retries, counted.
    expect(result.stats.retries).toBeGreaterThanOrEqual(2 * 3);
    expect(s.calls.DescribeTasks).toBeGreaterThanOrEqual(3 * 3);
    // Clusters arrived before the endpoint stopped answering, and they are in the snapshot.
    expect(result.bundle.clusters).toHaveLength(clusterArns.length);
    expect(result.bundle.tasks).toEqual([]);
    // Progress says how many tasks could not be described, rather than counting them as fetched.
    const tasksPhase = progress.at(-1)?.phases.tasks;
    expect(tasksPhase?.failed).toBeGreaterThanOrEqual(300);
    expect(tasksPhase?.failed).toBe(tasksPhase?.done);
    // Bounded by the short timeout: 3 attempts of 0.3 s plus backoff, not a hang.
    expect(seconds).toBeLessThan(10);
    await expect.poll(() => s.inFlight(), { timeout: 2_000 }).toBe(0);
  }, 30_000);

  it('a connection reset on every DescribeServices: retried, then warnings, and the region given up keeping what arrived', async () => {
    const s = await start({ fault: (op) => (op === 'DescribeServices' ? 'reset' : undefined) });
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    const reset = result.warnings.filter((w) => w.operation === 'DescribeServices');
    expect(reset.length).toBeGreaterThanOrEqual(3);
    expect(reset[0]).toMatchObject({ code: 'ECONNRESET' });
    expect(reset[0]?.message).toBe('the connection ended without an answer (ECONNRESET), 3 attempts');
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'EndpointNotAnswering' }));
    expect(result.bundle.services).toEqual([]);
    expect(result.bundle.clusters).toHaveLength(clusterArns.length);
    await expect.poll(() => s.inFlight(), { timeout: 2_000 }).toBe(0);
  }, 30_000);

  it('a reset on the first attempt of each DescribeServices: the SDK retries each once, and the count says so', async () => {
    const s = await start({
      fault: (op, _input, _nth, attempt) => (op === 'DescribeServices' && attempt === 1 ? 'reset' : undefined),
    });
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(result.warnings).toEqual([]);
    const calls = result.stats.calls.DescribeServices ?? 0;
    expect(calls).toBe(26);
    expect(s.calls.DescribeServices).toBe(2 * calls);
    // At most 2 more: a keep-alive socket the server closed just as a request went out is a retry it never sees.
    expect(result.stats.retries).toBeGreaterThanOrEqual(calls);
    expect(result.stats.retries).toBeLessThanOrEqual(calls + 2);
    expect(load(result.bundle).counts).toEqual({ ...countBundle(account), targetGroups: 0 });
  }, 30_000);

  it('the retry count is every throttled answer the SDK retried, shown in the last progress report', async () => {
    const s = await start({ throttle: { ratePerSecond: 150, burst: 10 }, latencyMs: 1 });
    const progress: FetchProgress[] = [];
    const result = await fetchAccount(options(s.url, { onProgress: (p) => progress.push(p) }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(result.warnings).toEqual([]);
    const throttled = Object.values(s.throttled).reduce((a, b) => a + b, 0);
    expect(throttled).toBeGreaterThan(0);
    // At most 2 more: a keep-alive socket the server closed just as a request went out is a retry it never sees.
    expect(result.stats.retries).toBeGreaterThanOrEqual(throttled);
    expect(result.stats.retries).toBeLessThanOrEqual(throttled + 2);
    expect(progress.at(-1)?.retries).toBe(result.stats.retries);
  }, 30_000);

  it('a task definition that fails is asked for once, not again for every task that names it', async () => {
    const s = await start({
      fault: (op) =>
        op === 'DescribeTaskDefinition' ? { error: 'AccessDeniedException', message: 'not allowed' } : undefined,
    });
    const result = await fetchAccount(options(s.url, { includeStopped: true }));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(tdArns.size).toBeLessThan(account.tasks?.length ?? 0);
    expect(s.calls.DescribeTaskDefinition).toBe(tdArns.size);
    expect(result.warnings.filter((w) => w.operation === 'DescribeTaskDefinition')).toHaveLength(tdArns.size);
    expect(result.bundle.taskDefinitions).toEqual([]);
  });

  it('an error message on several lines becomes one line in the warning and the snapshot', async () => {
    const s = await start({
      fault: (op) =>
        op === 'ListServices'
          ? { error: 'AccessDeniedException', message: 'first line\n  second line\r\nthird\u2028fourth' }
          : undefined,
    });
    const result = await fetchAccount(options(s.url));
    expect(result.outcome).toBe('complete');
    if (result.outcome !== 'complete') return;
    expect(result.warnings[0]?.message).toBe('first line second line third fourth');
    for (const f of result.bundle.failures as { detail?: string }[]) expect(f.detail).not.toMatch(/[\r\n\u2028]/);
  });

  it('Cancel while the SDK waits to retry a throttled call settles at once', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const s = await start({
      fault: () => ({ error: 'ThrottlingException', message: 'Rate exceeded' }),
      onRequest: () => {
        if (!abortedAt) {
          abortedAt = -1;
          // Long enough for the throttled answer to arrive and the SDK to start its backoff.
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, 100);
        }
      },
    });
    const result = await fetchAccount(options(s.url, { signal: controller.signal }));
    expect(result.outcome).toBe('cancelled');
    expect(performance.now() - abortedAt).toBeLessThan(300);
    // The SDK's backoff for a throttle is up to 1 s and more: the single call was waiting, not sending.
    expect(s.calls.ListClusters).toBeLessThanOrEqual(2);
  });
});
