/** The overlay class of a task, in its own module so the graph builders and the filters share it without a cycle. */
import type { OverlayClass, Task } from '../model/types';

/** The overlay class of a task: Fargate Spot is told apart from Fargate. */
export function taskOverlay(task: Pick<Task, 'launchType' | 'spot'>): OverlayClass {
  return task.spot ? 'FARGATE_SPOT' : task.launchType;
}
