/**
 * Resilience: services short of tasks because their tasks fail, services that one failure takes down (one AZ,
 * one host, one task behind a load balancer) and deployment settings that stop a bad deploy from being caught or a
 * good one from finishing.
 */
import type { Service, Task } from '../../model/types';
import { containerProblem, taskFailed } from '../../graph/status';
import { isRunning, type FindingContext } from '../context';
import { bool, groupDigits, num, obj, str } from '../raw';
import { makeFinding } from '../rule-table';
import type { Finding } from '../types';

/** The deployment controller in effect: ECS when the field is absent (the API's default). */
function controller(s: Service): string {
  return s.deploymentController ?? str(obj(s.raw?.deploymentController)?.type) ?? 'ECS';
}

function concentration(s: Service, ctx: FindingContext): Finding[] {
  const desired = s.desiredCount ?? 0;
  if (desired <= 1) return [];
  const running = (ctx.tasksByService.get(s.id) ?? []).filter(isRunning);
  const out: Finding[] = [];
  const hosts = ctx.hosts;
  // A task's own AZ, else its host's (older EC2 describe output has no availabilityZone on the task).
  const azOf = (t: (typeof running)[number]) =>
    t.availabilityZone ?? (t.containerInstanceId ? hosts.get(t.containerInstanceId)?.availabilityZone : undefined);
  const withAz = running.filter((t) => azOf(t) !== undefined);
  // Two running tasks at least: with one, "all in one place" is about the missing tasks, which other rules say.
  if (withAz.length >= 2 && new Set(withAz.map(azOf)).size === 1) {
    const az = azOf(withAz[0]) ?? '';
    out.push(
      makeFinding(
        'single-az',
        s,
        `service ${s.name}: all ${groupDigits(withAz.length)} running tasks are in ${az} (desired ${groupDigits(desired)}); losing that Availability Zone stops the service`,
        [
          { path: '$.desiredCount', value: desired },
          ...withAz.slice(0, 3).map((t) => ({ objectId: t.id, path: '$.availabilityZone', value: az })),
        ],
      ),
    );
  }
  const onHosts = running.filter((t) => t.containerInstanceId !== undefined);
  if (onHosts.length >= 2 && new Set(onHosts.map((t) => t.containerInstanceId)).size === 1) {
    const host = hosts.get(onHosts[0].containerInstanceId ?? '');
    const name = host?.ec2InstanceId ?? host?.name ?? onHosts[0].containerInstanceId ?? '';
    out.push(
      makeFinding(
        'single-host',
        s,
        `service ${s.name}: all ${groupDigits(onHosts.length)} running tasks are on one host, ${name} (desired ${groupDigits(desired)})`,
        [
          { path: '$.desiredCount', value: desired },
          ...onHosts.slice(0, 3).map((t) => ({
            objectId: t.id,
            path: '$.containerInstanceArn',
            value: str(t.raw?.containerInstanceArn) ?? name,
          })),
        ],
      ),
    );
  }
  return out;
}

/** The error name a reason starts with (`CannotPullContainerError` of "CannotPullContainerError: pull image…"). */
function errorName(text: string): string | undefined {
  return /^([A-Za-z][\w.]*):\s/.exec(text)?.[1];
}

/** A reason's first line, cut to 60 characters: the whole text is in the evidence. */
function firstWords(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/**
 * What a failed task says about why, as the task card says it: the container's error name with the container and
 * its exit code, else the stop code with ECS's reason ("Task failed ELB health checks in (target-group arn:…") cut
 * short, and the exit code.
 */
function failureCause(t: Task): string {
  const c = containerProblem(t);
  const exit = c?.exitCode !== undefined ? `exit ${c.exitCode}` : undefined;
  if (c?.reason)
    return `${errorName(c.reason) ?? firstWords(c.reason)} (container ${[c.name, exit].filter(Boolean).join(', ')})`;
  const reason = t.stoppedReason ? (errorName(t.stoppedReason) ?? firstWords(t.stoppedReason)) : undefined;
  const detail = [reason, c && exit ? `container ${c.name} ${exit}` : undefined].filter(Boolean).join(', ');
  return [t.stopCode, detail ? `(${detail})` : undefined].filter(Boolean).join(' ') || 'stopped';
}

/** The JSON paths and values in a failed task that show its cause: its stop code, and a container's reason, else ECS's reason and the exit code. */
function failureEvidence(t: Task): { objectId: string; path: string; value: string | number }[] {
  const c = containerProblem(t);
  const i = c ? t.containers.findIndex((x) => x.name === c.name) : -1;
  const out: { objectId: string; path: string; value: string | number }[] = [];
  if (t.stopCode) out.push({ objectId: t.id, path: '$.stopCode', value: t.stopCode });
  if (c?.reason && i >= 0) {
    out.push({ objectId: t.id, path: `$.containers[${i}].reason`, value: c.reason });
    return out;
  }
  if (t.stoppedReason) out.push({ objectId: t.id, path: '$.stoppedReason', value: t.stoppedReason });
  if (c?.exitCode !== undefined && i >= 0)
    out.push({ objectId: t.id, path: `$.containers[${i}].exitCode`, value: c.exitCode });
  return out;
}

/**
 * A service below its desired count whose stopped tasks failed: what an on-call asks first ("why is it short?"),
 * answered from the stopped tasks ECS still lists (for at least an hour). Causes counted, newest first.
 */
function tasksFailing(s: Service, ctx: FindingContext): Finding[] {
  const desired = s.desiredCount ?? 0;
  const tasks = ctx.tasksByService.get(s.id) ?? [];
  const running = s.runningCount ?? tasks.filter(isRunning).length;
  if (desired <= running) return [];
  const failed = tasks
    .filter((t) => !t.placeholder && taskFailed(t))
    .sort((a, b) => (b.stoppedAt ?? '').localeCompare(a.stoppedAt ?? ''));
  if (failed.length === 0) return [];
  const causes = new Map<string, number>();
  for (const t of failed) {
    const cause = failureCause(t);
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  const counted = [...causes].map(([cause, n]) =>
    causes.size === 1 && n === 1 ? cause : `${groupDigits(n)} × ${cause}`,
  );
  const short = desired - running;
  return [
    makeFinding(
      'tasks-failing',
      s,
      `service ${s.name}: ${groupDigits(short)} of ${groupDigits(desired)} desired task${desired === 1 ? '' : 's'} not running; ${groupDigits(failed.length)} stopped task${failed.length === 1 ? '' : 's'} failed: ${counted.join(', ')}`,
      [
        { path: '$.desiredCount', value: desired },
        { path: '$.runningCount', value: running },
        ...failed.slice(0, 3).flatMap(failureEvidence),
      ],
    ),
  ];
}

/** The resilience findings of a load. */
export function resilience(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.topology.services) {
    if (s.placeholder || (s.status !== undefined && s.status !== 'ACTIVE')) continue;
    out.push(...tasksFailing(s, ctx));
    out.push(...concentration(s, ctx));
    if (s.desiredCount === 1 && s.loadBalancers.length > 0)
      out.push(
        makeFinding(
          'single-task-behind-lb',
          s,
          `service ${s.name}: one task behind a load balancer; a deployment or a task failure leaves the target group empty`,
          [
            { path: '$.desiredCount', value: 1 },
            {
              path: '$.loadBalancers[0].targetGroupArn',
              value: s.loadBalancers[0].targetGroupArn ?? s.loadBalancers[0].loadBalancerName ?? null,
            },
          ],
        ),
      );
    if (controller(s) !== 'ECS') continue;
    const config = obj(s.raw?.deploymentConfiguration);
    const breaker = bool(obj(config?.deploymentCircuitBreaker)?.enable);
    // Absent in older output (and in services made before the breaker existed): not the same as off.
    if (breaker === false)
      out.push(
        makeFinding(
          'circuit-breaker-off',
          s,
          `service ${s.name}: the deployment circuit breaker is disabled, so a deployment whose tasks keep failing is never stopped or rolled back`,
          [{ path: '$.deploymentConfiguration.deploymentCircuitBreaker.enable', value: false }],
        ),
      );
    const min = num(config?.minimumHealthyPercent);
    const max = num(config?.maximumPercent);
    if (min === 100 && max === 100)
      out.push(
        makeFinding(
          'deploy-stall-config',
          s,
          `service ${s.name}: minimumHealthyPercent 100 and maximumPercent 100 leave no room to start a new task or stop an old one, so deployments stall`,
          [
            { path: '$.deploymentConfiguration.minimumHealthyPercent', value: 100 },
            { path: '$.deploymentConfiguration.maximumPercent', value: 100 },
          ],
        ),
      );
  }
  return out;
}
