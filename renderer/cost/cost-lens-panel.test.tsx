import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { costAnswer } from '../../shared/cost/cost-request';
import { ingest } from '../../shared/ingest/index';
import { useDiagramStore } from '../store/diagram-store';
import { CostLensPanel } from './cost-lens-panel';
import { useCostStore } from './cost-store';
import clusters1 from '../../fixtures/samples/awscli-describe-clusters-1.json?raw';
import services1 from '../../fixtures/samples/awscli-describe-services.json?raw';
import services2 from '../../fixtures/samples/botocore-describe-services.json?raw';

afterEach(() => {
  cleanup();
  useCostStore.setState(useCostStore.getInitialState(), true);
  useDiagramStore.setState({ topology: null });
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
});
