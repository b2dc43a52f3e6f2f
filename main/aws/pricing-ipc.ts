/**
 * Main's side of the launch-type lens on the desktop: `prices:refresh` asks the AWS Price List API with the
 * user's profile (credentials never leave main). The lens itself is computed in the page's ingest worker, which
 * holds the load and its raw JSON, as in web mode. The handler is registered through the same checked registry
 * as every channel (sender check, schemas).
 */
import type { CostInvokeChannels, RefreshPricesRequest } from '../../shared/ipc/cost-api';
import type { PriceTable } from '../../shared/pricing/price-table';
import { fetchPriceTable } from './pricing';
import { credentialsFor } from './profiles';

/** Where the cost handlers are registered (main/handlers.ts passes its registry). */
export interface CostIpcHost {
  handle<C extends keyof CostInvokeChannels>(
    channel: C,
    handler: (arg: CostInvokeChannels[C]['arg']) => Promise<CostInvokeChannels[C]['result']>,
  ): void;
}

/** What the handler does; tests replace it. */
export interface CostDeps {
  fetchPrices(request: RefreshPricesRequest): Promise<PriceTable>;
}

/** The real work: prices from the Price List API with the profile's credentials. */
export const DEFAULT_COST_DEPS: CostDeps = {
  fetchPrices: (request) => fetchPriceTable(request.regions, { credentials: credentialsFor(request.profile) }),
};

/** Registers `prices:refresh`. */
export function setupCostIpc(host: CostIpcHost, deps: CostDeps = DEFAULT_COST_DEPS): void {
  host.handle('prices:refresh', async (request) => {
    const table = await deps.fetchPrices(request);
    return { name: `aws-price-list-${table.retrieved}.json`, text: JSON.stringify(table, null, 2) };
  });
}
