/**
 * Phase "task definitions" of a live fetch: each distinct revision that a
 * service, a deployment or a task names, described once (DescribeTaskDefinition
 * takes one), while services and tasks are still arriving.
 */
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { plain, type Raw, type RegionContext } from '../fetch-context';

/** Where services and tasks hand the task definitions they name. */
export interface DefinitionRequests {
  /** Asks for the task definition `arn` (ignored when not a string, known, asked for before, or failed before). */
  request(arn: unknown): void;
  /** Waits for every description asked for so far. */
  finish(): Promise<void>;
}

/**
 * Makes the task definition phase of a region. `cache` holds revisions
 * already known (a revision never changes once registered): they are used
 * without a call, and what is described is added to it.
 */
export function createDefinitionRequests(ctx: RegionContext, cache: Map<string, Raw>): DefinitionRequests {
  const { state, client } = ctx;
  const jobs: Promise<void>[] = [];
  return {
    request(arn) {
      // `{}` stays in the map while one is described and after it failed, so no reference asks again.
      if (typeof arn !== 'string' || arn === '' || state.out.taskDefinitions.has(arn)) return;
      state.phases.taskDefinitions.total += 1;
      const cached = cache.get(arn);
      if (cached) {
        state.out.taskDefinitions.set(arn, cached);
        state.phases.taskDefinitions.done += 1;
        return;
      }
      state.out.taskDefinitions.set(arn, {});
      const job = ctx
        .call('DescribeTaskDefinition', arn, (abortSignal) =>
          client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }), { abortSignal }),
        )
        .then((r) => {
          if (r?.taskDefinition) {
            const td = plain(r.taskDefinition);
            state.out.taskDefinitions.set(arn, td);
            cache.set(arn, td);
          } else state.phases.taskDefinitions.failed = (state.phases.taskDefinitions.failed ?? 0) + 1;
          state.phases.taskDefinitions.done += 1;
          state.report();
        });
      // Marked handled here: after Cancel it rejects before the region awaits `finish`.
      job.catch(() => undefined);
      jobs.push(job);
    },
    async finish() {
      await Promise.all(jobs);
    },
  };
}
