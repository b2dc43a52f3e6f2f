/**
 * Issue #13 point 5: no string breaks a panel, a diagram node or an export. Every name field of a load takes
 * strings built from any UTF-16 code unit (so control characters, bidi overrides and lone surrogates really
 * occur), plus the fixed case `"web\ud800x"` (valid JSON) whose encodeURIComponent threw in the details panel
 * on every selection. Each run renders every node component (jsdom), the breadcrumbs, the details panel for
 * every object, container and drawn node, the Definitions list, the diagnostics and findings panels and the
 * legend, and exports both views as SVG, parsed by a real XML parser (saxes) and encoded as the web PNG export
 * encodes it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import fc from 'fast-check';
import { buildGraph } from '../../shared/graph/build-graph';
import { initialView, type ViewState } from '../../shared/graph/view';
import { ingestWithFindings } from '../../shared/findings/with-findings';
import { layoutGraph } from '../../shared/layout/layout';
import type { Topology } from '../../shared/model/types';
import { exportSvg } from '../../shared/render/export-svg';
import { parseSvgStrict } from '../../shared/render/testing/parse-svg';
import { FindingsPanel } from '../findings/findings-panel';
import { NODE_TYPES } from '../nodes';
import { useDiagramStore } from '../store/diagram-store';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { installFlowEnv, renderNode } from '../testing/render-node';
import { DetailsPanel } from './details-panel';
import { DefinitionsPanel, useDefinitionsList } from './definitions-panel';
import { DiagnosticsPanel } from './diagnostics-panel';
import { ExploreBar } from './explore-bar';
import { Legend } from './legend-panel';

const A = 'arn:aws:ecs:eu-west-1:111122223333';

/** Any UTF-16 code units, as the issue asks: not only well-formed text. */
const anyString = fc
  .array(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    { minLength: 1, maxLength: 12 },
  )
  .map((a) => a.join(''));

const NAME_FIELDS = [
  'cluster',
  'service',
  'family',
  'container',
  'image',
  'targetGroup',
  'host',
  'reason',
  'event',
  'file',
  'capacityProvider',
  'namespace',
] as const;
type Names = Record<(typeof NAME_FIELDS)[number], string>;

/** One describe bundle with `n` in every name field (and in the ARNs built from them). */
function describeAll(n: Names): string {
  const clusterArn = `${A}:cluster/${n.cluster}`;
  const tdArn = `${A}:task-definition/${n.family}:3`;
  const tgArn = `arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/${n.targetGroup}/0123456789abcdef`;
  const ciArn = `${A}:container-instance/${n.cluster}/0123456789abcdef0123456789abcdef`;
  const task = (id: string, extra: Record<string, unknown>) => ({
    taskArn: `${A}:task/${n.cluster}/${id}`,
    clusterArn,
    taskDefinitionArn: tdArn,
    group: `service:${n.service}`,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    containers: [
      { name: n.container, image: n.image, lastStatus: 'RUNNING', reason: n.reason, healthStatus: 'UNHEALTHY' },
    ],
    ...extra,
  });
  return JSON.stringify({
    clusters: [{ clusterArn, clusterName: n.cluster, status: 'ACTIVE', capacityProviders: [n.capacityProvider] }],
    services: [
      {
        serviceArn: `${A}:service/${n.cluster}/${n.service}`,
        serviceName: n.service,
        clusterArn,
        taskDefinition: tdArn,
        desiredCount: 3,
        runningCount: 2,
        launchType: 'EC2',
        loadBalancers: [{ targetGroupArn: tgArn, containerName: n.container, containerPort: 80 }],
        serviceRegistries: [
          { registryArn: `arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-${n.namespace}` },
        ],
        events: [{ id: 'e1', createdAt: '2026-11-28T09:00:00Z', message: n.event }],
        deployments: [
          {
            id: `ecs-svc/1`,
            status: 'PRIMARY',
            taskDefinition: tdArn,
            rolloutState: 'FAILED',
            rolloutStateReason: n.reason,
          },
        ],
      },
    ],
    tasks: [
      task('0123456789abcdef0123456789abcdef', { launchType: 'EC2', containerInstanceArn: ciArn }),
      task('fedcba9876543210fedcba9876543210', {
        launchType: 'FARGATE',
        capacityProviderName: n.capacityProvider,
        lastStatus: 'STOPPED',
        stoppedReason: n.reason,
      }),
    ],
    taskDefinitions: [
      {
        taskDefinitionArn: tdArn,
        family: n.family,
        revision: 3,
        containerDefinitions: [
          { name: n.container, image: n.image, environment: [{ name: n.event, value: n.reason }] },
        ],
      },
    ],
    containerInstances: [
      { containerInstanceArn: ciArn, ec2InstanceId: n.host, status: 'DRAINING', agentConnected: true },
    ],
    targetGroups: [{ TargetGroupArn: tgArn, TargetGroupName: n.targetGroup, Protocol: 'HTTP', Port: 80 }],
    failures: [{ arn: `${A}:task/${n.cluster}/${n.reason}`, reason: n.reason, detail: n.event }],
  });
}

const api = fakeDesktopApi();

function renderEverything(topology: Topology): void {
  const views: ViewState[] = [
    { ...initialView(topology), collapsed: [], stackThreshold: Number.MAX_SAFE_INTEGER },
    { ...initialView(topology), mode: 'placement' },
  ];
  for (const view of views) {
    const layout = layoutGraph(buildGraph(topology, view), view.direction);
    // Every node component, as the canvas mounts it.
    for (const node of layout.nodes) {
      const Component = NODE_TYPES[node.kind];
      expect(Component, node.kind).toBeDefined();
      renderNode(Component as Parameters<typeof renderNode>[0], node, true);
      cleanup();
    }
    // The export: well-formed XML, and encodable as the web PNG export's data: URL.
    const svg = exportSvg(topology, view, { title: topology.clusters[0]?.name }).svg;
    expect(() => parseSvgStrict(svg)).not.toThrow();
    expect(() => encodeURIComponent(svg)).not.toThrow();
  }
  const layout = layoutGraph(buildGraph(topology, views[0]), 'LR');
  act(() => {
    useDiagramStore.getState().setTopology(topology, 'test');
    useDiagramStore.getState().setLayout(layout);
    useDefinitionsList.getState().setOpen(true);
  });
  render(
    <ReactFlowProvider>
      <ExploreBar />
      <DetailsPanel api={api} />
      <DefinitionsPanel />
      <DiagnosticsPanel />
      <FindingsPanel />
      <Legend />
    </ReactFlowProvider>,
  );
  // With nothing selected the Definitions list shows every task definition and capacity provider by name.
  expect(document.querySelector('[data-testid="definitions-panel"]')).not.toBeNull();
  // Every object, every container, and every drawn node (account cards, namespaces, boxes of tasks).
  const ids = new Set(
    [
      ...topology.clusters,
      ...topology.services,
      ...topology.tasks,
      ...topology.taskDefinitions,
      ...topology.containerInstances,
      ...topology.capacityProviders,
      ...topology.targetGroups,
    ].map((e) => e.id),
  );
  for (const t of topology.tasks) for (const c of t.containers) ids.add(c.id);
  for (const n of layout.nodes) ids.add(n.id);
  expect(ids.size).toBeGreaterThan(5);
  for (const id of ids) {
    act(() => useDiagramStore.getState().select(id));
    // A crashed panel throws out of act; a selection the panel knows shows it.
    expect(document.querySelector('[data-testid="details-panel"]'), id).not.toBeNull();
  }
  cleanup();
}

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('any string in any name field', () => {
  it('"web\\ud800x" as the service (and every other) name: every panel, node and export renders', () => {
    const names = Object.fromEntries(NAME_FIELDS.map((f) => [f, 'web\ud800x'])) as Names;
    const topology = ingestWithFindings([{ name: 'web\ud800x.json', text: describeAll(names) }]);
    expect(topology.services.map((s) => s.name)).toEqual(['web\ud800x']);
    renderEverything(topology);
  });

  it('strings of arbitrary UTF-16 code units: every panel, node and export renders', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(NAME_FIELDS.map((f) => [f, anyString])) as { [K in keyof Names]: fc.Arbitrary<string> },
        ),
        (names) => {
          renderEverything(ingestWithFindings([{ name: names.file, text: describeAll(names) }]));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
