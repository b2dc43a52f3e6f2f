import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { buildGraph } from '../../shared/graph/build-graph';
import { emptyTopology, makeCluster, makeService, makeTask } from '../../shared/graph/testing/make-topology';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { layoutGraph } from '../../shared/layout/layout';
import type { Topology } from '../../shared/model/types';
import { MASK } from '../../shared/redact/mask-environment';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { GroupNode } from '../nodes/group-node';
import { accountGroupId } from '../../shared/graph/accounts';
import { namespaceNodes } from '../../shared/graph/namespace';
import { DetailsPanel } from './details-panel';
import { DiagnosticsPanel } from './diagnostics-panel';
import { Legend } from './legend-panel';
import { WelcomeScreen } from './welcome-screen';

const TASK_ARN = 'arn:aws:ecs:eu-west-1:111122223333:task/prod/abc123';

function topology(): Topology {
  const prod = makeCluster('prod');
  const web = makeService(prod, 'web', {
    launchType: 'EC2',
    overlay: 'EC2',
    events: [
      { id: 'e1', createdAt: '2026-11-28T09:00:00Z', message: '(service web) has reached a steady state.' },
      {
        id: 'e2',
        createdAt: '2026-11-28T09:30:00Z',
        message: '(service web) was unable to place a task because no container instance met all of its requirements.',
      },
    ],
  });
  const task = makeTask('abc123', {
    cluster: prod,
    service: web,
    launchType: 'EC2',
    arn: TASK_ARN,
    raw: {
      taskArn: TASK_ARN,
      overrides: { containerOverrides: [{ name: 'app', environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }] },
    },
  });
  const t = emptyTopology();
  t.clusters = [prod];
  t.services = [web];
  t.tasks = [
    task,
    makeTask('spot1', { cluster: prod, service: web, spot: true }),
    makeTask('gone', { cluster: prod, family: 'batch', lastStatus: 'STOPPED' }),
  ];
  t.diagnostics = [
    {
      severity: 'error',
      code: 'json-syntax',
      message: "invalid JSON: ',' expected",
      file: 'services.json',
      line: 6,
      column: 13,
    },
    {
      severity: 'warning',
      code: 'inconsistent-reference',
      message: 'container names another task',
      file: 'tasks.json',
      line: 3,
      column: 9,
      objectId: task.id,
    },
    { severity: 'info', code: 'placeholder', message: 'cluster x is referenced but not described', file: 'list.json' },
  ];
  return t;
}

const api = fakeDesktopApi();

function load(t: Topology): void {
  act(() => {
    useDiagramStore.getState().setTopology(t, 'test');
    useDiagramStore.getState().setLayout(layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR'));
  });
}

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('DetailsPanel', () => {
  it('shows the selected task with its ARN and copies the ARN', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const t = topology();
    load(t);
    render(<DetailsPanel api={api} />);
    expect(screen.queryByTestId('details-panel')).toBeNull();
    act(() => useDiagramStore.getState().select(t.tasks[0].id));
    expect(screen.getByTestId('details-arn').textContent).toBe(TASK_ARN);
    await act(async () => fireEvent.click(screen.getByTestId('copy-arn')));
    expect(writeText).toHaveBeenCalledWith(TASK_ARN);
    expect(screen.getByTestId('copy-arn').textContent).toBe('Copied');
  });

  it('masks environment values in the raw JSON until the user reveals them', () => {
    const t = topology();
    load(t);
    render(<DetailsPanel api={api} />);
    act(() => useDiagramStore.getState().select(t.tasks[0].id));
    const raw = () => screen.getByTestId('raw-json').textContent ?? '';
    expect(raw()).not.toContain('hunter2');
    expect(raw()).toContain(MASK);
    expect(raw()).toContain('DB_PASSWORD');
    fireEvent.click(screen.getByTestId('reveal-secrets'));
    expect(raw()).toContain('hunter2');
    // A new selection masks again.
    act(() => useDiagramStore.getState().select(t.services[0].id));
    act(() => useDiagramStore.getState().select(t.tasks[0].id));
    expect(raw()).not.toContain('hunter2');
  });

  it("lists a service's events, newest first, and its fields", () => {
    const t = topology();
    load(t);
    render(<DetailsPanel api={api} />);
    act(() => useDiagramStore.getState().select(t.services[0].id));
    const events = within(screen.getByTestId('service-events')).getAllByRole('listitem');
    expect(events[0].textContent).toContain('unable to place a task');
    expect(events[0].className).toBe('event-trouble');
    expect(screen.getByTestId('details-fields').textContent).toContain('Cluster' + 'prod');
  });

  it('opens the AWS console page of a task', () => {
    const t = topology();
    load(t);
    render(<DetailsPanel api={api} />);
    act(() => useDiagramStore.getState().select(t.tasks[0].id));
    fireEvent.click(screen.getByText('Open in AWS console'));
    expect(api.openExternal).toHaveBeenCalledWith(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/abc123/configuration?region=eu-west-1',
    );
  });
});

describe('DetailsPanel of nodes that are not model objects', () => {
  /** Two accounts: prod (web, api, a draining worker) in 111122223333 · eu-west-1, edge in 444455556666 · us-east-1. */
  function accounts(): Topology {
    const t = topology();
    const [prod] = t.clusters;
    const ns = 'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-ke2ewbfvynxeu2ub';
    t.services[0].serviceConnect = {
      enabled: true,
      namespace: ns,
      endpoints: [
        {
          portName: 'http',
          discoveryName: 'web',
          discoveryArn: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-web1',
          clientAliases: [{ port: 80, dnsName: 'web.shop' }],
        },
      ],
      logDriver: 'awslogs',
    };
    t.services.push(
      makeService(prod, 'api', {
        serviceConnect: { enabled: true, namespace: ns, endpoints: [] },
        serviceRegistries: [
          {
            registryArn: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-api9',
            containerName: 'api',
            containerPort: 9000,
          },
        ],
      }),
      makeService(prod, 'worker', { status: 'DRAINING' }),
    );
    const edge = makeCluster('edge', {
      id: 'cluster|us-east-1|444455556666|edge',
      region: 'us-east-1',
      accountId: '444455556666',
    });
    t.clusters.push(edge);
    t.tasks.push(makeTask('e1', { cluster: edge, family: 'cron' }));
    return t;
  }

  it('clicking an account card shows its account, region, and its clusters, services and tasks by status', () => {
    const t = accounts();
    load(t);
    render(<DetailsPanel api={api} />);
    renderNode(
      GroupNode,
      laidOutNode(t, 'group', (n) => n.id === accountGroupId('111122223333', 'eu-west-1')),
    );
    fireEvent.click(screen.getAllByTestId('node').find((n) => n.dataset.group === 'account')!);
    const panel = screen.getByTestId('details-panel');
    expect(panel.getAttribute('aria-label')).toBe('Account details');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('111122223333 · eu-west-1');
    const fields = within(panel).getByTestId('details-fields').textContent;
    expect(fields).toContain('Account111122223333');
    expect(fields).toContain('Regioneu-west-1');
    expect(fields).toContain('Clusters1 (1 ACTIVE)');
    expect(fields).toContain('Services3 (2 ACTIVE · 1 DRAINING)');
    expect(fields).toContain('Tasks3 (2 running · 1 stopped)');
    // A cluster in the list opens it.
    fireEvent.click(within(screen.getByTestId('account-clusters')).getByText('prod'));
    expect(useDiagramStore.getState().selectedId).toBe(t.clusters[0].id);
  });

  it('a namespace node shows its name, id and ARN and every service using it, each one click away', () => {
    const t = accounts();
    load(t);
    render(<DetailsPanel api={api} />);
    const ns = namespaceNodes(t).find((n) => n.target.variant === 'service-connect')!;
    act(() => useDiagramStore.getState().select(ns.id));
    const panel = screen.getByTestId('details-panel');
    expect(panel.getAttribute('aria-label')).toBe('Namespace details');
    expect(screen.getByTestId('details-arn').textContent).toBe(
      'arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-ke2ewbfvynxeu2ub',
    );
    expect(screen.getByTestId('details-fields').textContent).toContain('Nameshop (read off the client alias web.shop)');
    expect(screen.getByTestId('details-fields').textContent).toContain('Namespace IDns-ke2ewbfvynxeu2ub');
    const rows = within(screen.getByTestId('namespace-services')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['apiclient only', 'webweb.shop:80srv-web1']);
    fireEvent.click(within(rows[1]).getByText('web'));
    expect(useDiagramStore.getState().selectedId).toBe(t.services[0].id);
  });

  it("a service's panel shows its Service Connect endpoints and Cloud Map registries, linked to their nodes", () => {
    const t = accounts();
    load(t);
    render(<DetailsPanel api={api} />);
    const api9 = t.services.find((s) => s.name === 'api')!;
    act(() => useDiagramStore.getState().select(api9.id));
    expect(screen.getByTestId('service-connect-namespace').textContent).toBe('Namespace shop (ns-ke2ewbfvynxeu2ub)');
    expect(screen.getByText(/Client only/)).toBeTruthy();
    expect(screen.getByTestId('service-registries').textContent).toBe('srv-api9 → api:9000');
    // Raw configuration objects are not repeated as JSON in the fields.
    expect(screen.getByTestId('details-fields').textContent).not.toContain('serviceConnect');
    fireEvent.click(within(screen.getByTestId('service-registries')).getByText('srv-api9'));
    expect(useDiagramStore.getState().selectedId).toBe(
      namespaceNodes(t).find((n) => n.target.variant === 'cloud-map')!.id,
    );
  });
});

describe('DiagnosticsPanel', () => {
  it('opens by itself when the load has errors, with file:line:column', () => {
    load(topology());
    render(<DiagnosticsPanel />);
    const rows = screen.getAllByTestId('diagnostic');
    expect(rows.map((r) => r.dataset.severity)).toEqual(['error', 'warning']);
    expect(rows[0].textContent).toContain('services.json:6:13');
    expect(rows[0].textContent).toContain("invalid JSON: ',' expected");
  });

  it('shows info notes on request', () => {
    load(topology());
    render(<DiagnosticsPanel />);
    fireEvent.click(screen.getByLabelText(/1 info/));
    expect(screen.getAllByTestId('diagnostic')).toHaveLength(3);
  });

  it('selects the object a diagnostic names when clicked', () => {
    const t = topology();
    load(t);
    render(<DiagnosticsPanel />);
    fireEvent.click(within(screen.getAllByTestId('diagnostic')[1]).getByRole('button'));
    expect(useDiagramStore.getState().selectedId).toBe(t.tasks[0].id);
    // A diagnostic without an object is not clickable.
    expect(within(screen.getAllByTestId('diagnostic')[0]).queryByRole('button')).toBeNull();
  });

  it('stays closed for a clean load', () => {
    const t = topology();
    t.diagnostics = [];
    load(t);
    render(<DiagnosticsPanel />);
    expect(screen.queryByTestId('diagnostics-panel')).toBeNull();
  });
});

describe('Legend', () => {
  it('counts tasks per launch type and status', () => {
    load(topology());
    render(<Legend />);
    expect(screen.getByTestId('legend-count-EC2').textContent).toBe('1');
    expect(screen.getByTestId('legend-count-FARGATE_SPOT').textContent).toBe('1');
    expect(screen.getByTestId('legend-count-FARGATE').textContent).toBe('1');
    expect(screen.getByTestId('legend').textContent).toContain('Stopped1');
  });

  it('filters the diagram to one launch type on click, and back', () => {
    load(topology());
    render(<Legend />);
    fireEvent.click(screen.getByTestId('legend-EC2'));
    expect(useDiagramStore.getState().view.filters.overlays).toEqual(['EC2']);
    fireEvent.click(screen.getByTestId('legend-EC2'));
    expect(useDiagramStore.getState().view.filters.overlays).toBeUndefined();
  });

  it('counts what sits beside the services only when the load has it', () => {
    load(topology());
    const { unmount } = render(<Legend />);
    expect(screen.queryByTestId('legend-around')).toBeNull();
    unmount();
    const t = topology();
    t.services[0].serviceConnect = { enabled: true, namespace: 'internal', endpoints: [] };
    load(t);
    render(<Legend />);
    expect(screen.getByTestId('legend-around').textContent).toBe('Service Connect namespace1Discovered through');
    expect(screen.queryByTestId('legend-count-targetGroups')).toBeNull();
  });

  it('says when the overlay is off', () => {
    load(topology());
    act(() => useDiagramStore.getState().toggleOverlay());
    render(<Legend />);
    expect(screen.getByTestId('legend').textContent).toContain('Overlay off');
  });
});

describe('WelcomeScreen', () => {
  it('offers open files, open folder and the demo', () => {
    const onOpenFiles = vi.fn();
    const onOpenFolder = vi.fn();
    const onOpenDemo = vi.fn();
    render(
      <WelcomeScreen
        onOpenFiles={onOpenFiles}
        onOpenFolder={onOpenFolder}
        onOpenDemo={onOpenDemo}
        loading={false}
        error={null}
      />,
    );
    fireEvent.click(screen.getByText('Open files…'));
    fireEvent.click(screen.getByText('Open folder…'));
    fireEvent.click(screen.getByTestId('open-demo'));
    expect([onOpenFiles, onOpenFolder, onOpenDemo].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('shows a load error', () => {
    render(
      <WelcomeScreen
        onOpenFiles={vi.fn()}
        onOpenFolder={vi.fn()}
        onOpenDemo={vi.fn()}
        loading={false}
        error="Could not load: boom"
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Could not load: boom');
  });
});
