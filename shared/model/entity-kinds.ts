/**
 * The one table of what differs per entity kind: how it is named, which
 * list of a Topology holds it, under which keys a `describe-*` output (or
 * the app's bundle) wraps a list of them, and which raw field holds the ARN
 * its canonical id is made from (shared/ingest/identify.ts reads the ARN by
 * its resource type). Code that goes over "every kind" goes over this table
 * (raw stripping, lookups, detection), so a new kind is one new row.
 */
import type { Entity, Topology } from './types';

/** What is known of one kind. */
export interface EntityKindInfo {
  /** In messages and lists: "task definition", not "taskDefinition". */
  label: string;
  /** The list of a Topology that holds this kind. */
  list: EntityList;
  /** Top-level keys of the outputs that wrap a list of this kind, each with the shape it marks. */
  wrappers: readonly { key: string; shape: string }[];
  /** The raw field whose ARN the canonical id is made from (target groups: the elbv2 PascalCase key). */
  arnField: string;
}

/** The keys of a Topology that hold entities. */
export type EntityList =
  'clusters' | 'services' | 'tasks' | 'taskDefinitions' | 'containerInstances' | 'capacityProviders' | 'targetGroups';

/** The entity a list of a Topology holds: `EntityIn<'tasks'>` is `Task`. */
export type EntityIn<L extends EntityList> = Topology[L][number];

/** The table, keyed by kind. */
export const ENTITY_KINDS = {
  cluster: {
    label: 'cluster',
    list: 'clusters',
    wrappers: [{ key: 'clusters', shape: 'describe-clusters' }],
    arnField: 'clusterArn',
  },
  service: {
    label: 'service',
    list: 'services',
    wrappers: [{ key: 'services', shape: 'describe-services' }],
    arnField: 'serviceArn',
  },
  task: {
    label: 'task',
    list: 'tasks',
    wrappers: [{ key: 'tasks', shape: 'describe-tasks' }],
    arnField: 'taskArn',
  },
  taskDefinition: {
    label: 'task definition',
    list: 'taskDefinitions',
    wrappers: [{ key: 'taskDefinitions', shape: 'task-definitions' }],
    arnField: 'taskDefinitionArn',
  },
  containerInstance: {
    label: 'container instance',
    list: 'containerInstances',
    wrappers: [{ key: 'containerInstances', shape: 'describe-container-instances' }],
    arnField: 'containerInstanceArn',
  },
  capacityProvider: {
    label: 'capacity provider',
    list: 'capacityProviders',
    wrappers: [{ key: 'capacityProviders', shape: 'describe-capacity-providers' }],
    arnField: 'capacityProviderArn',
  },
  targetGroup: {
    label: 'target group',
    list: 'targetGroups',
    // `aws elbv2 describe-target-groups` (PascalCase), and the bundle's own camelCase list.
    wrappers: [
      { key: 'TargetGroups', shape: 'elbv2-describe-target-groups' },
      { key: 'targetGroups', shape: 'target-groups' },
    ],
    arnField: 'TargetGroupArn',
  },
} as const satisfies { [K in Entity['kind']]: EntityKindInfo & { list: ListOfKind<K> } };

/** The list of a Topology that holds kind `K`. */
type ListOfKind<K extends Entity['kind']> = {
  [L in EntityList]: EntityIn<L>['kind'] extends K ? L : never;
}[EntityList];

/** Every entity kind, in table order. */
export const ENTITY_KIND_NAMES = Object.keys(ENTITY_KINDS) as Entity['kind'][];

/** Every list of a Topology that holds entities, in table order. */
export const ENTITY_LISTS: readonly EntityList[] = ENTITY_KIND_NAMES.map((k) => ENTITY_KINDS[k].list);

/** Every entity of `topology`, list by list in table order. */
export function* allEntities(topology: Pick<Topology, EntityList>): Generator<Entity> {
  for (const list of ENTITY_LISTS) yield* topology[list];
}
