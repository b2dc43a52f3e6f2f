import { describe, expect, it } from 'vitest';
import { ancestorIds, buildGraph, serviceTasksGroupId } from './build-graph';
import { breadcrumbPath, focusSet, graphAncestors, graphNode, searchEmphasis } from './emphasis';
import { searchTopology } from './search';
import { ingest } from '../ingest/index';
import { generateAccountOfSize } from '../synth/generate-account';
import { DEFAULT_VIEW } from './view';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import type { Topology } from '../model/types';
import type { GraphNode } from './types';

function sample(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web', {
    deployments: [
      {
        id: 'ecs-svc/2',
        source: 'deployment',
        status: 'PRIMARY',
        rolloutState: 'IN_PROGRESS',
        taskDefinitionId: 'td|web:42',
        desiredCount: 2,
        runningCount: 1,
        capacityProviderStrategy: [],
      },
      {
        id: 'ecs-svc/1',
        source: 'deployment',
        status: 'ACTIVE',
        rolloutState: 'COMPLETED',
        taskDefinitionId: 'td|web:41',
        desiredCount: 2,
        runningCount: 1,
        capacityProviderStrategy: [],
      },
    ],
  });
  const api = makeService(prod, 'api');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web, api];
  t.tasks = [
    makeTask('new1', { cluster: prod, service: web, taskDefinitionId: 'td|web:42', containers: ['app', 'proxy'] }),
    makeTask('old1', { cluster: prod, service: web, taskDefinitionId: 'td|web:41' }),
    makeTask('oldstop', {
      cluster: prod,
      service: web,
      taskDefinitionId: 'td|web:41',
      lastStatus: 'STOPPED',
      stoppedReason: 'Scaling activity initiated by deployment',
      stopCode: 'ServiceSchedulerInitiated',
    }),
    makeTask('api1', { cluster: prod, service: api }),
  ];
  return t;
}

const byShortId = (nodes: GraphNode[], id: string) =>
  nodes.find((n): n is Extract<GraphNode, { kind: 'task' }> => n.kind === 'task' && n.data.shortId === id);

describe('focus and search emphasis', () => {
  it('focus on a service lights its cluster, its box, its tasks and their containers, and nothing of the other service', () => {
    const t = sample();
    const g = buildGraph(t, DEFAULT_VIEW);
    const lit = focusSet(g, t.services[0].id);
    expect(lit.has(t.clusters[0].id)).toBe(true);
    expect(lit.has(serviceTasksGroupId(t.services[0].id))).toBe(true);
    expect(lit.has(t.tasks[0].containers[1].id)).toBe(true);
    expect(lit.has(t.services[1].id)).toBe(false);
    expect(lit.has(t.tasks[3].id)).toBe(false);
  });

  it('search lights the hits and what holds them; a hit inside a collapsed node lights that node', () => {
    const t = sample();
    const g = buildGraph(t, DEFAULT_VIEW);
    const { lit, shown } = searchEmphasis(g, [t.tasks[0].containers[1].id]);
    expect([...shown]).toEqual([t.tasks[0].containers[1].id]);
    expect([...lit].sort()).toEqual(
      [
        t.clusters[0].id,
        t.services[0].id,
        serviceTasksGroupId(t.services[0].id),
        t.tasks[0].id,
        t.tasks[0].containers[1].id,
      ].sort(),
    );
    const collapsed = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [t.services[0].id] });
    const hidden = searchEmphasis(collapsed, [t.tasks[0].id, t.tasks[1].id, 'not-drawn'], (id) => ancestorIds(t, id));
    // Both hits are drawn by the collapsed service, marked once; an id drawn nowhere lights nothing.
    expect([...hidden.shown]).toEqual([t.services[0].id]);
    expect([...hidden.lit].sort()).toEqual([t.clusters[0].id, t.services[0].id].sort());
  });

  it('breadcrumbs run from the cluster down to the selection', () => {
    const t = sample();
    const g = buildGraph(t, DEFAULT_VIEW);
    expect(breadcrumbPath(g, t.tasks[0].containers[0].id)).toEqual([
      t.clusters[0].id,
      t.services[0].id,
      serviceTasksGroupId(t.services[0].id),
      t.tasks[0].id,
      t.tasks[0].containers[0].id,
    ]);
    // Each crumb's node, found in the graph's own lookup (kept per graph: the next selection reads it again).
    const task = graphNode(g, t.tasks[0].id);
    expect(task).toBe(g.nodes.find((n) => n.id === t.tasks[0].id));
    expect(graphNode(g, 'not-drawn')).toBeUndefined();
    // Another graph (collapsed), its own lookup and path: the container is not drawn there.
    const collapsed = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [t.services[0].id] });
    expect(graphNode(collapsed, t.tasks[0].id)).toBeUndefined();
    expect(breadcrumbPath(collapsed, t.tasks[0].containers[0].id)).toEqual([]);
    expect(breadcrumbPath(collapsed, t.services[0].id)).toEqual([t.clusters[0].id, t.services[0].id]);
  });
});

describe('health and deployment overlay', () => {
  it('puts the deployments on the service node, PRIMARY first, with rollout state', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    const web = g.nodes.find(
      (n): n is Extract<GraphNode, { kind: 'service' }> => n.kind === 'service' && n.data.name === 'web',
    );
    expect(web?.data.deployments?.map((d) => `${d.status} ${d.taskDefinition} ${d.rolloutState}`)).toEqual([
      'PRIMARY web:42 IN_PROGRESS',
      'ACTIVE web:41 COMPLETED',
    ]);
    expect(web?.data.problems).toEqual(['deployment ecs-svc/2 in progress']);
  });

  it('flags running tasks on a revision other than the primary deployment, not stopped ones', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    expect(byShortId(g.nodes, 'old1')?.data.primaryTaskDefinition).toBe('web:42');
    expect(byShortId(g.nodes, 'new1')?.data.primaryTaskDefinition).toBeUndefined();
    const stopped = byShortId(g.nodes, 'oldstop');
    expect(stopped?.data.primaryTaskDefinition).toBeUndefined();
    expect(stopped?.data).toMatchObject({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by deployment',
    });
  });

  it('on a whole account, lights exactly the drawn hits and everything above them, however many hits', () => {
    const t = ingest([{ name: 'a.json', text: JSON.stringify(generateAccountOfSize(1200)) }]);
    const collapsed = { ...DEFAULT_VIEW, collapsed: t.services.filter((_, i) => i % 3 === 0).map((s) => s.id) };
    for (const view of [DEFAULT_VIEW, collapsed]) {
      const g = buildGraph(t, view);
      const drawn = new Set(g.nodes.map((n) => n.id));
      for (const query of ['o', 'web', 'running', t.tasks[5].shortId]) {
        const ids = searchTopology(t, query).map((h) => h.id);
        const { lit, shown } = searchEmphasis(g, ids, (id) => ancestorIds(t, id));
        const expected = new Set(
          ids
            .map((id) => (drawn.has(id) ? id : ancestorIds(t, id).find((a) => drawn.has(a))))
            .filter((id) => id !== undefined),
        );
        expect(shown).toEqual(expected);
        const above = new Set([...expected].flatMap((id) => [id, ...graphAncestors(g, id)]));
        expect(lit).toEqual(above);
        expect(lit.size).toBeLessThanOrEqual(g.nodes.length);
        // With a memo of drawn holders (the canvas keeps one per layout), the same, filled and then read.
        const memo = new Map<string, string | null>();
        for (let pass = 0; pass < 2; pass++)
          expect(searchEmphasis(g, ids, (id) => ancestorIds(t, id), memo)).toEqual({ lit, shown });
        expect(memo.size).toBe(new Set(ids).size);
      }
    }
  });
});
