import { describe, expect, it } from 'vitest';
import { ancestorIds, buildGraph, createGraphCache, UNKNOWN_CLUSTER_ID } from './build-graph';
import { DEFAULT_VIEW, type ViewState } from './view';
import { ingest } from '../ingest/index';
import { generateAccount } from '../synth/generate-account';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import type { Topology } from '../model/types';
import type { GraphNode } from './types';

function sample(): Topology {
  const prod = makeCluster('prod', { runningTasksCount: 4 });
  const web = makeService(prod, 'web', { launchType: 'EC2', overlay: 'EC2' });
  const api = makeService(prod, 'api');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web, api];
  t.tasks = [
    makeTask('aaa1', { cluster: prod, service: web, launchType: 'EC2', containers: ['nginx', 'app'] }),
    makeTask('aaa2', { cluster: prod, service: web, launchType: 'EC2', healthStatus: 'UNHEALTHY' }),
    makeTask('bbb1', { cluster: prod, service: api, spot: true }),
    makeTask('ccc1', {
      cluster: prod,
      family: 'migrate',
      lastStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
    }),
    makeTask('ccc2', { cluster: prod, family: 'migrate' }),
    makeTask('ddd1', { cluster: prod, family: 'report' }),
  ];
  return t;
}

const ofKind = (nodes: GraphNode[], kind: GraphNode['kind']) => nodes.filter((n) => n.kind === kind);

describe('buildGraph', () => {
  it('draws one node per cluster, service, task and container of the topology', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    expect(ofKind(g.nodes, 'cluster')).toHaveLength(1);
    expect(ofKind(g.nodes, 'service')).toHaveLength(2);
    expect(ofKind(g.nodes, 'task')).toHaveLength(6);
    expect(ofKind(g.nodes, 'container')).toHaveLength(7);
  });

  it('puts standalone tasks under their cluster in one box per task family', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    const families = ofKind(g.nodes, 'group').filter((n) => n.kind === 'group' && n.data.variant === 'family');
    expect(families.map((n) => n.kind === 'group' && n.data.label).sort()).toEqual(['family:migrate', 'family:report']);
    const migrate = families.find((n) => n.kind === 'group' && n.data.label === 'family:migrate');
    expect(g.nodes.filter((n) => n.parentId === migrate?.id).map((n) => n.id)).toHaveLength(2);
    const clusterId = ofKind(g.nodes, 'cluster')[0].id;
    expect(g.edges.some((e) => e.source === clusterId && e.target === migrate?.id)).toBe(true);
  });

  it('wires cluster → service → box of its tasks, and nests containers in their task', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    const web = g.nodes.find((n) => n.kind === 'service' && n.data.name === 'web');
    const box = g.edges.find((e) => e.source === web?.id);
    const tasksInBox = g.nodes.filter((n) => n.parentId === box?.target);
    expect(tasksInBox.map((n) => n.kind === 'task' && n.data.shortId)).toEqual(['aaa2', 'aaa1']); // unhealthy first
    const aaa1 = tasksInBox.find((n) => n.kind === 'task' && n.data.shortId === 'aaa1');
    expect(g.nodes.filter((n) => n.parentId === aaa1?.id).map((n) => n.kind === 'container' && n.data.name)).toEqual([
      'nginx',
      'app',
    ]);
  });

  it('lists every parent before its children', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    const seen = new Set<string>();
    for (const n of g.nodes) {
      if (n.parentId) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
  });

  it('tells Fargate Spot apart from Fargate and marks unhealthy and stopped tasks', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    const task = (id: string) =>
      g.nodes.find((n): n is Extract<GraphNode, { kind: 'task' }> => n.kind === 'task' && n.data.shortId === id);
    expect(task('bbb1')?.data.overlay).toBe('FARGATE_SPOT');
    expect(task('aaa2')?.statusClass).toBe('unhealthy');
    expect(task('ccc1')?.statusClass).toBe('stopped');
    expect(g.legend.tasksByOverlay).toEqual({ EC2: 2, FARGATE_SPOT: 1, FARGATE: 3 });
    const web = g.nodes.find((n) => n.kind === 'service' && n.data.name === 'web');
    expect(web?.statusClass).toBe('unhealthy');
  });

  it('draws placeholders, flagged, and counts them in the legend', () => {
    const t = sample();
    const listed = makeCluster('listed-only', { placeholder: true, raw: undefined, status: undefined });
    t.clusters.push(listed);
    t.services.push(makeService(listed, 'ghost', { placeholder: true, raw: undefined }));
    t.tasks.push(makeTask('eee1', { cluster: listed, placeholder: true, containers: [], raw: undefined }));
    const g = buildGraph(t, DEFAULT_VIEW);
    const placeholders = g.nodes.filter((n) => n.placeholder);
    expect(placeholders.map((n) => n.kind).sort()).toEqual(['cluster', 'service', 'task']);
    expect(g.legend.placeholders).toBe(3);
  });

  it('puts objects with no known cluster under a synthetic "unknown cluster" node', () => {
    const t = emptyTopology();
    const orphanService = makeService(makeCluster('nowhere'), 'orphan');
    orphanService.clusterId = undefined;
    t.services = [orphanService];
    t.tasks = [makeTask('fff1', { service: orphanService }), makeTask('fff2', { family: 'batch' })];
    const g = buildGraph(t, DEFAULT_VIEW);
    const unknown = g.nodes.find((n) => n.id === UNKNOWN_CLUSTER_ID);
    expect(unknown?.kind).toBe('group');
    expect(g.edges.filter((e) => e.source === UNKNOWN_CLUSTER_ID)).toHaveLength(2); // the service and the family box
    expect(ofKind(g.nodes, 'task')).toHaveLength(2);
  });

  it('hides the children of a collapsed node and says how many', () => {
    const t = sample();
    const web = t.services[0];
    const g = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [web.id] });
    const node = g.nodes.find((n) => n.id === web.id);
    expect(node?.collapsed).toBe(true);
    expect(node?.hiddenCount).toBe(1 + 2 + 3); // box + 2 tasks + 3 containers
    expect(ofKind(g.nodes, 'task')).toHaveLength(4);
    const cluster = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [t.clusters[0].id] });
    expect(cluster.nodes).toHaveLength(1);
  });

  it('filters to problem tasks and keeps their parents', () => {
    const g = buildGraph(sample(), { ...DEFAULT_VIEW, filters: { problemsOnly: true } });
    expect(
      ofKind(g.nodes, 'task')
        .map((n) => n.kind === 'task' && n.data.shortId)
        .sort(),
    ).toEqual(['aaa2', 'ccc1']);
    expect(ofKind(g.nodes, 'service').map((n) => n.kind === 'service' && n.data.name)).toEqual(['web']);
    expect(ofKind(g.nodes, 'cluster')).toHaveLength(1);
  });

  it('filters by overlay class and by text', () => {
    const spot = buildGraph(sample(), { ...DEFAULT_VIEW, filters: { overlays: ['FARGATE_SPOT'] } });
    expect(ofKind(spot.nodes, 'task').map((n) => n.kind === 'task' && n.data.shortId)).toEqual(['bbb1']);
    const text = buildGraph(sample(), { ...DEFAULT_VIEW, filters: { text: 'NGINX' } });
    expect(ofKind(text.nodes, 'task').map((n) => n.kind === 'task' && n.data.shortId)).toEqual(['aaa1']);
    // Legend counts stay those of the whole load.
    expect(spot.legend.tasksByOverlay.EC2).toBe(2);
  });

  it('gives every node a size from the theme before layout', () => {
    const g = buildGraph(sample(), DEFAULT_VIEW);
    for (const n of g.nodes) {
      expect(n.width).toBeGreaterThan(0);
      expect(n.height).toBeGreaterThan(0);
    }
    const twoContainers = g.nodes.find((n) => n.kind === 'task' && n.data.shortId === 'aaa1');
    const oneContainer = g.nodes.find((n) => n.kind === 'task' && n.data.shortId === 'aaa2');
    expect(twoContainers!.height).toBeGreaterThan(oneContainer!.height);
  });

  it("shows a service's newest event on its card, the first listed when two share a time", () => {
    const t = sample();
    t.services[0].events = [
      { id: '1', createdAt: '2026-11-01T10:00:00.000Z', message: 'older' },
      { id: '2', message: 'no time' },
      { id: '3', createdAt: '2026-11-01T12:00:00.000Z', message: 'newest, listed first' },
      { id: '4', createdAt: '2026-11-01T12:00:00.000Z', message: 'newest, listed second' },
    ];
    const card = buildGraph(t, DEFAULT_VIEW).nodes.find((n) => n.id === t.services[0].id);
    expect(card?.kind === 'service' && card.data.latestEvent).toBe('newest, listed first');
    t.services[0].events = [];
    const none = buildGraph(t, DEFAULT_VIEW).nodes.find((n) => n.id === t.services[0].id);
    expect(none?.kind === 'service' && none.data.latestEvent).toBeUndefined();
  });

  it('names the collapsed nodes that can hide an object, so selecting it can expand them', () => {
    const t = sample();
    const hidden = t.tasks[0].containers[1];
    const collapsedAll = buildGraph(t, {
      ...DEFAULT_VIEW,
      collapsed: [t.clusters[0].id, t.services[0].id, t.tasks[0].id],
    });
    expect(collapsedAll.nodes.some((n) => n.id === hidden.id)).toBe(false);
    const ancestors = ancestorIds(t, hidden.id);
    expect(ancestors).toContain(t.clusters[0].id);
    const expanded = buildGraph(t, {
      ...DEFAULT_VIEW,
      collapsed: [t.clusters[0].id, t.services[0].id, t.tasks[0].id].filter((id) => !ancestors.includes(id)),
    });
    expect(expanded.nodes.some((n) => n.id === hidden.id)).toBe(true);
    // Standalone tasks sit in their family box.
    expect(ancestorIds(t, t.tasks[3].id)[0]).toMatch(/^group:family:/);
  });
});

describe('buildGraph with a GraphCache', () => {
  it('builds the same graph as without it, view after view', () => {
    // Target groups, Service Connect and Cloud Map, stacks (over 12 tasks), two accounts.
    const topology = ingest(
      [
        generateAccount({
          seed: 5,
          services: 40,
          clusters: 2,
          tasksPerService: [1, 16],
          serviceConnectShare: 0.4,
          cloudMapShare: 0.3,
        }),
        generateAccount({ seed: 6, accountId: '111122223333', region: 'us-east-1', services: 6, clusters: 1 }),
      ].map((b, i) => ({ name: `a${i}.json`, text: JSON.stringify(b) })),
    );
    const [cluster] = topology.clusters;
    const [service, other] = topology.services;
    const views: ViewState[] = [
      DEFAULT_VIEW,
      { ...DEFAULT_VIEW, collapsed: [service.id] },
      { ...DEFAULT_VIEW, collapsed: [cluster.id], filters: { problemsOnly: true } },
      { ...DEFAULT_VIEW, collapsed: [cluster.id] },
      { ...DEFAULT_VIEW, filters: { text: other.name } },
      { ...DEFAULT_VIEW, stackThreshold: 4, expanded: [`group:tasks:${service.id}`] },
      { ...DEFAULT_VIEW, mode: 'placement', collapsed: [cluster.id] },
      { ...DEFAULT_VIEW, collapsed: topology.services.map((s) => s.id) },
    ];
    const cache = createGraphCache();
    for (const view of views)
      expect(buildGraph(topology, view, { cache }), JSON.stringify(view)).toStrictEqual(buildGraph(topology, view));
  });

  it('starts afresh for another topology', () => {
    const cache = createGraphCache();
    const a = sample();
    const b = sample();
    b.services = b.services.slice(1);
    buildGraph(a, DEFAULT_VIEW, { cache });
    expect(buildGraph(b, DEFAULT_VIEW, { cache })).toStrictEqual(buildGraph(b, DEFAULT_VIEW));
  });
});
