/**
 * The lens's toolbar controls: the Cost toggle (badges + lens panel), Load prices… (a prices file laid over
 * the bundled table) and, on the desktop, Refresh prices (the AWS Price List API). Also asks the host for the
 * lens whenever it is on and the load or the prices change.
 */
import { commandTitle } from '../commands/commands';
import { useEffect, useRef } from 'react';
import type { CostApi } from '../../shared/ipc/cost-api';
import { useDiagramStore } from '../store/diagram-store';
import { useCostStore } from './cost-store';
import { liveProfileOf, loadPricesFile, refreshLensPrices } from './prices-actions';

/** Prices the shown load whenever the lens is on and the load or the prices change. */
export function useCostReport(cost: CostApi): void {
  const topology = useDiagramStore((s) => s.topology);
  const on = useCostStore((s) => s.on);
  const prices = useCostStore((s) => s.prices);
  useEffect(() => {
    if (!on || !topology) return;
    let current = true;
    const store = useCostStore.getState();
    store.setComputing(true);
    cost.costReport(topology, prices).then(
      (answer) => {
        if (!current) return;
        store.setAnswer(answer);
        store.setComputing(false);
      },
      (e: unknown) =>
        current && store.setError(`Could not price this load: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      current = false;
    };
  }, [cost, topology, on, prices]);
}

/** Cost, Load prices… and Refresh prices. */
export function CostControls({ cost }: { cost: CostApi }) {
  const on = useCostStore((s) => s.on);
  const topology = useDiagramStore((s) => s.topology);
  const live = useDiagramStore((s) => liveProfileOf(s.sourceLabel));
  const input = useRef<HTMLInputElement>(null);
  useCostReport(cost);
  // The menu's Load Prices… and Refresh Prices reach the host through the store while the toolbar shows.
  useEffect(() => {
    useCostStore.getState().setHost(cost);
    return () => useCostStore.getState().setHost(null);
  }, [cost]);
  return (
    <span className="toolbar-group cost-controls">
      <button
        type="button"
        className={`btn${on ? ' btn-active' : ''}`}
        aria-pressed={on}
        data-testid="cost-toggle"
        disabled={!topology}
        title={`${commandTitle('toggle-cost')}: $/month on services, clusters and hosts; what each service would cost on Fargate, Fargate Spot, Graviton or packed EC2`}
        onClick={() => useCostStore.getState().toggle()}
      >
        $ Cost
      </button>
      <button
        type="button"
        className="btn"
        data-testid="load-prices"
        title={`${commandTitle('load-prices')}: a prices file (ecs-visualizer-prices/v1, USD) over the bundled list prices`}
        onClick={() => input.current?.click()}
      >
        Load prices…
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept=".json,application/json"
        data-testid="prices-file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void loadPricesFile(file);
        }}
      />
      {cost.canRefreshPrices && live !== null && (
        <button
          type="button"
          className="btn"
          data-testid="refresh-prices"
          disabled={!topology}
          title={`${commandTitle('refresh-prices')}: today's list prices of this load's regions from the AWS Price List API (your profile)`}
          onClick={() => void refreshLensPrices(cost)}
        >
          Refresh prices
        </button>
      )}
    </span>
  );
}
