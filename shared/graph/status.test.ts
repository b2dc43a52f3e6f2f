import { describe, expect, it } from 'vitest';
import { containerProblem, containerProblemText, taskFailed } from './status';
import { makeContainer, makeTask } from './testing/make-topology';

const stopped = (extra: Parameters<typeof makeTask>[1] = {}) =>
  makeTask('t1', { lastStatus: 'STOPPED', desiredStatus: 'STOPPED', ...extra });

describe('containerProblem', () => {
  it('names the container whose reason says why, before a sidecar that only exited', () => {
    const t = stopped({ stopCode: 'TaskFailedToStart', stoppedReason: 'Task failed to start' });
    t.containers = [
      makeContainer(t.id, 'log-router', { lastStatus: 'STOPPED', exitCode: 143 }),
      makeContainer(t.id, 'app', {
        lastStatus: 'STOPPED',
        reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
      }),
    ];
    expect(containerProblem(t)).toEqual({
      name: 'app',
      reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
    });
  });

  it('takes a non-zero exit code when no container gives a reason, and an unhealthy one last', () => {
    const t = stopped({ stopCode: 'EssentialContainerExited' });
    t.containers = [
      makeContainer(t.id, 'proxy', { healthStatus: 'UNHEALTHY' }),
      makeContainer(t.id, 'app', { lastStatus: 'STOPPED', exitCode: 137 }),
    ];
    expect(containerProblem(t)).toEqual({ name: 'app', exitCode: 137 });
    expect(containerProblemText(containerProblem(t)!)).toBe('app · exit 137');
    t.containers = [makeContainer(t.id, 'proxy', { healthStatus: 'UNHEALTHY' })];
    expect(containerProblemText(containerProblem(t)!)).toBe('proxy · UNHEALTHY');
  });

  it('finds nothing when every container is fine, exit 0 included', () => {
    const t = stopped();
    t.containers = [makeContainer(t.id, 'job', { lastStatus: 'STOPPED', exitCode: 0 })];
    expect(containerProblem(t)).toBeUndefined();
    expect(containerProblem(makeTask('ok'))).toBeUndefined();
  });

  it('finds nothing on a task stopped by a scale-in, whose containers exited 143 on SIGTERM', () => {
    const t = stopped({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1234)',
    });
    t.containers = [makeContainer(t.id, 'app', { lastStatus: 'STOPPED', exitCode: 143 })];
    expect(containerProblem(t)).toBeUndefined();
  });

  it('puts name and exit code before the reason, so a cut line keeps them', () => {
    expect(containerProblemText({ name: 'app', exitCode: 1, reason: 'OutOfMemoryError: Container killed' })).toBe(
      'app · exit 1 · OutOfMemoryError: Container killed',
    );
  });
});

describe('taskFailed', () => {
  it('is true for a task that failed to start or whose essential container exited', () => {
    expect(taskFailed(stopped({ stopCode: 'TaskFailedToStart' }))).toBe(true);
    expect(taskFailed(stopped({ stopCode: 'EssentialContainerExited' }))).toBe(true);
  });

  it('is true for a task the scheduler stopped for a failed health check', () => {
    expect(
      taskFailed(
        stopped({
          stopCode: 'ServiceSchedulerInitiated',
          stoppedReason: 'Task failed ELB health checks in (target-group x)',
        }),
      ),
    ).toBe(true);
  });

  it('is false for a scale-in or a deployment replacing the task, even with exit 143 on SIGTERM', () => {
    const t = stopped({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1234)',
    });
    t.containers = [makeContainer(t.id, 'app', { lastStatus: 'STOPPED', exitCode: 143 })];
    expect(taskFailed(t)).toBe(false);
  });

  it('is false for a running task, however unhealthy', () => {
    expect(taskFailed(makeTask('sick', { healthStatus: 'UNHEALTHY' }))).toBe(false);
  });
});
