import { z } from 'zod';
import { accepts } from './accept';

/**
 * Schemas of the AWS objects ingest reads. Every field is optional and unknown
 * fields pass through: AWS adds fields all the time, and an object missing a
 * field is still worth drawing. A field of the wrong type is dropped with a
 * warning (see `validateRecord`); enum-like fields are plain strings so a new
 * AWS value never drops data.
 */

const str = z.string().optional();
const num = z.number().optional();
const bool = z.boolean().optional();
/** CLI v1 prints epoch seconds as floats, CLI v2 and the SDK ISO-8601 strings. */
const timestamp = z.union([z.number(), z.string()]).optional();
/** Task/container cpu and memory are strings in the API, numbers in some hand-written files. */
const units = z.union([z.string(), z.number()]).optional();
const strings = z.array(z.string()).optional();

const nameValue = z.looseObject({ name: str, value: str });
const strategyItem = z.looseObject({ capacityProvider: str, weight: num, base: num });
const strategy = z.array(strategyItem).optional();
const resource = z.looseObject({ name: str, type: str, integerValue: num, doubleValue: num, longValue: num });

/** `describe-clusters` `clusters[]`. */
export const clusterSchema = z.looseObject({
  clusterArn: str,
  clusterName: str,
  status: str,
  runningTasksCount: num,
  pendingTasksCount: num,
  activeServicesCount: num,
  registeredContainerInstancesCount: num,
  capacityProviders: strings,
  defaultCapacityProviderStrategy: strategy,
});

/** Service Connect as describe-services prints it on each deployment (and create-service input on the service). */
const serviceConnectSchema = z.looseObject({
  enabled: bool,
  namespace: str,
  services: z
    .array(
      z.looseObject({
        portName: str,
        discoveryName: str,
        ingressPortOverride: num,
        clientAliases: z.array(z.looseObject({ port: num, dnsName: str })).optional(),
      }),
    )
    .optional(),
  logConfiguration: z.looseObject({ logDriver: str }).optional(),
});

const deploymentSchema = z.looseObject({
  id: str,
  status: str,
  taskDefinition: str,
  desiredCount: num,
  computedDesiredCount: num,
  runningCount: num,
  pendingCount: num,
  failedTasks: num,
  rolloutState: str,
  rolloutStateReason: str,
  launchType: str,
  capacityProviderStrategy: strategy,
  createdAt: timestamp,
  updatedAt: timestamp,
  serviceConnectConfiguration: serviceConnectSchema.optional(),
  /** The Cloud Map service ECS made per discovery name. */
  serviceConnectResources: z.array(z.looseObject({ discoveryName: str, discoveryArn: str })).optional(),
});

/**
 * A task set on its own: `create-task-set` / `update-task-set` / `delete-task-set` print `{"taskSet": {…}}`,
 * `describe-task-sets` `{"taskSets": […]}`. The fields of a service's `taskSets[]` entry, plus who it belongs to.
 */
export const taskSetSchema = deploymentSchema.extend({
  taskSetArn: str,
  serviceArn: str,
  clusterArn: str,
  startedBy: str,
  externalId: str,
});

/** `describe-services` `services[]`. */
export const serviceSchema = z.looseObject({
  serviceArn: str,
  serviceName: str,
  clusterArn: str,
  status: str,
  desiredCount: num,
  runningCount: num,
  pendingCount: num,
  launchType: str,
  capacityProviderStrategy: strategy,
  taskDefinition: str,
  schedulingStrategy: str,
  deploymentController: z.looseObject({ type: str }).optional(),
  deployments: z.array(deploymentSchema).optional(),
  taskSets: z.array(deploymentSchema).optional(),
  events: z.array(z.looseObject({ id: str, createdAt: timestamp, message: str })).optional(),
  loadBalancers: z
    .array(z.looseObject({ targetGroupArn: str, loadBalancerName: str, containerName: str, containerPort: num }))
    .optional(),
  serviceRegistries: z
    .array(z.looseObject({ registryArn: str, port: num, containerName: str, containerPort: num }))
    .optional(),
  serviceConnectConfiguration: serviceConnectSchema.optional(),
  createdAt: timestamp,
});

const containerSchema = z.looseObject({
  containerArn: str,
  taskArn: str,
  name: str,
  image: str,
  lastStatus: str,
  healthStatus: str,
  exitCode: num,
  reason: str,
  cpu: units,
  memory: units,
  networkInterfaces: z.array(z.looseObject({ attachmentId: str, privateIpv4Address: str })).optional(),
});

/** `describe-tasks` `tasks[]`. */
export const taskSchema = z.looseObject({
  taskArn: str,
  clusterArn: str,
  taskDefinitionArn: str,
  containerInstanceArn: str,
  group: str,
  startedBy: str,
  launchType: str,
  capacityProviderName: str,
  lastStatus: str,
  desiredStatus: str,
  healthStatus: str,
  availabilityZone: str,
  cpu: units,
  memory: units,
  platformVersion: str,
  stopCode: str,
  stoppedReason: str,
  createdAt: timestamp,
  startedAt: timestamp,
  stoppedAt: timestamp,
  pullStoppedAt: timestamp,
  attachments: z
    .array(z.looseObject({ id: str, type: str, status: str, details: z.array(nameValue).optional() }))
    .optional(),
  containers: z.array(containerSchema).optional(),
  overrides: z
    .looseObject({
      containerOverrides: z.array(z.looseObject({ name: str, environment: z.array(nameValue).optional() })).optional(),
    })
    .optional(),
});

/** `describe-task-definition` `taskDefinition`, or a bare task definition. */
export const taskDefinitionSchema = z.looseObject({
  taskDefinitionArn: str,
  family: str,
  revision: num,
  status: str,
  cpu: units,
  memory: units,
  networkMode: str,
  requiresCompatibilities: strings,
  registeredAt: timestamp,
  containerDefinitions: z
    .array(
      z.looseObject({
        name: str,
        image: str,
        cpu: num,
        memory: num,
        essential: bool,
        environment: z.array(nameValue).optional(),
        secrets: z.array(z.looseObject({ name: str, valueFrom: str })).optional(),
      }),
    )
    .optional(),
});

/** `describe-container-instances` `containerInstances[]`. */
export const containerInstanceSchema = z.looseObject({
  containerInstanceArn: str,
  ec2InstanceId: str,
  status: str,
  agentConnected: bool,
  capacityProviderName: str,
  runningTasksCount: num,
  pendingTasksCount: num,
  registeredResources: z.array(resource).optional(),
  remainingResources: z.array(resource).optional(),
  attributes: z.array(nameValue).optional(),
});

/** `describe-capacity-providers` `capacityProviders[]`. */
export const capacityProviderSchema = z.looseObject({
  capacityProviderArn: str,
  name: str,
  status: str,
  type: str,
  autoScalingGroupProvider: z.looseObject({ autoScalingGroupArn: str }).optional(),
});

/** `aws elbv2 describe-target-groups` `TargetGroups[]` (PascalCase keys). */
export const targetGroupSchema = z.looseObject({
  TargetGroupArn: str,
  TargetGroupName: str,
  Protocol: str,
  Port: num,
  VpcId: str,
  TargetType: str,
  HealthCheckPath: str,
  LoadBalancerArns: strings,
});

/** A `failures[]` entry of any describe call. */
export const failureSchema = z.looseObject({ arn: str, reason: str, detail: str });

/** The validated types. */
export type RawCluster = z.infer<typeof clusterSchema>;
/** Validated service. */
export type RawService = z.infer<typeof serviceSchema>;
/** Validated deployment or task set. */
export type RawDeployment = z.infer<typeof deploymentSchema>;
/** Validated task set printed on its own. */
export type RawTaskSet = z.infer<typeof taskSetSchema>;
/** Validated Service Connect configuration. */
export type RawServiceConnect = z.infer<typeof serviceConnectSchema>;
/** Validated task. */
export type RawTask = z.infer<typeof taskSchema>;
/** Validated container of a task. */
export type RawContainer = z.infer<typeof containerSchema>;
/** Validated task definition. */
export type RawTaskDefinition = z.infer<typeof taskDefinitionSchema>;
/** Validated container instance. */
export type RawContainerInstance = z.infer<typeof containerInstanceSchema>;
/** Validated capacity provider. */
export type RawCapacityProvider = z.infer<typeof capacityProviderSchema>;
/** Validated target group. */
export type RawTargetGroup = z.infer<typeof targetGroupSchema>;
/** Validated failure entry. */
export type RawFailure = z.infer<typeof failureSchema>;

/** A field dropped from a record because its value had the wrong type. */
export interface DroppedField {
  /** Path inside the record. */
  path: (string | number)[];
  message: string;
}

/**
 * Validates one record in place: every field of the wrong type is removed
 * (array elements spliced out), so the rest of the object is kept. Returns the
 * typed record, what was dropped, and how many SDK enum wrappers were unwrapped.
 *
 * Two things that fail the schema are not data loss and are not reported as dropped: an optional field that
 * is `null` (the console's JSON tab and .NET dumps write unset fields so) is removed silently, and an AWS SDK
 * for .NET or Java enum serialised as `{"Value": "FARGATE"}` (any case of `value`) is read as its string.
 */
export function validateRecord<S extends z.ZodType>(
  schema: S,
  record: Record<string, unknown>,
): { value: z.infer<S>; dropped: DroppedField[]; unwrapped: number } {
  // Nearly every record is valid as it is: then it is its own validated value, and zod need not copy it.
  if (accepts(schema, record)) return { value: record as z.infer<S>, dropped: [], unwrapped: 0 };
  const dropped: DroppedField[] = [];
  let unwrapped = 0;
  // Each pass drops every field zod named; nested unions can surface a new issue only after a drop, hence a few passes.
  for (let pass = 0; pass < 8; pass += 1) {
    const result = schema.safeParse(record);
    if (result.success) break;
    const paths = result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { path, message: issueMessage(issue, valueAt(record, path)) };
    });
    // Deepest and highest index first, so splicing one element does not shift another still to be removed.
    paths.sort((a, b) => comparePathsDesc(a.path, b.path));
    let changed = false;
    for (const p of paths) {
      if (p.path.length === 0) break;
      const found = valueAt(record, p.path);
      const inner = enumWrapperValue(found);
      if (inner !== undefined) {
        if (replaceAt(record, p.path, inner)) {
          unwrapped += 1;
          changed = true;
        }
        continue;
      }
      const silent = found === null && typeof p.path[p.path.length - 1] === 'string';
      if (removeAt(record, p.path)) {
        if (!silent) dropped.push(p);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // A dump that wraps the enums the schema knows wraps the others too (connectivity, stopCode…): the raw JSON
  // the details panel shows reads them as plain text as well.
  if (unwrapped > 0) unwrapped += unwrapAll(record);
  const final = schema.safeParse(record);
  if (final.success) return { value: final.data as z.infer<S>, dropped, unwrapped };
  // Cannot happen with all-optional schemas; fall back to an empty record rather than throw.
  return {
    value: {} as z.infer<S>,
    dropped: [...dropped, { path: [], message: 'object could not be validated' }],
    unwrapped,
  };
}

/** The string inside an SDK enum wrapper (`{"Value": "FARGATE"}`, `{"value": …}`), else undefined. */
function enumWrapperValue(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0].toLowerCase() !== 'value') return undefined;
  const inner = (v as Record<string, unknown>)[keys[0]];
  return typeof inner === 'string' ? inner : undefined;
}

/** Replaces every enum wrapper left inside a value by its string; returns how many. */
function unwrapAll(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  const container = node as Record<string | number, unknown>;
  for (const key of Object.keys(container)) {
    const inner = enumWrapperValue(container[key]);
    if (inner !== undefined) {
      container[key] = inner;
      n += 1;
    } else n += unwrapAll(container[key]);
  }
  return n;
}

function replaceAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return false;
  (parent as Record<string | number, unknown>)[path[path.length - 1]] = value;
  return true;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const p of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}

/** Says what was expected and what type was found, never the value itself (it may be a secret). */
function issueMessage(issue: z.core.$ZodIssue, received: unknown): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describeReceived(received)}`;
  if (issue.code === 'invalid_union') return 'value of the wrong type';
  return issue.message;
}

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  // JSON.parse reads 1e400 as Infinity: "expected number, got number" would say nothing.
  if (typeof input === 'number' && !Number.isFinite(input)) return 'a number too large to represent (Infinity)';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function comparePathsDesc(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (b[i] as number) - (a[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return b.length - a.length;
}

function removeAt(root: Record<string, unknown>, path: (string | number)[]): boolean {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[path[i]];
  }
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') {
    if (last >= node.length) return false;
    node.splice(last, 1);
    return true;
  }
  if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, last)) {
    delete (node as Record<string | number, unknown>)[last];
    return true;
  }
  return false;
}
