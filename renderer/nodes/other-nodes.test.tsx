import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import {
  emptyTopology,
  makeCluster,
  makeContainer,
  makeService,
  makeTask,
} from '../../shared/graph/testing/make-topology';
import { UNKNOWN_CLUSTER_ID } from '../../shared/graph/build-graph';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { ClusterNode } from './cluster-node';
import { ContainerNode } from './container-node';
import { GroupNode } from './group-node';
import { ServiceNode } from './service-node';

function topology(): Topology {
  const prod = makeCluster('prod', {
    activeServicesCount: 2,
    runningTasksCount: 5,
    pendingTasksCount: 1,
    registeredContainerInstancesCount: 3,
  });
  const web = makeService(prod, 'web', {
    launchType: undefined,
    overlay: 'FARGATE',
    capacityProviderStrategy: [
      { capacityProvider: 'FARGATE', weight: 1, base: 2 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3 },
    ],
    desiredCount: 4,
    runningCount: 3,
    pendingCount: 1,
    taskDefinitionId: 'taskDefinition|eu-west-1|111122223333|web:42',
    events: [
      { createdAt: '2026-11-28T09:00:00Z', message: '(service web) has reached a steady state.' },
      {
        createdAt: '2026-11-28T09:20:00Z',
        message: '(service web) was unable to place a task because no container instance met all of its requirements.',
      },
    ],
  });
  const listed = makeService(prod, 'listed-only', { placeholder: true, raw: undefined });
  const t = emptyTopology();
  t.clusters = [prod, makeCluster('ghost', { placeholder: true, raw: undefined, status: undefined })];
  t.services = [web, listed];
  const task = makeTask('t1', { cluster: prod, service: web, spot: true });
  task.containers = [
    makeContainer(task.id, 'app', { imageTag: 'v2.14.3', healthStatus: 'UNHEALTHY' }),
    makeContainer(task.id, 'migrate', {
      imageTag: '1.0',
      lastStatus: 'STOPPED',
      exitCode: 137,
      reason: 'OutOfMemoryError',
    }),
  ];
  const orphan = makeTask('o1', { family: 'cron' });
  t.tasks = [
    task,
    makeTask('t2', { cluster: prod, service: web }),
    makeTask('f1', { cluster: prod, family: 'nightly' }),
    orphan,
  ];
  return t;
}

const root = () => screen.getByTestId('node');

beforeAll(installFlowEnv);
afterEach(cleanup);

describe('ClusterNode', () => {
  it('shows the cluster name, scope and the totals AWS reported', () => {
    renderNode(
      ClusterNode,
      laidOutNode(topology(), 'cluster', (n) => n.data.name === 'prod'),
    );
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'cluster' });
    expect(root().textContent).toContain('prod');
    expect(root().textContent).toContain('eu-west-1 · 111122223333');
    expect(screen.getByTestId('cluster-totals').textContent).toBe('2 services5 running1 pending3 hosts');
  });

  it('draws a cluster that was only referenced as a dashed placeholder', () => {
    renderNode(
      ClusterNode,
      laidOutNode(topology(), 'cluster', (n) => n.data.name === 'ghost'),
    );
    expect(root().dataset.placeholder).toBe('true');
    expect(root().style.borderStyle).toBe('dashed');
  });
});

describe('ServiceNode', () => {
  const web = () => laidOutNode(topology(), 'service', (n) => n.data.name === 'web');

  it('shows running/desired/pending, the capacity provider strategy and the task definition', () => {
    renderNode(ServiceNode, web());
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'service', launchType: 'FARGATE' });
    expect(screen.getByTestId('service-counts').textContent).toBe('3/4 running1 pending');
    expect(root().textContent).toContain('FARGATE ×1 (base 2) · FARGATE_SPOT ×3');
    expect(root().textContent).toContain('web:42');
  });

  it('puts the newest event on the card, flagged when it explains a shortfall', () => {
    renderNode(ServiceNode, web());
    const event = screen.getByTitle(/unable to place a task/);
    expect(event.textContent).toMatch(/^was unable to place a task/);
    expect(event.className).toContain('event-trouble');
  });

  it('draws a listed-only service as a placeholder', () => {
    renderNode(
      ServiceNode,
      laidOutNode(topology(), 'service', (n) => n.data.name === 'listed-only'),
    );
    expect(root().dataset.placeholder).toBe('true');
    expect(root().textContent).toContain('referenced only');
  });
});

describe('ContainerNode', () => {
  const container = (name: string) => laidOutNode(topology(), 'container', (n) => n.data.name === name);

  it('shows name, image tag, status and health', () => {
    renderNode(ContainerNode, container('app'));
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'container', status: 'unhealthy' });
    expect(root().textContent).toContain('app');
    expect(root().textContent).toContain('v2.14.3');
    expect(root().textContent).toContain('RUNNING');
    expect(root().textContent).toContain('UNHEALTHY');
  });

  it('shows the exit code of a stopped container', () => {
    renderNode(ContainerNode, container('migrate'));
    expect(root().dataset.status).toBe('stopped');
    expect(screen.getByText('exit 137').className).toBe('exit-bad');
  });
});

describe('GroupNode', () => {
  it('labels a standalone family box and counts its tasks', () => {
    renderNode(
      GroupNode,
      laidOutNode(topology(), 'group', (n) => n.data.variant === 'family' && n.data.label === 'family:nightly'),
    );
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'group', group: 'family' });
    expect(root().textContent).toContain('Standalone · family:nightly');
    expect(root().textContent).toContain('1 task');
  });

  it('draws the synthetic unknown cluster for objects without a known cluster', () => {
    renderNode(
      GroupNode,
      laidOutNode(topology(), 'group', (n) => n.id === UNKNOWN_CLUSTER_ID),
    );
    expect(root().dataset.group).toBe('unknown-cluster');
    expect(root().textContent).toContain('Unknown cluster');
  });

  it('collapses and expands its tasks from its toggle', () => {
    const box = laidOutNode(topology(), 'group', (n) => n.data.variant === 'service-tasks');
    renderNode(GroupNode, box);
    screen.getByTestId('collapse-toggle').click();
    expect(useDiagramStore.getState().view.collapsed).toContain(box.id);
    useDiagramStore.getState().toggleCollapsed(box.id);
    expect(useDiagramStore.getState().view.collapsed).not.toContain(box.id);
  });
});
