/**
 * Phase "services" of a live fetch: one cluster's services, listed 100 a page
 * and described 10 a call as the pages arrive, their task definitions handed
 * to the definitions phase.
 */
import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { ECS_LIMITS, listAndDescribe, plain, type RegionContext } from '../fetch-context';
import type { DefinitionRequests } from './definitions';

/** Lists and describes the services of `clusterArn`, adding them to the fetched objects. */
export function fetchServices(ctx: RegionContext, clusterArn: string, definitions: DefinitionRequests): Promise<void> {
  const { client, state } = ctx;
  return listAndDescribe(ctx, {
    phase: 'services',
    cluster: clusterArn,
    listOperation: 'ListServices',
    lists: [
      (nextToken, abortSignal) =>
        client.send(new ListServicesCommand({ cluster: clusterArn, maxResults: ECS_LIMITS.listPage, nextToken }), {
          abortSignal,
        }),
    ],
    arnsOf: (page) => page.serviceArns,
    describeOperation: 'DescribeServices',
    batchSize: ECS_LIMITS.describeServices,
    describe: (services, abortSignal) =>
      client.send(new DescribeServicesCommand({ cluster: clusterArn, services, include: ['TAGS'] }), { abortSignal }),
    onDescribed: (r) => {
      for (const s of r.services ?? []) {
        state.out.services.push(plain(s));
        definitions.request(s.taskDefinition);
        for (const d of s.deployments ?? []) definitions.request(d.taskDefinition);
      }
    },
  });
}
