/**
 * Main's side of the launch-type lens on the desktop: `cost:report` prices the load the page shows (here, in
 * main, never on the page), asked by the number main keeps it under (main/held-loads.ts), or sent along when
 * main no longer keeps it; `prices:refresh` asks the AWS Price List API with the user's profile. The handlers
 * are registered through the same checked registry as every channel (sender check, schemas).
 */
import { costAnswer, type CostAnswer, type PricesInput } from '../../shared/cost/cost-request';
import { NOT_HELD, type CostInvokeChannels, type RefreshPricesRequest } from '../../shared/ipc/cost-api';
import type { Topology } from '../../shared/model/types';
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

/** What the handlers do; tests replace them. */
export interface CostDeps {
  report(topology: Topology, prices: PricesInput | null): Promise<CostAnswer>;
  fetchPrices(request: RefreshPricesRequest): Promise<PriceTable>;
  /** The load main keeps as `heldAs` (main/held-loads.ts), if it still does; absent: none is kept. */
  held?(heldAs: number): Topology | undefined;
}

/** The real work: the lens computed here, prices from the Price List API with the profile's credentials. */
export const DEFAULT_COST_DEPS: CostDeps = {
  report: async (topology, prices) => costAnswer(topology, prices),
  fetchPrices: (request) => fetchPriceTable(request.regions, { credentials: credentialsFor(request.profile) }),
};

/** Registers `cost:report` and `prices:refresh`. */
export function setupCostIpc(host: CostIpcHost, deps: CostDeps = DEFAULT_COST_DEPS): void {
  host.handle('cost:report', async (request) => {
    if ('topology' in request) return deps.report(request.topology, request.prices);
    const held = deps.held?.(request.heldAs);
    if (!held) throw new Error(NOT_HELD);
    return deps.report(held, request.prices);
  });
  host.handle('prices:refresh', async (request) => {
    const table = await deps.fetchPrices(request);
    return { name: `aws-price-list-${table.retrieved}.json`, text: JSON.stringify(table, null, 2) };
  });
}
