/** A load that arrives in parts (web mode, big accounts): the store shows it at once and completes it in place. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Bundle } from '../../shared/ingest/bundle';
import { ingest } from '../../shared/ingest/index';
import { DEFAULT_VIEW } from '../../shared/graph/view';
import type { Topology } from '../../shared/model/types';
import { buildGraph } from '../../shared/graph/build-graph';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { LayoutPreview } from '../canvas/overview-types';
import { layoutGraph } from '../../shared/layout/layout';
import { preparePaint } from '../canvas/overview-paint';
import { generateAccount } from '../../shared/synth/generate-account';
import { useDiagramStore } from './diagram-store';

type Raw = Record<string, unknown>;
const bundle = generateAccount({
  seed: 5,
  clusters: 1,
  services: 3,
  tasksPerService: [2, 2],
  stoppedShare: 0,
  unhealthyShare: 0,
  standalonePerCluster: 0,
}) as Bundle & { services: Raw[]; tasks: Raw[] };
const load = (b: Bundle) => ingest([{ name: 'snapshot.json', text: JSON.stringify(b) }]);

/** What the page holds first: the topology without its big lists, `arriving` saying how many objects follow. */
function headOf(t: Topology): Topology {
  return {
    ...t,
    services: [],
    taskDefinitions: [],
    containerInstances: [],
    targetGroups: [],
    tasks: [],
    arriving:
      t.services.length +
      t.taskDefinitions.length +
      t.containerInstances.length +
      t.targetGroups.length +
      t.tasks.length,
  };
}

/** The complete topology, as the client assembles it from the head: the same files array. */
function completeOf(head: Topology, full: Topology): Topology {
  const complete = {
    ...head,
    services: full.services,
    taskDefinitions: full.taskDefinitions,
    containerInstances: full.containerInstances,
    targetGroups: full.targetGroups,
    tasks: full.tasks,
  };
  delete complete.arriving;
  return complete;
}

beforeEach(() => useDiagramStore.getState().close());

describe('a load given in parts', () => {
  it('starts with the view the host laid out, then swaps in the complete topology keeping view and selection', () => {
    const full = load(bundle);
    const head = headOf(full);
    const starting = { ...DEFAULT_VIEW, collapsed: full.services.map((s) => s.id) };
    const s = useDiagramStore.getState();
    s.setTopology(head, 'big.json', 'open', starting);
    expect(useDiagramStore.getState().view).toEqual(starting);
    s.select(full.clusters[0].id);
    s.setTopology(completeOf(head, full), 'big.json', 'complete');
    const after = useDiagramStore.getState();
    expect(after.topology?.tasks).toHaveLength(full.tasks.length);
    expect(after.topology?.arriving).toBeUndefined();
    expect(after.view).toEqual(starting);
    expect(after.selectedId).toBe(full.clusters[0].id);
    expect(after.sourceLabel).toBe('big.json');
  });

  it('ignores the completion of a load the user has since left', () => {
    const full = load(bundle);
    const head = headOf(full);
    const s = useDiagramStore.getState();
    s.setTopology(head, 'big.json');
    const other = load(generateAccount({ seed: 9, clusters: 1, services: 1, tasksPerService: [1, 1] }));
    s.setTopology(other, 'other.json');
    s.setTopology(completeOf(head, full), 'big.json', 'complete');
    expect(useDiagramStore.getState().topology).toBe(other);
    s.close();
    s.setTopology(completeOf(head, full), 'big.json', 'complete');
    expect(useDiagramStore.getState().topology).toBeNull();
  });

  it('opens the diagnostics when the complete load brings problems its first answer did not have', () => {
    const full = load(bundle);
    const head = headOf(full);
    const s = useDiagramStore.getState();
    s.setTopology(head, 'big.json');
    expect(useDiagramStore.getState().diagnosticsOpen).toBe(false);
    // A load answered before its tasks were read learns their warnings with the last part.
    const warning = {
      severity: 'warning' as const,
      code: 'wrong-type',
      message: '$.tasks[3].cpu dropped',
      file: 'big.json',
    };
    s.setTopology({ ...completeOf(head, full), diagnostics: [...head.diagnostics, warning] }, 'big.json', 'complete');
    expect(useDiagramStore.getState().diagnosticsOpen).toBe(true);
    // One the user closed stays closed when the load completes with nothing new.
    s.setTopology({ ...head, diagnostics: [warning] }, 'big.json');
    s.setDiagnosticsOpen(false);
    s.setTopology({ ...completeOf(head, full), diagnostics: [warning] }, 'big.json', 'complete');
    expect(useDiagramStore.getState().diagnosticsOpen).toBe(false);
  });

  it('diffs a newer snapshot against the load before it once complete, not against its own first part', () => {
    const s = useDiagramStore.getState();
    const before = load(bundle);
    s.setTopology(before, 'before.json');
    const next = structuredClone(bundle);
    next.fetchedAt = new Date(Date.parse(bundle.fetchedAt ?? '') + 60_000).toISOString();
    next.services[0].desiredCount = 7;
    const full = load(next);
    const head = headOf(full);
    s.setTopology(head, 'after.json');
    // Nothing is "gone" just because the tasks have not arrived yet.
    expect(useDiagramStore.getState().diff).toBeNull();
    s.setTopology(completeOf(head, full), 'after.json', 'complete');
    const diff = useDiagramStore.getState().diff;
    expect(diff?.changes.map((c) => [c.change, c.id])).toEqual([
      ['changed', full.services.find((x) => x.name === bundle.services[0].serviceName)?.id],
    ]);
    expect(diff?.counts.removed).toBe(0);
  });
});

describe('a layout previewed before it arrives', () => {
  /** The layout of `t` and the preview the ingest worker sends ahead of it. */
  function laidOut(t: Topology): { layout: LaidOutGraph; preview: LayoutPreview } {
    const layout = layoutGraph(buildGraph(t, DEFAULT_VIEW), 'LR');
    const preview = {
      width: layout.width,
      height: layout.height,
      nodeCount: layout.nodes.length,
      direction: 'LR' as const,
      overlayOn: true,
      paint: preparePaint(layout, 'LR', true),
    };
    return { layout, preview };
  }

  it('fits the new load on the preview, and the layout then lands without another fit', () => {
    const full = load(bundle);
    const { layout, preview } = laidOut(full);
    const s = useDiagramStore.getState();
    s.setTopology(full, 'big.json');
    const fitBefore = useDiagramStore.getState().fitRequest;
    s.setPreview(preview);
    expect(useDiagramStore.getState().preview).toBe(preview);
    expect(useDiagramStore.getState().fitRequest).toBe(fitBefore + 1);
    s.setLayout(layout);
    const after = useDiagramStore.getState();
    expect(after.layout).toBe(layout);
    expect(after.preview).toBeNull();
    expect(after.fitRequest).toBe(fitBefore + 1);
  });

  it('fits again when the layout is not the size of its preview (tasks added boxes the preview lacked)', () => {
    const full = load(bundle);
    const { layout, preview } = laidOut(full);
    const s = useDiagramStore.getState();
    s.setTopology(full, 'big.json');
    s.setPreview({ ...preview, width: preview.width - 300 });
    const fitBefore = useDiagramStore.getState().fitRequest;
    s.setLayout(layout);
    expect(useDiagramStore.getState().fitRequest).toBe(fitBefore + 1);
  });

  it("shows the legend before the preview, and the layout's own once it lands", () => {
    const full = load(bundle);
    const { layout, preview } = laidOut(full);
    const s = useDiagramStore.getState();
    s.setTopology(full, 'big.json');
    s.setPreviewLegend(layout.legend);
    expect(useDiagramStore.getState().previewLegend).toEqual(layout.legend);
    s.setPreview(preview);
    s.setLayout(layout);
    expect(useDiagramStore.getState().previewLegend).toBeNull();
    // A legend for a layout already shown is stale news.
    s.setPreviewLegend({ ...layout.legend, placeholders: 99 });
    expect(useDiagramStore.getState().previewLegend).toBeNull();
  });

  it('ignores a preview once the layout is shown, and a new load drops the one shown', () => {
    const full = load(bundle);
    const { layout, preview } = laidOut(full);
    const s = useDiagramStore.getState();
    s.setTopology(full, 'big.json');
    s.setLayout(layout);
    s.setPreview(preview);
    expect(useDiagramStore.getState().preview).toBeNull();
    expect(useDiagramStore.getState().layout).toBe(layout);

    const other = load(generateAccount({ seed: 9, clusters: 1, services: 1, tasksPerService: [1, 1] }));
    s.setTopology(other, 'other.json');
    s.setPreview(laidOut(other).preview);
    s.setTopology(full, 'big.json');
    expect(useDiagramStore.getState().preview).toBeNull();
    expect(useDiagramStore.getState().layout).toBeNull();
  });
});
