import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { ingestWithFindings } from '../../shared/findings/with-findings';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { HostNode } from '../nodes/host-node';
import { ServiceNode } from '../nodes/service-node';
import { FindingsPanel } from './findings-panel';
import { DetailsPanel } from '../panels/details-panel';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import singleHost from '../../fixtures/findings/single-host.fires.json?raw';
import latestTag from '../../fixtures/findings/latest-tag.fires.json?raw';
import placementBlocked from '../../fixtures/findings/placement-blocked.fires.json?raw';
import agentQuiet from '../../fixtures/findings/agent-drift.quiet.json?raw';
import { useFindingsStore } from './findings-store';

// Fixtures as the page gets them: text, through Vite (the renderer has no Node).
const FIXTURES: Record<string, string> = {
  'single-host.fires.json': singleHost,
  'latest-tag.fires.json': latestTag,
  'placement-blocked.fires.json': placementBlocked,
  'agent-drift.quiet.json': agentQuiet,
};
const load = (name: string): Topology => ingestWithFindings([{ name, text: FIXTURES[name] }]);

beforeAll(() => {
  installFlowEnv();
  // jsdom lays nothing out: give the list's scroller the height it has in the app (240px), so the virtualiser
  // renders what would be in view.
  for (const [key, value] of [
    ['clientHeight', 240],
    ['clientWidth', 800],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
});
// The panel opened by the user, unless a test says otherwise.
beforeEach(() => useFindingsStore.setState({ open: true, folded: new Set(), explaining: null, chosen: null }));
afterEach(cleanup);

function show(t: Topology) {
  useDiagramStore.getState().setTopology(t, 'fixture');
  return render(
    <ReactFlowProvider>
      <FindingsPanel />
    </ReactFlowProvider>,
  );
}

describe('Findings panel', () => {
  it('groups the findings by rule with a count per severity', () => {
    show(load('single-host.fires.json'));
    expect(screen.getByTestId('findings-counts').textContent).toBe('0 errors2 warnings0 info');
    const rules = screen.getAllByTestId('finding-rule').map((r) => r.textContent);
    expect(rules).toEqual([expect.stringContaining('single-az'), expect.stringContaining('single-host')]);
    expect(screen.getAllByTestId('finding')).toHaveLength(2);
  });

  it("names each finding's account and region when the findings span several, and not otherwise", () => {
    // The same task definition, hello_world:8, in two accounts: two findings with the same words.
    const other = latestTag.replaceAll('111122223333', '444455556666');
    const both = ingestWithFindings([
      { name: 'a.json', text: latestTag },
      { name: 'b.json', text: other },
    ]);
    show(both);
    const scopes = screen.getAllByTestId('finding-scope').map((s) => s.textContent);
    expect(new Set(scopes)).toEqual(new Set(['111122223333 · eu-west-1', '444455556666 · eu-west-1']));
    cleanup();
    show(load('latest-tag.fires.json'));
    expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('finding-scope')).toBeNull();
    // One account, plus a task definition whose file names no account or region (a bare definition): one scope.
    cleanup();
    const bare = JSON.stringify({ family: 'bare', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    show(
      ingestWithFindings([
        { name: 'a.json', text: latestTag },
        { name: 'bare-td.json', text: bare },
      ]),
    );
    expect(screen.getAllByTestId('finding').some((f) => f.textContent?.includes('task definition bare'))).toBe(true);
    expect(screen.queryByTestId('finding-scope')).toBeNull();
  });

  it('folding a rule hides its findings; the header stays', () => {
    show(load('latest-tag.fires.json'));
    expect(screen.getAllByTestId('finding')).toHaveLength(2);
    fireEvent.click(within(screen.getByTestId('finding-rule')).getByRole('button'));
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByTestId('finding-rule').textContent).toContain('2');
  });

  it('clicking a placement finding selects the service, switches to the placement view and explains its hosts', () => {
    const t = load('placement-blocked.fires.json');
    show(t);
    fireEvent.click(within(screen.getByTestId('finding')).getByRole('button'));
    const s = useDiagramStore.getState();
    expect(s.selectedId).toBe(t.services[0].id);
    expect(s.view.mode).toBe('placement');
    expect(useFindingsStore.getState().explaining).toBe(t.services[0].id);
    // The finding in full under the list: each host with its reason, and the evidence.
    expect(screen.getByTestId('finding-hosts').textContent).toContain(
      'i-0b2 512 CPU units free, needs 1,024 (short 512)',
    );
    expect(screen.getByTestId('finding-evidence').textContent).toContain('$.runningCount = 1');
  });

  it('renders only the rows in view of a long list', () => {
    // 600 task definitions with an untagged image: 600 findings, one rule.
    const t = load('latest-tag.fires.json');
    const many = Array.from({ length: 300 }, () => t.findings ?? []).flat();
    show({ ...t, findings: many });
    expect(many).toHaveLength(600);
    expect(screen.getAllByTestId('finding').length).toBeLessThan(60);
  });

  it('says when every rule passed', () => {
    show(load('agent-drift.quiet.json'));
    expect(screen.getByTestId('findings-panel').textContent).toContain('No findings');
  });
});

/** Shows load `t` with object `id` selected, and its details panel. */
function showDetails(t: Topology, id: string) {
  useDiagramStore.getState().setTopology(t, 'fixture');
  useDiagramStore.getState().select(id);
  render(
    <ReactFlowProvider>
      <DetailsPanel api={fakeDesktopApi()} />
    </ReactFlowProvider>,
  );
}

describe("an object's findings in its details panel", () => {
  it('lists what the rules say about the selected service; a click opens it in full and explains its hosts', () => {
    const t = load('placement-blocked.fires.json');
    const finding = t.findings!.find((f) => f.rule === 'placement-blocked')!;
    useFindingsStore.setState({ open: false });
    showDetails(t, finding.objectId);
    const list = screen.getByTestId('details-findings');
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(t.findings!.filter((f) => f.objectId === finding.objectId).length);
    expect(list.textContent).toContain('Task cannot be placed');
    expect(list.textContent).toContain(finding.message);
    expect(list.textContent).toContain(`show the ${finding.placement!.hosts.length} hosts it tried`);
    fireEvent.click(within(list).getByText(finding.message));
    const f = useFindingsStore.getState();
    expect(f.chosen).toBe(finding);
    expect(f.open).toBe(true);
    expect(f.explaining).toBe(finding.objectId);
    expect(useDiagramStore.getState().view.mode).toBe('placement');
  });

  it('says nothing for an object the rules have nothing about', () => {
    const t = load('placement-blocked.fires.json');
    const quiet = t.clusters.find((c) => !t.findings!.some((f) => f.objectId === c.id))!;
    showDetails(t, quiet.id);
    expect(screen.getByTestId('details-panel')).toBeTruthy();
    expect(screen.queryByTestId('details-findings')).toBeNull();
  });
});

describe('badges and the placement view', () => {
  it('a node with findings shows their count; the explained hosts show their reasons', () => {
    const t = load('placement-blocked.fires.json');
    useDiagramStore.getState().setTopology(t, 'fixture');
    const service = laidOutNode(t, 'service');
    const { container } = renderNode(ServiceNode, service);
    expect(within(container).getByTestId('finding-badge').textContent).toBe('1');

    useFindingsStore.getState().explain(t.services[0].id);
    const host = laidOutNode(t, 'host', (n) => n.entityId === t.containerInstances[0].id, {
      ...useDiagramStore.getState().view,
      mode: 'placement',
    });
    const rendered = renderNode(HostNode, host);
    expect(within(rendered.container).getByTestId('host-verdict').textContent).toMatch(/CPU units free, needs 1,024/);
    expect(rendered.container.querySelector('.host-explained')).not.toBeNull();
  });
});

describe('where the findings are computed (web mode)', () => {
  it('the ingest worker answers without them and pushes them after the first frame, computed on its raw JSON', async () => {
    const { createIngestHandlers } = await import('../desktop/ingest-handlers');
    const handlers = createIngestHandlers();
    const pushes: { type: string; payload: unknown }[] = [];
    const after: (() => void)[] = [];
    const answer = await handlers.ingest(
      {
        files: [{ name: 'placement-blocked.fires.json', file: new Blob([placementBlocked]) }],
        diagnostics: [],
        label: 'fixture',
        savedViews: [],
      },
      { push: (type, payload) => pushes.push({ type, payload }), afterReply: (work) => after.push(work) },
    );
    const { topology } = answer as { topology: Topology };
    // The answer (what the first frame waits for) carries no findings and no raw JSON.
    expect(topology.findings).toBeUndefined();
    expect(topology.services[0].raw).toBeUndefined();
    for (const work of after) work();
    expect(pushes.map((p) => p.type)).toEqual(['legend', 'laidOut', 'findings']);
    const { findings } = pushes[2].payload as { findings: Topology['findings'] };
    expect(findings?.map((f) => f.rule)).toEqual(['placement-blocked']);
    expect(findings?.[0].message).toContain('needs 1,024 CPU units: i-0b2 has 512 free (short 512)');
  });
});

describe('the page receives them (web mode)', () => {
  it('IngestClient puts the pushed findings on the topology it gave the page and tells its listeners', async () => {
    const { IngestClient } = await import('../desktop/ingest-client');
    const client = new IngestClient(null);
    const arrived = new Promise<void>((resolve) => client.onFindings(resolve));
    const topology = await client.ingestFiles([{ name: 'single-host.fires.json', file: new Blob([singleHost]) }], [], {
      label: 'fixture',
      savedViews: [],
    });
    await arrived;
    expect(topology.findings?.map((f) => f.rule)).toEqual(['single-az', 'single-host']);
    client.dispose();
  });
});

describe('Findings panel before the user opens or folds it', () => {
  beforeEach(() => useFindingsStore.setState({ open: null }));
  const toggle = () => screen.getByRole('button', { expanded: false });

  it('stays folded to its counts when the load has only warnings and notes, leaving the pane to the drawing', () => {
    show(load('single-host.fires.json'));
    expect(screen.getByTestId('findings-counts').textContent).toBe('0 errors2 warnings0 info');
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    fireEvent.click(toggle());
    expect(screen.getAllByTestId('finding')).toHaveLength(2);
    expect(useFindingsStore.getState().open).toBe(true);
  });

  it('opens by itself when the load has an error finding', () => {
    show(load('placement-blocked.fires.json'));
    expect(screen.getByTestId('findings-counts').textContent).toMatch(/^[1-9]\d* errors?/);
    expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0);
  });
});
