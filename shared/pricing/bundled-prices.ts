/** The bundled price table (prices.json): us-east-1 list prices with their sources and dates. */
import pricesJson from './prices.json' with { type: 'json' };
import type { PriceTable } from './price-table';

/** The bundled price table; a user's prices file is laid over it with mergePriceTables. */
export const BUNDLED_PRICES = pricesJson as PriceTable;
