/**
 * The lens's toolbar controls: the Cost toggle (badges + lens panel), Load prices… (a prices file laid over
 * the bundled table) and, on the desktop, Refresh prices (the AWS Price List API). Also asks the host for the
 * lens whenever it is on and the load or the prices change.
 */
import { commandTitle } from '../commands/commands';
import { useEffect, useRef } from 'react';
import type { CostApi } from '../../shared/ipc/cost-api';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { useCostStore } from './cost-store';

/** The regions a load's objects are in (for Refresh prices). */
export function regionsOf(topology: Topology | null): string[] {
  if (!topology) return [];
  const set = new Set<string>();
  for (const list of [topology.clusters, topology.services, topology.containerInstances])
    for (const e of list) if (e.region) set.add(e.region);
  return [...set].sort();
}

/**
 * The AWS profile of a live load, from its label (`AWS <profile> · <regions>`, renderer/aws/aws-controls.tsx);
 * undefined for the default credentials; null when the load is not live (Refresh prices is for live mode).
 */
export function liveProfileOf(sourceLabel: string): string | undefined | null {
  if (!sourceLabel.startsWith('AWS ')) return null;
  const profile = sourceLabel.slice(4).split(' · ')[0];
  return profile === 'default credentials' ? undefined : profile;
}

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
  const loadPrices = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const store = useCostStore.getState();
    store.setPrices({ name: file.name, text });
    if (!store.on) store.toggle();
  };
  const refresh = async () => {
    const store = useCostStore.getState();
    store.setComputing(true);
    try {
      const profile = liveProfileOf(useDiagramStore.getState().sourceLabel);
      const prices = await cost.refreshPrices({
        regions: regionsOf(useDiagramStore.getState().topology),
        ...(profile ? { profile } : {}),
      });
      store.setPrices(prices);
      if (!store.on) store.toggle();
    } catch (e) {
      store.setError(`Refresh prices failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
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
        title="Load a prices file (ecs-visualizer-prices/v1, USD) over the bundled list prices"
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
          void loadPrices(file);
        }}
      />
      {cost.canRefreshPrices && live !== null && (
        <button
          type="button"
          className="btn"
          data-testid="refresh-prices"
          disabled={!topology}
          title="Today's list prices of this load's regions from the AWS Price List API (your profile)"
          onClick={() => void refresh()}
        >
          Refresh prices
        </button>
      )}
    </span>
  );
}
