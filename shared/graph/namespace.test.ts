import { describe, expect, it } from 'vitest';
import { ancestorIds, buildGraph } from './build-graph';
import { layoutGraph } from '../layout/layout';
import { DEFAULT_VIEW } from './view';
import { emptyTopology, makeCluster, makeService, makeTask } from './testing/make-topology';
import {
  discoveryIndex,
  namespaceDetail,
  namespaceDetails,
  namespaceNodeId,
  namespaceNodes,
  namespaceRoute,
} from './namespace';
import { ingest } from '../ingest/index';
import { generateAccount } from '../synth/generate-account';
import { jsonSource } from '../../fixtures/load-fixtures';
import type { Service, ServiceConnect, Topology } from '../model/types';
import type { GraphNode } from './types';

const NS_ARN = 'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-ke2ewbfvynxeu2ub';
const SRV_ARN = 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-wwyvagy22xd2znkg';

/** A server's Service Connect configuration in `namespace`: one endpoint with its default-style client alias. */
function server(name: string, namespace = NS_ARN, port = 8080): ServiceConnect {
  return {
    enabled: true,
    namespace,
    endpoints: [{ portName: 'http', discoveryName: name, clientAliases: [{ port, dnsName: `${name}.shop` }] }],
  };
}

/** prod: orders and payments publish in the namespace, web is a client only, legacy registers in Cloud Map, batch uses nothing. */
function topology(): Topology {
  const prod = makeCluster('prod');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [
    makeService(prod, 'web', { serviceConnect: { enabled: true, namespace: NS_ARN, endpoints: [] } }),
    makeService(prod, 'orders', { serviceConnect: server('orders') }),
    makeService(prod, 'payments', { serviceConnect: server('payments', NS_ARN, 80) }),
    makeService(prod, 'legacy', {
      serviceRegistries: [{ registryArn: SRV_ARN, containerName: 'legacy', containerPort: 9000 }],
    }),
    makeService(prod, 'batch'),
  ];
  t.tasks = t.services.map((s, i) => makeTask(`t${i}`, { cluster: prod, service: s }));
  return t;
}

const namespaces = (nodes: GraphNode[]) =>
  nodes.filter((n): n is Extract<GraphNode, { kind: 'namespace' }> => n.kind === 'namespace');
const serviceId = (t: Topology, name: string) => t.services.find((s) => s.name === name)!.id;
const NS_ID = namespaceNodeId('cluster|eu-west-1|111122223333|prod', 'sc|eu-west-1|111122223333|ns-ke2ewbfvynxeu2ub');

describe('Service Connect namespaces in the hierarchy', () => {
  it('draws one node for a namespace several services share, linked from each of them', () => {
    const t = topology();
    const g = buildGraph(t, DEFAULT_VIEW);
    const sc = namespaces(g.nodes).filter((n) => n.data.variant === 'service-connect');
    expect(sc.map((n) => n.id)).toEqual([NS_ID]);
    expect(sc[0].data.members.map((m) => m.serviceName)).toEqual(['orders', 'payments', 'web']);
    const into = g.edges.filter((e) => e.target === NS_ID);
    expect(into.map((e) => [e.source, e.cross ?? false])).toEqual([
      [serviceId(t, 'orders'), false],
      [serviceId(t, 'payments'), true],
      [serviceId(t, 'web'), true],
    ]);
    // A service without Service Connect or registries gets no link.
    expect(g.edges.filter((e) => e.source === serviceId(t, 'batch') && e.target.startsWith('namespace|'))).toEqual([]);
  });

  it('names an ARN-given namespace from the default client alias, keeps its ns- id, and lists what is published', () => {
    const ns = namespaces(buildGraph(topology(), DEFAULT_VIEW).nodes).find((n) => n.id === NS_ID)!;
    expect(ns.data).toMatchObject({ name: 'shop', resourceId: 'ns-ke2ewbfvynxeu2ub', arn: NS_ARN, elsewhere: 0 });
    expect(namespaceRoute(ns.data)).toBe('orders.shop:8080 · payments.shop:80');
    expect(namespaceDetail(ns.data)).toBe('3 services · 1 client only');
  });

  it('uses a namespace name as given, and the id when no alias gives the name away', () => {
    const t = topology();
    t.services = [
      makeService(t.clusters[0], 'api', {
        serviceConnect: {
          enabled: true,
          namespace: 'internal',
          endpoints: [{ portName: 'grpc', clientAliases: [{ port: 50051 }] }],
        },
      }),
    ];
    const [named] = namespaces(buildGraph(t, DEFAULT_VIEW).nodes);
    expect(named.data).toMatchObject({ name: 'internal', resourceId: undefined });
    // No dnsName: clients use the discovery name (the port name when there is none).
    expect(namespaceRoute(named.data)).toBe('grpc:50051');
    t.services = [
      makeService(t.clusters[0], 'api', {
        serviceConnect: {
          enabled: true,
          namespace: NS_ARN,
          endpoints: [{ portName: 'grpc', clientAliases: [{ port: 50051, dnsName: 'api' }] }],
        },
      }),
    ];
    expect(namespaces(buildGraph(t, DEFAULT_VIEW).nodes)[0].data.name).toBe('ns-ke2ewbfvynxeu2ub');
  });

  it('draws nothing for Service Connect that is turned off, and says "clients only" when nobody publishes', () => {
    const t = topology();
    for (const s of t.services)
      if (s.serviceConnect) s.serviceConnect = { ...s.serviceConnect, enabled: s.name === 'web' };
    const sc = namespaces(buildGraph(t, DEFAULT_VIEW).nodes).filter((n) => n.data.variant === 'service-connect');
    expect(sc).toHaveLength(1);
    expect(sc[0].data.members.map((m) => m.serviceName)).toEqual(['web']);
    expect(namespaceRoute(sc[0].data)).toBe('clients only');
  });

  it('draws a namespace once per cluster that uses it, and counts its services in the other clusters', () => {
    const t = topology();
    const edge = makeCluster('edge');
    t.clusters.push(edge);
    t.services.push(
      makeService(edge, 'gateway', { serviceConnect: server('gateway') }),
      makeService(edge, 'auth', { serviceConnect: server('auth') }),
    );
    const g = buildGraph(t, DEFAULT_VIEW);
    const sc = namespaces(g.nodes).filter((n) => n.data.variant === 'service-connect');
    expect(sc.map((n) => [n.data.name, n.data.members.length, n.data.elsewhere])).toEqual([
      ['shop', 2, 3],
      ['shop', 3, 2],
    ]);
    expect(namespaceDetail(sc[1].data)).toBe('3 services · 1 client only · +2 in other clusters');
    // Each cluster's services link only to their own cluster's node.
    const edgeNode = sc.find((n) => n.data.members.some((m) => m.serviceName === 'gateway'))!;
    expect(
      g.edges
        .filter((e) => e.target === edgeNode.id)
        .map((e) => e.source)
        .sort(),
    ).toEqual([serviceId(t, 'auth'), serviceId(t, 'gateway')].sort());
    expect(namespaceNodes(t).map((n) => n.id)).toEqual(expect.arrayContaining([edgeNode.id, NS_ID]));
  });

  it('counts the Cloud Map service a service registers in, with its container and port', () => {
    const cm = namespaces(buildGraph(topology(), DEFAULT_VIEW).nodes).find((n) => n.data.variant === 'cloud-map')!;
    expect(cm.data).toMatchObject({ name: 'srv-wwyvagy22xd2znkg', arn: SRV_ARN });
    expect(namespaceRoute(cm.data)).toBe('→ legacy:9000');
    expect(namespaceDetail(cm.data)).toBe('1 service registers tasks');
  });

  it('goes with its cluster when the cluster is collapsed, and stays beside a collapsed service', () => {
    const t = topology();
    const clusterId = t.clusters[0].id;
    const collapsed = buildGraph(t, { ...DEFAULT_VIEW, collapsed: [clusterId] });
    expect(namespaces(collapsed.nodes)).toHaveLength(0);
    // 5 services, 5 task boxes of one task with one container, 2 namespace nodes.
    expect(collapsed.nodes.find((n) => n.id === clusterId)!.hiddenCount).toBe(5 + 5 + 5 * 2 + 2);
    expect(
      namespaces(buildGraph(t, { ...DEFAULT_VIEW, collapsed: [serviceId(t, 'orders')] }).nodes).map((n) => n.id),
    ).toContain(NS_ID);
  });

  it('moves to the next service that uses it when a filter hides the first', () => {
    const t = topology();
    const g = buildGraph(t, {
      ...DEFAULT_VIEW,
      filters: { serviceIds: [serviceId(t, 'payments'), serviceId(t, 'web')] },
    });
    expect(g.edges.filter((e) => e.target === NS_ID).map((e) => [e.source, e.cross ?? false])).toEqual([
      [serviceId(t, 'payments'), false],
      [serviceId(t, 'web'), true],
    ]);
  });

  it('leaves the task box as the first child of its service, and the cluster as its holder', () => {
    const t = topology();
    const g = buildGraph(t, DEFAULT_VIEW);
    const orders = serviceId(t, 'orders');
    expect(g.edges.filter((e) => e.source === orders).map((e) => e.target)).toEqual([`group:tasks:${orders}`, NS_ID]);
    expect(ancestorIds(t, NS_ID)).toEqual([t.clusters[0].id]);
  });

  it('is not drawn in the placement view', () => {
    expect(namespaces(buildGraph(topology(), { ...DEFAULT_VIEW, mode: 'placement' }).nodes)).toHaveLength(0);
  });

  it('is counted in the legend once per namespace, whatever the filters, and not in the placement view', () => {
    const t = topology();
    t.services[1].loadBalancers = [{ targetGroupId: 'tg|orders', containerName: 'orders', containerPort: 8080 }];
    const filtered = buildGraph(t, { ...DEFAULT_VIEW, filters: { serviceIds: [serviceId(t, 'batch')] } });
    expect(filtered.legend.aroundServices).toEqual({ targetGroups: 1, namespaces: 1, cloudMapServices: 1 });
    expect(buildGraph(t, { ...DEFAULT_VIEW, mode: 'placement' }).legend.aroundServices).toBeUndefined();
  });

  it('sits to the right of the first service that uses it, and its links keep the graph a tree for the compact layout', () => {
    const t = topology();
    const laid = layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR', { algorithm: 'compact' });
    expect(laid.algorithm).toBe('compact');
    const byId = new Map(laid.nodes.map((n) => [n.id, n]));
    const orders = byId.get(serviceId(t, 'orders'))!;
    expect(byId.get(NS_ID)!.x).toBeGreaterThanOrEqual(orders.x + orders.width);
    // Cross-links draw their own way: no bend borrowed from the tree edge.
    expect(laid.edges.filter((e) => e.target === NS_ID && e.cross).every((e) => e.bend === undefined)).toBe(true);
  });
});

describe('Service Connect in a big account', () => {
  it('keeps the fast compact layout when every cluster has a namespace shared by many services', () => {
    const bundle = generateAccount({
      seed: 3,
      clusters: 4,
      services: 400,
      tasksPerService: [1, 2],
      serviceConnectShare: 0.8,
      cloudMapShare: 0.5,
    });
    const t = ingest([jsonSource('account.json', bundle)]);
    const g = buildGraph(t, DEFAULT_VIEW);
    const sc = namespaces(g.nodes).filter((n) => n.data.variant === 'service-connect');
    expect(sc).toHaveLength(4);
    expect(sc.every((n) => n.data.members.length > 50)).toBe(true);
    expect(g.edges.filter((e) => e.cross).length).toBeGreaterThan(200);
    expect(layoutGraph(g, 'LR').algorithm).toBe('compact');
  });
});

describe('discoveryIndex', () => {
  it('gathers every service of a namespace over all clusters, by name', () => {
    const t = topology();
    const index = discoveryIndex(t);
    const ns = index.get('sc|eu-west-1|111122223333|ns-ke2ewbfvynxeu2ub')!;
    expect(ns.services.map((s: Service) => s.name)).toEqual(['orders', 'payments', 'web']);
    expect(ns.name).toBe('shop');
    expect([...index.values()].map((v) => v.variant).sort()).toEqual(['cloud-map', 'service-connect']);
  });
});

describe('namespaceDetails (the details panel of a namespace node)', () => {
  it('lists every service of the namespace, this cluster first, with what each publishes and its Cloud Map service', () => {
    const t = topology();
    t.services[1].serviceConnect!.endpoints[0].discoveryArn =
      'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-orders1';
    const edge = makeCluster('edge');
    t.clusters.push(edge);
    t.services.push(makeService(edge, 'gateway', { serviceConnect: server('gateway') }));
    const details = namespaceDetails(t, NS_ID)!;
    expect(details.node.target.name).toBe('shop');
    expect(details.rows.map((r) => [r.serviceName, r.here])).toEqual([
      ['orders', true],
      ['payments', true],
      ['web', true],
      ['gateway', false],
    ]);
    expect(details.rows[0]).toMatchObject({
      endpoints: [{ name: 'orders.shop', port: 8080 }],
      cloudMapServices: ['srv-orders1'],
    });
    expect(details.rows[2].endpoints).toEqual([]);
    expect(namespaceDetails(t, 'namespace|nope')).toBeNull();
  });
});
