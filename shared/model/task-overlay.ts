/** The overlay class of a task, in the model layer so ingest (service overlays) and the graph (nodes, filters) share one rule. */
import type { OverlayClass, Task } from './types';

/** The overlay class of a task: Fargate Spot is told apart from Fargate. */
export function taskOverlay(task: Pick<Task, 'launchType' | 'spot'>): OverlayClass {
  return task.spot ? 'FARGATE_SPOT' : task.launchType;
}
