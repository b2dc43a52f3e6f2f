import { describe, expect, it } from 'vitest';
import { ancestorIds, buildGraph } from './build-graph';
import { layoutGraph } from '../layout/layout';
import { accountCardText, accountGroupId, accountSummary, referencedGroupId } from './accounts';
import { DEFAULT_VIEW, initialView } from './view';
import { expandAll, toggleCollapse } from './collapse';
import { filtersActive } from './filters';
import { ingest } from '../ingest/index';
import { exportSvg } from '../render/export-svg';
import { loadFixtureDir } from '../../fixtures/load-fixtures';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import type { Topology } from '../model/types';
import type { GraphNode } from './types';

function topology(): Topology {
  const prod = makeCluster('prod');
  // Same cluster name in another account: the case where a flat row of clusters misleads.
  const prodUs = makeCluster('prod', {
    id: 'cluster|us-east-1|444455556666|prod',
    region: 'us-east-1',
    accountId: '444455556666',
  });
  const staging = makeCluster('staging');
  const web = makeService(prod, 'web');
  const t = emptyTopology();
  t.clusters = [prod, prodUs, staging];
  t.services = [web];
  t.tasks = [
    makeTask('w1', { cluster: prod, service: web }),
    makeTask('u1', { cluster: prodUs, family: 'batch', lastStatus: 'STOPPED' }),
  ];
  return t;
}

const accounts = (nodes: GraphNode[]) =>
  nodes.filter((n): n is Extract<GraphNode, { kind: 'group' }> => n.kind === 'group' && n.data.variant === 'account');
const EU = accountGroupId('111122223333', 'eu-west-1');
const US = accountGroupId('444455556666', 'us-east-1');

describe('account level', () => {
  it('puts one account card per (account, region) above its clusters when the load spans several', () => {
    const t = topology();
    const g = buildGraph(t, DEFAULT_VIEW);
    expect(accounts(g.nodes).map((n) => n.data.label)).toEqual([
      '111122223333 · eu-west-1',
      '444455556666 · us-east-1',
    ]);
    const clustersUnder = (id: string) =>
      g.edges
        .filter((e) => e.source === id)
        .map((e) => e.target)
        .sort();
    expect(clustersUnder(EU)).toEqual([t.clusters[0].id, t.clusters[2].id].sort());
    expect(clustersUnder(US)).toEqual([t.clusters[1].id]);
    // Parents before children still holds.
    expect(g.nodes.findIndex((n) => n.id === EU)).toBeLessThan(g.nodes.findIndex((n) => n.id === t.clusters[0].id));
  });

  it('counts the tasks of its clusters by status', () => {
    const us = accounts(buildGraph(topology(), DEFAULT_VIEW).nodes).find((n) => n.id === US)!;
    expect(us.data.taskCount).toBe(1);
    expect(us.data.tasksByStatus).toEqual({ stopped: 1 });
  });

  it('changes nothing when every cluster is in one account and region', () => {
    const t = topology();
    t.clusters = [t.clusters[0], t.clusters[2]];
    t.tasks = [t.tasks[0]];
    const g = buildGraph(t, DEFAULT_VIEW);
    expect(accounts(g.nodes)).toHaveLength(0);
    expect(g.nodes[0].kind).toBe('cluster');
    expect(ancestorIds(t, t.clusters[0].id)).toEqual([]);
  });

  it('hides everything under a collapsed account card and counts it', () => {
    const t = topology();
    const g = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [EU] });
    const eu = accounts(g.nodes).find((n) => n.id === EU)!;
    expect(eu.collapsed).toBe(true);
    expect(g.nodes.some((n) => n.id === t.clusters[0].id || n.id === t.services[0].id || n.id === t.tasks[0].id)).toBe(
      false,
    );
    expect(eu.hiddenCount).toBe(2 + 1 + 1 + 2); // two clusters, service, task box, task and its container
    expect(g.edges.every((e) => g.nodes.some((n) => n.id === e.source) && g.nodes.some((n) => n.id === e.target))).toBe(
      true,
    );
    // The other account is untouched.
    expect(g.nodes.some((n) => n.id === t.clusters[1].id)).toBe(true);
  });

  it('is the top level of the placement view too', () => {
    const g = buildGraph(topology(), { ...DEFAULT_VIEW, mode: 'placement' });
    expect(accounts(g.nodes)).toHaveLength(2);
  });

  it('is an ancestor of its clusters and what they hold, so a selection can open it', () => {
    const t = topology();
    expect(ancestorIds(t, t.clusters[1].id)).toEqual([US]);
    expect(ancestorIds(t, t.tasks[0].id).at(-1)).toBe(EU);
  });

  it('lays out left of its clusters, which stay left of their services', () => {
    const t = topology();
    const laid = layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR');
    const byId = new Map(laid.nodes.map((n) => [n.id, n]));
    const eu = byId.get(EU)!;
    const prod = byId.get(t.clusters[0].id)!;
    const web = byId.get(t.services[0].id)!;
    expect(prod.x).toBeGreaterThanOrEqual(eu.x + eu.width);
    expect(web.x).toBeGreaterThanOrEqual(prod.x + prod.width);
  });
});

describe('accountSummary (the details of an account card)', () => {
  it('counts the clusters, services and tasks of one account and region by status', () => {
    const t = topology();
    t.clusters.push(makeCluster('legacy', { placeholder: true, status: undefined }));
    t.services.push(makeService(t.clusters[2], 'old', { status: 'DRAINING' }), makeService(t.clusters[1], 'us-api'));
    t.tasks.push(
      makeTask('w2', { cluster: t.clusters[0], service: t.services[0], lastStatus: 'PENDING' }),
      makeTask('w3', { cluster: t.clusters[0], service: t.services[0], healthStatus: 'UNHEALTHY' }),
    );
    const eu = accountSummary(t, EU)!;
    expect(eu).toMatchObject({
      label: '111122223333 · eu-west-1',
      accountId: '111122223333',
      region: 'eu-west-1',
      containerInstances: 0,
    });
    expect(eu.clusters.map((c) => c.name)).toEqual(['legacy', 'prod', 'staging']);
    expect(eu.clustersByStatus).toEqual({ ACTIVE: 2, 'referenced only': 1 });
    expect(eu.servicesByStatus).toEqual({ ACTIVE: 1, DRAINING: 1 });
    expect(eu.tasksByStatus).toEqual({ running: 1, pending: 1, unhealthy: 1 });
    expect(accountSummary(t, US)!.tasksByStatus).toEqual({ stopped: 1 });
    expect(accountSummary(t, US)!.servicesByStatus).toEqual({ ACTIVE: 1 });
  });

  it('is null for a card id no cluster of the load has', () => {
    expect(accountSummary(topology(), accountGroupId('999999999999', 'ap-south-1'))).toBeNull();
  });
});

describe('referenced-only clusters fold into one card per account (issue #14 point 2)', () => {
  const load = ingest(loadFixtureDir('multi-account'));
  const folds = (nodes: GraphNode[]) =>
    nodes.filter(
      (n): n is Extract<GraphNode, { kind: 'group' }> => n.kind === 'group' && n.data.variant === 'referenced-clusters',
    );
  const referencedDrawn = (nodes: GraphNode[]) => nodes.filter((n) => n.kind === 'cluster' && n.placeholder);

  it('draws "N referenced-only clusters" under each account with two or more, naming them, instead of 11 cards', () => {
    const g = buildGraph(load, initialView(load));
    expect(folds(g.nodes).map((n) => [n.data.label, n.hiddenCount])).toEqual([
      ['2 referenced-only clusters', 2],
      ['4 referenced-only clusters', 4],
      ['4 referenced-only clusters', 4],
    ]);
    expect(folds(g.nodes)[1].data.stackLabel).toBe('data-ingest, legacy-api, legacy-worker, ml-training');
    // The one referenced cluster of 444455556666 · eu-west-1 stays a card: folding one would save nothing.
    expect(referencedDrawn(g.nodes).map((n) => (n.kind === 'cluster' ? n.data.name : ''))).toEqual(['dr-standby']);
    // Each card hangs from its account card.
    const card = folds(g.nodes)[1];
    expect(g.edges.find((e) => e.target === card.id)?.source).toBe(accountGroupId('111122223333', 'us-east-1'));
    // The export says it too, and parses.
    const svg = exportSvg(load, initialView(load)).svg;
    expect(svg).toContain('4 referenced-only clusters');
  });

  it('opens on click (its id in expanded): the clusters hang below the card; "Show referenced-only" draws them all', () => {
    const closed = buildGraph(load, initialView(load));
    const card = folds(closed.nodes)[1];
    const opened = buildGraph(load, toggleCollapse(initialView(load), card.id, true));
    const under = opened.edges.filter((e) => e.source === card.id).map((e) => e.target);
    expect(under).toHaveLength(4);
    expect(folds(opened.nodes).find((n) => n.id === card.id)?.collapsed).toBe(false);
    const all = buildGraph(load, { ...initialView(load), filters: { showReferencedOnly: true } });
    expect(folds(all.nodes)).toEqual([]);
    expect(referencedDrawn(all.nodes)).toHaveLength(11);
    // It is no filter: nothing is hidden by it.
    expect(filtersActive({ showReferencedOnly: true })).toBe(false);
  });

  it('a folded cluster found by search or a panel opens its card (ancestorIds)', () => {
    const legacy = load.clusters.find((c) => c.name === 'legacy-api')!;
    const chain = ancestorIds(load, legacy.id);
    expect(chain).toContain(referencedGroupId('111122223333', 'us-east-1'));
    const g = buildGraph(load, expandAll(initialView(load), chain));
    expect(g.nodes.some((n) => n.id === legacy.id)).toBe(true);
  });

  it('in the placement view too, with the listed container instances that are all such a cluster holds', () => {
    const view = { ...initialView(load), mode: 'placement' as const };
    const g = buildGraph(load, view);
    const cards = folds(g.nodes);
    expect(cards.map((n) => n.data.label)).toEqual([
      '2 referenced-only clusters',
      '4 referenced-only clusters',
      '4 referenced-only clusters',
    ]);
    // Each folded cluster took its one placeholder host with it.
    expect(cards.map((n) => n.hiddenCount)).toEqual([4, 8, 8]);
    expect(g.nodes.filter((n) => n.kind === 'host' && n.placeholder)).toHaveLength(1);
    const all = buildGraph(load, { ...view, filters: { showReferencedOnly: true } });
    expect(all.nodes.length - g.nodes.length).toBe(20 - 3);
    // Opened, a card shows its clusters and their hosts, linked.
    const opened = buildGraph(load, toggleCollapse(view, cards[1].id, true));
    const clusters = opened.edges.filter((e) => e.source === cards[1].id).map((e) => e.target);
    expect(clusters).toHaveLength(4);
    for (const c of clusters) expect(opened.edges.some((e) => e.source === c)).toBe(true);
  });

  it('placeholders with something under them are never folded', () => {
    const t = topology();
    const listed = makeCluster('listed', { placeholder: true });
    t.clusters.push(listed);
    t.tasks.push(makeTask('l1', { cluster: listed, lastStatus: 'RUNNING' }));
    const g = buildGraph(t, DEFAULT_VIEW);
    expect(folds(g.nodes)).toEqual([]);
    expect(g.nodes.some((n) => n.id === listed.id)).toBe(true);
  });
});

describe('account · region cards say what they count (issue #14 point 4)', () => {
  const load = ingest(loadFixtureDir('multi-account'));
  const g = buildGraph(load, initialView(load));
  const card = (label: string) => accounts(g.nodes).find((n) => n.data.label === label)!;

  it('running as AWS counted it (service counts) apart from the tasks loaded, and the whole region', () => {
    const us = accountCardText(card('111122223333 · us-east-1').data);
    expect(us.account).toBe('111122223333');
    expect(us.region).toBe('us-east-1');
    expect(us.reported).toBe('4 running (service counts)');
    expect(us.loaded.map((c) => c.text).join('')).toBe('5 tasks loaded');
    const west = accountCardText(card('444455556666 · us-west-2').data);
    expect(west.reported).toBe('1 running (service counts)');
    expect(west.loaded.map((c) => c.text).join('')).toBe('2 tasks loaded · 1 stopped');
    // Only a referenced cluster: nothing counted by AWS is known, and nothing is said about it.
    const dr = accountCardText(card('444455556666 · eu-west-1').data);
    expect(dr.reported).toBeUndefined();
    expect(dr.loaded.map((c) => c.text).join('')).toBe('0 tasks loaded');
  });

  it('the export draws the same lines, region whole', () => {
    const svg = exportSvg(load, initialView(load)).svg;
    for (const text of ['us-east-1', '4 running (service counts)', '5 tasks loaded', 'eu-west-1'])
      expect(svg).toContain(`>${text}<`);
  });
});
