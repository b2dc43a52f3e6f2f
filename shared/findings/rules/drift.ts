/**
 * Drift: a service's running tasks that should be alike and are not (revision, image digest, platform
 * version), and a cluster's hosts on different agent versions.
 */
import type { Service, Task } from '../../model/types';
import { isRunning, type FindingContext } from '../context';
import { groupDigits, obj, objs, str } from '../raw';
import { makeFinding } from '../rule-table';
import type { Evidence, Finding } from '../types';

/**
 * Containers ECS adds to a task by itself, whose images ECS picks: the awsvpc pause container, the Service
 * Connect agent, the GuardDuty runtime monitoring sidecar (Amazon ECS and GuardDuty user guides).
 */
const ECS_MANAGED_CONTAINER = /^(~internal~ecs~pause$|ecs-service-connect-|aws-guardduty-agent-)/;

/** True when ECS, not the task definition, put this container in the task. */
export function isEcsManagedContainer(name: string): boolean {
  return ECS_MANAGED_CONTAINER.test(name);
}

/**
 * A deployment is in progress when a service has more than one deployment (or task set) alive, or its
 * primary deployment's rollout is still IN_PROGRESS: tasks on two revisions are then expected.
 */
export function deploymentInProgress(s: Service): boolean {
  const alive = s.deployments.filter((d) => d.status !== 'INACTIVE' && d.status !== 'DRAINING');
  return alive.length > 1 || s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS');
}

function revisionLabel(ctx: FindingContext, id: string | undefined): string {
  const td = id ? ctx.taskDefinitions.get(id) : undefined;
  return td ? td.name : (id ?? 'unknown');
}

function plural(n: number, word: string): string {
  return `${groupDigits(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Groups values, in first-seen order. */
function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}

function revisionDrift(s: Service, running: Task[], ctx: FindingContext): Finding | undefined {
  const byRevision = groupBy(running, (t) => t.taskDefinitionId);
  if (byRevision.size < 2 || deploymentInProgress(s)) return undefined;
  const parts = [...byRevision].map(([id, tasks]) => `${revisionLabel(ctx, id)} (${plural(tasks.length, 'task')})`);
  const evidence: Evidence[] = [...byRevision].map(([, tasks]) => ({
    objectId: tasks[0].id,
    path: '$.taskDefinitionArn',
    value: str(tasks[0].raw?.taskDefinitionArn) ?? tasks[0].taskDefinitionId ?? null,
  }));
  evidence.push({ path: '$.deployments.length', value: s.deployments.length });
  return makeFinding(
    'revision-drift',
    s,
    `service ${s.name}: running tasks use ${byRevision.size} task definition revisions with no deployment in progress: ${parts.join(', ')}`,
    evidence,
  );
}

function imageDrift(s: Service, running: Task[], ctx: FindingContext): Finding[] {
  // Same revision, same container name, different digests: the tag moved between pulls.
  const seen = new Map<string, { digest: string; task: Task; index: number }[]>();
  for (const t of running)
    objs(t.raw?.containers).forEach((c, index) => {
      const name = str(c.name);
      const digest = str(c.imageDigest);
      if (!name || !digest || isEcsManagedContainer(name)) return;
      const key = `${t.taskDefinitionId ?? ''}\u0000${name}`;
      const list = seen.get(key) ?? [];
      list.push({ digest, task: t, index });
      seen.set(key, list);
    });
  const out: Finding[] = [];
  for (const [key, list] of seen) {
    const byDigest = groupBy(list, (x) => x.digest);
    if (byDigest.size < 2) continue;
    const [tdId, name] = key.split('\u0000');
    const parts = [...byDigest].map(([d, xs]) => `${d.slice(0, 19)}… (${plural(xs.length, 'task')})`);
    out.push(
      makeFinding(
        'image-drift',
        s,
        `service ${s.name}: container ${name} of ${revisionLabel(ctx, tdId || undefined)} runs ${byDigest.size} different images: ${parts.join(', ')}`,
        [...byDigest].map(([d, xs]) => ({
          objectId: xs[0].task.id,
          path: `$.containers[${xs[0].index}].imageDigest`,
          value: d,
        })),
      ),
    );
  }
  return out;
}

function platformDrift(s: Service, running: Task[]): Finding | undefined {
  const byVersion = groupBy(running, (t) => t.platformVersion);
  if (byVersion.size < 2) return undefined;
  const parts = [...byVersion].map(([v, tasks]) => `${v} (${plural(tasks.length, 'task')})`);
  return makeFinding(
    'platform-drift',
    s,
    `service ${s.name}: running tasks are on ${byVersion.size} platform versions: ${parts.join(', ')}`,
    [...byVersion].map(([v, tasks]) => ({ objectId: tasks[0].id, path: '$.platformVersion', value: v })),
  );
}

/** The drift findings of a load. */
export function drift(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.topology.services) {
    if (s.placeholder) continue;
    const running = (ctx.tasksByService.get(s.id) ?? []).filter(isRunning);
    const r = revisionDrift(s, running, ctx);
    if (r) out.push(r);
    out.push(...imageDrift(s, running, ctx));
    const p = platformDrift(s, running);
    if (p) out.push(p);
  }
  for (const c of ctx.topology.clusters) {
    const hosts = (ctx.hostsByCluster.get(c.id) ?? []).filter(
      (h) => h.status !== 'INACTIVE' && h.status !== 'DEREGISTERING',
    );
    const byVersion = groupBy(hosts, (h) => str(obj(h.raw?.versionInfo)?.agentVersion));
    if (byVersion.size < 2) continue;
    const parts = [...byVersion].map(([v, hs]) => `${v} (${plural(hs.length, 'host')})`);
    out.push(
      makeFinding(
        'agent-drift',
        c,
        `cluster ${c.name}: container instances run ${byVersion.size} ECS agent versions: ${parts.join(', ')}`,
        [...byVersion].map(([v, hs]) => ({ objectId: hs[0].id, path: '$.versionInfo.agentVersion', value: v })),
      ),
    );
  }
  return out;
}
