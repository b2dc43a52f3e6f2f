import { ENTITY_KIND_NAMES, ENTITY_KINDS } from '../model/entity-kinds';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_PREFIX } from './bundle';

/** The object kinds a file can describe. */
export type RecordKind =
  'cluster' | 'service' | 'task' | 'taskDefinition' | 'containerInstance' | 'capacityProvider' | 'targetGroup';

/** One described object found in a file, before validation. */
export interface FoundRecord {
  kind: RecordKind;
  raw: Record<string, unknown>;
  /** JSON path of the object inside its file. */
  path: (string | number)[];
}

/** One ARN found in a `list-*` output (or an ARN array), to become a placeholder. */
export interface FoundListedArn {
  arn: string;
  path: (string | number)[];
}

/** What one parsed file holds. */
export interface Detection {
  shapes: string[];
  records: FoundRecord[];
  listed: FoundListedArn[];
  failures: { raw: unknown; path: (string | number)[] }[];
  /** Task sets printed on their own (`{"taskSet"}`, `{"taskSets": […]}`): attached to their service when linking. */
  taskSets: { raw: Record<string, unknown>; path: (string | number)[] }[];
  fetchedAt?: string;
  /** True when the keys were PascalCase (a default AWS SDK for .NET dump) and were read as the API's camelCase. */
  pascalCase?: boolean;
  /** Set when nothing usable was recognised: the error message. */
  error?: { code: string; message: string };
}

interface Wrapper {
  key: string;
  shape: string;
  kind: RecordKind;
}

/** Top-level keys of `describe-*` outputs (and the bundle's own keys): the kind table's wrappers. */
const WRAPPERS: Wrapper[] = ENTITY_KIND_NAMES.flatMap((kind) =>
  ENTITY_KINDS[kind].wrappers.map(({ key, shape }) => ({ key, shape, kind })),
);

/**
 * Commands that print one object under a singular key, as the describe call would give it, and the keys
 * that mark the object as one of that kind (so an unrelated `{"service": {…}}` is not taken for one).
 */
const SINGLE_OBJECTS: { key: string; shape: string; kind: RecordKind | 'taskSet'; marks: string[] }[] = [
  // stop-task
  { key: 'task', shape: 'task-output', kind: 'task', marks: ['taskArn'] },
  // create-service, update-service, delete-service
  { key: 'service', shape: 'service-output', kind: 'service', marks: ['serviceArn', 'serviceName'] },
  // update-container-agent, deregister-container-instance
  {
    key: 'containerInstance',
    shape: 'container-instance-output',
    kind: 'containerInstance',
    marks: ['containerInstanceArn'],
  },
  // create-cluster, update-cluster, delete-cluster, put-cluster-capacity-providers, update-cluster-settings
  { key: 'cluster', shape: 'cluster-output', kind: 'cluster', marks: ['clusterArn', 'clusterName'] },
  // create-capacity-provider, update-capacity-provider, delete-capacity-provider
  {
    key: 'capacityProvider',
    shape: 'capacity-provider-output',
    kind: 'capacityProvider',
    marks: ['capacityProviderArn', 'name'],
  },
  // create-task-set, update-task-set, delete-task-set, update-service-primary-task-set
  { key: 'taskSet', shape: 'task-set-output', kind: 'taskSet', marks: ['taskSetArn', 'serviceArn'] },
];

/** Top-level keys of `list-*` outputs. */
const LISTS: { key: string; shape: string }[] = [
  { key: 'clusterArns', shape: 'list-clusters' },
  { key: 'serviceArns', shape: 'list-services' },
  { key: 'taskArns', shape: 'list-tasks' },
  { key: 'containerInstanceArns', shape: 'list-container-instances' },
  { key: 'taskDefinitionArns', shape: 'list-task-definitions' },
];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Recognises a lone object by its identity keys (an element of a bare array, e.g. `jq '.tasks'` output). */
function kindOfObject(o: Record<string, unknown>): RecordKind | null {
  if ('taskArn' in o && !('containerArn' in o)) return 'task';
  if ('serviceArn' in o || 'serviceName' in o) return 'service';
  if ('containerDefinitions' in o) return 'taskDefinition';
  if ('containerInstanceArn' in o && ('ec2InstanceId' in o || 'registeredResources' in o || 'agentConnected' in o))
    return 'containerInstance';
  if ('capacityProviderArn' in o) return 'capacityProvider';
  if ('TargetGroupArn' in o) return 'targetGroup';
  if ('clusterArn' in o && 'clusterName' in o) return 'cluster';
  return null;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/**
 * Works out what a parsed JSON value is — which `describe-*` / `list-*` output,
 * a bare task definition, a bundle, or an array of such objects — and pulls out
 * the objects and ARNs it holds. Never throws.
 */
export function detect(value: unknown): Detection {
  const found = detectValue(value);
  if (!found.error || !isObject(value) || !looksPascalCase(value)) return found;
  // The AWS SDK for .NET names every member in PascalCase (`Tasks`, `TaskArn`), and a default serializer keeps
  // that: the same output with the first letter of each key lowered is what the API names.
  const again = detectValue(camelCaseKeys(value));
  if (again.error) return found;
  again.pascalCase = true;
  return again;
}

/** Top-level keys a PascalCase dump would carry, lowered (elbv2's own `TargetGroups` is read as it is). */
const TOP_KEYS: ReadonlySet<string> = new Set([
  'clusters',
  'services',
  'tasks',
  'containerInstances',
  'capacityProviders',
  'taskDefinition',
  'taskSets',
  'task',
  'service',
  'cluster',
  'containerInstance',
  'capacityProvider',
  'taskSet',
  'clusterArns',
  'serviceArns',
  'taskArns',
  'containerInstanceArns',
  'taskDefinitionArns',
]);

function lowerFirst(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function looksPascalCase(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((k) => k !== lowerFirst(k) && TOP_KEYS.has(lowerFirst(k)));
}

/** A copy with every object key's first letter lowered; an explicit stack, so any depth is fine. */
function camelCaseKeys(root: unknown): unknown {
  const copyOf = (v: unknown): unknown => (Array.isArray(v) ? [] : isObject(v) ? {} : v);
  const top = copyOf(root);
  const stack: [unknown, unknown][] = [[root, top]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(from)
      ? from.map((item, i) => [i, item])
      : Object.entries(from as Record<string, unknown>);
    for (const [key, item] of entries) {
      const copy = copyOf(item);
      // defineProperty: a `__proto__` key stays data, as JSON.parse made it.
      Object.defineProperty(to, typeof key === 'number' ? key : lowerFirst(key), {
        value: copy,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      if (copy !== item) stack.push([item, copy]);
    }
  }
  return top;
}

function detectValue(value: unknown): Detection {
  const out: Detection = { shapes: [], records: [], listed: [], failures: [], taskSets: [] };
  if (Array.isArray(value)) return detectArray(value, out);
  if (!isObject(value)) {
    out.error = {
      code: 'unknown-shape',
      message: `not an ECS describe output: the top-level value is ${describeType(value)}`,
    };
    return out;
  }

  const format = value.format;
  if (typeof format === 'string' && format.startsWith(BUNDLE_FORMAT_PREFIX)) {
    if (format !== BUNDLE_FORMAT) {
      out.error = {
        code: 'unsupported-bundle',
        message: `bundle format "${format}" is not supported (this version reads ${BUNDLE_FORMAT})`,
      };
      return out;
    }
    out.shapes.push('bundle');
    if (typeof value.fetchedAt === 'string') out.fetchedAt = value.fetchedAt;
  }

  for (const w of WRAPPERS) {
    if (!(w.key in value)) continue;
    const list = value[w.key];
    if (!Array.isArray(list)) continue;
    // A `capacityProviders` array of names is a cluster field, not describe-capacity-providers output.
    if (list.length > 0 && !list.some(isObject)) continue;
    if (!out.shapes.includes('bundle')) out.shapes.push(w.shape);
    list.forEach((item, i) => {
      if (isObject(item)) out.records.push({ kind: w.kind, raw: item, path: [w.key, i] });
    });
  }

  for (const single of SINGLE_OBJECTS) {
    const inner = value[single.key];
    if (!isObject(inner) || !single.marks.some((k) => k in inner)) continue;
    out.shapes.push(single.shape);
    if (single.kind === 'taskSet') out.taskSets.push({ raw: inner, path: [single.key] });
    else out.records.push({ kind: single.kind, raw: inner, path: [single.key] });
  }
  // describe-task-sets; a service's own `taskSets` sits inside the service, never at the top.
  if (Array.isArray(value.taskSets) && value.taskSets.some(isObject)) {
    out.shapes.push('describe-task-sets');
    value.taskSets.forEach((item, i) => {
      if (isObject(item)) out.taskSets.push({ raw: item, path: ['taskSets', i] });
    });
  }

  // describe-task-definition wraps one object; a bare one (console JSON tab, --cli-input-json) is the object itself.
  if (isObject(value.taskDefinition)) {
    out.shapes.push('describe-task-definition');
    out.records.push({ kind: 'taskDefinition', raw: value.taskDefinition, path: ['taskDefinition'] });
  } else if (Array.isArray(value.containerDefinitions) && ('family' in value || 'taskDefinitionArn' in value)) {
    out.shapes.push('task-definition');
    out.records.push({ kind: 'taskDefinition', raw: value, path: [] });
  } else if (out.records.length === 0 && out.shapes.length === 0) {
    const kind = kindOfObject(value);
    if (kind) {
      out.shapes.push(`${kind}-object`);
      out.records.push({ kind, raw: value, path: [] });
    }
  }

  for (const l of LISTS) {
    const list = value[l.key];
    if (!Array.isArray(list)) continue;
    out.shapes.push(l.shape);
    list.forEach((arn, i) => {
      if (typeof arn === 'string') out.listed.push({ arn, path: [l.key, i] });
    });
  }

  if (Array.isArray(value.failures)) {
    value.failures.forEach((f, i) => out.failures.push({ raw: f, path: ['failures', i] }));
  }

  if (out.shapes.length === 0) {
    const keys = Object.keys(value);
    const shown = keys
      .slice(0, 10)
      .map((k) => JSON.stringify(k))
      .join(', ');
    out.error = {
      code: 'unknown-shape',
      message:
        keys.length === 0
          ? 'not an ECS describe output: the top-level object is empty'
          : `not an ECS describe output: top-level keys ${shown}${keys.length > 10 ? `, … (${keys.length} in all)` : ''}`,
    };
  }
  return out;
}

function detectArray(value: unknown[], out: Detection): Detection {
  if (value.length === 0) {
    out.error = { code: 'unknown-shape', message: 'not an ECS describe output: the top-level value is an empty array' };
    return out;
  }
  value.forEach((item, i) => {
    if (typeof item === 'string' && item.startsWith('arn:')) out.listed.push({ arn: item, path: [i] });
    else if (isObject(item)) {
      const kind = kindOfObject(item);
      if (kind) out.records.push({ kind, raw: item, path: [i] });
    }
  });
  if (out.records.length === 0 && out.listed.length === 0) {
    out.error = {
      code: 'unknown-shape',
      message: 'not an ECS describe output: an array of neither ECS objects nor ARNs',
    };
    return out;
  }
  out.shapes.push(out.records.length > 0 ? 'object-array' : 'arn-array');
  return out;
}
