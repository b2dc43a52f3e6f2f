/**
 * The launch-type lens's host API: price a load, and (desktop live mode) refresh prices from the AWS Price
 * List API. Its own interface, picked at start-up like the LayoutHost: web mode prices in the ingest worker,
 * the desktop in main (the preload exposes it as `costApi`). Both hosts implement every member; web mode's
 * `refreshPrices` refuses (credentials never reach a page).
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
  /**
   * The desktop app: the lens of the load main keeps as `heldAs` (`Topology.heldAs`), asked by number, so the
   * load does not cross back; rejects with NOT_HELD when main no longer keeps it (then ask with the topology).
   */
  costReportHeld?(heldAs: number, prices: PricesInput | null): Promise<CostAnswer>;
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

/** Why main refuses to price a load by number: it no longer keeps it (a newer load replaced it). */
export const NOT_HELD = 'main no longer keeps this load';

/**
 * `api` asking main by number for a load it keeps (`Topology.heldAs`), so the load does not cross back (the
 * 100,000-node account with its raw JSON is ~800 ms of serialising on the page); the load is sent only when
 * main no longer keeps it, or when the host cannot ask by number. The page wraps the preload's API in it.
 */
export function askingByNumber(api: CostApi): CostApi {
  const byNumber = api.costReportHeld;
  if (!byNumber) return api;
  return {
    ...api,
    costReport: (topology, prices) =>
      topology.heldAs === undefined
        ? api.costReport(topology, prices)
        : byNumber(topology.heldAs, prices).catch((e: unknown) =>
            e instanceof Error && e.message.includes(NOT_HELD) ? api.costReport(topology, prices) : Promise.reject(e),
          ),
  };
}

/** The cost channels of the IPC contract (spread into InvokeChannels). */
export interface CostInvokeChannels {
  'cost:report': {
    arg: { topology: Topology; prices: PricesInput | null } | { heldAs: number; prices: PricesInput | null };
    result: CostAnswer;
  };
  'prices:refresh': { arg: RefreshPricesRequest; result: PricesInput };
  'prices:open-dialog': { arg: undefined; result: PricesFileChoice | null };
}

const pricesInput = z.strictObject({ name: z.string().min(1).max(1024), text: z.string().max(MAX_PRICES_BYTES) });
const list = z.array(z.unknown()).max(2_000_000);

/** Argument schemas of the cost channels, spread into `invokeArgSchemas`. */
export const costInvokeArgSchemas = {
  // The topology is the one main pushed to this page; its shape is checked list by list and the cost model
  // reads every field defensively (a malformed object prices as missing, never as a crash).
  'cost:report': z.union([
    z.strictObject({
      topology: z.looseObject({
        clusters: list,
        services: list,
        tasks: list,
        taskDefinitions: list,
        containerInstances: list,
        capacityProviders: list,
        targetGroups: list,
      }),
      prices: pricesInput.nullable(),
    }),
    // A load main keeps (Topology.heldAs): by number, the load itself stays in main.
    z.strictObject({ heldAs: z.number().int().positive(), prices: pricesInput.nullable() }),
  ]) as unknown as z.ZodType<CostInvokeChannels['cost:report']['arg']>,
  'prices:refresh': z.strictObject({
    regions: z
      .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region code'))
      .min(1)
      .max(40),
    profile: z.string().min(1).max(256).optional(),
  }),
  'prices:open-dialog': z.undefined(),
} satisfies { [C in keyof CostInvokeChannels]: z.ZodType<CostInvokeChannels[C]['arg']> };
