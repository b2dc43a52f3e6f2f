/**
 * One entry point for "price this load" wherever it runs (the ingest worker, on both hosts;
 * the CLI): the user's prices file, if any, laid over the bundled table, then the lens. Prices come as text so
 * the file is read where the user picked it and parsed where the cost is computed, never on the page.
 */
import type { Diagnostic, Topology } from '../model/types';
import { BUNDLED_PRICES } from '../pricing/bundled-prices';
import { INSTANCE_TYPES } from '../pricing/instance-types';
import { mergePriceTables, parsePriceFile, type PriceTable } from '../pricing/price-table';
import { computeCost, type CostReport } from './compute-cost';

/** A prices file as the user picked it (or as Refresh prices made it): name and text. */
export interface PricesInput {
  name: string;
  text: string;
}

/** The lens of a load and what was wrong with the prices file (then the bundled table was used). */
export interface CostAnswer {
  report: CostReport;
  pricesDiagnostics: Diagnostic[];
}

/** The price table `prices` makes: the bundled one, or a valid file laid over it entry by entry. */
export function priceTableOf(prices: PricesInput | null): { table: PriceTable; diagnostics: Diagnostic[] } {
  if (!prices) return { table: BUNDLED_PRICES, diagnostics: [] };
  const parsed = parsePriceFile(prices.text, prices.name);
  if (!parsed.ok) return { table: BUNDLED_PRICES, diagnostics: parsed.diagnostics };
  return { table: mergePriceTables(BUNDLED_PRICES, parsed.table), diagnostics: [] };
}

/** Prices `topology` (with its raw JSON: the lens reads task-definition fields from it) at `prices`. */
export function costAnswer(topology: Topology, prices: PricesInput | null): CostAnswer {
  const { table, diagnostics } = priceTableOf(prices);
  return {
    report: computeCost(topology, { prices: table, instanceTypes: INSTANCE_TYPES.types }),
    pricesDiagnostics: diagnostics,
  };
}
