import { describe, expect, it } from 'vitest';
import { buildGraph, serviceTasksGroupId } from './build-graph';
import { isCollapsed, stackLabel, stackSummary, toggleCollapse } from './collapse';
import { stackTrouble, stackTroubleLabel } from './stack';
import { DEFAULT_VIEW, STACK_THRESHOLD, type ViewState } from './view';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import type { Task, Topology } from '../model/types';
import type { GraphNode } from './types';

/** A service with `n` tasks: two pending, the rest running; two on revision 41, the rest on 42. */
function service(n: number): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.tasks = Array.from({ length: n }, (_, i) =>
    makeTask(`t${String(i).padStart(2, '0')}`, {
      cluster: prod,
      service: web,
      lastStatus: i < 2 ? 'PENDING' : 'RUNNING',
      taskDefinitionId: `taskDefinition|eu-west-1|111122223333|web:${i >= 2 && i < 4 ? 41 : 42}`,
    }),
  );
  return t;
}

const box = (nodes: GraphNode[], t: Topology) => nodes.find((n) => n.id === serviceTasksGroupId(t.services[0].id));

describe('stack aggregation', () => {
  it('starts a box of more than the threshold tasks collapsed into a stack with statuses and revisions', () => {
    const t = service(24);
    const g = buildGraph(t, DEFAULT_VIEW);
    const stack = box(g.nodes, t);
    expect(stack?.collapsed).toBe(true);
    expect(stack?.kind === 'group' && stack.data.stackLabel).toBe('24 tasks: 22 RUNNING, 2 PENDING · rev 41/42');
    expect(g.nodes.filter((n) => n.kind === 'task')).toHaveLength(0);
  });

  it('leaves a box at the threshold open', () => {
    const t = service(STACK_THRESHOLD);
    const g = buildGraph(t, DEFAULT_VIEW);
    expect(box(g.nodes, t)?.collapsed).toBe(false);
    expect(g.nodes.filter((n) => n.kind === 'task')).toHaveLength(STACK_THRESHOLD);
  });

  it('opens a stack on toggle and closes it again', () => {
    const t = service(24);
    const id = serviceTasksGroupId(t.services[0].id);
    const opened: ViewState = toggleCollapse(DEFAULT_VIEW, id, true);
    const g = buildGraph(t, opened);
    expect(box(g.nodes, t)?.collapsed).toBe(false);
    expect(g.nodes.filter((n) => n.kind === 'task')).toHaveLength(24);
    const closed = toggleCollapse(opened, id, false);
    expect(isCollapsed(closed, id, 24)).toBe(true);
    expect(buildGraph(t, closed).nodes.filter((n) => n.kind === 'task')).toHaveLength(0);
  });

  it('follows the threshold of the view', () => {
    const t = service(5);
    expect(box(buildGraph(t, { ...DEFAULT_VIEW, stackThreshold: 4 }).nodes, t)?.collapsed).toBe(true);
  });

  it('collapses and expands any cluster, service or box by hand', () => {
    const t = service(3);
    for (const id of [t.clusters[0].id, t.services[0].id, serviceTasksGroupId(t.services[0].id)]) {
      const collapsed = toggleCollapse(DEFAULT_VIEW, id, false);
      expect(buildGraph(t, collapsed).nodes.filter((n) => n.kind === 'task')).toHaveLength(0);
      expect(buildGraph(t, toggleCollapse(collapsed, id, true)).nodes.filter((n) => n.kind === 'task')).toHaveLength(3);
    }
  });

  it('labels a stack with one status and no revision plainly', () => {
    const tasks = [makeTask('a'), makeTask('b')] as Task[];
    expect(stackLabel(stackSummary(tasks, () => undefined))).toBe('2 tasks: 2 RUNNING');
  });
});

describe('a stack with trouble', () => {
  /** 13 tasks: 11 running (one unhealthy) and 2 stopped, one of which failed to start. */
  function troubled(): Topology {
    const prod = makeCluster('prod');
    const web = makeService(prod, 'web');
    const t = emptyTopology();
    t.clusters = [prod];
    t.services = [web];
    t.tasks = Array.from({ length: 13 }, (_, i) =>
      makeTask(`t${String(i).padStart(2, '0')}`, {
        cluster: prod,
        service: web,
        lastStatus: i < 2 ? 'STOPPED' : 'RUNNING',
        healthStatus: i === 5 ? 'UNHEALTHY' : 'HEALTHY',
        ...(i === 0 ? { stopCode: 'TaskFailedToStart', stoppedReason: 'Task failed to start' } : {}),
        ...(i === 1 ? { stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated' } : {}),
      }),
    );
    return t;
  }

  it('says how many of its tasks failed or are unhealthy, and is marked', () => {
    const t = troubled();
    const stack = box(buildGraph(t, DEFAULT_VIEW).nodes, t);
    expect(stack?.kind === 'group' && stack.data.stackLabel).toBe('13 tasks: 11 RUNNING, 2 STOPPED');
    expect(stack?.kind === 'group' && stack.data.stackTrouble).toBe('1 failed · 1 unhealthy');
    expect(stack?.statusClass).toBe('unhealthy');
    expect(stackTroubleLabel(stackTrouble(t.tasks))).toBe('1 failed · 1 unhealthy');
  });

  it('stays plain when its stopped tasks were only scaled in', () => {
    const t = service(24);
    const stack = box(buildGraph(t, DEFAULT_VIEW).nodes, t);
    expect(stack?.kind === 'group' && stack.data.stackTrouble).toBeUndefined();
    expect(stack?.statusClass).toBe('running');
    expect(stackTroubleLabel({ unhealthy: 0, failed: 0 })).toBeUndefined();
  });

  it('does not mark an open box of the same tasks for a failed task: its cards show it', () => {
    const t = troubled();
    const g = buildGraph(t, toggleCollapse(DEFAULT_VIEW, serviceTasksGroupId(t.services[0].id), true));
    const open = box(g.nodes, t);
    expect(open?.kind === 'group' && open.data.stackTrouble).toBeUndefined();
  });
});
