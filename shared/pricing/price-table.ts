/**
 * The price table: the bundled one (shared/pricing/prices.json) and a user's prices file in the same
 * format, which overrides it entry by entry. A file in another currency is refused, never converted.
 */
import { z } from 'zod';
import type { Diagnostic } from '../model/types';
import { formatPath, parseJson, pathLocator } from '../ingest/parse-json';

/** CPU architectures as ECS spells them in `runtimePlatform.cpuArchitecture` (lower case). */
export type CpuArch = 'x86_64' | 'arm64';

/** Fargate rates of one architecture: $ per vCPU-hour and per GB-hour (1 GB = 1,024 MiB). */
export interface FargateRates {
  vcpuHour: number;
  gbHour: number;
}

/** Fargate Windows rates: the compute rates plus the OS license fee per vCPU-hour. */
export interface FargateWindowsRates extends FargateRates {
  osLicenseVcpuHour: number;
}

/** The prices of one region; every entry may be absent (then it is a missing price). */
export interface RegionPrices {
  fargate?: Partial<Record<CpuArch, FargateRates>>;
  fargateSpot?: Partial<Record<CpuArch, FargateRates>>;
  fargateWindows?: { x86_64?: FargateWindowsRates };
  /** $ per GB-hour of ephemeral storage above the free 20 GB. */
  fargateEphemeralGbHour?: number;
  /** EC2 on-demand $ per hour, Linux, shared tenancy, by instance type. */
  ec2?: Record<string, number>;
  source?: string;
  retrieved?: string;
  notes?: string[];
}

/** A whole price table (`ecs-visualizer-prices/v1`). */
export interface PriceTable {
  format: 'ecs-visualizer-prices/v1';
  currency: 'USD';
  retrieved: string;
  source: string;
  notes?: string[];
  regions: Record<string, RegionPrices>;
}

/** The format tag of a prices file. */
export const PRICES_FORMAT = 'ecs-visualizer-prices/v1';

const price = z.number().finite().nonnegative();
const rates = z.strictObject({ vcpuHour: price, gbHour: price });
const archRates = z.strictObject({ x86_64: rates.optional(), arm64: rates.optional() });
const regionSchema = z.strictObject({
  fargate: archRates.optional(),
  fargateSpot: archRates.optional(),
  fargateWindows: z
    .strictObject({ x86_64: z.strictObject({ vcpuHour: price, gbHour: price, osLicenseVcpuHour: price }).optional() })
    .optional(),
  fargateEphemeralGbHour: price.optional(),
  ec2: z.record(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'not an EC2 instance type'), price).optional(),
  source: z.string().max(4000).optional(),
  retrieved: z.string().max(100).optional(),
  notes: z.array(z.string().max(4000)).optional(),
});
const tableSchema = z.strictObject({
  format: z.literal(PRICES_FORMAT),
  currency: z.string(),
  retrieved: z.string().max(100),
  source: z.string().max(4000),
  notes: z.array(z.string().max(4000)).optional(),
  regions: z.record(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region code'), regionSchema),
});

/** Result of reading a prices file: the table, or diagnostics naming the file, line and column. */
export type PriceFileResult = { ok: true; table: PriceTable } | { ok: false; diagnostics: Diagnostic[] };

/** Parses and validates a user's prices file (`text` named `file`). */
export function parsePriceFile(text: string, file: string): PriceFileResult {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'json-syntax', message: parsed.message, file, ...parsed.position }],
    };
  const result = tableSchema.safeParse(parsed.value);
  if (!result.success) {
    const locate = pathLocator(text);
    return {
      ok: false,
      diagnostics: result.error.issues.slice(0, 20).map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return {
          severity: 'error' as const,
          code: 'prices-invalid',
          message: `not a prices file (${PRICES_FORMAT}): ${issue.message}`,
          file,
          path: formatPath(path),
          ...locate(path),
        };
      }),
    };
  }
  if (result.data.currency !== 'USD')
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'prices-currency',
          message: `prices in ${result.data.currency} are refused: the bundled table is in USD and amounts are never converted`,
          file,
          path: '$.currency',
          ...pathLocator(text)(['currency']),
        },
      ],
    };
  return { ok: true, table: result.data as PriceTable };
}

function mergeArch<T>(
  base: Partial<Record<string, T>> | undefined,
  over: Partial<Record<string, T>> | undefined,
): Partial<Record<string, T>> | undefined {
  if (!base) return over;
  if (!over) return base;
  return { ...base, ...over };
}

/**
 * `override` laid over `base` entry by entry: an architecture's rates, one instance type's price, the
 * storage rate. A region the override touches takes the override's source and date.
 */
export function mergePriceTables(base: PriceTable, override: PriceTable): PriceTable {
  const regions: Record<string, RegionPrices> = { ...base.regions };
  for (const [region, over] of Object.entries(override.regions)) {
    const b = regions[region] ?? {};
    regions[region] = {
      ...b,
      fargate: mergeArch(b.fargate, over.fargate),
      fargateSpot: mergeArch(b.fargateSpot, over.fargateSpot),
      fargateWindows: mergeArch(b.fargateWindows, over.fargateWindows) as RegionPrices['fargateWindows'],
      fargateEphemeralGbHour: over.fargateEphemeralGbHour ?? b.fargateEphemeralGbHour,
      ec2: mergeArch(b.ec2, over.ec2) as Record<string, number> | undefined,
      source: over.source ?? override.source,
      retrieved: over.retrieved ?? override.retrieved,
      notes: over.notes ?? b.notes,
    };
  }
  return {
    ...base,
    retrieved: override.retrieved,
    source: `${override.source} (over the bundled table of ${base.retrieved})`,
    regions,
  };
}

/** Each region's source and date, for the legend and `prices.sources` of the JSON output. */
export function priceSources(table: PriceTable): { region: string; source: string; retrieved: string }[] {
  return Object.entries(table.regions).map(([region, r]) => ({
    region,
    source: r.source ?? table.source,
    retrieved: r.retrieved ?? table.retrieved,
  }));
}

/** The oldest retrieval date among the regions: what "list prices of <date>" states. */
export function pricesDate(table: PriceTable): string {
  const dates = priceSources(table)
    .map((s) => s.retrieved)
    .sort();
  return dates[0] ?? table.retrieved;
}
