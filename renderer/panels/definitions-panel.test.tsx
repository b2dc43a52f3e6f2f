import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
// Read through Vite (not node:fs) so the test type-checks with the renderer's project.
import tdSample from '../../fixtures/samples/awscli-describe-task-definition-multicontainer.json?raw';
import cpSample from '../../fixtures/samples/awscli-describe-capacity-providers-1.json?raw';
import { ingest } from '../../shared/ingest/index';
import { buildGraph } from '../../shared/graph/build-graph';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { layoutGraph } from '../../shared/layout/layout';
import {
  emptyTopology,
  makeCluster,
  makeContainer,
  makeService,
  makeTask,
} from '../../shared/graph/testing/make-topology';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { DetailsPanel } from './details-panel';
import { DefinitionsButton, DefinitionsPanel, LIST_ROWS, useDefinitionsList } from './definitions-panel';
import { generateAccount } from '../../shared/synth/generate-account';
import { EmptyLoad } from './empty-load';

/** The published describe-task-definition and describe-capacity-providers samples, and nothing else. */
function definitionsOnly(): Topology {
  return ingest([
    { name: 'awscli-describe-task-definition-multicontainer.json', text: tdSample },
    { name: 'awscli-describe-capacity-providers-1.json', text: cpSample },
  ]);
}

/** The samples plus a cluster that uses MyCapacityProvider and a service and tasks that run hello_world:8. */
function withUsers(): Topology {
  const t = definitionsOnly();
  const td = t.taskDefinitions[0];
  const cp = t.capacityProviders.find((c) => c.name === 'MyCapacityProvider')!;
  // The provider's account and region: a capacity provider name links only inside them.
  const scope = { region: cp.region, accountId: cp.accountId };
  const prod = makeCluster('prod', { ...scope, capacityProviders: ['MyCapacityProvider', 'FARGATE'] });
  const web = makeService(prod, 'web', { ...scope, taskDefinitionId: td.id });
  t.clusters.push(prod);
  t.services.push(web);
  for (const id of ['a1', 'a2'])
    t.tasks.push(
      makeTask(id, {
        ...scope,
        cluster: prod,
        service: web,
        taskDefinitionId: td.id,
        capacityProviderName: id === 'a1' ? cp.name : undefined,
      }),
    );
  return t;
}

function show(t: Topology, selectedId: string | null = null) {
  const layout = layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR');
  useDiagramStore.setState({ topology: t, layout, selectedId, view: DEFAULT_VIEW });
}

afterEach(() => {
  cleanup();
  useDefinitionsList.setState({ open: false });
  useDiagramStore.getState().close();
});

describe('Definitions list', () => {
  it('lists each task definition with family:revision, status, size, network mode, containers and images, and users', () => {
    show(withUsers());
    render(
      <>
        <DefinitionsButton />
        <DefinitionsPanel />
      </>,
    );
    // Closed until asked for; the button says how many there are.
    expect(screen.queryByTestId('definitions-panel')).toBeNull();
    expect(screen.getByTestId('definitions-toggle').textContent).toContain('4');
    fireEvent.click(screen.getByTestId('definitions-toggle'));
    const row = screen.getByTestId('task-definition-row');
    expect(row.textContent).toContain('hello_world:8');
    expect(row.textContent).toContain('ACTIVE');
    expect(row.textContent).toContain('wordpress');
    expect(row.textContent).toContain('mysql');
    expect(row.textContent).toContain('used by 1 service, 2 tasks');
  });

  it('lists each capacity provider with its kind, Auto Scaling group, clusters and tasks placed through it', () => {
    show(withUsers());
    useDefinitionsList.setState({ open: true });
    render(<DefinitionsPanel />);
    const rows = screen.getAllByTestId('capacity-provider-row');
    expect(rows.map((r) => within(r).getAllByRole('button')[0].textContent)).toEqual([
      'FARGATE',
      'FARGATE_SPOT',
      'MyCapacityProvider',
    ]);
    const asg = rows[2].textContent ?? '';
    expect(asg).toContain('EC2 Auto Scaling group · MyAutoScalingGroup');
    expect(asg).toContain('clusters prod');
    expect(asg).toContain('1 task');
    expect(rows[1].textContent).toContain('no service or task in this load');
  });

  it('gives way to the details of what is clicked in it, and comes back from them', () => {
    const t = withUsers();
    show(t);
    useDefinitionsList.setState({ open: true });
    render(
      <>
        <DetailsPanel api={fakeDesktopApi()} />
        <DefinitionsPanel />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'hello_world:8' }));
    expect(useDiagramStore.getState().selectedId).toBe(t.taskDefinitions[0].id);
    expect(screen.queryByTestId('definitions-panel')).toBeNull();
    expect(screen.getByTestId('details-panel').getAttribute('aria-label')).toBe('Task definition details');
    fireEvent.click(screen.getByTestId('definitions-back'));
    expect(screen.getByTestId('definitions-panel')).toBeTruthy();
  });
});

describe('details of a task definition and a capacity provider', () => {
  it('shows a task definition’s container definitions with images, and the services and tasks that use it', () => {
    const t = withUsers();
    show(t, t.taskDefinitions[0].id);
    render(<DetailsPanel api={fakeDesktopApi()} />);
    const table = screen.getByTestId('td-containers');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['ContainerImageCPUMemoryEssential', 'wordpresswordpress10500 MiByes', 'mysqlmysql10500 MiByes']);
    expect(screen.getByTestId('td-services').textContent).toBe('web');
    expect(screen.getByTestId('td-tasks').textContent).toContain('a1');
    // A click on a user selects it and centres it on the canvas.
    fireEvent.click(screen.getByRole('button', { name: 'web' }));
    expect(useDiagramStore.getState().selectedId).toBe(t.services[0].id);
  });

  it('shows a capacity provider’s Auto Scaling group, managed scaling and termination protection, and its users', () => {
    const t = withUsers();
    const cp = t.capacityProviders.find((c) => c.name === 'MyCapacityProvider')!;
    show(t, cp.id);
    render(<DetailsPanel api={fakeDesktopApi()} />);
    const fields = screen
      .getAllByTestId('details-fields')
      .map((f) => f.textContent)
      .join('\n');
    expect(fields).toContain('Auto Scaling groupMyAutoScalingGroup');
    expect(fields).toContain('Managed scalingENABLED (target capacity 100%, step 1–1000 instances)');
    expect(fields).toContain('Managed termination protectionENABLED');
    expect(screen.getByTestId('cp-clusters').textContent).toBe('prod');
    expect(screen.getByTestId('cp-tasks').textContent).toContain('a1');
    expect(screen.getByTestId('cp-tasks').textContent).not.toContain('a2');
  });
});

describe('the container table of a task', () => {
  it('has Reason and Exit columns: the cause of a stopped task is in the table, all of it on hover', () => {
    const prod = makeCluster('prod');
    const task = makeTask('nopull', { cluster: prod, lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    const reason = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref';
    task.containers = [makeContainer(task.id, 'app', { lastStatus: 'STOPPED', exitCode: 1, reason })];
    const t = emptyTopology();
    t.clusters = [prod];
    t.tasks = [task];
    show(t, task.id);
    render(<DetailsPanel api={fakeDesktopApi()} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Exit', 'Reason']));
    // In full at the top of the panel, under the task's own reason.
    expect(screen.getByTestId('task-container-cause').textContent).toBe(`app · exit 1 · ${reason}`);
    const cell = screen.getByTestId('container-reason');
    expect(cell.textContent).toBe(reason);
    expect(cell.getAttribute('title')).toBe(reason);
    const row = cell.closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[headers.indexOf('Exit')]).toBe('1');
  });
});

describe('an empty canvas', () => {
  it('says what loaded and why nothing is drawn, and opens the list of what loaded', () => {
    const t = ingest([
      { name: 'awscli-describe-task-definition-multicontainer.json', text: tdSample },
      {
        name: 'one-provider.json',
        text: JSON.stringify({
          capacityProviders: [JSON.parse(cpSample).capacityProviders[0]],
        }),
      },
    ]);
    show(t);
    render(
      <>
        <EmptyLoad />
        <DefinitionsPanel />
      </>,
    );
    expect(screen.getByTestId('empty-load-headline').textContent).toBe(
      '1 task definition and 1 capacity provider loaded; no cluster, service or task to draw',
    );
    fireEvent.click(screen.getByTestId('empty-show-definitions'));
    expect(screen.getByTestId('definitions-panel').textContent).toContain('hello_world:8');
  });

  it('says when only broken files were loaded, and opens the diagnostics', () => {
    const t = ingest([
      { name: 'services.json', text: '{"services": [ {"serviceName": "web" ' },
      { name: 'empty.json', text: '' },
    ]);
    show(t);
    render(<EmptyLoad />);
    expect(screen.getByTestId('empty-load-headline').textContent).toBe(
      'Nothing to draw: no ECS object could be read from the 2 files',
    );
    expect(screen.getByTestId('empty-load').textContent).toContain('2 problems stopped files from loading');
    expect(screen.queryByTestId('empty-show-definitions')).toBeNull();
    fireEvent.click(screen.getByTestId('empty-show-diagnostics'));
    expect(useDiagramStore.getState().diagnosticsOpen).toBe(true);
  });

  it('says when filters hide everything, with a way out', () => {
    const t = withUsers();
    const view = { ...DEFAULT_VIEW, filters: { statuses: ['stopped' as const] } };
    useDiagramStore.setState({ topology: t, layout: layoutGraph(buildGraph(t, view), 'LR'), view });
    render(<EmptyLoad />);
    expect(screen.getByTestId('empty-load-headline').textContent).toBe('No object matches the filters');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(useDiagramStore.getState().view.filters).toEqual({});
  });

  it('points to the placement view when only container instances were loaded', () => {
    const t = emptyTopology();
    t.containerInstances = [
      {
        id: 'containerInstance|ci1',
        kind: 'containerInstance',
        name: 'ci1',
        placeholder: false,
        sources: ['hosts.json'],
        ec2InstanceId: 'i-0abc',
        registered: {},
        remaining: {},
      },
    ];
    show(t);
    render(<EmptyLoad />);
    expect(screen.getByTestId('empty-load-headline').textContent).toBe(
      '1 container instance loaded; no cluster, service or task to draw',
    );
    fireEvent.click(screen.getByTestId('empty-show-placement'));
    expect(useDiagramStore.getState().view.mode).toBe('placement');
  });

  it('stays away while anything is drawn', () => {
    show(withUsers());
    render(<EmptyLoad />);
    expect(screen.queryByTestId('empty-load')).toBeNull();
  });

  it('draws the first LIST_ROWS task definitions of a big load and says how many there are', () => {
    const t = ingest([
      {
        name: 'account.json',
        text: JSON.stringify(generateAccount({ seed: 4, clusters: 2, services: LIST_ROWS + 40 })),
      },
    ]);
    const described = t.taskDefinitions.filter((td) => !td.placeholder).length;
    expect(described).toBeGreaterThan(LIST_ROWS);
    useDiagramStore.getState().setTopology(t, 'generated');
    useDefinitionsList.getState().setOpen(true);
    render(<DefinitionsPanel />);
    expect(screen.getAllByTestId('task-definition-row')).toHaveLength(LIST_ROWS);
    expect(screen.getByTestId('definitions-more').textContent).toBe(
      `The first ${LIST_ROWS} of ${described.toLocaleString('en')}: Find (/) a name to open any of them.`,
    );
  });
});
