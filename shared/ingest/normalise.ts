import type {
  CapacityProvider,
  CapacityProviderStrategyItem,
  Cluster,
  Container,
  ContainerInstance,
  Deployment,
  LaunchType,
  ResourceUnits,
  Service,
  ServiceConnect,
  Task,
  TargetGroup,
  TaskDefinition,
} from '../model/types';
import { containerId, lastSegment, type Scope } from '../model/arn';
import type {
  RawCapacityProvider,
  RawCluster,
  RawContainerInstance,
  RawDeployment,
  RawService,
  RawServiceConnect,
  RawTargetGroup,
  RawTask,
  RawTaskDefinition,
} from './schemas';

/**
 * Turns validated AWS objects into model entities. Pure field mapping:
 * references to other objects are resolved by `link.ts`.
 */

/**
 * Normalises a timestamp to ISO-8601: CLI v1 epoch seconds, CLI v2 strings with offsets, SDK ISO strings.
 * The .NET SDK's unset date (`DateTime.MinValue`, `0001-01-01T00:00:00`, as its dumps and Java tools
 * reading them write it) is no time at all: absent, not the year 1.
 */
export function toIso(value: number | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // Epoch seconds (CLI v1). A value this large is milliseconds, as some hand-made files hold.
    const ms = Math.abs(value) > 1e11 ? value : value * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1 ? undefined : d.toISOString();
  }
  // Already in the form toISOString gives (the SDK's, bundles'): parsing and printing it again is the same string.
  if (CANONICAL_ISO.test(value)) return value.startsWith('0001-') ? undefined : value;
  if (value.startsWith('0001-01-01')) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function units(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function strategy(items: RawService['capacityProviderStrategy']): CapacityProviderStrategyItem[] {
  return (items ?? [])
    .filter((i) => typeof i.capacityProvider === 'string')
    .map((i) => ({ capacityProvider: i.capacityProvider as string, weight: i.weight, base: i.base }));
}

const EXPLICIT_LAUNCH_TYPES: ReadonlySet<string> = new Set(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);

/**
 * Launch type of a task, exactly as DESIGN.md says: the explicit `launchType`;
 * else a FARGATE / FARGATE_SPOT capacity provider; else a container instance
 * means EC2; else UNKNOWN. Spot is FARGATE plus capacity provider FARGATE_SPOT.
 */
export function inferLaunchType(raw: Pick<RawTask, 'launchType' | 'capacityProviderName' | 'containerInstanceArn'>): {
  launchType: LaunchType;
  spot: boolean;
} {
  const cp = raw.capacityProviderName;
  let launchType: LaunchType;
  if (raw.launchType && EXPLICIT_LAUNCH_TYPES.has(raw.launchType)) launchType = raw.launchType as LaunchType;
  else if (cp === 'FARGATE' || cp === 'FARGATE_SPOT') launchType = 'FARGATE';
  else if (raw.containerInstanceArn) launchType = 'EC2';
  else launchType = 'UNKNOWN';
  return { launchType, spot: launchType === 'FARGATE' && cp === 'FARGATE_SPOT' };
}

/** The tag (or short digest) of an image reference: `httpd:2.4` → `2.4`, `nginx` → `latest`. */
export function imageTag(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1, at + 1 + 19);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : 'latest';
}

/** Entity fields every normaliser fills the same way. */
export interface Identity {
  id: string;
  arn?: string;
  name: string;
  scope: Scope;
  sources: string[];
  raw: Record<string, unknown>;
  recoveredFrom?: string[];
}

/**
 * The entity fields every normaliser fills the same way, joined with its own. `Object.assign`, not a spread:
 * V8 builds `{ ...base, kind, … }` with many fields after the spread about 5× slower. Tasks and services
 * write their fields out instead: assigning a service's 18 fields left it a dictionary-mode object (1.6 KB
 * each, 13 MB more kept at 100k nodes, and slower to read and to clone to the page).
 */
function entity<T extends object>(identity: Identity, fields: T) {
  return Object.assign(
    {
      id: identity.id,
      arn: identity.arn,
      name: identity.name,
      placeholder: false,
      sources: identity.sources,
      region: identity.scope.region,
      accountId: identity.scope.accountId,
      raw: identity.raw,
      recoveredFrom: identity.recoveredFrom,
    },
    fields,
  );
}

/** Cluster fields. */
export function normaliseCluster(identity: Identity, c: RawCluster): Cluster {
  return entity(identity, {
    kind: 'cluster' as const,
    status: c.status,
    runningTasksCount: c.runningTasksCount,
    pendingTasksCount: c.pendingTasksCount,
    activeServicesCount: c.activeServicesCount,
    registeredContainerInstancesCount: c.registeredContainerInstancesCount,
    capacityProviders: c.capacityProviders ?? [],
    defaultCapacityProviderStrategy: strategy(c.defaultCapacityProviderStrategy),
  });
}

/**
 * A Service Connect configuration, each endpoint joined with the Cloud Map service ECS made for it
 * (`serviceConnectResources`, keyed by discovery name, which defaults to the port name).
 */
function serviceConnect(
  c: RawServiceConnect | undefined,
  resources: RawDeployment['serviceConnectResources'],
): ServiceConnect | undefined {
  if (!c) return undefined;
  const made = new Map<string, string>();
  for (const r of resources ?? []) if (r.discoveryName && r.discoveryArn) made.set(r.discoveryName, r.discoveryArn);
  return {
    // `enabled` is required by the API; a hand-written file that leaves it out but names a namespace means it on.
    enabled: c.enabled !== false,
    namespace: c.namespace,
    endpoints: (c.services ?? []).map((e) => {
      const key = e.discoveryName ?? e.portName;
      return {
        portName: e.portName,
        discoveryName: e.discoveryName,
        discoveryArn: key ? made.get(key) : undefined,
        clientAliases: (e.clientAliases ?? []).map((a) => ({ port: a.port, dnsName: a.dnsName })),
        ingressPortOverride: e.ingressPortOverride,
      };
    }),
    logDriver: c.logConfiguration?.logDriver,
  };
}

function deployment(
  d: RawDeployment,
  source: Deployment['source'],
  tdId: (arn: string | undefined) => string | undefined,
): Deployment {
  return {
    id: d.id ?? '',
    source,
    status: d.status,
    taskDefinitionId: tdId(d.taskDefinition),
    desiredCount: d.desiredCount ?? d.computedDesiredCount,
    runningCount: d.runningCount,
    pendingCount: d.pendingCount,
    failedTasks: d.failedTasks,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
    launchType: d.launchType,
    capacityProviderStrategy: strategy(d.capacityProviderStrategy),
    serviceConnect: serviceConnect(d.serviceConnectConfiguration, d.serviceConnectResources),
    createdAt: toIso(d.createdAt),
    updatedAt: toIso(d.updatedAt),
  };
}

/** A task set printed on its own (`create-task-set` …), as the entry its service's `taskSets[]` would hold. */
export function normaliseTaskSet(d: RawDeployment, tdId: (arn: string | undefined) => string | undefined): Deployment {
  return deployment(d, 'taskSet', tdId);
}

/** Service fields; `overlay` is settled later, once its tasks and capacity providers are known. */
export function normaliseService(
  identity: Identity,
  s: RawService,
  tdId: (arn: string | undefined) => string | undefined,
): Service {
  const deployments = [
    ...(s.deployments ?? []).map((d) => deployment(d, 'deployment', tdId)),
    ...(s.taskSets ?? []).map((d) => deployment(d, 'taskSet', tdId)),
  ];
  // describe-services keeps Service Connect on the deployments: the PRIMARY one is what new tasks get.
  const primary =
    deployments.find((d) => d.status?.toUpperCase() === 'PRIMARY') ??
    (deployments.length === 1 ? deployments[0] : undefined);
  return {
    id: identity.id,
    arn: identity.arn,
    name: identity.name,
    placeholder: false,
    sources: identity.sources,
    region: identity.scope.region,
    accountId: identity.scope.accountId,
    raw: identity.raw,
    recoveredFrom: identity.recoveredFrom,
    kind: 'service',
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    launchType: s.launchType,
    capacityProviderStrategy: strategy(s.capacityProviderStrategy),
    overlay: 'UNKNOWN',
    taskDefinitionId: tdId(s.taskDefinition),
    deploymentController: s.deploymentController?.type,
    schedulingStrategy: s.schedulingStrategy,
    deployments,
    events: (s.events ?? [])
      .filter((e) => typeof e.message === 'string')
      .map((e) => ({ id: e.id, createdAt: toIso(e.createdAt), message: e.message as string })),
    loadBalancers: (s.loadBalancers ?? []).map((lb) => ({
      targetGroupArn: lb.targetGroupArn,
      loadBalancerName: lb.loadBalancerName,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
    })),
    serviceConnect: primary?.serviceConnect ?? serviceConnect(s.serviceConnectConfiguration, undefined),
    serviceRegistries: (s.serviceRegistries ?? []).map((r) => ({
      registryArn: r.registryArn,
      port: r.port,
      containerName: r.containerName,
      containerPort: r.containerPort,
    })),
    createdAt: toIso(s.createdAt),
  };
}

/** Task fields, its containers included; cluster/service/host links are set by `link.ts`. */
export function normaliseTask(identity: Identity, t: RawTask): Task {
  const eni = (t.attachments ?? []).find((a) => a.type === 'ElasticNetworkInterface');
  const detail = (name: string) => eni?.details?.find((d) => d.name === name)?.value;
  const containers: Container[] = [];
  const list = t.containers ?? [];
  // Made only for a task of several containers: most have one, and a Set per task was 6 MB to collect at 100k nodes.
  const seen = list.length > 1 ? new Set<string>() : null;
  list.forEach((c, i) => {
    const name = c.name ?? `container-${i + 1}`;
    // Two containers of one name would share an id; the second keeps its index to stay distinct.
    const key = seen?.has(name) ? `${name}#${i}` : name;
    seen?.add(key);
    containers.push({
      id: containerId(identity.id, key),
      kind: 'container',
      arn: c.containerArn,
      name,
      taskId: identity.id,
      image: c.image,
      imageTag: imageTag(c.image),
      lastStatus: c.lastStatus,
      healthStatus: c.healthStatus,
      exitCode: c.exitCode,
      reason: c.reason,
      privateIp: c.networkInterfaces?.find((n) => n.privateIpv4Address)?.privateIpv4Address,
      cpu: units(c.cpu),
      memory: units(c.memory),
    });
  });
  const { launchType, spot } = inferLaunchType(t);
  // Written out, not `...base(identity)`: a spread followed by 25 fields costs V8 ~70 µs an object (8× this
  // literal), and an account has tens of thousands of tasks. The other kinds are few; they use `entity`.
  return {
    id: identity.id,
    arn: identity.arn,
    name: identity.name,
    placeholder: false,
    sources: identity.sources,
    region: identity.scope.region,
    accountId: identity.scope.accountId,
    raw: identity.raw,
    recoveredFrom: identity.recoveredFrom,
    kind: 'task',
    shortId: identity.name,
    group: t.group,
    startedBy: t.startedBy,
    launchType,
    spot,
    capacityProviderName: t.capacityProviderName,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    healthStatus: t.healthStatus,
    availabilityZone: t.availabilityZone,
    privateIp: detail('privateIPv4Address') ?? containers.find((c) => c.privateIp)?.privateIp,
    subnetId: detail('subnetId'),
    cpu: units(t.cpu),
    memory: units(t.memory),
    platformVersion: t.platformVersion,
    stopCode: t.stopCode,
    stoppedReason: t.stoppedReason,
    createdAt: toIso(t.createdAt),
    startedAt: toIso(t.startedAt),
    stoppedAt: toIso(t.stoppedAt),
    containers,
  };
}

/** Task definition fields; environment values stay only in `raw`. */
export function normaliseTaskDefinition(
  identity: Identity,
  td: RawTaskDefinition,
  family: string,
  revision: number | undefined,
): TaskDefinition {
  return entity(identity, {
    kind: 'taskDefinition' as const,
    family,
    revision,
    status: td.status,
    cpu: units(td.cpu),
    memory: units(td.memory),
    networkMode: td.networkMode,
    requiresCompatibilities: td.requiresCompatibilities ?? [],
    containerDefinitions: (td.containerDefinitions ?? []).map((c, i) => ({
      name: c.name ?? `container-${i + 1}`,
      image: c.image,
      cpu: c.cpu,
      memory: c.memory,
      essential: c.essential,
      environmentNames: (c.environment ?? []).flatMap((e) => (typeof e.name === 'string' ? [e.name] : [])),
      secretNames: (c.secrets ?? []).flatMap((s) => (typeof s.name === 'string' ? [s.name] : [])),
    })),
    registeredAt: toIso(td.registeredAt),
  });
}

function resources(list: RawContainerInstance['registeredResources']): ResourceUnits {
  const value = (name: string) => {
    const r = list?.find((x) => x.name === name);
    if (!r) return undefined;
    return r.integerValue ?? r.longValue ?? r.doubleValue;
  };
  return { cpu: value('CPU'), memory: value('MEMORY') };
}

/** Container instance fields (instance type and AZ come from its ECS attributes). */
export function normaliseContainerInstance(identity: Identity, ci: RawContainerInstance): ContainerInstance {
  const attr = (name: string) => ci.attributes?.find((a) => a.name === name)?.value;
  return entity(identity, {
    kind: 'containerInstance' as const,
    ec2InstanceId: ci.ec2InstanceId,
    status: ci.status,
    agentConnected: ci.agentConnected,
    instanceType: attr('ecs.instance-type'),
    availabilityZone: attr('ecs.availability-zone'),
    capacityProviderName: ci.capacityProviderName,
    runningTasksCount: ci.runningTasksCount,
    pendingTasksCount: ci.pendingTasksCount,
    registered: resources(ci.registeredResources),
    remaining: resources(ci.remainingResources),
  });
}

/** The kind of capacity a provider gives, from its name or type. */
export function providerType(name: string, type?: string, hasAsg?: boolean): CapacityProvider['providerType'] {
  if (name === 'FARGATE' || type === 'FARGATE') return 'FARGATE';
  if (name === 'FARGATE_SPOT' || type === 'FARGATE_SPOT') return 'FARGATE_SPOT';
  if (type === 'MANAGED_INSTANCES') return 'MANAGED_INSTANCES';
  if (hasAsg || type === 'EC2_AUTOSCALING') return 'ASG';
  return 'UNKNOWN';
}

/** Capacity provider fields. */
export function normaliseCapacityProvider(identity: Identity, cp: RawCapacityProvider): CapacityProvider {
  return entity(identity, {
    kind: 'capacityProvider' as const,
    providerType: providerType(identity.name, cp.type, cp.autoScalingGroupProvider !== undefined),
    status: cp.status,
    autoScalingGroupArn: cp.autoScalingGroupProvider?.autoScalingGroupArn,
  });
}

/** Target group fields. */
export function normaliseTargetGroup(identity: Identity, tg: RawTargetGroup): TargetGroup {
  return entity(identity, {
    kind: 'targetGroup' as const,
    protocol: tg.Protocol,
    port: tg.Port,
    targetType: tg.TargetType,
    vpcId: tg.VpcId,
    loadBalancerArns: tg.LoadBalancerArns ?? [],
    healthCheckPath: tg.HealthCheckPath,
  });
}

/** Short display name of a target group ARN (`targetgroup/<name>/<id>`). */
export function targetGroupName(arn: string): string {
  const m = /targetgroup\/([^/]+)/.exec(arn);
  return m ? m[1] : lastSegment(arn);
}
