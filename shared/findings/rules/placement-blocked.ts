/**
 * `placement-blocked`: a service below its desired count whose newest "unable to place" event is newer than
 * its newest steady state, or an EC2/External task waiting for a host over 10 minutes before the load's
 * time; explained host by host against the loaded container instances.
 */
import type { Service, ServiceEvent, Task } from '../../model/types';
import { type FindingContext } from '../context';
import { explainPlacement, serviceRequest, type PlacementRequest } from '../placement';
import { groupDigits, str } from '../raw';
import { makeFinding } from '../rule-table';
import type { Evidence, Finding, PlacementExplanation } from '../types';

/** Pending longer than this before the load's time counts as stuck (the 10 minutes). */
export const PENDING_STUCK_MS = 10 * 60 * 1000;

/** Launch classes the explainer can judge: it explains placement on container instances, not Fargate. */
const HOSTED = new Set(['EC2', 'EXTERNAL', 'UNKNOWN']);

const UNABLE = /unable to place a task/i;
const STEADY = /has reached a steady state/i;

/** The newest event matching `re`, with its index; events without a time keep the API's newest-first order. */
function newest(events: ServiceEvent[], re: RegExp): { event: ServiceEvent; index: number } | undefined {
  let best: { event: ServiceEvent; index: number; at: number } | undefined;
  events.forEach((event, index) => {
    if (!re.test(event.message)) return;
    const at = event.createdAt ? Date.parse(event.createdAt) : NaN;
    const key = Number.isFinite(at) ? at : -index;
    if (!best || key > best.at) best = { event, index, at: key };
  });
  return best;
}

/** Evidence of the hosts' first failures: the field each failed on, where it has one. */
function hostEvidence(p: PlacementExplanation, ctx: FindingContext): Evidence[] {
  const out: Evidence[] = [];
  for (const h of p.hosts.slice(0, 5)) {
    const ci = ctx.hosts.get(h.hostId);
    switch (h.code) {
      case 'cpu':
        out.push({ objectId: h.hostId, path: '$.remainingResources[name=CPU].integerValue', value: h.free ?? null });
        break;
      case 'memory':
        out.push({ objectId: h.hostId, path: '$.remainingResources[name=MEMORY].integerValue', value: h.free ?? null });
        break;
      case 'not-active':
        out.push({ objectId: h.hostId, path: '$.status', value: ci?.status ?? null });
        break;
      case 'agent-disconnected':
        out.push({ objectId: h.hostId, path: '$.agentConnected', value: false });
        break;
      case 'launch-type':
        out.push({ objectId: h.hostId, path: '$.ec2InstanceId', value: ci?.ec2InstanceId ?? null });
        break;
      case 'capacity-provider':
        out.push({ objectId: h.hostId, path: '$.capacityProviderName', value: ci?.capacityProviderName ?? null });
        break;
      case 'member-of':
      case 'eni':
        out.push({
          objectId: h.hostId,
          path: '$.attributes[name=ecs.instance-type].value',
          value: ci?.instanceType ?? null,
        });
        break;
      case 'fits':
        break;
      default:
        out.push({ objectId: h.hostId, path: '$', value: h.reason });
    }
  }
  return out;
}

function blockedService(s: Service, ctx: FindingContext): Finding | undefined {
  if (s.placeholder || !HOSTED.has(s.overlay)) return undefined;
  const desired = s.desiredCount ?? 0;
  const running = s.runningCount ?? 0;
  if (running >= desired) return undefined;
  const unable = newest(s.events, UNABLE);
  if (!unable) return undefined;
  const steady = newest(s.events, STEADY);
  if (steady) {
    const u = unable.event.createdAt ? Date.parse(unable.event.createdAt) : NaN;
    const st = steady.event.createdAt ? Date.parse(steady.event.createdAt) : NaN;
    const steadyIsNewer = Number.isFinite(u) && Number.isFinite(st) ? st > u : steady.index < unable.index;
    if (steadyIsNewer) return undefined;
  }
  const placement = explainPlacement(serviceRequest(s, ctx), ctx);
  const short = desired - running;
  return makeFinding(
    'placement-blocked',
    s,
    `service ${s.name}: ${groupDigits(short)} of ${groupDigits(desired)} desired task${desired === 1 ? '' : 's'} not running, ECS is unable to place a task; ${placement.summary}`,
    [
      { path: '$.desiredCount', value: desired },
      { path: '$.runningCount', value: running },
      { path: `$.events[${unable.index}].message`, value: unable.event.message },
      ...hostEvidence(placement, ctx),
    ],
    { placement },
  );
}

function stuckTask(t: Task, ctx: FindingContext, flagged: Set<string>): Finding | undefined {
  if (t.placeholder || t.containerInstanceId || !HOSTED.has(t.launchType)) return undefined;
  if (t.lastStatus !== 'PENDING' && t.lastStatus !== 'PROVISIONING') return undefined;
  if (t.serviceId && flagged.has(t.serviceId)) return undefined;
  const created = t.createdAt ? Date.parse(t.createdAt) : NaN;
  if (ctx.loadTime === undefined || !Number.isFinite(created) || ctx.loadTime - created <= PENDING_STUCK_MS)
    return undefined;
  const service = t.serviceId ? ctx.services.get(t.serviceId) : undefined;
  const request: PlacementRequest = service
    ? { ...serviceRequest(service, ctx), taskDefinitionId: t.taskDefinitionId ?? service.taskDefinitionId }
    : {
        clusterId: t.clusterId,
        clusterName: t.clusterId ? ctx.clusters.get(t.clusterId)?.name : undefined,
        taskDefinitionId: t.taskDefinitionId,
        group: t.group,
        constraints: [],
        capacityProviders: t.capacityProviderName ? [t.capacityProviderName] : [],
        launchType: t.launchType === 'EC2' || t.launchType === 'EXTERNAL' ? t.launchType : undefined,
      };
  const placement = explainPlacement(request, ctx);
  const minutes = Math.floor((ctx.loadTime - created) / 60000);
  return makeFinding(
    'placement-blocked',
    t,
    `task ${t.shortId}: ${t.lastStatus} with no host for ${groupDigits(minutes)} minutes; ${placement.summary}`,
    [
      { path: '$.lastStatus', value: t.lastStatus ?? null },
      { path: '$.createdAt', value: str(t.raw?.createdAt) ?? t.createdAt ?? null },
      ...hostEvidence(placement, ctx),
    ],
    { placement },
  );
}

/** The placement-blocked findings of a load. */
export function placementBlocked(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const flagged = new Set<string>();
  for (const s of ctx.topology.services) {
    const f = blockedService(s, ctx);
    if (f) {
      out.push(f);
      flagged.add(s.id);
    }
  }
  for (const t of ctx.topology.tasks) {
    const f = stuckTask(t, ctx, flagged);
    if (f) out.push(f);
  }
  return out;
}
