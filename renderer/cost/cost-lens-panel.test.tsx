import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { costAnswer } from '../../shared/cost/cost-request';
import { ingest } from '../../shared/ingest/index';
import { useDiagramStore } from '../store/diagram-store';
import { CostLensPanel, MAX_ROWS } from './cost-lens-panel';
import { useCostStore } from './cost-store';
import clusters1 from '../../fixtures/samples/awscli-describe-clusters-1.json?raw';
import services1 from '../../fixtures/samples/awscli-describe-services.json?raw';
import services2 from '../../fixtures/samples/botocore-describe-services.json?raw';

afterEach(() => {
  cleanup();
  useCostStore.setState(useCostStore.getInitialState(), true);
  useDiagramStore.setState({ topology: null, selectedId: null });
});

function showLens(files: Record<string, string>) {
  const topology = ingest(Object.entries(files).map(([name, text]) => ({ name, text })));
  useDiagramStore.setState({ topology });
  useCostStore.setState({ on: true, answer: costAnswer(topology, null) });
  render(<CostLensPanel />);
}

const totals = () => screen.getAllByTestId('cost-cluster-total').map((r) => r.children[1].textContent);

describe('the lens panel', () => {
  it('tells apart clusters of one name in two accounts by their account and region', () => {
    // Published samples: a `default` cluster in 123456789012 (us-west-2) and one in 012345678910 (us-east-1).
    showLens({ 'clusters.json': clusters1, 'services.json': services1, 'services-2.json': services2 });
    expect(totals()).toEqual(
      expect.arrayContaining(['default (123456789012 · us-west-2)', 'default (012345678910 · us-east-1)']),
    );
    const rowClusters = screen.getAllByTestId('cost-row').map((r) => r.children[1].textContent);
    expect(rowClusters.every((c) => c === '' || /^default \(\d{12} · us-(west-2|east-1)\)$/.test(c ?? ''))).toBe(true);
  });

  it('names a cluster alone by its name', () => {
    showLens({ 'clusters.json': clusters1, 'services.json': services1 });
    expect(totals()).toEqual(['default']);
  });

  it('draws the first MAX_ROWS rows by the sort, says how many there are, and always the selected service', () => {
    showLens({ 'clusters.json': clusters1, 'services.json': services1 });
    const { answer } = useCostStore.getState();
    const base = answer!.report.services[0];
    const many = Array.from({ length: MAX_ROWS + 50 }, (_, i) => ({
      ...base,
      id: `${base.id}-${i}`,
      service: `svc-${String(i).padStart(3, '0')}`,
      nowMonthly: i,
    }));
    act(() =>
      useCostStore.setState({ answer: { ...answer!, report: { ...answer!.report, services: many, standalone: [] } } }),
    );
    const names = () => screen.getAllByTestId('cost-row').map((r) => r.getAttribute('data-service'));
    // Sorted by Now /mo, most first: svc-249 … svc-050.
    expect(names()).toHaveLength(MAX_ROWS);
    expect(names()[0]).toBe('svc-249');
    expect(screen.getByTestId('cost-more').textContent).toContain(`${MAX_ROWS} of ${MAX_ROWS + 50} rows`);
    // svc-003 sorts past the cut: selected on the diagram, its row is drawn first.
    act(() => useDiagramStore.setState({ selectedId: `${base.id}-3` }));
    expect(names()).toHaveLength(MAX_ROWS + 1);
    expect(names()[0]).toBe('svc-003');
  });
});
