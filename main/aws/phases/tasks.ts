/**
 * Phase "tasks" of a live fetch: one cluster's tasks of the asked desired
 * statuses, listed 100 a page and described 100 a call as the pages arrive;
 * RUNNING and STOPPED lists feed one describe, so their tasks share calls.
 */
import { DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { ECS_LIMITS, listAndDescribe, plain, type RegionContext } from '../fetch-context';
import type { DefinitionRequests } from './definitions';

/** Lists and describes the tasks of `clusterArn` whose desired status is one of `statuses`. */
export function fetchTasks(
  ctx: RegionContext,
  clusterArn: string,
  statuses: readonly ('RUNNING' | 'STOPPED')[],
  definitions: DefinitionRequests,
): Promise<void> {
  const { client, state } = ctx;
  return listAndDescribe(ctx, {
    phase: 'tasks',
    cluster: clusterArn,
    listOperation: 'ListTasks',
    lists: statuses.map(
      (desiredStatus) => (nextToken: string | undefined, abortSignal: AbortSignal) =>
        client.send(
          new ListTasksCommand({ cluster: clusterArn, desiredStatus, maxResults: ECS_LIMITS.listPage, nextToken }),
          { abortSignal },
        ),
    ),
    arnsOf: (page) => page.taskArns,
    describeOperation: 'DescribeTasks',
    batchSize: ECS_LIMITS.describeTasks,
    describe: (tasks, abortSignal) =>
      client.send(new DescribeTasksCommand({ cluster: clusterArn, tasks, include: ['TAGS'] }), { abortSignal }),
    onDescribed: (r) => {
      for (const t of r.tasks ?? []) {
        state.out.tasks.push(plain(t));
        definitions.request(t.taskDefinitionArn);
      }
    },
  });
}
