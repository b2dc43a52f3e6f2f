import { afterEach, describe, expect, it } from 'vitest';
import { ingest, summarize } from '../../shared/ingest/index';
import { countBundle, generateAccount } from '../../shared/synth/generate-account';
import type { FetchProgress } from '../../shared/ipc/aws-fetch';
import { fetchAccount, type FetchOptions } from './fetch';
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
  });

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
