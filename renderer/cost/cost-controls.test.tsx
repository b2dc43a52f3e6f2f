import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CostAnswer, PricesInput } from '../../shared/cost/cost-request';
import type { CostApi } from '../../shared/ipc/cost-api';
import { emptyTopology, makeCluster } from '../../shared/graph/testing/make-topology';
import { useDiagramStore } from '../store/diagram-store';
import { CostControls } from './cost-controls';
import { useCostStore } from './cost-store';
import { liveProfileOf } from './prices-actions';

const answer = {
  report: { services: [], standalone: [], clusters: [], hosts: [] },
  pricesDiagnostics: [],
} as unknown as CostAnswer;

function fakeCost(canRefresh: boolean) {
  const refreshed: PricesInput = { name: 'aws-price-list-2026-12-06.json', text: '{}' };
  const api = {
    canRefreshPrices: canRefresh,
    costReport: vi.fn(async () => answer),
    refreshPrices: vi.fn(async () => refreshed),
    openPricesDialog: vi.fn(async () => null),
  } satisfies CostApi;
  return { api, refreshed };
}

beforeEach(() => {
  useCostStore.setState(useCostStore.getInitialState(), true);
  const topology = { ...emptyTopology(), clusters: [makeCluster('prod')] };
  useDiagramStore.setState({ topology, sourceLabel: 'AWS prod · eu-west-1' });
});
afterEach(() => {
  cleanup();
  useDiagramStore.setState({ topology: null, sourceLabel: '' });
});

describe('the lens controls', () => {
  it('reads the live profile from the load label; not live is null', () => {
    expect(liveProfileOf('AWS prod · eu-west-1, us-east-1')).toBe('prod');
    expect(liveProfileOf('AWS default credentials · eu-west-1')).toBeUndefined();
    expect(liveProfileOf('demo snapshot')).toBeNull();
  });

  it('Refresh prices (desktop live mode) asks the host for the load regions with the profile, then prices with them', async () => {
    const { api, refreshed } = fakeCost(true);
    render(<CostControls cost={api} />);
    fireEvent.click(screen.getByTestId('refresh-prices'));
    await waitFor(() => expect(api.refreshPrices).toHaveBeenCalledWith({ regions: ['eu-west-1'], profile: 'prod' }));
    await waitFor(() =>
      expect(api.costReport).toHaveBeenLastCalledWith(useDiagramStore.getState().topology, refreshed),
    );
    expect(useCostStore.getState().on).toBe(true);
  });

  it('has no Refresh prices outside live mode, nor in web mode', () => {
    const { api } = fakeCost(true);
    act(() => useDiagramStore.setState({ sourceLabel: 'demo snapshot' }));
    const { unmount } = render(<CostControls cost={api} />);
    expect(screen.queryByTestId('refresh-prices')).toBeNull();
    unmount();
    act(() => useDiagramStore.setState({ sourceLabel: 'AWS prod · eu-west-1' }));
    render(<CostControls cost={fakeCost(false).api} />);
    expect(screen.queryByTestId('refresh-prices')).toBeNull();
  });

  it('Load prices… reads the picked file and prices the load with it', async () => {
    const { api } = fakeCost(false);
    render(<CostControls cost={api} />);
    const file = new File(['{"format":"ecs-visualizer-prices/v1"}'], 'mine.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('prices-file'), { target: { files: [file] } });
    await waitFor(() =>
      expect(api.costReport).toHaveBeenLastCalledWith(useDiagramStore.getState().topology, {
        name: 'mine.json',
        text: '{"format":"ecs-visualizer-prices/v1"}',
      }),
    );
  });
});
