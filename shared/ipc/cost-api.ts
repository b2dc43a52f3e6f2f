/**
 * The launch-type lens's host API: price a load, and (desktop live mode) refresh prices from the AWS Price
 * List API. Its own interface, picked at start-up like the LayoutHost: both hosts price in the page's ingest
 * worker, which holds the load; the desktop's preload exposes main's part as `costApi` (CostBridge: refresh
 * and the prices dialog). Both hosts implement every member; web mode's `refreshPrices` refuses (credentials
 * never reach a page).
 */
import { z } from 'zod';
import type { CostAnswer, PricesInput } from '../cost/cost-request';
import type { Topology } from '../model/types';
import { groupDigits } from '../ingest/limits';

/** The name the preload exposes the cost API under on the page's global object. */
export const COST_API_GLOBAL = 'costApi';

/** What Refresh prices asks for: the regions of the load (the Price List API is asked per region). */
export interface RefreshPricesRequest {
  regions: string[];
  /** The AWS profile of the live session (main's default chain when absent). */
  profile?: string;
}

/** The lens's host. */
export interface CostApi {
  /** The lens of `topology` at `prices` (null: the bundled table), computed off the page. */
  costReport(topology: Topology, prices: PricesInput | null): Promise<CostAnswer>;
  /** Desktop live mode: today's list prices of `regions` from the AWS Price List API, as a prices file. */
  refreshPrices(request: RefreshPricesRequest): Promise<PricesInput>;
  /** Whether this host can refresh prices (the desktop app; web mode cannot reach AWS). */
  readonly canRefreshPrices: boolean;
  /**
   * The host's own open dialog for a prices file (the View menu's Load Prices…: a page file input opened from a
   * menu message has no user activation, so Chromium would not show it). The file read (or why it was refused),
   * or null when cancelled or when the host has no dialog of its own (web mode: the toolbar's file input).
   */
  openPricesDialog(): Promise<PricesFileChoice | null>;
}

/** What the desktop preload exposes of the lens (the page's global `costApi`): main's part, with the user's credentials. */
export type CostBridge = Pick<CostApi, 'canRefreshPrices' | 'refreshPrices' | 'openPricesDialog'>;

/** Largest prices file, in bytes: the `text` limit of the cost channels (a bundled-size table is ~100 KB). */
export const MAX_PRICES_BYTES = 5_000_000;

/** A prices file the user picked: its text, or why it was not read. `name` is the file's name, without folders. */
export type PricesFileChoice =
  { kind: 'read'; name: string; text: string } | { kind: 'refused'; name: string; reason: string };

/** Why a prices file of `size` bytes is refused unread, or null when its size is fine. */
export function pricesFileTooLarge(size: number): string | null {
  return size > MAX_PRICES_BYTES
    ? `file is ${groupDigits(size)} bytes, over the ${groupDigits(MAX_PRICES_BYTES)}-byte limit of a prices file; it was not read`
    : null;
}

/** Why web mode refuses Refresh prices. */
export const NO_REFRESH_MESSAGE = 'Refresh prices needs the desktop app: AWS credentials never leave its main process';

/** The cost channels of the IPC contract (spread into InvokeChannels). */
export interface CostInvokeChannels {
  'prices:refresh': { arg: RefreshPricesRequest; result: PricesInput };
  'prices:open-dialog': { arg: undefined; result: PricesFileChoice | null };
}

/** Argument schemas of the cost channels, spread into `invokeArgSchemas`. */
export const costInvokeArgSchemas = {
  'prices:refresh': z.strictObject({
    regions: z
      .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region code'))
      .min(1)
      .max(40),
    profile: z.string().min(1).max(256).optional(),
  }),
  'prices:open-dialog': z.undefined(),
} satisfies { [C in keyof CostInvokeChannels]: z.ZodType<CostInvokeChannels[C]['arg']> };
