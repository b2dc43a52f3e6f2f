/**
 * Issue #13: a name cannot be spoofed with bidi controls anywhere on screen. The nodes and exports show them as
 * codes already; here the details panel's title and fields, and the breadcrumbs, which print names too. Issue #14
 * point 7: a crumb never cuts a task id to its start — it keeps both ends.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { buildGraph } from '../../shared/graph/build-graph';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv } from '../testing/render-node';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { DetailsPanel } from './details-panel';
import { ExploreBar } from './explore-bar';

const ACCOUNT = '111122223333';
const CLUSTER = `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/prod`;
// "web" + RIGHT-TO-LEFT OVERRIDE + "gnp.exe": shown raw, it reads "webexe.png".
const SPOOFED = 'web\u202Egnp.exe';
const TASK_ID = '1234567890123456789';

const services = {
  services: [
    {
      serviceArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/${SPOOFED}`,
      serviceName: SPOOFED,
      clusterArn: CLUSTER,
      launchType: 'FARGATE',
      desiredCount: 1,
      runningCount: 1,
    },
  ],
};
const tasks = {
  tasks: [
    {
      taskArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/${TASK_ID}`,
      clusterArn: CLUSTER,
      group: `service:${SPOOFED}`,
      lastStatus: 'RUNNING',
      launchType: 'FARGATE',
      containers: [{ name: 'app', lastStatus: 'RUNNING' }],
    },
  ],
};

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

function load() {
  const t = ingest([
    { name: 'services.json', text: JSON.stringify(services) },
    { name: 'tasks.json', text: JSON.stringify(tasks) },
  ]);
  act(() => {
    useDiagramStore.getState().setTopology(t, 'test');
    useDiagramStore.getState().setLayout(layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR'));
  });
  return t;
}

describe('bidi controls are shown, never obeyed, in the panel and the breadcrumbs', () => {
  it('the details panel title and fields show the override as its code', () => {
    const t = load();
    render(<DetailsPanel api={fakeDesktopApi()} />);
    act(() => useDiagramStore.getState().select(t.services[0].id));
    const panel = screen.getByTestId('details-panel');
    expect(panel.querySelector('h2')?.textContent).toBe('web[U+202E]gnp.exe');
    expect(screen.getByTestId('details-fields').textContent).not.toContain('\u202E');
  });

  it('the breadcrumbs show the override as its code and keep both ends of a long task id', () => {
    const t = load();
    render(<ExploreBar />);
    act(() => useDiagramStore.getState().select(t.tasks[0].id));
    const crumbs = screen.getByTestId('breadcrumbs');
    const text = crumbs.textContent ?? '';
    expect(text).toContain('web[U+202E]gnp.exe');
    expect(text).not.toContain('\u202E');
    // The task crumb is the id whole, or its start and its end around an ellipsis: never only its start.
    const task = [...crumbs.querySelectorAll('button')].at(-1)?.textContent ?? '';
    expect(task.endsWith('6789') || task.includes(TASK_ID)).toBe(true);
  });
});
