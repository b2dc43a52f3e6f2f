import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { costAnswer } from '../../shared/cost/cost-request';
import { ingest } from '../../shared/ingest/index';
import { useDiagramStore } from '../store/diagram-store';
import { CostLensPanel } from './cost-lens-panel';
import { useCostStore } from './cost-store';
import clusters1 from '../../fixtures/samples/awscli-describe-clusters-1.json?raw';
import services1 from '../../fixtures/samples/awscli-describe-services.json?raw';
import services2 from '../../fixtures/samples/botocore-describe-services.json?raw';

// jsdom lays nothing out: give the table's scroller the height it has in the app, so the virtualiser draws
// what would be in view.
const laidOut = ['clientHeight', 'clientWidth', 'scrollHeight'] as const;
beforeAll(() => {
  for (const [key, value] of [
    [laidOut[0], 300],
    [laidOut[1], 1200],
    // As tall as the 9,091 rows of the longest table here.
    [laidOut[2], 9091 * 23 + 300],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
  // Nor does it scroll: a scroll request moves scrollTop and says so, as a browser does.
  HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined)
      Object.defineProperty(this, 'scrollTop', { configurable: true, writable: true, value: options.top });
    this.dispatchEvent(new Event('scroll'));
  } as HTMLElement['scrollTo'];
});
afterAll(() => {
  for (const key of laidOut) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).scrollTo;
});

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

  it('draws only the rows in view of thousands, sorted, and scrolls to a service selected on the diagram', async () => {
    showLens({ 'clusters.json': clusters1, 'services.json': services1 });
    const { answer } = useCostStore.getState();
    const base = answer!.report.services[0];
    const many = Array.from({ length: 9091 }, (_, i) => ({
      ...base,
      id: `${base.id}-${i}`,
      service: `svc-${String(i).padStart(4, '0')}`,
      nowMonthly: i,
    }));
    act(() =>
      useCostStore.setState({ answer: { ...answer!, report: { ...answer!.report, services: many, standalone: [] } } }),
    );
    const names = () => screen.getAllByTestId('cost-row').map((r) => r.getAttribute('data-service'));
    // Sorted by Now /mo, most first, and only a screenful or two of the 9,091 drawn.
    expect(names()[0]).toBe('svc-9090');
    expect(names().length).toBeGreaterThan(5);
    expect(names().length).toBeLessThan(60);
    expect(screen.getByTestId('cost-table').getAttribute('data-rows')).toBe('9091');
    // The rows not drawn keep their room below, so the scroll bar is the whole list's.
    const spacer = screen.getByTestId('cost-table').querySelector('tbody tr:last-child td') as HTMLElement;
    expect(parseFloat(spacer.style.height)).toBeGreaterThan(9000 * 20);
    // svc-0003 sorts near the end: selected on the diagram, the table scrolls to it and draws it.
    act(() => useDiagramStore.setState({ selectedId: `${base.id}-3` }));
    await waitFor(() => expect(names()).toContain('svc-0003'));
    expect(names()).not.toContain('svc-9090');
    expect(screen.getAllByTestId('cost-row').find((r) => r.classList.contains('selected'))?.dataset.service).toBe(
      'svc-0003',
    );
  });
});
