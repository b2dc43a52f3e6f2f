/** When the canvas refits, keeps a toggled node in place, or packs to the pane (issue #14 points 2 and 3). */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../shared/graph/build-graph';
import { ingest } from '../../shared/ingest/index';
import { layoutGraph } from '../../shared/layout/layout';
import { absolutePositions } from '../../shared/layout/positions';
import { useDiagramStore } from './diagram-store';

// The web project has no Node: the fixture's files come in through Vite as text.
const files = import.meta.glob<string>('../../fixtures/multi-account/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const topology = ingest(Object.entries(files).map(([name, text]) => ({ name: name.split('/').pop()!, text })));
const layOut = () => {
  const { view } = useDiagramStore.getState();
  return layoutGraph(buildGraph(topology, view), view.direction, { aspect: view.aspect });
};

beforeEach(() => {
  useDiagramStore.getState().close();
  useDiagramStore.setState({ paneAspect: null });
  useDiagramStore.getState().setTopology(topology, 'multi-account');
  useDiagramStore.getState().setLayout(layOut());
});

describe('refit', () => {
  it('a new load fits without a glide; a filter that changes the bounds refits with one', () => {
    const first = useDiagramStore.getState();
    expect(first.fitAnimated).toBe(false);
    first.setFilters({ problemsOnly: true });
    useDiagramStore.getState().setLayout(layOut());
    const after = useDiagramStore.getState();
    expect(after.fitRequest).toBe(first.fitRequest + 1);
    expect(after.fitAnimated).toBe(true);
  });

  it('a filter change that leaves the bounds as they were does not move the view', () => {
    const before = useDiagramStore.getState().fitRequest;
    // The same filters again: the same drawing.
    useDiagramStore.getState().setFilters({ showReferencedOnly: undefined });
    useDiagramStore.getState().setLayout(layOut());
    expect(useDiagramStore.getState().fitRequest).toBe(before);
  });

  it('switching view or direction refits; expand/collapse records the toggled node instead', () => {
    const s = useDiagramStore.getState();
    s.setMode('placement');
    expect(useDiagramStore.getState().fitOnNextLayout).toBe(true);
    useDiagramStore.getState().setLayout(layOut());
    const fits = useDiagramStore.getState().fitRequest;
    const layout = useDiagramStore.getState().layout!;
    const cluster = layout.nodes.find((n) => n.kind === 'cluster' && n.collapsible)!;
    useDiagramStore.getState().toggleCollapsed(cluster.id);
    const keep = useDiagramStore.getState().keepInView!;
    const at = absolutePositions(layout.nodes).get(cluster.id)!;
    expect([keep.id, keep.x, keep.y]).toEqual([cluster.id, at.x, at.y]);
    useDiagramStore.getState().setLayout(layOut());
    expect(useDiagramStore.getState().fitRequest).toBe(fits);
  });

  it('packs a small load to the pane: a tall pane relays it out taller and refits', () => {
    useDiagramStore.getState().setPaneAspect(0.7);
    const { view } = useDiagramStore.getState();
    expect(view.aspect).toBeCloseTo(0.66, 2);
    const fits = useDiagramStore.getState().fitRequest;
    useDiagramStore.getState().setLayout(layOut());
    const layout = useDiagramStore.getState().layout!;
    expect(layout.width / layout.height).toBeLessThan(1);
    expect(useDiagramStore.getState().fitRequest).toBe(fits + 1);
    // A resize within one step changes nothing.
    useDiagramStore.getState().setPaneAspect(0.68);
    expect(useDiagramStore.getState().view).toBe(view);
  });

  it('a load whose objects are still arriving keeps the view it was laid out in (its first answer has no tasks)', () => {
    const s = useDiagramStore.getState();
    s.close();
    s.setPaneAspect(0.7);
    const head = { ...topology, tasks: [], arriving: topology.tasks.length };
    useDiagramStore.getState().setTopology(head, 'multi-account', 'open', { ...useDiagramStore.getState().view });
    const started = useDiagramStore.getState().view;
    useDiagramStore.getState().setPaneAspect(0.5);
    expect(useDiagramStore.getState().view).toBe(started);
    expect(useDiagramStore.getState().fitAnimated).toBe(false);
  });
});

describe('the direction a layout is drawn in', () => {
  it('stays the one it was laid out in until the layout of the new direction comes', () => {
    const s = useDiagramStore.getState();
    const left = s.layout!;
    expect(s.layoutDirection).toBe('LR');
    s.setDirection('TB');
    // The button says TB at once; the layout on screen is still the left-to-right one, and drawn so.
    const asked = useDiagramStore.getState();
    expect(asked.view.direction).toBe('TB');
    expect(asked.layout).toBe(left);
    expect(asked.layoutDirection).toBe('LR');
    const down = layOut();
    useDiagramStore.getState().setLayout(down, 'TB');
    expect(useDiagramStore.getState().layout).toBe(down);
    expect(useDiagramStore.getState().layoutDirection).toBe('TB');
    // A layout asked for before the switch and arriving after it keeps its own direction.
    useDiagramStore.getState().setLayout(left, 'LR');
    expect(useDiagramStore.getState().layoutDirection).toBe('LR');
  });
});
