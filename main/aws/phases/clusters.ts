/**
 * Phase "clusters" of a live fetch: the clusters asked for, or every one the
 * region lists, described 100 a call with their settings and configurations.
 */
import { DescribeClustersCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { chunk, ECS_LIMITS, FatalFetchError, plain, type Raw, type RegionContext } from '../fetch-context';

/**
 * Lists (unless `named` is given) and describes the region's clusters, adding
 * them to the fetched objects; returns the described ones. A region whose
 * first ListClusters page fails has nothing to fetch: FatalFetchError. A later
 * page that fails, repeats its token or passes the page limit keeps what was
 * listed (with a warning).
 */
export async function fetchClusters(ctx: RegionContext, named?: string[]): Promise<Raw[]> {
  const { state, client, region } = ctx;
  const refs = new Set<string>();
  if (named?.length) {
    for (const n of named) refs.add(n);
    state.phases.clusters.total += refs.size;
  } else {
    let pages = 0;
    await ctx.paginate(
      'ListClusters',
      undefined,
      (nextToken, abortSignal) =>
        client.send(new ListClustersCommand({ maxResults: ECS_LIMITS.listPage, nextToken }), { abortSignal }),
      (page) => {
        pages += 1;
        // A repeated page lists the same ARNs again: each cluster counts once.
        const before = refs.size;
        for (const arn of page.clusterArns ?? []) refs.add(arn);
        state.phases.clusters.total += refs.size - before;
        state.report();
      },
    );
    if (pages === 0)
      throw new FatalFetchError(
        `Could not list the clusters of ${region}: ${state.warnings[state.warnings.length - 1]?.message ?? 'unknown error'}`,
      );
  }

  const described: Raw[] = [];
  await Promise.all(
    chunk([...refs], ECS_LIMITS.describeClusters).map(async (batch) => {
      const r = await ctx.call('DescribeClusters', undefined, (abortSignal) =>
        client.send(new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS', 'CONFIGURATIONS'] }), {
          abortSignal,
        }),
      );
      if (!r) state.phases.clusters.failed = (state.phases.clusters.failed ?? 0) + batch.length;
      for (const c of r?.clusters ?? []) described.push(plain(c));
      ctx.addFailures(r?.failures);
      for (const f of r?.failures ?? [])
        state.warn({
          operation: 'DescribeClusters',
          region,
          ...(f.arn ? { resource: f.arn } : {}),
          code: f.reason ?? 'failure',
          message: f.detail ?? `cluster ${f.reason ?? 'not described'}`,
        });
      state.phases.clusters.done += batch.length;
      state.report();
    }),
  );
  state.out.clusters.push(...described);
  return described;
}
