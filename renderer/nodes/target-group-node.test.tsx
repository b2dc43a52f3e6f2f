import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { emptyTopology, makeCluster, makeService, makeTask } from '../../shared/graph/testing/make-topology';
import { accountGroupId } from '../../shared/graph/accounts';
import type { Topology } from '../../shared/model/types';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { GroupNode } from './group-node';
import { TargetGroupNode } from './target-group-node';
import { NODE_TYPES } from './index';

function topology(): Topology {
  const prod = makeCluster('prod');
  const other = makeCluster('edge', {
    id: 'cluster|us-east-1|444455556666|edge',
    region: 'us-east-1',
    accountId: '444455556666',
  });
  const web = makeService(prod, 'web', {
    loadBalancers: [
      { targetGroupId: 'tg|web', containerName: 'nginx', containerPort: 8080 },
      { targetGroupId: 'tg|listed', containerName: 'nginx', containerPort: 9090 },
    ],
  });
  const t = emptyTopology();
  t.clusters = [prod, other];
  t.services = [web];
  t.targetGroups = [
    {
      id: 'tg|web',
      kind: 'targetGroup',
      name: 'web-tg',
      placeholder: false,
      sources: ['tg.json'],
      protocol: 'HTTPS',
      port: 443,
      targetType: 'ip',
      healthCheckPath: '/health',
      loadBalancerArns: ['lb1'],
    },
    {
      id: 'tg|listed',
      kind: 'targetGroup',
      name: 'listed-tg',
      placeholder: true,
      sources: ['svc.json'],
      loadBalancerArns: [],
    },
  ];
  t.tasks = [makeTask('w1', { cluster: prod, service: web, healthStatus: 'UNHEALTHY' })];
  return t;
}

const root = () => screen.getByTestId('node');

beforeAll(installFlowEnv);
afterEach(cleanup);

describe('TargetGroupNode', () => {
  it('shows the listener, the name and where traffic goes (container name and port)', () => {
    renderNode(
      TargetGroupNode,
      laidOutNode(topology(), 'targetGroup', (n) => n.id === 'tg|web'),
    );
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'targetGroup' });
    expect(root().dataset.placeholder).toBeUndefined();
    expect(screen.getByTestId('target-group-listener').textContent).toBe('HTTPS:443');
    expect(root().textContent).toContain('web-tg');
    expect(screen.getByTestId('target-group-route').textContent).toBe('→ nginx:8080');
    expect(root().textContent).toContain('ip targets · health /health');
  });

  it('draws a group only named by the service as a dashed placeholder', () => {
    renderNode(
      TargetGroupNode,
      laidOutNode(topology(), 'targetGroup', (n) => n.id === 'tg|listed'),
    );
    expect(root().dataset.placeholder).toBe('true');
    expect(root().style.borderStyle).toBe('dashed');
    expect(screen.getByTestId('target-group-route').textContent).toBe('→ nginx:9090');
    expect(root().textContent).toContain('referenced only');
  });

  it('is the component the canvas uses for the targetGroup kind', () => {
    expect(NODE_TYPES.targetGroup).toBeDefined();
  });
});

describe('GroupNode as an account card', () => {
  it('labels the account and region and counts its tasks by status', () => {
    renderNode(
      GroupNode,
      laidOutNode(topology(), 'group', (n) => n.id === accountGroupId('111122223333', 'eu-west-1')),
    );
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'group', group: 'account' });
    // The account id, then the whole region on its own line; AWS's count apart from what was loaded (issue #14 point 4).
    expect(root().textContent).toContain('111122223333');
    expect(screen.getByTestId('account-region').textContent).toBe('eu-west-1');
    expect(screen.getByTestId('account-reported').textContent).toBe('2 running (service counts)');
    expect(screen.getByTestId('account-counts').textContent).toBe('1 task loaded · 1 unhealthy');
    expect(screen.getByTestId('collapse-toggle')).toBeTruthy();
  });
});
