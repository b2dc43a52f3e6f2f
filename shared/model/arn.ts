/**
 * ARN parsing and canonical ids. ECS has two ARN formats for the same object
 * (old `task/<id>`, new `task/<cluster>/<id>`), sometimes both inside one
 * task; canonical ids drop the optional cluster segment so both link.
 */

/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Resource type before the first `/` (or `:`), e.g. `task`, `targetgroup`. */
  resourceType: string;
  /** Everything after the resource type, split on `/`. */
  segments: string[];
}

// Index of the colon before an ARN's resource (`arn:partition:service:region:account:`), -1 when it is not an ARN.
// Index scans rather than split/join: ingest reads a few ARNs per task, tens of thousands of them.
function resourceColon(arn: string): number {
  if (!arn.startsWith('arn:')) return -1;
  let at = 3;
  for (let n = 0; n < 4 && at >= 0; n += 1) at = arn.indexOf(':', at + 1);
  return at;
}

/** Splits an ARN into its parts, or returns null when the string is not an ARN. */
export function parseArn(arn: string): ParsedArn | null {
  const c5 = resourceColon(arn);
  if (c5 < 0) return null;
  const c4 = arn.lastIndexOf(':', c5 - 1);
  const c3 = arn.lastIndexOf(':', c4 - 1);
  const c2 = arn.lastIndexOf(':', c3 - 1);
  const partition = arn.slice(4, c2);
  const service = arn.slice(c2 + 1, c3);
  const region = arn.slice(c3 + 1, c4);
  const accountId = arn.slice(c4 + 1, c5);
  const slash = arn.indexOf('/', c5 + 1);
  if (slash < 0) return { partition, service, region, accountId, resourceType: arn.slice(c5 + 1), segments: [] };
  return {
    partition,
    service,
    region,
    accountId,
    resourceType: arn.slice(c5 + 1, slash),
    segments: arn.slice(slash + 1).split('/'),
  };
}

/** Region and account of an object, as far as they are known. */
export interface Scope {
  region: string;
  accountId: string;
}

/** Scope of a parsed ARN. */
export function scopeOf(parsed: ParsedArn): Scope {
  return { region: parsed.region, accountId: parsed.accountId };
}

/**
 * The account and region of a model id (`kind|region|account|…`; a target group's id carries its ARN), or null
 * when it names neither (`?`): what tells two accounts' `default` clusters apart where only names are shown.
 */
export function idScope(id: string): Scope | null {
  if (id.startsWith('targetGroup|')) {
    const arn = parseArn(id.slice('targetGroup|'.length));
    return arn?.region && arn.accountId ? scopeOf(arn) : null;
  }
  const [, region, accountId] = id.split('|');
  return region && accountId && region !== '?' && accountId !== '?' ? { region, accountId } : null;
}

/** `012345678910 · us-east-1`: a scope as the app prints it beside a name that two scopes share. */
export function scopeText(scope: Scope): string {
  return `${scope.accountId} · ${scope.region}`;
}

/** Canonical id of a cluster. */
export function clusterId(scope: Scope, name: string): string {
  return `cluster|${scope.region}|${scope.accountId}|${name}`;
}

/** Canonical id of a service: service names are unique only inside their cluster. */
export function serviceId(scope: Scope, clusterName: string | undefined, name: string): string {
  return `service|${scope.region}|${scope.accountId}|${clusterName ?? '?'}|${name}`;
}

/** Canonical id of a task (cluster segment dropped: short and long ARNs link). */
export function taskId(scope: Scope, shortId: string): string {
  return `task|${scope.region}|${scope.accountId}|${shortId}`;
}

/** Canonical id of a container instance (cluster segment dropped). */
export function containerInstanceId(scope: Scope, shortId: string): string {
  return `containerInstance|${scope.region}|${scope.accountId}|${shortId}`;
}

/** Canonical id of a task definition revision. */
export function taskDefinitionId(scope: Scope, family: string, revision: number | undefined): string {
  return `taskDefinition|${scope.region}|${scope.accountId}|${family}:${revision ?? '?'}`;
}

/** Canonical id of a capacity provider (names are unique per account and region). */
export function capacityProviderId(scope: Scope, name: string): string {
  return `capacityProvider|${scope.region}|${scope.accountId}|${name}`;
}

/** Canonical id of a target group. */
export function targetGroupId(arn: string): string {
  return `targetGroup|${arn}`;
}

/** Canonical id of a container inside its task. */
export function containerId(task: string, name: string): string {
  return `${task}|container|${name}`;
}

/** What an ECS ARN names, with the cluster segment where the long format gives it. */
export interface EcsRef {
  scope: Scope;
  /** The cluster name from a long ARN (`task/<cluster>/<id>`), else undefined. */
  clusterName?: string;
  /** The last segment: task id, service name, container-instance id, cluster name, … */
  name: string;
}

/**
 * Reads an ECS ARN of the given resource type. Accepts both formats:
 * `type/<name>` and `type/<cluster>/<name>`. Returns null when it is not one.
 */
export function readEcsArn(arn: string, resourceType: string): EcsRef | null {
  // parseArn's reading without its parts and segment arrays: ingest reads a few of these per task.
  const c5 = resourceColon(arn);
  if (c5 < 0) return null;
  const slash = arn.indexOf('/', c5 + 1);
  if (slash < 0 || slash - c5 - 1 !== resourceType.length || !arn.startsWith(resourceType, c5 + 1)) return null;
  // The last two non-empty segments, read from the end.
  let name: string | undefined;
  let clusterName: string | undefined;
  for (let end = arn.length; end > slash;) {
    const start = arn.lastIndexOf('/', end - 1) + 1;
    if (start < end) {
      if (name !== undefined) {
        clusterName = arn.slice(start, end);
        break;
      }
      name = arn.slice(start, end);
    }
    end = start - 1;
  }
  if (name === undefined) return null;
  const c4 = arn.lastIndexOf(':', c5 - 1);
  const c3 = arn.lastIndexOf(':', c4 - 1);
  return { scope: scopeAt(arn, c3, c4, c5), clusterName, name };
}

// The scope last read: a load's ARNs name one or a few accounts and regions, so each read shares that object and
// its two strings rather than making three more per ARN (three per object of a 100,000-node load, all kept).
let lastScope: Scope = { region: '', accountId: '' };

/** The scope of an ARN whose region and account lie between colons c3, c4 and c5 (scopes are never changed). */
function scopeAt(arn: string, c3: number, c4: number, c5: number): Scope {
  const { region, accountId } = lastScope;
  if (
    c4 - c3 - 1 === region.length &&
    c5 - c4 - 1 === accountId.length &&
    arn.startsWith(region, c3 + 1) &&
    arn.startsWith(accountId, c4 + 1)
  )
    return lastScope;
  lastScope = { region: arn.slice(c3 + 1, c4), accountId: arn.slice(c4 + 1, c5) };
  return lastScope;
}

/** Reads a task definition ARN (`task-definition/<family>:<revision>`). */
export function readTaskDefinitionArn(arn: string): { scope: Scope; family: string; revision?: number } | null {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'ecs' || parsed.resourceType !== 'task-definition') return null;
  // The revision sits after a ':' which parseArn kept in the resource.
  const m = /^([^:/]+)(?::(\d+))?$/.exec(parsed.segments.join('/'));
  if (!m) return null;
  return { scope: scopeOf(parsed), family: m[1], revision: m[2] === undefined ? undefined : Number(m[2]) };
}

/** Builds a console URL-safe short form of an id for display: the last segment of an ARN. */
export function lastSegment(arnOrName: string): string {
  const i = Math.max(arnOrName.lastIndexOf('/'), arnOrName.lastIndexOf(':'));
  return i >= 0 ? arnOrName.slice(i + 1) : arnOrName;
}
