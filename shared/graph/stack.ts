/**
 * What a stack (a collapsed box of tasks) must not hide: how many of its
 * tasks are unhealthy or failed, so "13 tasks: 11 RUNNING, 2 STOPPED" says
 * when those two stopped because they failed.
 */
import type { Task } from '../model/types';
import { taskFailed, taskStatus } from './status';

/** Tasks of a stack that need a look. */
export interface StackTrouble {
  unhealthy: number;
  failed: number;
}

/** Counts the unhealthy and the failed tasks (see `taskFailed`) of a stack. */
export function stackTrouble(tasks: readonly Task[]): StackTrouble {
  let unhealthy = 0;
  let failed = 0;
  for (const t of tasks) {
    if (taskStatus(t) === 'unhealthy') unhealthy++;
    else if (taskFailed(t)) failed++;
  }
  return { unhealthy, failed };
}

/** "2 failed · 1 unhealthy", or undefined when no task of the stack needs a look. */
export function stackTroubleLabel(trouble: StackTrouble): string | undefined {
  const parts = [
    trouble.failed > 0 ? `${trouble.failed} failed` : '',
    trouble.unhealthy > 0 ? `${trouble.unhealthy} unhealthy` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
