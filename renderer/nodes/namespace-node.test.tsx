import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { emptyTopology, makeCluster, makeService, makeTask } from '../../shared/graph/testing/make-topology';
import type { Topology } from '../../shared/model/types';
import { toFlowEdges } from '../canvas/to-flow';
import { buildGraph } from '../../shared/graph/build-graph';
import { layoutGraph } from '../../shared/layout/layout';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { NamespaceNode } from './namespace-node';
import { NODE_TYPES } from './index';

const NS_ARN = 'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-ke2ewbfvynxeu2ub';

function topology(): Topology {
  const prod = makeCluster('prod');
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [
    makeService(prod, 'orders', {
      serviceConnect: {
        enabled: true,
        namespace: NS_ARN,
        endpoints: [
          { portName: 'http', discoveryName: 'orders', clientAliases: [{ port: 8080, dnsName: 'orders.shop' }] },
        ],
      },
    }),
    makeService(prod, 'web', { serviceConnect: { enabled: true, namespace: NS_ARN, endpoints: [] } }),
    makeService(prod, 'legacy', {
      serviceRegistries: [
        {
          registryArn: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-legacy',
          containerName: 'legacy',
          containerPort: 9000,
        },
      ],
    }),
  ];
  t.tasks = t.services.map((s, i) => makeTask(`t${i}`, { cluster: prod, service: s }));
  return t;
}

const root = () => screen.getByTestId('node');

beforeAll(installFlowEnv);
afterEach(cleanup);

describe('NamespaceNode', () => {
  it('shows a Service Connect namespace: name, ns- id, what is published and who uses it', () => {
    renderNode(
      NamespaceNode,
      laidOutNode(topology(), 'namespace', (n) => n.data.variant === 'service-connect'),
    );
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'namespace', variant: 'service-connect' });
    expect(root().textContent).toContain('Service Connect');
    expect(root().querySelector('.card-title')!.textContent).toBe('shop');
    expect(screen.getByTestId('namespace-id').textContent).toBe('ns-ke2ewbfvynxeu2ub');
    expect(screen.getByTestId('namespace-route').textContent).toBe('orders.shop:8080');
    expect(screen.getByTestId('namespace-detail').textContent).toBe('2 services · 1 client only');
    expect(root().title).toBe(NS_ARN);
  });

  it('shows a Cloud Map service with the container and port it resolves to, and no id pill when the id is the name', () => {
    renderNode(
      NamespaceNode,
      laidOutNode(topology(), 'namespace', (n) => n.data.variant === 'cloud-map'),
    );
    expect(root().dataset.variant).toBe('cloud-map');
    expect(root().textContent).toContain('Cloud Map service');
    expect(root().querySelector('.card-title')!.textContent).toBe('srv-legacy');
    expect(screen.queryByTestId('namespace-id')).toBeNull();
    expect(screen.getByTestId('namespace-route').textContent).toBe('→ legacy:9000');
  });

  it('is the component the canvas uses for the namespace kind, and its links are dashed on the canvas', () => {
    expect(NODE_TYPES.namespace).toBeDefined();
    const edges = toFlowEdges(layoutGraph(buildGraph(topology(), DEFAULT_VIEW), 'LR'));
    const discovery = edges.filter((e) => e.target.startsWith('namespace|'));
    expect(discovery).toHaveLength(3);
    expect(
      discovery.every((e) => e.className?.includes('discovery-edge') && typeof e.style?.strokeDasharray === 'string'),
    ).toBe(true);
    expect(edges.filter((e) => !e.target.startsWith('namespace|')).every((e) => e.style === undefined)).toBe(true);
  });
});
