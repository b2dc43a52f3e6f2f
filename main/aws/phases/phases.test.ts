import { ECSClient } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateAccount } from '../../../shared/synth/generate-account';
import { AWS_CLIENT_DEFAULTS, awsClientConfig } from '../client-config';
import { createAccountState, createRegionContext, type Raw, type RegionContext } from '../fetch-context';
import { startFakeEcs, type FakeEcsOptions, type FakeEcsServer } from '../testing/fake-ecs-server';
import { fetchClusters } from './clusters';
import { createDefinitionRequests } from './definitions';
import { capacityProviderNames, fetchCapacityProviders, fetchContainerInstances } from './hosts';
import { fetchServices } from './services';
import { fetchTasks } from './tasks';

// Each phase runs alone here, against the fake endpoint, with nothing of the others.
const account = generateAccount({
  seed: 21,
  clusters: 2,
  services: 40,
  tasksPerService: [1, 2],
  standalonePerCluster: 3,
  stoppedShare: 0.1,
});
const clusters = account.clusters as Raw[];
const production = clusters[0]?.clusterArn as string;
const inProduction = <T extends Raw>(items: T[] | undefined) =>
  (items ?? []).filter((x) => x.clusterArn === production);

let server: FakeEcsServer | undefined;
let client: ECSClient | undefined;
afterEach(async () => {
  client?.destroy();
  await server?.close();
  server = undefined;
});

async function context(opts: Partial<FakeEcsOptions> = {}): Promise<{ ctx: RegionContext; s: FakeEcsServer }> {
  const s = await startFakeEcs({ account, ...opts });
  server = s;
  client = new ECSClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAPHASETEST0000001', secretAccessKey: 'phase-secret' },
    endpoint: s.url,
    ...awsClientConfig(),
  });
  const state = createAccountState(new AbortController().signal);
  return {
    ctx: createRegionContext(state, { region: 'eu-west-1', client, concurrency: 4, timeouts: AWS_CLIENT_DEFAULTS }),
    s,
  };
}

/** A definitions phase that records what it was asked for instead of describing it. */
function recordingDefinitions() {
  const asked = new Set<string>();
  return {
    asked,
    request: (arn: unknown) => {
      if (typeof arn === 'string') asked.add(arn);
    },
    finish: async () => undefined,
  };
}

describe('fetch phases, each alone', () => {
  it('clusters: lists and describes every cluster of the region', async () => {
    const { ctx, s } = await context();
    const described = await fetchClusters(ctx);
    expect(described.map((c) => c.clusterArn)).toEqual(clusters.map((c) => c.clusterArn));
    expect(ctx.state.out.clusters).toHaveLength(clusters.length);
    expect(ctx.state.phases.clusters).toMatchObject({ done: clusters.length, total: clusters.length });
    expect(s.calls).toEqual({ ListClusters: 1, DescribeClusters: 1 });
  });

  it('clusters: only the ones named, without listing', async () => {
    const { ctx, s } = await context();
    const described = await fetchClusters(ctx, ['staging']);
    expect(described.map((c) => c.clusterName)).toEqual(['staging']);
    expect(s.calls.ListClusters).toBeUndefined();
  });

  it('clusters: a first ListClusters page that fails is fatal for the region', async () => {
    const { ctx } = await context({
      fault: (op) => (op === 'ListClusters' ? { error: 'AccessDeniedException', message: 'no' } : undefined),
    });
    await expect(fetchClusters(ctx)).rejects.toThrow('Could not list the clusters of eu-west-1: no');
  });

  it('services: one cluster’s services, each task definition they name handed on', async () => {
    const { ctx, s } = await context();
    const defs = recordingDefinitions();
    await fetchServices(ctx, production, defs);
    const expected = inProduction(account.services as Raw[]);
    expect(ctx.state.out.services.map((x) => x.serviceArn).sort()).toEqual(expected.map((x) => x.serviceArn).sort());
    expect(defs.asked).toEqual(new Set(expected.map((x) => x.taskDefinition)));
    expect(s.calls.DescribeServices).toBe(Math.ceil(expected.length / 10));
    expect(s.calls.DescribeTasks).toBeUndefined();
  });

  it('tasks: RUNNING and STOPPED of one cluster share describe calls', async () => {
    const { ctx, s } = await context();
    const defs = recordingDefinitions();
    await fetchTasks(ctx, production, ['RUNNING', 'STOPPED'], defs);
    const expected = inProduction(account.tasks as Raw[]);
    expect(expected.some((t) => t.desiredStatus === 'STOPPED')).toBe(true);
    expect(ctx.state.out.tasks).toHaveLength(expected.length);
    expect(s.calls.ListTasks).toBe(2);
    expect(s.calls.DescribeTasks).toBe(Math.ceil(expected.length / 100));
    expect(defs.asked).toEqual(new Set(expected.map((t) => t.taskDefinitionArn)));
  });

  it('hosts: one cluster’s container instances, and the capacity providers clusters name', async () => {
    const { ctx } = await context();
    await fetchContainerInstances(ctx, production);
    const name = clusters[0]?.clusterName as string;
    const expected = ((account.containerInstances ?? []) as Raw[]).filter((i) =>
      (i.containerInstanceArn as string).includes(`/${name}/`),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ctx.state.out.containerInstances).toHaveLength(expected.length);
    const names = capacityProviderNames(clusters);
    expect(names.length).toBeGreaterThan(0);
    await fetchCapacityProviders(ctx, names);
    expect(ctx.state.out.capacityProviders.map((p) => p.name).sort()).toEqual([...names].sort());
  });

  it('definitions: each revision described once, known ones taken from the cache', async () => {
    const { ctx, s } = await context();
    const tds = (account.taskDefinitions ?? []) as Raw[];
    const [cachedArn, ...rest] = tds.map((t) => t.taskDefinitionArn as string);
    const cache = new Map<string, Raw>([[cachedArn as string, tds[0] as Raw]]);
    const defs = createDefinitionRequests(ctx, cache);
    for (const arn of [cachedArn, ...rest, ...rest, undefined, '']) defs.request(arn);
    await defs.finish();
    expect(s.calls.DescribeTaskDefinition).toBe(rest.length);
    expect(ctx.state.out.taskDefinitions.size).toBe(tds.length);
    expect(cache.size).toBe(tds.length);
    expect(ctx.state.phases.taskDefinitions).toMatchObject({ done: tds.length, total: tds.length });
  });
});
