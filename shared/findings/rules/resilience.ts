/**
 * Resilience: services that one failure takes down (one AZ, one host, one task behind a load balancer) and
 * deployment settings that stop a bad deploy from being caught or a good one from finishing.
 */
import type { Service } from '../../model/types';
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

/** The resilience findings of a load. */
export function resilience(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.topology.services) {
    if (s.placeholder || (s.status !== undefined && s.status !== 'ACTIVE')) continue;
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
