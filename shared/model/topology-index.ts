/**
 * Lookups over one load, built once per Topology object and kept while it
 * lives: the entity or container of an id without scanning the lists (the
 * details panel, a diagnostic's object, the canvas's selection each asked
 * for one by walking every list, 20,000 objects on a big account).
 */
import { ENTITY_LISTS } from './entity-kinds';
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

/** Objects put in the index per step of `topologyIndexSteps` (~20 ms a step in Chromium at 100k nodes). */
export const INDEX_OBJECTS_PER_STEP = 25_000;

const built = new WeakMap<Topology, TopologyIndex>();
// An index being built in steps: what it holds so far, and where the next step starts.
const building = new WeakMap<Topology, IndexBuild>();

/** The index of `topology`, built the first time it is asked for (a Topology is not changed after it is made). */
export function topologyIndex(topology: Topology): TopologyIndex {
  const index = built.get(topology);
  if (index) return index;
  const build = buildOf(topology);
  while (!build.step(Infinity));
  return built.get(topology)!;
}

/** Whether the index of `topology` is complete (asking `topologyIndex` for it then costs nothing). */
export function topologyIndexReady(topology: Topology): boolean {
  return built.has(topology);
}

/**
 * The index of `topology` built a step at a time, for a caller to run in idle time: at 100,000 nodes it was one
 * ~100 ms task (155,000 ids put in maps). Asked for before the steps are done, `topologyIndex` finishes it.
 */
export function topologyIndexSteps(topology: Topology, perStep = INDEX_OBJECTS_PER_STEP): (() => void)[] {
  if (built.has(topology)) return [];
  const objects =
    ENTITY_LISTS.reduce((n, list) => n + topology[list].length, 0) +
    topology.tasks.reduce((n, t) => n + t.containers.length, 0);
  const build = buildOf(topology);
  return Array.from({ length: Math.ceil(objects / perStep) + 1 }, () => () => {
    build.step(perStep);
  });
}

function buildOf(topology: Topology): IndexBuild {
  let build = building.get(topology);
  if (!build) building.set(topology, (build = new IndexBuild(topology)));
  return build;
}

/** Fills the index's maps in the order a one-go build would (the first object of an id wins), in steps. */
class IndexBuild {
  private readonly entities = new Map<string, Entity>();
  private readonly containers = new Map<string, { container: Container; task: Task }>();
  // Lists in table order, then the tasks' containers (list index ENTITY_LISTS.length).
  private list = 0;
  private item = 0;

  constructor(private readonly topology: Topology) {}

  /** Puts up to `budget` objects in; true once the index is complete (and kept). */
  step(budget: number): boolean {
    if (built.has(this.topology)) return true;
    let left = budget;
    while (left > 0 && this.list < ENTITY_LISTS.length) {
      const items: readonly Entity[] = this.topology[ENTITY_LISTS[this.list]];
      const end = Math.min(items.length, this.item + left);
      for (let i = this.item; i < end; i++) {
        const entity = items[i];
        if (!this.entities.has(entity.id)) this.entities.set(entity.id, entity);
      }
      left -= end - this.item;
      this.item = end;
      if (end === items.length) {
        this.list += 1;
        this.item = 0;
      }
    }
    const tasks = this.topology.tasks;
    while (left > 0 && this.item < tasks.length) {
      const task = tasks[this.item];
      for (const container of task.containers)
        if (!this.containers.has(container.id)) this.containers.set(container.id, { container, task });
      left -= 1 + task.containers.length;
      this.item += 1;
    }
    if (this.list < ENTITY_LISTS.length || this.item < tasks.length) return false;
    built.set(this.topology, indexOver(this.entities, this.containers));
    building.delete(this.topology);
    return true;
  }
}

function indexOver(
  entities: Map<string, Entity>,
  containers: Map<string, { container: Container; task: Task }>,
): TopologyIndex {
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
