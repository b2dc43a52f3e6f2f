import { describe, expect, it } from 'vitest';
import { emptyTopology, makeCluster, makeService, makeTask } from '../graph/testing/make-topology';
import { ENTITY_KINDS, ENTITY_LISTS, allEntities } from './entity-kinds';
import { ENTITY_KIND_LABELS } from './types';
import { topologyIndex } from './topology-index';

describe('the entity-kind table', () => {
  it('names every kind and maps it to the Topology list that holds it', () => {
    expect(ENTITY_KIND_LABELS.taskDefinition).toBe('task definition');
    expect(ENTITY_KIND_LABELS.container).toBe('container');
    expect(ENTITY_LISTS).toEqual([
      'clusters',
      'services',
      'tasks',
      'taskDefinitions',
      'containerInstances',
      'capacityProviders',
      'targetGroups',
    ]);
    expect(ENTITY_KINDS.targetGroup.wrappers.map((w) => w.key)).toEqual(['TargetGroups', 'targetGroups']);
  });
});

describe('topologyIndex', () => {
  const t = emptyTopology();
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web');
  const task = makeTask('abc', { cluster: prod, service: web });
  t.clusters.push(prod);
  t.services.push(web);
  t.tasks.push(task);

  it('finds any entity and any container by id, and a kind only when it is that kind', () => {
    const index = topologyIndex(t);
    expect(index.entity(web.id)).toBe(web);
    expect(index.entityOfKind(web.id, 'service')?.name).toBe('web');
    expect(index.entityOfKind(web.id, 'cluster')).toBeUndefined();
    expect(index.entityOfKind(undefined, 'cluster')).toBeUndefined();
    const container = task.containers[0];
    expect(index.container(container.id)).toEqual({ container, task });
    expect(index.entity('nope')).toBeUndefined();
    expect([...allEntities(t)]).toHaveLength(3);
  });

  it('is built once per topology', () => {
    expect(topologyIndex(t)).toBe(topologyIndex(t));
    expect(topologyIndex({ ...t })).not.toBe(topologyIndex(t));
  });
});
