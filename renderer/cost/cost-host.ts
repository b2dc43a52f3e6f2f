/**
 * The lens's host: the ingest worker that holds the load prices it (where its raw JSON is kept), on both
 * hosts. On the desktop, Refresh prices and the View menu's Load Prices… dialog are main's (the preload's
 * `costApi`, a CostBridge: credentials never leave main).
 */
import type { CostAnswer, PricesInput } from '../../shared/cost/cost-request';
import { COST_API_GLOBAL, NO_REFRESH_MESSAGE, type CostApi, type CostBridge } from '../../shared/ipc/cost-api';
import type { Topology } from '../../shared/model/types';

/** What the lens needs of the ingest client. */
export interface CostSource {
  holds(topology: Topology): boolean;
  cost(topology: Topology, prices: PricesInput | null): Promise<CostAnswer>;
}

/** Web mode has no main: no Refresh prices (credentials never reach a page) and no host dialog. */
const NO_HOST_PRICES: CostBridge = {
  canRefreshPrices: false,
  refreshPrices: () => Promise.reject(new Error(NO_REFRESH_MESSAGE)),
  // No host dialog: the toolbar's file input is web mode's Load prices… (a click there is a user activation).
  openPricesDialog: async () => null,
};

/** The lens host: the ingest worker prices the load it holds; `bridge` (the desktop's main) refreshes prices. */
export function createWebCostApi(ingest: CostSource, bridge: CostBridge = NO_HOST_PRICES): CostApi {
  return {
    canRefreshPrices: bridge.canRefreshPrices,
    costReport: (topology, prices) =>
      ingest.holds(topology)
        ? ingest.cost(topology, prices)
        : Promise.reject(new Error('this load is no longer held by the ingest worker: open it again to price it')),
    refreshPrices: (request) => bridge.refreshPrices(request),
    openPricesDialog: () => bridge.openPricesDialog(),
  };
}

/** The preload's part of the lens on the desktop (main's Refresh prices and dialog), else web mode's none. */
export function injectedCostBridge(): CostBridge {
  const injected = (window as unknown as Record<string, unknown>)[COST_API_GLOBAL];
  return injected && typeof injected === 'object' && 'refreshPrices' in injected
    ? (injected as CostBridge)
    : NO_HOST_PRICES;
}
