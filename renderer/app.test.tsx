import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './app';
import { createWebHosts } from './desktop/pick-api';
import { useDiagramStore } from './store/diagram-store';
import { installFlowEnv } from './testing/render-node';

const services = JSON.stringify({
  services: [
    {
      serviceArn: 'arn:aws:ecs:eu-west-1:111122223333:service/prod/web',
      serviceName: 'web',
      clusterArn: 'arn:aws:ecs:eu-west-1:111122223333:cluster/prod',
      launchType: 'FARGATE',
      desiredCount: 1,
      runningCount: 1,
      pendingCount: 0,
      status: 'ACTIVE',
      deployments: [],
      events: [],
    },
  ],
});

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('App', () => {
  it('starts on the first screen with the file inputs the tests and users need', () => {
    render(<App {...createWebHosts()} />);
    expect(screen.getByTestId('welcome')).toBeTruthy();
    const files = screen.getByTestId('open-files') as HTMLInputElement;
    expect(files.type).toBe('file');
    expect(files.multiple).toBe(true);
    expect(screen.getByTestId('open-folder').hasAttribute('webkitdirectory')).toBe(true);
  });

  it('draws the files picked through open-files, and shows diagnostics for a broken one', async () => {
    render(<App {...createWebHosts()} />);
    fireEvent.change(screen.getByTestId('open-files'), {
      target: { files: [new File([services], 'services.json'), new File(['{'], 'broken.json')] },
    });
    await waitFor(() => expect(screen.getByTestId('canvas')).toBeTruthy());
    await waitFor(() => expect(document.querySelector('[data-testid="node"][data-kind="service"]')).not.toBeNull());
    expect(document.querySelector('[data-kind="service"]')?.getAttribute('data-launch-type')).toBe('FARGATE');
    expect(screen.getByTestId('diagnostics-panel').textContent).toContain('broken.json:');
    expect(screen.getByTestId('source-label').textContent).toContain('2 files');
  });

  it('opens the demo', async () => {
    render(<App {...createWebHosts()} />);
    fireEvent.click(screen.getByTestId('open-demo'));
    await waitFor(
      () => expect(document.querySelectorAll('[data-testid="node"][data-kind="cluster"]')).toHaveLength(3),
      { timeout: 15_000 },
    );
    expect(document.querySelectorAll('[data-testid="node"][data-kind="task"]').length).toBeGreaterThanOrEqual(40);
    // The demo's third cluster (cost-lab) made it bigger; jsdom on a busy machine needs more than the default 5 s.
  }, 20_000);
});
