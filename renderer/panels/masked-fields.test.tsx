/**
 * Issue #13 point 11: log driver options, Docker labels and secret-looking command arguments are masked in the
 * details panel like environment values, until Reveal.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { buildGraph } from '../../shared/graph/build-graph';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { MASK } from '../../shared/redact/mask-secrets';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv } from '../testing/render-node';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { DetailsPanel } from './details-panel';

const ACCOUNT = '111122223333';
const TD_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:7`;
const TASK_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/abc123`;
const SECRETS = ['sp-L1ve-T0ken', 'dd-4p1-k3y', 's3cr3t-pw', 'hunter2', 'ovr-t0k3n'];

const taskDefinition = {
  taskDefinition: {
    taskDefinitionArn: TD_ARN,
    family: 'web',
    revision: 7,
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx:1.27',
        logConfiguration: { logDriver: 'splunk', options: { 'splunk-token': 'sp-L1ve-T0ken' } },
        dockerLabels: { 'traefik.http.middlewares.auth.basicauth.users': 'dd-4p1-k3y' },
        command: ['serve', '--db-password=s3cr3t-pw'],
        healthCheck: { command: ['CMD-SHELL', 'curl -f https://admin:hunter2@localhost/ || exit 1'] },
      },
    ],
  },
};
const tasks = {
  tasks: [
    {
      taskArn: TASK_ARN,
      clusterArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/prod`,
      taskDefinitionArn: TD_ARN,
      lastStatus: 'RUNNING',
      launchType: 'FARGATE',
      overrides: { containerOverrides: [{ name: 'app', command: ['--api-token', 'ovr-t0k3n'] }] },
    },
  ],
};

const api = fakeDesktopApi();

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('details panel: every secret-bearing field masked until Reveal', () => {
  it('hides log options, Docker labels and secret command arguments of the task and its task definition', () => {
    const t = ingest([
      { name: 'td.json', text: JSON.stringify(taskDefinition) },
      { name: 'tasks.json', text: JSON.stringify(tasks) },
    ]);
    act(() => {
      useDiagramStore.getState().setTopology(t, 'test');
      useDiagramStore.getState().setLayout(layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR'));
    });
    render(<DetailsPanel api={api} />);
    act(() => useDiagramStore.getState().select(t.tasks[0].id));
    const panel = () => screen.getByTestId('details-panel').textContent ?? '';
    for (const s of SECRETS) expect(panel()).not.toContain(s);
    expect(panel()).toContain(MASK);
    // What is not a secret stays readable: the option and label names, the flag names, the command itself.
    expect(panel()).toContain('splunk-token');
    expect(panel()).toContain('--db-password=');
    expect(panel()).toContain('curl -f https://admin:');
    const reveal = screen.getAllByTestId('reveal-secrets');
    expect(reveal.map((b) => b.textContent)).toEqual(['Reveal 1 masked value', 'Reveal 4 masked values']);
    fireEvent.click(reveal[0]);
    for (const s of SECRETS) expect(panel()).toContain(s);
  });
});
