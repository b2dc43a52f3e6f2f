/**
 * Phase "hosts" of a live fetch: the EC2 container instances of one cluster
 * (listed and described 100 at a time) and the capacity providers the
 * region's clusters name (10 a call).
 */
import {
  DescribeCapacityProvidersCommand,
  DescribeContainerInstancesCommand,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { chunk, ECS_LIMITS, listAndDescribe, plain, type Raw, type RegionContext } from '../fetch-context';

/** Lists and describes the container instances of `clusterArn`. */
export function fetchContainerInstances(ctx: RegionContext, clusterArn: string): Promise<void> {
  const { client, state } = ctx;
  return listAndDescribe(ctx, {
    phase: 'containerInstances',
    cluster: clusterArn,
    listOperation: 'ListContainerInstances',
    lists: [
      (nextToken, abortSignal) =>
        client.send(
          new ListContainerInstancesCommand({ cluster: clusterArn, maxResults: ECS_LIMITS.listPage, nextToken }),
          { abortSignal },
        ),
    ],
    arnsOf: (page) => page.containerInstanceArns,
    describeOperation: 'DescribeContainerInstances',
    batchSize: ECS_LIMITS.describeContainerInstances,
    describe: (containerInstances, abortSignal) =>
      client.send(new DescribeContainerInstancesCommand({ cluster: clusterArn, containerInstances }), { abortSignal }),
    onDescribed: (r) => {
      for (const i of r.containerInstances ?? []) state.out.containerInstances.push(plain(i));
    },
  });
}

/** The capacity provider names of described clusters, each once. */
export function capacityProviderNames(clusters: Raw[]): string[] {
  return [
    ...new Set(
      clusters.flatMap((c) =>
        Array.isArray(c.capacityProviders)
          ? (c.capacityProviders as unknown[]).filter((n): n is string => typeof n === 'string')
          : [],
      ),
    ),
  ];
}

/** Describes the capacity providers `names` (10 a call; a batch that pages is followed). */
export async function fetchCapacityProviders(ctx: RegionContext, names: string[]): Promise<void> {
  const { state, client } = ctx;
  state.phases.capacityProviders.total += names.length;
  state.report();
  await Promise.all(
    chunk(names, ECS_LIMITS.describeCapacityProviders).map(async (batch) => {
      let got = 0;
      const complete = await ctx.paginate(
        'DescribeCapacityProviders',
        undefined,
        (nextToken, abortSignal) =>
          client.send(
            new DescribeCapacityProvidersCommand({
              capacityProviders: batch,
              maxResults: ECS_LIMITS.describeCapacityProviders,
              nextToken,
            }),
            { abortSignal },
          ),
        (page) => {
          for (const p of page.capacityProviders ?? []) state.out.capacityProviders.push(plain(p));
          got += page.capacityProviders?.length ?? 0;
          ctx.addFailures(page.failures);
        },
      );
      const missing = batch.length - got;
      if (!complete && missing > 0)
        state.phases.capacityProviders.failed = (state.phases.capacityProviders.failed ?? 0) + missing;
      state.phases.capacityProviders.done += batch.length;
      state.report();
    }),
  );
}
