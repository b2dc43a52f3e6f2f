/**
 * Picks the lens's host once, at start-up: the desktop preload's `costApi` (priced in main) when it is
 * there, else web mode's over the ingest worker that holds the load (priced where its raw JSON is kept).
 */
import type { CostAnswer, PricesInput } from '../../shared/cost/cost-request';
import { askingByNumber, COST_API_GLOBAL, NO_REFRESH_MESSAGE, type CostApi } from '../../shared/ipc/cost-api';
import type { Topology } from '../../shared/model/types';

/** What web mode's lens needs of the ingest client. */
export interface CostSource {
  holds(topology: Topology): boolean;
  cost(topology: Topology, prices: PricesInput | null): Promise<CostAnswer>;
}

/** Web mode's lens host: the ingest worker prices the load it holds; Refresh prices is the desktop's. */
export function createWebCostApi(ingest: CostSource): CostApi {
  return {
    canRefreshPrices: false,
    costReport: (topology, prices) =>
      ingest.holds(topology)
        ? ingest.cost(topology, prices)
        : Promise.reject(new Error('this load is no longer held by the ingest worker: open it again to price it')),
    refreshPrices: () => Promise.reject(new Error(NO_REFRESH_MESSAGE)),
    // No host dialog: the toolbar's file input is web mode's Load prices… (a click there is a user activation).
    openPricesDialog: async () => null,
  };
}

/** The preload's cost API on the desktop, else undefined. */
export function injectedCostApi(): CostApi | undefined {
  const injected = (window as unknown as Record<string, unknown>)[COST_API_GLOBAL];
  return injected && typeof injected === 'object' && 'costReport' in injected
    ? askingByNumber(injected as CostApi)
    : undefined;
}
