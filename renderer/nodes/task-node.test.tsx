import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import {
  emptyTopology,
  makeCluster,
  makeContainer,
  makeService,
  makeTask,
} from '../../shared/graph/testing/make-topology';
import { OVERLAY_STYLES, PLACEHOLDER_STYLE, STATUS_STYLES } from '../../shared/theme/theme';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { TaskNode } from './task-node';

function topology(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web', { launchType: 'EC2', overlay: 'EC2' });
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.tasks = [
    makeTask('0a1b2c3d4e5f60718293a4b5c6d7e8f9', {
      cluster: prod,
      service: web,
      launchType: 'EC2',
      availabilityZone: 'eu-west-1a',
      privateIp: '10.0.1.17',
      cpu: '512',
      memory: '1024',
    }),
    makeTask('sick', { cluster: prod, service: web, launchType: 'EC2', healthStatus: 'UNHEALTHY' }),
    makeTask('spot1', { cluster: prod, family: 'batch', spot: true }),
    makeTask('gone', {
      cluster: prod,
      family: 'batch',
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    }),
    makeTask('wait', { cluster: prod, family: 'batch', lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING' }),
    makeTask('listed', {
      cluster: prod,
      family: 'batch',
      placeholder: true,
      containers: [],
      raw: undefined,
      lastStatus: undefined,
      healthStatus: undefined,
    }),
  ];
  const pull = makeTask('nopull', {
    cluster: prod,
    family: 'batch',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason: 'Task failed to start',
  });
  pull.containers = [
    makeContainer(pull.id, 'log-router', { lastStatus: 'STOPPED', exitCode: 0 }),
    makeContainer(pull.id, 'app', { lastStatus: 'STOPPED', exitCode: 1, reason: PULL_ERROR }),
  ];
  t.tasks.push(pull);
  return t;
}

const PULL_ERROR =
  'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop:missing: not found';

const task = (shortId: string) => laidOutNode(topology(), 'task', (n) => n.data.shortId === shortId);
const root = () => screen.getByTestId('node');

beforeAll(installFlowEnv);
afterEach(() => {
  cleanup();
  useDiagramStore.setState({ view: { ...useDiagramStore.getState().view, overlay: true } });
});

describe('TaskNode', () => {
  it('carries the DOM contract: node, kind, launch type', () => {
    renderNode(TaskNode, task('sick'));
    expect(root().dataset).toMatchObject({ testid: 'node', kind: 'task', launchType: 'EC2' });
    expect(root().hasAttribute('data-placeholder')).toBe(false);
  });

  it('shows what an operator looks for first: short id, status, health, AZ, IP, cpu/memory', () => {
    renderNode(TaskNode, task('0a1b2c3d4e5f60718293a4b5c6d7e8f9'));
    const text = root().textContent ?? '';
    // A long id is cut with an ellipsis, its start kept (the full id is on hover and in the panel).
    expect(text).toMatch(/0a1b2c3[0-9a-f]*…/);
    expect(text).toContain('RUNNING');
    expect(text).toContain('HEALTHY');
    expect(text).toContain('eu-west-1a · 10.0.1.17');
    expect(text).toContain('0.5 vCPU · 1 GB');
    expect(screen.getByTitle('EC2').textContent).toBe('EC2');
  });

  it('paints EC2 orange and Fargate Spot purple with a hatch and a Spot badge', () => {
    renderNode(TaskNode, task('sick'));
    expect(root().style.getPropertyValue('--accent')).toBe(OVERLAY_STYLES.EC2.accent);
    cleanup();
    renderNode(TaskNode, task('spot1'));
    expect(root().dataset.launchType).toBe('FARGATE_SPOT');
    expect(root().style.backgroundImage).toContain('repeating-linear-gradient');
    expect(screen.getByTitle('Fargate Spot').textContent).toBe('Spot');
  });

  it('outlines an unhealthy task in red with an alert badge', () => {
    renderNode(TaskNode, task('sick'));
    expect(root().dataset.status).toBe('unhealthy');
    expect(root().style.borderWidth).toBe(`${STATUS_STYLES.unhealthy.borderWidth}px`);
    expect(screen.getByRole('img', { name: 'Unhealthy' })).toBeTruthy();
  });

  it('greys a stopped task and shows its stoppedReason', () => {
    renderNode(TaskNode, task('gone'));
    expect(root().dataset.status).toBe('stopped');
    expect(root().textContent).toContain('Essential container in task exited');
    expect(screen.getByRole('img', { name: 'Stopped' })).toBeTruthy();
  });

  it('shows a stopped task’s stopCode and stoppedReason on the card itself, at the card’s fixed size', () => {
    const node = task('gone');
    renderNode(TaskNode, node);
    expect(screen.getByTestId('stop-code').textContent).toBe('EssentialContainerExited');
    expect(screen.getByTestId('stopped-reason').textContent).toBe('Essential container in task exited');
    // Visible text, not only a tooltip; and the card keeps the size the layout was given.
    expect(root().textContent).toContain('EssentialContainerExited');
    expect(root().style.height).toBe(`${node.height}px`);
  });

  it('shows the failing container’s name, exit code and reason on the card, all of it on hover', () => {
    const node = task('nopull');
    renderNode(TaskNode, node);
    const line = screen.getByTestId('container-problem');
    // The task's own reason says only "Task failed to start"; the container's says why.
    expect(screen.getByTestId('stopped-reason').textContent).toBe('Task failed to start');
    // Name and exit code first, the reason cut at its end to the card's width (the export's cut), all of it on hover.
    expect(line.textContent).toMatch(/^app · exit 1 · CannotPull.*…$/);
    expect(line.textContent!.length).toBeLessThan(`app · exit 1 · ${PULL_ERROR}`.length);
    expect(line.title).toContain(`Container app, exit code 1: ${PULL_ERROR}`);
    // The size line gives its place to the cause and moves to the tooltip; the card keeps its size.
    expect(line.title).toContain('0.25 vCPU');
    expect(root().textContent).not.toContain('0.25 vCPU');
    expect(root().style.height).toBe(`${node.height}px`);
    expect(line.className).toContain('card-line');
  });

  it('shows an unhealthy container of a running task, and no container line when all are fine', () => {
    const t = topology();
    t.tasks[1].containers = [makeContainer(t.tasks[1].id, 'envoy', { healthStatus: 'UNHEALTHY' })];
    renderNode(
      TaskNode,
      laidOutNode(t, 'task', (n) => n.data.shortId === 'sick'),
    );
    expect(screen.getByTestId('container-problem').textContent).toBe('envoy · UNHEALTHY');
    cleanup();
    renderNode(TaskNode, task('0a1b2c3d4e5f60718293a4b5c6d7e8f9'));
    expect(screen.queryByTestId('container-problem')).toBeNull();
  });

  it('dims a provisioning task and gives it a clock', () => {
    renderNode(TaskNode, task('wait'));
    expect(Number(root().style.opacity)).toBeLessThan(1);
    expect(root().textContent).toContain('PROVISIONING → RUNNING');
    expect(screen.getByRole('img', { name: 'Pending / provisioning' })).toBeTruthy();
  });

  it('draws a listed-only task as a dashed placeholder', () => {
    renderNode(TaskNode, task('listed'));
    expect(root().dataset.placeholder).toBe('true');
    expect(root().style.borderStyle).toBe('dashed');
    expect(root().style.opacity).toBe(String(PLACEHOLDER_STYLE.opacity));
    expect(root().textContent).toContain('referenced only');
  });

  it('turns neutral when the overlay is off', () => {
    useDiagramStore.setState({ view: { ...useDiagramStore.getState().view, overlay: false } });
    renderNode(TaskNode, task('spot1'));
    expect(root().style.backgroundImage).not.toContain('gradient');
    expect(root().style.getPropertyValue('--accent')).not.toBe(OVERLAY_STYLES.FARGATE_SPOT.accent);
    // The launch type is still on the node for tests and tooling.
    expect(root().dataset.launchType).toBe('FARGATE_SPOT');
  });

  it('collapses its containers from its toggle', () => {
    const node = task('sick');
    renderNode(TaskNode, node);
    screen.getByTestId('collapse-toggle').click();
    expect(useDiagramStore.getState().view.collapsed).toContain(node.id);
    useDiagramStore.getState().toggleCollapsed(node.id);
  });
});
