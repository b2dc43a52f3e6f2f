/**
 * The placement explainer: why ECS cannot place a task now, host by host, from what the load holds. It
 * checks what ECS checks on an EC2 or External container instance, in this order, and keeps the first
 * failure per host: status ACTIVE, agent connected, the service's capacity providers, `requiresAttributes`,
 * placement constraints (`memberOf` in the cluster query language, `distinctInstance`), free CPU and memory
 * (`remainingResources`), static host ports (PORTS / PORTS_UDP; bridge and host mode) and, for awsvpc, a
 * free network interface.
 */
import type { ContainerInstance, Service, Task, TaskDefinition } from '../model/types';
import { evaluateClusterQuery, parseClusterQuery, type QueryTarget } from './cluster-query';
import { isLive, type FindingContext } from './context';
import { attributeMap, cpuUnits, groupDigits, memoryMiB, num, obj, objs, str } from './raw';
import type { HostVerdict, HostVerdictCode, PlacementExplanation, PlacementNeeds } from './types';

/** The checks in the order they run; a host's verdict is its first failure (`fits` when none). */
const CHECK_ORDER: HostVerdictCode[] = [
  'not-active',
  'agent-disconnected',
  'launch-type',
  'capacity-provider',
  'requires-attributes',
  'member-of',
  'distinct-instance',
  'cpu',
  'memory',
  'ports',
  'eni',
  'fits',
];

// Each expression parsed once per run of the rules, not once per host it is tried on.
const parsedQueries = new Map<string, ReturnType<typeof parseClusterQuery>>();
function parsedQuery(expression: string): ReturnType<typeof parseClusterQuery> {
  let p = parsedQueries.get(expression);
  if (!p) {
    if (parsedQueries.size > 1000) parsedQueries.clear();
    parsedQueries.set(expression, (p = parseClusterQuery(expression)));
  }
  return p;
}

/** Attribute ECS sets on an instance whose awsvpc tasks use a trunk interface (ENI trunking). */
const TRUNK_ATTRIBUTE = 'ecs.awsvpc-trunk-id';

/** What to place: a task definition in a cluster, for a service (its group and constraints) or a lone task. */
export interface PlacementRequest {
  clusterId?: string;
  clusterName?: string;
  taskDefinitionId?: string;
  /** `service:<name>` for a service's tasks: what `distinctInstance` keeps apart. */
  group?: string;
  /** The service's (or run-task's) own `placementConstraints`. */
  constraints: Record<string, unknown>[];
  /** Capacity providers the service places through; empty when it names none. */
  capacityProviders: string[];
  /** EC2 or EXTERNAL when known: an External instance (`mi-…`) takes only EXTERNAL tasks, and the other way round. */
  launchType?: string;
}

interface Constraint {
  type: string;
  expression?: string;
}

/** Reads what the task definition asks of a host. */
export function readNeeds(td: TaskDefinition, extra: Record<string, unknown>[]): PlacementNeeds {
  const raw = td.raw ?? {};
  const containers = objs(raw.containerDefinitions);
  const sum = (pick: (c: Record<string, unknown>) => number | undefined) =>
    containers.reduce((n, c) => n + (pick(c) ?? 0), 0);
  const cpu = cpuUnits(raw.cpu) ?? (containers.length ? sum((c) => num(c.cpu)) : undefined);
  const memory =
    memoryMiB(raw.memory) ?? (containers.length ? sum((c) => num(c.memory) ?? num(c.memoryReservation)) : undefined);
  // On Linux EC2 hosts a task definition without networkMode runs in bridge mode.
  const networkMode = str(raw.networkMode) ?? 'bridge';
  const ports: string[] = [];
  if (networkMode === 'bridge' || networkMode === 'host') {
    for (const c of containers)
      for (const pm of objs(c.portMappings)) {
        // Bridge mode: hostPort 0 or absent is dynamic (no fixed port to collide). Host mode: the container port is the host port.
        const port = networkMode === 'host' ? (num(pm.hostPort) ?? num(pm.containerPort)) : num(pm.hostPort);
        if (port === undefined || port === 0) continue;
        const key = `${port}/${str(pm.protocol) === 'udp' ? 'udp' : 'tcp'}`;
        if (!ports.includes(key)) ports.push(key);
      }
  }
  const constraints = [...objs(raw.placementConstraints), ...extra]
    .map((c): Constraint => ({ type: str(c.type) ?? '', expression: str(c.expression) }))
    .filter((c) => c.type === 'memberOf' || c.type === 'distinctInstance')
    .map((c) => (c.type === 'memberOf' ? `memberOf(${c.expression ?? ''})` : 'distinctInstance'));
  const requiresAttributes = objs(raw.requiresAttributes)
    .map((a) => {
      const name = str(a.name);
      const value = str(a.value);
      return name ? (value ? `${name}=${value}` : name) : undefined;
    })
    .filter((a): a is string => a !== undefined);
  return { cpu, memory, networkMode, ports, constraints, requiresAttributes };
}

/** Free units of one `remainingResources` entry, and the ports a host already has taken. */
function remaining(ci: ContainerInstance): { ports: Set<string>; known: boolean } {
  const ports = new Set<string>();
  let known = false;
  for (const r of objs(ci.raw?.remainingResources)) {
    const name = str(r.name);
    if (name !== 'PORTS' && name !== 'PORTS_UDP') continue;
    known = true;
    const proto = name === 'PORTS' ? 'tcp' : 'udp';
    if (Array.isArray(r.stringSetValue))
      for (const p of r.stringSetValue) if (typeof p === 'string') ports.add(`${p}/${proto}`);
  }
  return { ports, known };
}

/** What the checks read of one host, read once per run (a blocked service is tried on every host of its cluster). */
interface HostFacts {
  hasAttributes: boolean;
  attributes: Map<string, string | undefined>;
  tasksHere: Task[];
  taskGroups: string[];
  ports: { ports: Set<string>; known: boolean };
  enisUsed: number;
}

const factsByRun = new WeakMap<FindingContext, Map<string, HostFacts>>();

function factsOf(ci: ContainerInstance, ctx: FindingContext): HostFacts {
  let byHost = factsByRun.get(ctx);
  if (!byHost) factsByRun.set(ctx, (byHost = new Map()));
  let f = byHost.get(ci.id);
  if (!f) {
    const raw = ci.raw ?? {};
    const tasksHere = (ctx.tasksByHost.get(ci.id) ?? []).filter(isLive);
    f = {
      hasAttributes: Array.isArray(raw.attributes),
      attributes: attributeMap(raw),
      tasksHere,
      taskGroups: tasksHere.map((t) => t.group).filter((g): g is string => g !== undefined),
      ports: remaining(ci),
      enisUsed: tasksHere.filter((t) => usesEni(t, ctx)).length,
    };
    byHost.set(ci.id, f);
  }
  return f;
}

function hostName(ci: ContainerInstance): string {
  return ci.ec2InstanceId ?? ci.name;
}

/** One host against the needs: the first check it fails. */
function judgeHost(
  ci: ContainerInstance,
  needs: PlacementNeeds,
  request: PlacementRequest,
  ctx: FindingContext,
): HostVerdict {
  const name = hostName(ci);
  const unknown: string[] = [];
  const verdict = (code: HostVerdictCode, reason: string, free?: number): HostVerdict => ({
    hostId: ci.id,
    hostName: name,
    code,
    reason,
    ...(free !== undefined ? { free } : {}),
    unknown,
  });
  const raw = ci.raw ?? {};
  const { hasAttributes, attributes, tasksHere, taskGroups, enisUsed } = factsOf(ci, ctx);

  if (ci.status && ci.status !== 'ACTIVE') return verdict('not-active', ci.status);
  if (ci.agentConnected === false) return verdict('agent-disconnected', 'agent disconnected');
  // ECS and SSM-registered External instances have `mi-` ids; EC2 instances `i-`.
  const external = ci.ec2InstanceId?.startsWith('mi-') === true;
  if (request.launchType === 'EXTERNAL' && !external)
    return verdict('launch-type', 'an EC2 instance; the task launches on EXTERNAL');
  if ((request.launchType === 'EC2' || request.capacityProviders.length > 0) && external)
    return verdict('launch-type', 'an External instance; the task launches on EC2');
  // A service placing through capacity providers uses only the instances of those providers.
  const asgProviders = request.capacityProviders.filter((p) => p !== 'FARGATE' && p !== 'FARGATE_SPOT');
  if (asgProviders.length > 0 && (!ci.capacityProviderName || !asgProviders.includes(ci.capacityProviderName)))
    return verdict(
      'capacity-provider',
      ci.capacityProviderName
        ? `in capacity provider ${ci.capacityProviderName}, not the service's (${asgProviders.join(', ')})`
        : `in no capacity provider; the service places through ${asgProviders.join(', ')}`,
    );

  if (needs.requiresAttributes.length > 0) {
    if (!hasAttributes) unknown.push('requiresAttributes (the host was described without attributes)');
    else {
      const missing = needs.requiresAttributes.filter((a) => {
        const [n, v] = a.split('=', 2);
        return !attributes.has(n) || (v !== undefined && attributes.get(n) !== v);
      });
      if (missing.length) return verdict('requires-attributes', `lacks attribute ${missing.join(', ')}`);
    }
  }

  for (const c of needs.constraints) {
    if (c === 'distinctInstance') {
      if (request.group && tasksHere.some((t) => t.group === request.group))
        return verdict('distinct-instance', `already runs a task of ${request.group} (distinctInstance)`);
      continue;
    }
    const expression = c.slice('memberOf('.length, -1);
    const parsed = parsedQuery(expression);
    if (!parsed.ok) {
      unknown.push(`${c}: not a cluster query (${parsed.message})`);
      continue;
    }
    if (!hasAttributes && /attribute:/.test(expression)) {
      unknown.push(`${c} (the host was described without attributes)`);
      continue;
    }
    const target: QueryTarget = {
      attributes,
      agentConnected: ci.agentConnected,
      agentVersion: str(obj(raw.versionInfo)?.agentVersion),
      ec2InstanceId: ci.ec2InstanceId,
      registeredAt: str(raw.registeredAt),
      runningTasksCount: ci.runningTasksCount,
      taskGroups,
    };
    if (!evaluateClusterQuery(parsed.node, target)) {
      const type = attributes.get('ecs.instance-type');
      // What the host is goes first: a card cuts the end of a long line.
      return verdict('member-of', `${type ? `is ${type}: ` : ''}outside ${c}`);
    }
  }

  const cpuFree = ci.remaining.cpu;
  if (needs.cpu !== undefined && needs.cpu > 0) {
    if (cpuFree === undefined) unknown.push('CPU (no remainingResources)');
    else if (cpuFree < needs.cpu)
      return verdict(
        'cpu',
        `${groupDigits(cpuFree)} CPU units free, needs ${groupDigits(needs.cpu)} (short ${groupDigits(needs.cpu - cpuFree)})`,
        cpuFree,
      );
  }
  const memFree = ci.remaining.memory;
  if (needs.memory !== undefined && needs.memory > 0) {
    if (memFree === undefined) unknown.push('memory (no remainingResources)');
    else if (memFree < needs.memory)
      return verdict(
        'memory',
        `${groupDigits(memFree)} MiB free, needs ${groupDigits(needs.memory)} (short ${groupDigits(needs.memory - memFree)})`,
        memFree,
      );
  }

  if (needs.ports.length > 0) {
    const taken = factsOf(ci, ctx).ports;
    if (!taken.known) unknown.push('host ports (no PORTS in remainingResources)');
    const clash = needs.ports.filter((p) => taken.ports.has(p));
    if (clash.length) return verdict('ports', `host port ${clash.join(', ')} already taken`);
  }

  if (needs.networkMode === 'awsvpc') {
    const type = ci.instanceType ?? attributes.get('ecs.instance-type');
    if (attributes.has(TRUNK_ATTRIBUTE))
      unknown.push(
        `ENIs (trunking on: ${TRUNK_ATTRIBUTE} raises the limit; the trunked limit of ${type ?? 'this type'} is not in ${ctx.limits.source})`,
      );
    else if (!type) unknown.push('ENIs (instance type unknown)');
    else {
      const max = ctx.limits.maxEnis(type);
      if (max === undefined) unknown.push(`ENIs (${type} is not in ${ctx.limits.source})`);
      else {
        // The primary interface belongs to the instance: awsvpc tasks get max − 1.
        if (enisUsed >= max - 1)
          return verdict(
            'eni',
            `all ${max - 1} task network interfaces in use (${type}: ${max} ENIs, one is the instance's own)`,
          );
      }
    }
  }
  return verdict('fits', 'could take the task now');
}

/** A task with an interface of its own: an ENI attachment, or an awsvpc task definition. */
function usesEni(t: Task, ctx: FindingContext): boolean {
  if (objs(t.raw?.attachments).some((a) => str(a.type) === 'ElasticNetworkInterface')) return true;
  const td = t.taskDefinitionId ? ctx.taskDefinitions.get(t.taskDefinitionId) : undefined;
  return str(td?.raw?.networkMode) === 'awsvpc';
}

const REASON_WORDS: Record<HostVerdictCode, string> = {
  fits: 'could take it',
  'not-active': 'not ACTIVE',
  'agent-disconnected': 'agent disconnected',
  'launch-type': 'other launch type',
  'capacity-provider': 'other capacity provider',
  'requires-attributes': 'missing required attributes',
  'member-of': 'outside memberOf',
  'distinct-instance': 'distinctInstance',
  cpu: 'short of CPU',
  memory: 'short of memory',
  ports: 'host port taken',
  eni: 'no free ENI',
};

/** The nearest miss and a tally, from the verdicts. */
function summarise(hosts: HostVerdict[], needs: PlacementNeeds): string {
  const fits = hosts.filter((h) => h.code === 'fits');
  if (fits.length)
    return `${fits.length} of ${hosts.length} loaded hosts could take it now (${fits
      .slice(0, 3)
      .map((h) => h.hostName)
      .join(', ')}): capacity may have been freed since the event`;
  const stage = (h: HostVerdict) => CHECK_ORDER.indexOf(h.code);
  const nearest = Math.max(...hosts.map(stage));
  const code = CHECK_ORDER[nearest];
  const tally = Object.entries(
    hosts.reduce<Record<string, number>>((acc, h) => {
      acc[REASON_WORDS[h.code]] = (acc[REASON_WORDS[h.code]] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([w, n]) => `${n} ${w}`)
    .join(', ');
  const of = `${hosts.length} host${hosts.length === 1 ? '' : 's'}: ${tally}`;
  if (code === 'cpu' || code === 'memory') {
    const short = hosts.filter((h) => h.code === code).sort((a, b) => (b.free ?? 0) - (a.free ?? 0));
    const first = short[0];
    const need = (code === 'cpu' ? needs.cpu : needs.memory) ?? 0;
    const unit = code === 'cpu' ? 'CPU units' : 'MiB of memory';
    const lead = `${first.hostName} has ${groupDigits(first.free ?? 0)} free (short ${groupDigits(need - (first.free ?? 0))})`;
    const others = short.slice(1, 3).map((h) => `${h.hostName} has ${groupDigits(h.free ?? 0)}`);
    const more = short.length > 3 ? `, ${short.length - 3} more` : '';
    return `needs ${groupDigits(need)} ${unit}: ${[lead, ...others].join(', ')}${more} (${of})`;
  }
  const near = hosts.find((h) => stage(h) === nearest);
  return `nearest: ${near?.hostName} (${near?.reason}) (${of})`;
}

/** Explains why the request cannot be placed on the cluster's loaded hosts; says what to load when it cannot. */
export function explainPlacement(request: PlacementRequest, ctx: FindingContext): PlacementExplanation {
  const base = { clusterId: request.clusterId, taskDefinitionId: request.taskDefinitionId };
  const td = request.taskDefinitionId ? ctx.taskDefinitions.get(request.taskDefinitionId) : undefined;
  const cluster = request.clusterName ?? 'CLUSTER';
  if (!td || td.placeholder || !td.raw) {
    const ref = td ? `${td.family}${td.revision !== undefined ? `:${td.revision}` : ''}` : 'its task definition';
    return {
      ...base,
      hosts: [],
      summary: `task definition ${ref} is not loaded: load \`aws ecs describe-task-definition --task-definition ${td ? ref : 'FAMILY:REVISION'}\` to explain it`,
    };
  }
  const needs = readNeeds(td, request.constraints);
  const candidates = request.clusterId ? (ctx.hostsByCluster.get(request.clusterId) ?? []) : [];
  if (candidates.length === 0)
    return {
      ...base,
      needs,
      hosts: [],
      summary: `no container instances of cluster ${cluster} are loaded: load \`aws ecs describe-container-instances --cluster ${cluster} --container-instances\` with the ARNs \`aws ecs list-container-instances --cluster ${cluster}\` prints`,
    };
  const hosts = candidates.map((ci) => judgeHost(ci, needs, request, ctx));
  return { ...base, needs, hosts, summary: summarise(hosts, needs) };
}

/** The request for one service's tasks. */
export function serviceRequest(s: Service, ctx: FindingContext): PlacementRequest {
  return {
    clusterId: s.clusterId,
    clusterName: s.clusterId ? ctx.clusters.get(s.clusterId)?.name : undefined,
    taskDefinitionId: s.taskDefinitionId,
    group: `service:${s.name}`,
    constraints: objs(s.raw?.placementConstraints),
    capacityProviders: s.capacityProviderStrategy.map((c) => c.capacityProvider),
    launchType: s.launchType,
  };
}
