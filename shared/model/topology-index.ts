/**
 * Lookups over one load, built once per Topology object and kept while it
 * lives: the entity or container of an id without scanning the lists (the
 * details panel, a diagnostic's object, the canvas's selection each asked
 * for one by walking every list, 20,000 objects on a big account).
 */
import { allEntities } from './entity-kinds';
import type { Container, Entity, EntityOfKind, Task, Topology } from './types';

/** The lookups of one Topology. */
export interface TopologyIndex {
  /** The entity of this id, any kind. */
  entity(id: string): Entity | undefined;
  /** The entity of this id when it is of kind `kind`. */
  entityOfKind<K extends Entity['kind']>(id: string | undefined, kind: K): EntityOfKind<K> | undefined;
  /** The container of this id, with the task it belongs to. */
  container(id: string): { container: Container; task: Task } | undefined;
}

const built = new WeakMap<Topology, TopologyIndex>();

/** The index of `topology`, built the first time it is asked for (a Topology is not changed after it is made). */
export function topologyIndex(topology: Topology): TopologyIndex {
  let index = built.get(topology);
  if (!index) built.set(topology, (index = buildIndex(topology)));
  return index;
}

function buildIndex(topology: Topology): TopologyIndex {
  const entities = new Map<string, Entity>();
  for (const entity of allEntities(topology)) if (!entities.has(entity.id)) entities.set(entity.id, entity);
  const containers = new Map<string, { container: Container; task: Task }>();
  for (const task of topology.tasks)
    for (const container of task.containers)
      if (!containers.has(container.id)) containers.set(container.id, { container, task });
  return {
    entity: (id) => entities.get(id),
    entityOfKind: <K extends Entity['kind']>(id: string | undefined, kind: K) => {
      const found = id === undefined ? undefined : entities.get(id);
      // TypeScript does not narrow a union by a generic kind; the check on the line is what makes it one.
      return found?.kind === kind ? (found as EntityOfKind<K>) : undefined;
    },
    container: (id) => containers.get(id),
  };
}
