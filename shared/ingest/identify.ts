import {
  capacityProviderId,
  clusterId,
  containerInstanceId,
  parseArn,
  readEcsArn,
  readTaskDefinitionArn,
  serviceId,
  targetGroupId,
  taskDefinitionId,
  taskId,
  type Scope,
} from '../model/arn';
import type { RecordKind } from './detect';
import type {
  RawCapacityProvider,
  RawCluster,
  RawContainerInstance,
  RawService,
  RawTargetGroup,
  RawTask,
  RawTaskDefinition,
  RawTaskSet,
} from './schemas';
import { targetGroupName } from './normalise';

/** Who an object is: its canonical id and what its ARN says. */
export interface RecordIdentity {
  id: string;
  arn?: string;
  name: string;
  scope: Scope;
  /** The cluster the object belongs to, from its own fields or its long ARN. */
  clusterName?: string;
  /** Task definition family and revision (task definitions only). */
  family?: string;
  revision?: number;
  /** References inside the object that disagree with each other. */
  warnings: string[];
}

/** Scope used when an object names no region or account (a bare task definition file). */
export const UNKNOWN_SCOPE: Scope = { region: '?', accountId: '?' };

type Identified = RecordIdentity | { problem: string };

// Tasks and services come cluster by cluster, each naming its cluster by the same ARN: read it once per run.
let lastClusterArn: string | undefined;
let lastCluster: { scope: Scope; name: string } | null = null;

function clusterNameOf(arn: string | undefined): { scope: Scope; name: string } | null {
  if (!arn) return null;
  if (arn !== lastClusterArn) {
    const ref = readEcsArn(arn, 'cluster');
    lastCluster = ref ? { scope: ref.scope, name: ref.name } : null;
    lastClusterArn = arn;
  }
  return lastCluster;
}

function identifyCluster(c: RawCluster): Identified {
  const ref = clusterNameOf(c.clusterArn);
  if (ref)
    return {
      id: clusterId(ref.scope, ref.name),
      arn: c.clusterArn,
      name: ref.name,
      scope: ref.scope,
      clusterName: ref.name,
      warnings: [],
    };
  if (c.clusterName)
    return {
      id: clusterId(UNKNOWN_SCOPE, c.clusterName),
      name: c.clusterName,
      scope: UNKNOWN_SCOPE,
      clusterName: c.clusterName,
      warnings: [],
    };
  // An ARN that is there but cannot be read is not "no clusterArn": say which it is.
  if (c.clusterArn !== undefined)
    return {
      problem: `cluster's clusterArn "${c.clusterArn}" is not a cluster ARN, and it has no clusterName; skipped`,
    };
  return { problem: 'cluster has no clusterArn or clusterName; skipped' };
}

function identifyService(s: RawService): Identified {
  const ref = s.serviceArn ? readEcsArn(s.serviceArn, 'service') : null;
  const cluster = clusterNameOf(s.clusterArn);
  const warnings: string[] = [];
  if (ref && cluster && ref.clusterName && ref.clusterName !== cluster.name) {
    warnings.push(
      `serviceArn names cluster "${ref.clusterName}" but clusterArn names "${cluster.name}"; using clusterArn`,
    );
  }
  // Keyed by the ARN when there is one: it is what list-services and other objects name the service by.
  const name = ref?.name ?? s.serviceName;
  if (!name) return { problem: 'service has no serviceArn or serviceName; skipped' };
  if (ref && s.serviceName && ref.name !== s.serviceName)
    warnings.push(`serviceArn names service "${ref.name}" but serviceName is "${s.serviceName}"; using the ARN`);
  const scope = ref?.scope ?? cluster?.scope ?? UNKNOWN_SCOPE;
  const clusterName = cluster?.name ?? ref?.clusterName;
  return { id: serviceId(scope, clusterName, name), arn: s.serviceArn, name, scope, clusterName, warnings };
}

function identifyTask(t: RawTask): Identified {
  const ref = t.taskArn ? readEcsArn(t.taskArn, 'task') : null;
  if (!ref)
    return {
      problem: t.taskArn ? `task has an unreadable taskArn "${t.taskArn}"; skipped` : 'task has no taskArn; skipped',
    };
  const cluster = clusterNameOf(t.clusterArn);
  const warnings: string[] = [];
  if (cluster && ref.clusterName && ref.clusterName !== cluster.name)
    warnings.push(`taskArn names cluster "${ref.clusterName}" but clusterArn names "${cluster.name}"`);
  const id = taskId(ref.scope, ref.name);
  for (const c of t.containers ?? []) {
    // Nearly every container names its task by the task's own ARN: nothing to read.
    if (c.taskArn === t.taskArn) continue;
    const cref = c.taskArn ? readEcsArn(c.taskArn, 'task') : null;
    if (c.taskArn && (!cref || taskId(cref.scope, cref.name) !== id))
      warnings.push(`container "${c.name ?? '?'}" names task ${c.taskArn}, not this task`);
  }
  const ci = t.containerInstanceArn ? readEcsArn(t.containerInstanceArn, 'container-instance') : null;
  const clusterName = cluster?.name ?? ref.clusterName;
  if (ci?.clusterName && clusterName && ci.clusterName !== clusterName) {
    warnings.push(`containerInstanceArn names cluster "${ci.clusterName}" but the task runs in "${clusterName}"`);
  }
  return { id, arn: t.taskArn, name: ref.name, scope: ref.scope, clusterName, warnings };
}

/** Reads a task definition reference: a full ARN, or `family:revision` / `family`. */
export function readTaskDefinitionRef(ref: string): { scope: Scope; family: string; revision?: number } | null {
  const parsed = readTaskDefinitionArn(ref);
  if (parsed) return parsed;
  if (ref.startsWith('arn:')) return null;
  const m = /^([A-Za-z0-9_-]+)(?::(\d+))?$/.exec(ref);
  return m ? { scope: UNKNOWN_SCOPE, family: m[1], revision: m[2] === undefined ? undefined : Number(m[2]) } : null;
}

function identifyTaskDefinition(td: RawTaskDefinition): Identified {
  const ref = td.taskDefinitionArn ? readTaskDefinitionRef(td.taskDefinitionArn) : null;
  // Keyed by the ARN when there is one: tasks and services reference that exact ARN, so keying by the fields
  // would leave the referenced revision a second, placeholder object.
  const family = ref?.family ?? td.family;
  if (!family) return { problem: 'task definition has no taskDefinitionArn or family; skipped' };
  const revision = ref ? (ref.revision ?? td.revision) : td.revision;
  const scope = ref?.scope ?? UNKNOWN_SCOPE;
  const warnings: string[] = [];
  if (ref && td.family && ref.family !== td.family)
    warnings.push(`taskDefinitionArn names family "${ref.family}" but family is "${td.family}"; using the ARN`);
  if (ref?.revision !== undefined && td.revision !== undefined && ref.revision !== td.revision)
    warnings.push(`taskDefinitionArn names revision ${ref.revision} but revision is ${td.revision}; using the ARN`);
  const name = revision === undefined ? family : `${family}:${revision}`;
  return {
    id: taskDefinitionId(scope, family, revision),
    arn: td.taskDefinitionArn,
    name,
    scope,
    family,
    revision,
    warnings,
  };
}

function identifyContainerInstance(ci: RawContainerInstance): Identified {
  const ref = ci.containerInstanceArn ? readEcsArn(ci.containerInstanceArn, 'container-instance') : null;
  if (!ref) return { problem: 'container instance has no readable containerInstanceArn; skipped' };
  return {
    id: containerInstanceId(ref.scope, ref.name),
    arn: ci.containerInstanceArn,
    name: ci.ec2InstanceId ?? ref.name,
    scope: ref.scope,
    clusterName: ref.clusterName,
    warnings: [],
  };
}

function identifyCapacityProvider(cp: RawCapacityProvider): Identified {
  const ref = cp.capacityProviderArn ? readEcsArn(cp.capacityProviderArn, 'capacity-provider') : null;
  const name = ref?.name ?? cp.name;
  if (!name) return { problem: 'capacity provider has no name or capacityProviderArn; skipped' };
  const scope = ref?.scope ?? UNKNOWN_SCOPE;
  const warnings =
    ref && cp.name && ref.name !== cp.name
      ? [`capacityProviderArn names "${ref.name}" but name is "${cp.name}"; using the ARN`]
      : [];
  return { id: capacityProviderId(scope, name), arn: cp.capacityProviderArn, name, scope, warnings };
}

function identifyTargetGroup(tg: RawTargetGroup): Identified {
  if (!tg.TargetGroupArn) return { problem: 'target group has no TargetGroupArn; skipped' };
  const parsed = parseArn(tg.TargetGroupArn);
  const scope = parsed ? { region: parsed.region, accountId: parsed.accountId } : UNKNOWN_SCOPE;
  return {
    id: targetGroupId(tg.TargetGroupArn),
    arn: tg.TargetGroupArn,
    name: tg.TargetGroupName ?? targetGroupName(tg.TargetGroupArn),
    scope,
    warnings: [],
  };
}

/** The service a task set printed on its own belongs to. */
export interface TaskSetOwner {
  scope: Scope;
  clusterName?: string;
  serviceName: string;
  serviceArn?: string;
}

/**
 * Who owns a task set: its `serviceArn` and `clusterArn` (as the API returns them), else its own ARN,
 * `task-set/<cluster>/<service>/<id>` (the CLI reference's examples print only that).
 */
export function identifyTaskSet(ts: RawTaskSet): TaskSetOwner | { problem: string } {
  const svc = ts.serviceArn ? readEcsArn(ts.serviceArn, 'service') : null;
  const cluster = clusterNameOf(ts.clusterArn);
  const own = ts.taskSetArn ? parseArn(ts.taskSetArn) : null;
  const fromOwn = own?.resourceType === 'task-set' && own.segments.length >= 3 ? own.segments : null;
  const serviceName = svc?.name ?? fromOwn?.[1];
  if (!serviceName) return { problem: 'task set names no service (no serviceArn or readable taskSetArn); skipped' };
  const scope =
    svc?.scope ?? cluster?.scope ?? (own ? { region: own.region, accountId: own.accountId } : UNKNOWN_SCOPE);
  return {
    scope,
    clusterName: cluster?.name ?? svc?.clusterName ?? fromOwn?.[0],
    serviceName,
    serviceArn: ts.serviceArn,
  };
}

/** The validated shape of each record kind. */
export interface RawByKind {
  cluster: RawCluster;
  service: RawService;
  task: RawTask;
  taskDefinition: RawTaskDefinition;
  containerInstance: RawContainerInstance;
  capacityProvider: RawCapacityProvider;
  targetGroup: RawTargetGroup;
}

/** The id rule of each kind, keyed by kind: a record of that kind in, its identity out. */
const IDENTIFY: { [K in RecordKind]: (value: RawByKind[K]) => Identified } = {
  cluster: identifyCluster,
  service: identifyService,
  task: identifyTask,
  taskDefinition: identifyTaskDefinition,
  containerInstance: identifyContainerInstance,
  capacityProvider: identifyCapacityProvider,
  targetGroup: identifyTargetGroup,
};

/** Works out the canonical identity of a validated record, or why it has none. */
export function identify<K extends RecordKind>(kind: K, value: RawByKind[K]): Identified {
  return IDENTIFY[kind](value);
}
