/** The refresh highlight as a user sees it: outlines and badges on the nodes that changed, and the Changes list that selects them. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Bundle } from '../../shared/ingest/bundle';
import { ingest } from '../../shared/ingest/index';
import { generateAccount } from '../../shared/synth/generate-account';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv, laidOutNode, renderNode } from '../testing/render-node';
import { ChangesPanel } from './changes-panel';
import { MARKED_NODE_TYPES } from './diff-marks';

type Raw = Record<string, unknown>;
type Editable = Bundle & { services: Raw[]; tasks: Raw[] };
const base = generateAccount({
  seed: 11,
  clusters: 1,
  services: 3,
  tasksPerService: [2, 2],
  stoppedShare: 0,
  unhealthyShare: 0,
  standalonePerCluster: 0,
}) as Editable;
const load = (b: Bundle) => ingest([{ name: 'snapshot.json', text: JSON.stringify(b) }]);

/** A minute later: one service scaled to 5, one task gone (a default fetch lists running tasks only). */
function refreshed(): Editable {
  const next = structuredClone(base);
  next.fetchedAt = new Date(Date.parse(base.fetchedAt ?? '') + 60_000).toISOString();
  next.services[0].desiredCount = 5;
  next.tasks = next.tasks.slice(1) as Raw[];
  return next;
}

const before = load(base);
const after = load(refreshed());
const scaled = after.services.find((s) => s.name === base.services[0].serviceName);
const goneTask = before.tasks.find((t) => t.shortId === String(base.tasks[0].taskArn).split('/').pop());

beforeAll(installFlowEnv);
beforeEach(() => {
  const s = useDiagramStore.getState();
  s.close();
  s.setTopology(before, 'before.json');
  s.setTopology(after, 'after.json');
});
afterEach(cleanup);

describe('diff marks', () => {
  it('a changed service gets the amber outline with its summary as badge and tooltip', () => {
    renderNode(
      MARKED_NODE_TYPES.service,
      laidOutNode(after, 'service', (n) => n.id === scaled?.id),
    );
    const mark = screen.getAllByTestId('diff-mark').find((m) => m.getAttribute('data-diff-for') === scaled?.id);
    expect(mark?.getAttribute('data-diff')).toBe('changed');
    expect(mark?.className).toContain('diff-changed');
    const badge = screen.getByTestId('diff-badge');
    expect(badge.textContent).toMatch(/^desired count 2 → 5/);
    expect(badge.getAttribute('title')).toBe(badge.textContent);
    // The card itself is still drawn under the mark.
    expect(document.querySelector(`[data-testid="node"][data-id="${scaled?.id}"]`)).not.toBeNull();
  });

  it('the service of a task that is gone carries "−1 gone" naming it', () => {
    const parent = useDiagramStore.getState().diff?.removedByParent;
    const parentId = Object.keys(parent ?? {})[0];
    renderNode(
      MARKED_NODE_TYPES.service,
      laidOutNode(after, 'service', (n) => n.id === parentId),
    );
    expect(screen.getByTestId('diff-gone').textContent).toBe('−1 gone');
    expect(screen.getByTestId('diff-gone').getAttribute('title')).toContain(goneTask?.shortId);
  });

  it('an untouched node has no mark, and a load that is not a refresh clears every mark', () => {
    const untouched = after.services.find(
      (s) => s.id !== scaled?.id && !useDiagramStore.getState().diff?.removedByParent[s.id],
    );
    renderNode(
      MARKED_NODE_TYPES.service,
      laidOutNode(after, 'service', (n) => n.id === untouched?.id),
    );
    expect(screen.queryByTestId('diff-mark')).toBeNull();
    cleanup();
    useDiagramStore.getState().setTopology(load(base), 'older.json');
    renderNode(
      MARKED_NODE_TYPES.service,
      laidOutNode(after, 'service', (n) => n.id === scaled?.id),
    );
    expect(screen.queryByTestId('diff-mark')).toBeNull();
  });
});

describe('ChangesPanel', () => {
  it('lists each change; a click selects the node (a gone task selects its service)', () => {
    render(<ChangesPanel />);
    const rows = screen.getAllByTestId('change');
    expect(rows.map((r) => r.getAttribute('data-change'))).toEqual(['changed', 'removed']);
    expect(screen.getByTestId('changes-panel').textContent).toContain('1 changed');
    fireEvent.click(rows[0].querySelector('button') as HTMLButtonElement);
    expect(useDiagramStore.getState().selectedId).toBe(scaled?.id);
    fireEvent.click(rows[1].querySelector('button') as HTMLButtonElement);
    expect(useDiagramStore.getState().selectedId).toBe(goneTask?.serviceId);
  });

  it('is not there after a plain open', () => {
    useDiagramStore.getState().close();
    useDiagramStore.getState().setTopology(after, 'after.json');
    render(<ChangesPanel />);
    expect(screen.queryByTestId('changes-panel')).toBeNull();
  });
});
