/**
 * The rules: id, starting severity and what each checks in one sentence. One table feeds the engine, the
 * panel's groups, the CLI's text and the SARIF `rules`.
 */
import type { EntityBase } from '../model/types';
import type { Evidence, Finding, RuleId, RuleInfo } from './types';

/** Every rule, in the order the panel and the CLI list them. */
export const RULES: readonly RuleInfo[] = [
  {
    id: 'placement-blocked',
    severity: 'error',
    title: 'Task cannot be placed',
    description:
      'A service below its desired count with an "unable to place" event, or an EC2/External task pending over 10 minutes, checked against every loaded host of its cluster.',
  },
  {
    id: 'tasks-failing',
    severity: 'error',
    title: 'Service short: its tasks failed',
    description:
      'A service running fewer tasks than it wants whose stopped tasks failed (did not start, an essential container exited, a health check failed, a container gave a reason such as CannotPullContainerError or OutOfMemoryError); the causes are counted, newest first.',
  },
  {
    id: 'single-az',
    severity: 'warning',
    title: 'All tasks in one Availability Zone',
    description: 'A service that wants more than one task runs all of them in one Availability Zone.',
  },
  {
    id: 'single-host',
    severity: 'warning',
    title: 'All tasks on one host',
    description: 'A service that wants more than one task runs all of them on one container instance.',
  },
  {
    id: 'revision-drift',
    severity: 'warning',
    title: 'Tasks on several revisions',
    description:
      "A service's running tasks use more than one task definition revision while no deployment is in progress.",
  },
  {
    id: 'image-drift',
    severity: 'warning',
    title: 'Same container, different images',
    description:
      'Running containers of one name and task definition revision in a service run different image digests (ECS-managed containers excluded).',
  },
  {
    id: 'deploy-stall-config',
    severity: 'warning',
    title: 'Deployments cannot make progress',
    description:
      'minimumHealthyPercent 100 with maximumPercent 100 leaves ECS no room to start or stop a task, so a rolling deployment stalls.',
  },
  {
    id: 'platform-drift',
    severity: 'info',
    title: 'Mixed Fargate platform versions',
    description: "A service's running tasks run on more than one platform version.",
  },
  {
    id: 'agent-drift',
    severity: 'info',
    title: 'Mixed agent versions',
    description: "A cluster's container instances run more than one ECS agent version.",
  },
  {
    id: 'single-task-behind-lb',
    severity: 'info',
    title: 'One task behind a load balancer',
    description: 'A service behind a load balancer wants one task, so a deployment or a failure leaves no target.',
  },
  {
    id: 'circuit-breaker-off',
    severity: 'info',
    title: 'Deployment circuit breaker disabled',
    description:
      'A service on the ECS deployment controller has its deployment circuit breaker explicitly disabled (absent is not disabled).',
  },
  {
    id: 'latest-tag',
    severity: 'info',
    title: 'Image by :latest or no tag',
    description:
      'A container definition names its image by :latest or by no tag, so what runs depends on when it was pulled (a @sha256 digest is fine).',
  },
  {
    id: 'no-log-config',
    severity: 'info',
    title: 'No log configuration',
    description: 'A container definition has no logConfiguration, so its output is not collected anywhere.',
  },
  {
    id: 'inactive-revision',
    severity: 'info',
    title: 'INACTIVE revision in use',
    description:
      'A task definition revision that is INACTIVE (deregistered) is still used by a service or a running task.',
  },
];

/** A rule's facts by id. */
export const RULE_BY_ID: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<
  RuleId,
  RuleInfo
>;

/** A finding of `rule` about `entity`, with the rule's severity. */
export function makeFinding(
  rule: RuleId,
  entity: Pick<EntityBase, 'id' | 'kind' | 'arn'>,
  message: string,
  evidence: Evidence[],
  extra: Partial<Pick<Finding, 'placement'>> = {},
): Finding {
  return {
    rule,
    severity: RULE_BY_ID[rule].severity,
    objectId: entity.id,
    objectKind: entity.kind,
    ...(entity.arn ? { arn: entity.arn } : {}),
    message,
    evidence,
    ...extra,
  };
}
