import { describe, expect, it } from 'vitest';
import { emptyTopology, makeCluster, makeService, makeTask } from '../graph/testing/make-topology';
import { ENTITY_KINDS, ENTITY_LISTS, allEntities } from './entity-kinds';
import { ENTITY_KIND_LABELS } from './types';
import { INDEX_OBJECTS_PER_STEP, topologyIndex, topologyIndexSteps } from './topology-index';
import { ingest } from '../ingest/index';
import { generateAccountOfSize } from '../synth/generate-account';

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

describe('topologyIndexSteps: the index built a step at a time in idle time', () => {
  const account = ingest([{ name: 'account.json', text: JSON.stringify(generateAccountOfSize(3000)) }]);
  const containers = account.tasks.flatMap((task) => task.containers.map((container) => ({ container, task })));
  const objects = [...allEntities(account)].length + containers.length;

  it('finds exactly what the one-go index finds, each step putting in at most its share', () => {
    const stepped = { ...account };
    // Steps of 700: they end inside a list, at a list's end and inside the containers.
    const steps = topologyIndexSteps(stepped, 700);
    expect(steps.length).toBe(Math.ceil(objects / 700) + 1);
    expect(topologyIndexSteps({ ...account }).length).toBe(Math.ceil(objects / INDEX_OBJECTS_PER_STEP) + 1);
    for (const step of steps) step();
    const index = topologyIndex(stepped);
    const whole = topologyIndex({ ...account });
    for (const entity of allEntities(account)) expect(index.entity(entity.id)).toBe(whole.entity(entity.id));
    for (const { container, task } of containers) expect(index.container(container.id)).toEqual({ container, task });
    // Running the steps again changes nothing; a load already indexed has none.
    for (const step of steps) step();
    expect(topologyIndex(stepped)).toBe(index);
    expect(topologyIndexSteps(stepped)).toEqual([]);
  });

  it('asked for before its steps are done, finishes the build at once, and the steps left do nothing', () => {
    const load = { ...account };
    const last = account.tasks[account.tasks.length - 1];
    const steps = topologyIndexSteps(load, 700);
    steps[0]();
    steps[1]();
    const index = topologyIndex(load);
    expect(index.entity(last.id)).toBe(last);
    expect(index.container(last.containers[0].id)?.task).toBe(last);
    for (const step of steps.slice(1)) step();
    expect(topologyIndex(load)).toBe(index);
  });

  it('keeps the first object of an id, as the one-go index does', () => {
    const first = makeTask('dup', { cluster: makeCluster('prod') });
    const second = { ...first, name: 'second copy' };
    const load = { ...emptyTopology(), tasks: [first, second] };
    for (const step of topologyIndexSteps(load, 1)) step();
    expect(topologyIndex(load).entity(first.id)).toBe(first);
    expect(topologyIndex(load).container(first.containers[0].id)?.task).toBe(first);
  });
});
