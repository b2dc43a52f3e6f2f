/**
 * The View menu's Load Prices… and Refresh Prices in the page: the commands the menu sends end where the
 * toolbar's buttons do (one function each), priced for real (costAnswer, as main does) and shown in the lens.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { costAnswer, type PricesInput } from '../../shared/cost/cost-request';
import { m5LargeExample, testPrices } from '../../shared/cost/testing/cost-fixtures';
import { MAX_PRICES_BYTES, NO_REFRESH_MESSAGE, type CostApi, type PricesFileChoice } from '../../shared/ipc/cost-api';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { runCommand, type CommandContext } from '../commands/commands';
import { useDiagramStore } from '../store/diagram-store';
import { CostControls } from './cost-controls';
import { CostLensPanel } from './cost-lens-panel';
import { useCostStore } from './cost-store';

// m5.large at $0.10/h (the bundled table has $0.096).
const PRICES = JSON.stringify(testPrices());

function fakeCost(canRefresh: boolean, choice: PricesFileChoice | null = null) {
  const refreshed: PricesInput = { name: 'aws-price-list-2026-12-06.json', text: PRICES };
  return {
    canRefreshPrices: canRefresh,
    costReport: vi.fn(async (topology, prices) => costAnswer(topology, prices)),
    refreshPrices: vi.fn(async () => refreshed),
    openPricesDialog: vi.fn(async () => choice),
  } satisfies CostApi;
}

// What app.tsx builds for the menu's commands; these two reach only the lens's host.
const context = {
  api: { platform: 'electron' } as DesktopApi,
  openFiles: vi.fn(),
  openFolder: vi.fn(),
  focusSearch: vi.fn(),
  toggleShortcuts: vi.fn(),
} satisfies CommandContext;

/** The toolbar's lens controls and the lens panel, as the app shows them with a diagram open. */
function renderLens(cost: CostApi) {
  render(
    <>
      <CostControls cost={cost} />
      <CostLensPanel />
    </>,
  );
}

const hostCost = () => screen.getByTestId('cost-table').textContent ?? '';

beforeEach(() => {
  useCostStore.setState(useCostStore.getInitialState(), true);
  useDiagramStore.setState({ topology: m5LargeExample(), sourceLabel: 'AWS prod · us-east-1', notice: null });
});
afterEach(() => {
  cleanup();
  useDiagramStore.setState({ topology: null, sourceLabel: '', notice: null });
});

describe('the menu’s Load Prices…', () => {
  it('lays the file main read over the bundled prices and turns the lens on, as the toolbar does', async () => {
    const cost = fakeCost(true, { kind: 'read', name: 'discounts.json', text: PRICES });
    renderLens(cost);
    expect(screen.queryByTestId('cost-panel')).toBeNull();
    act(() => void runCommand('load-prices', context));
    expect(cost.openPricesDialog).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(screen.getByTestId('cost-caveat').textContent).toContain('prices: discounts.json over the bundled table'),
    );
    expect(screen.getByTestId('cost-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(cost.costReport).toHaveBeenLastCalledWith(useDiagramStore.getState().topology, {
      name: 'discounts.json',
      text: PRICES,
    });
    // The m5.large host at the file's $0.10/h: $73.00 a month (bundled: $70.08).
    expect(useCostStore.getState().answer?.report.hosts[0].monthly).toBeCloseTo(73, 6);
  });

  it('names a refused file with its reason in the lens and keeps the prices it had', async () => {
    const cost = fakeCost(true, {
      kind: 'refused',
      name: 'pipe.json',
      reason: 'a named pipe (FIFO), not a regular file; it was not read',
    });
    renderLens(cost);
    act(() => void runCommand('load-prices', context));
    await waitFor(() =>
      expect(screen.getByTestId('cost-prices-refused').textContent).toBe(
        'Prices file refused: pipe.json: a named pipe (FIFO), not a regular file; it was not read',
      ),
    );
    // The lens came on with the bundled prices, and its answer did not wipe the refusal.
    await waitFor(() => expect(screen.getByTestId('cost-caveat').textContent).toContain('bundled prices'));
    expect(screen.getByTestId('cost-prices-refused')).toBeTruthy();
    expect(useCostStore.getState().prices).toBeNull();
  });

  it('does nothing when the dialog is cancelled', async () => {
    const cost = fakeCost(true, null);
    renderLens(cost);
    act(() => void runCommand('load-prices', context));
    await waitFor(() => expect(cost.openPricesDialog).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    expect(screen.queryByTestId('cost-panel')).toBeNull();
    expect(cost.costReport).not.toHaveBeenCalled();
  });

  it('does nothing without a diagram (no dialog is shown)', () => {
    const cost = fakeCost(true, { kind: 'read', name: 'discounts.json', text: PRICES });
    renderLens(cost);
    act(() => useDiagramStore.setState({ topology: null }));
    expect(runCommand('load-prices', context)).toBe(false);
    expect(cost.openPricesDialog).not.toHaveBeenCalled();
  });

  it('the toolbar’s Load prices… refuses a file over the limit unread, naming it', async () => {
    const cost = fakeCost(false);
    renderLens(cost);
    const big = new File(['x'.repeat(MAX_PRICES_BYTES + 1)], 'huge.json', { type: 'application/json' });
    const read = vi.spyOn(big, 'text');
    fireEvent.change(screen.getByTestId('prices-file'), { target: { files: [big] } });
    await waitFor(() =>
      expect(screen.getByTestId('cost-prices-refused').textContent).toBe(
        'Prices file refused: huge.json: file is 5,000,001 bytes, over the 5,000,000-byte limit of a prices file; it was not read',
      ),
    );
    expect(read).not.toHaveBeenCalled();
  });
});

describe('the menu’s Refresh Prices', () => {
  it('live mode: asks the host for the load’s regions with its profile, then the lens shows the new prices', async () => {
    const cost = fakeCost(true);
    renderLens(cost);
    act(() => void runCommand('refresh-prices', context));
    expect(cost.refreshPrices).toHaveBeenCalledExactlyOnceWith({ regions: ['us-east-1'], profile: 'prod' });
    await waitFor(() =>
      expect(screen.getByTestId('cost-caveat').textContent).toContain(
        'prices: aws-price-list-2026-12-06.json over the bundled table',
      ),
    );
    // The refreshed table's m5.large at $0.10/h: the host costs $73.00 a month in the lens's table.
    expect(useCostStore.getState().answer?.report.hosts[0].monthly).toBeCloseTo(73, 6);
    expect(hostCost()).toContain('$73');
    expect(screen.getByTestId('cost-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('a load from files: says why in the notice and asks nothing', () => {
    const cost = fakeCost(true);
    act(() => useDiagramStore.setState({ sourceLabel: 'prod-snapshot.json' }));
    renderLens(cost);
    expect(screen.queryByTestId('refresh-prices')).toBeNull();
    act(() => void runCommand('refresh-prices', context));
    expect(cost.refreshPrices).not.toHaveBeenCalled();
    expect(useDiagramStore.getState().notice).toBe(
      "Refresh prices asks the AWS Price List API with a live load's profile: this load is from files. Connect to AWS, or use Load prices… for a prices file.",
    );
  });

  it('a host that cannot reach AWS says so', () => {
    const cost = fakeCost(false);
    renderLens(cost);
    act(() => void runCommand('refresh-prices', context));
    expect(cost.refreshPrices).not.toHaveBeenCalled();
    expect(useDiagramStore.getState().notice).toBe(NO_REFRESH_MESSAGE);
  });

  it('a failed refresh says why in the lens', async () => {
    const cost = fakeCost(true);
    cost.refreshPrices.mockRejectedValueOnce(new Error('AccessDeniedException: pricing:GetProducts'));
    renderLens(cost);
    act(() => useCostStore.getState().toggle());
    act(() => void runCommand('refresh-prices', context));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Refresh prices failed: AccessDeniedException: pricing:GetProducts',
      ),
    );
  });
});
