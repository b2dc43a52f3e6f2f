import { describe, expect, it } from 'vitest';
import { ancestorIds, buildGraph } from './build-graph';
import { layoutGraph } from '../layout/layout';
import { DEFAULT_VIEW } from './view';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import { targetGroupDetail, targetGroupListener, targetGroupRoute } from './target-group';
import type { TargetGroup, Topology } from '../model/types';
import type { GraphNode } from './types';

const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web-tg/0123456789abcdef';
const TG_ID = 'targetGroup|web-tg';
const LISTED_ID = 'targetGroup|api-tg';

function topology(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web', {
    loadBalancers: [{ targetGroupId: TG_ID, targetGroupArn: TG_ARN, containerName: 'nginx', containerPort: 8080 }],
  });
  const api = makeService(prod, 'api', {
    loadBalancers: [{ targetGroupId: LISTED_ID, containerName: 'api', containerPort: 3000 }],
  });
  const worker = makeService(prod, 'worker');
  const described: TargetGroup = {
    id: TG_ID,
    kind: 'targetGroup',
    arn: TG_ARN,
    name: 'web-tg',
    placeholder: false,
    sources: ['tg.json'],
    protocol: 'HTTP',
    port: 80,
    targetType: 'ip',
    healthCheckPath: '/healthz',
    loadBalancerArns: ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/front/1'],
  };
  const placeholder: TargetGroup = {
    id: LISTED_ID,
    kind: 'targetGroup',
    name: 'api-tg',
    placeholder: true,
    sources: ['svc.json'],
    loadBalancerArns: [],
  };
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web, api, worker];
  t.targetGroups = [described, placeholder];
  t.tasks = [makeTask('w1', { cluster: prod, service: web }), makeTask('a1', { cluster: prod, service: api })];
  return t;
}

const tgs = (nodes: GraphNode[]) =>
  nodes.filter((n): n is Extract<GraphNode, { kind: 'targetGroup' }> => n.kind === 'targetGroup');

describe('target groups in the hierarchy', () => {
  it('draws one node per target group a service uses, wired from that service', () => {
    const g = buildGraph(topology(), DEFAULT_VIEW);
    const nodes = tgs(g.nodes);
    expect(nodes.map((n) => n.data.name).sort()).toEqual(['api-tg', 'web-tg']);
    const web = g.nodes.find((n) => n.kind === 'service' && n.data.name === 'web')!;
    expect(g.edges.some((e) => e.source === web.id && e.target === TG_ID)).toBe(true);
    // A service without load balancers gets none.
    const worker = g.nodes.find((n) => n.kind === 'service' && n.data.name === 'worker')!;
    expect(g.edges.filter((e) => e.source === worker.id)).toHaveLength(0);
  });

  it('shows the listener, container name and port, target type and health check of a described group', () => {
    const web = tgs(buildGraph(topology(), DEFAULT_VIEW).nodes).find((n) => n.id === TG_ID)!;
    expect(web.placeholder).toBe(false);
    expect(targetGroupListener(web.data)).toBe('HTTP:80');
    expect(targetGroupRoute(web.data)).toBe('→ nginx:8080');
    expect(targetGroupDetail(web.data, false)).toBe('ip targets · health /healthz');
  });

  it('draws a group only named by a service as a placeholder that still says where traffic goes', () => {
    const api = tgs(buildGraph(topology(), DEFAULT_VIEW).nodes).find((n) => n.id === LISTED_ID)!;
    expect(api.placeholder).toBe(true);
    expect(targetGroupListener(api.data)).toBeUndefined();
    expect(targetGroupRoute(api.data)).toBe('→ api:3000');
    expect(targetGroupDetail(api.data, true)).toBe('referenced only: not described');
  });

  it('keeps a group shared by two services as one node with both services named', () => {
    const t = topology();
    t.services[1].loadBalancers = [{ targetGroupId: TG_ID, containerName: 'api', containerPort: 3000 }];
    const g = buildGraph(t, DEFAULT_VIEW);
    const nodes = tgs(g.nodes);
    expect(nodes).toHaveLength(1);
    expect(g.edges.filter((e) => e.target === TG_ID)).toHaveLength(2);
    expect(targetGroupRoute(nodes[0].data)).toBe('→ api:3000 (api) · nginx:8080 (web)');
    // The second service's edge is a cross-link: the top level stays a tree, so the compact layout can place it.
    expect(g.edges.filter((e) => e.target === TG_ID).map((e) => e.cross ?? false)).toEqual([false, true]);
    expect(layoutGraph(g, 'LR', { algorithm: 'compact' }).algorithm).toBe('compact');
  });

  it('goes with its cluster when the cluster is collapsed, and stays beside a collapsed service', () => {
    const t = topology();
    const clusterId = t.clusters[0].id;
    expect(tgs(buildGraph(t, { ...DEFAULT_VIEW, collapsed: [clusterId] }).nodes)).toHaveLength(0);
    const collapsedCluster = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [clusterId] }).nodes.find(
      (n) => n.id === clusterId,
    )!;
    expect(collapsedCluster.hiddenCount).toBe(3 + 2 + 2 + 2 * 2); // services, target groups, task boxes, tasks with one container each
    expect(tgs(buildGraph(t, { ...DEFAULT_VIEW, collapsed: [t.services[0].id] }).nodes).map((n) => n.id)).toContain(
      TG_ID,
    );
  });

  it('is laid out to the right of its service, level with the service’s task box', () => {
    const laid = layoutGraph(buildGraph(topology(), DEFAULT_VIEW), 'LR');
    const byId = new Map(laid.nodes.map((n) => [n.id, n]));
    const web = laid.nodes.find((n) => n.kind === 'service' && n.data.name === 'web')!;
    const tg = byId.get(TG_ID)!;
    expect(tg.x).toBeGreaterThanOrEqual(web.x + web.width);
    const box = laid.nodes.find((n) => n.kind === 'group' && n.data.label === 'Tasks of web')!;
    expect(tg.x).toBe(box.x);
  });

  it('leaves the task box as the service’s first child, so ArrowDown from a service still goes to its tasks', () => {
    const g = buildGraph(topology(), DEFAULT_VIEW);
    const web = g.nodes.find((n) => n.kind === 'service' && n.data.name === 'web')!;
    expect(g.edges.filter((e) => e.source === web.id).map((e) => e.target)).toEqual([`group:tasks:${web.id}`, TG_ID]);
  });

  it('is not drawn in the placement view', () => {
    expect(tgs(buildGraph(topology(), { ...DEFAULT_VIEW, mode: 'placement' }).nodes)).toHaveLength(0);
  });

  it('names its service and cluster as ancestors, so a selection can open them', () => {
    const t = topology();
    expect(ancestorIds(t, TG_ID)).toEqual([t.services[0].id, t.clusters[0].id]);
  });
});
