/**
 * "Refresh prices" (desktop live mode): today's list prices of the load's regions from the AWS Price List
 * API (GetProducts), written as an `ecs-visualizer-prices/v1` table with its source and date, so the lens
 * uses them like a prices file the user loaded.
 *
 * Fargate (service code AmazonECS): products matched by their `usagetype` (the region prefix, e.g. `USE1-`,
 * then): `Fargate-vCPU-Hours:perCPU`, `Fargate-GB-Hours`, `Fargate-ARM-vCPU-Hours:perCPU`,
 * `Fargate-ARM-GB-Hours`, the same after `SpotUsage-` for Fargate Spot, `Fargate-EphemeralStorage-GB-Hours`,
 * and `Fargate-Windows-vCPU-Hours:perCPU` / `-GB-Hours` / `Fargate-Windows-OS-Hours:perCPU`. A product that
 * matches none is not used: what is not found stays a missing price.
 * EC2 (service code AmazonEC2): one query per instance type of instance-types.json, Linux, shared tenancy, no
 * pre-installed software, capacity status Used, on-demand terms.
 */
import { GetProductsCommand, PricingClient, type Filter } from '@aws-sdk/client-pricing';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { INSTANCE_TYPES } from '../../shared/pricing/instance-types';
import { PRICES_FORMAT, type PriceTable, type RegionPrices } from '../../shared/pricing/price-table';
import { awsClientConfig, type AwsClientTuning } from './client-config';

/** How the client is built (tests give a local endpoint and fixed credentials). */
export interface PricingOptions {
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The Price List API endpoint; AWS's in us-east-1 when absent. */
  endpoint?: string;
  tuning?: AwsClientTuning;
  /** Today's date (YYYY-MM-DD) for `retrieved`; the clock's when absent. */
  today?: string;
  /** Instance types to ask for; those of instance-types.json when absent. */
  instanceTypes?: string[];
  abortSignal?: AbortSignal;
}

interface PriceListProduct {
  product?: { attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, { pricePerUnit?: { USD?: string } }> }> };
}

/** The first on-demand USD price of a Price List product document, if any. */
export function onDemandUsd(doc: PriceListProduct): number | undefined {
  for (const term of Object.values(doc.terms?.OnDemand ?? {}))
    for (const dim of Object.values(term.priceDimensions ?? {})) {
      const v = Number(dim.pricePerUnit?.USD);
      if (dim.pricePerUnit?.USD !== undefined && Number.isFinite(v) && v >= 0) return v;
    }
  return undefined;
}

const FARGATE_USAGE: [RegExp, (r: RegionPrices, price: number) => void][] = [
  [/(?:^|-)SpotUsage-Fargate-ARM-vCPU-Hours:perCPU$/, (r, p) => rates(r, 'fargateSpot', 'arm64').set('vcpuHour', p)],
  [/(?:^|-)SpotUsage-Fargate-ARM-GB-Hours$/, (r, p) => rates(r, 'fargateSpot', 'arm64').set('gbHour', p)],
  [/(?:^|-)SpotUsage-Fargate-vCPU-Hours:perCPU$/, (r, p) => rates(r, 'fargateSpot', 'x86_64').set('vcpuHour', p)],
  [/(?:^|-)SpotUsage-Fargate-GB-Hours$/, (r, p) => rates(r, 'fargateSpot', 'x86_64').set('gbHour', p)],
  [/(?:^|-)Fargate-ARM-vCPU-Hours:perCPU$/, (r, p) => rates(r, 'fargate', 'arm64').set('vcpuHour', p)],
  [/(?:^|-)Fargate-ARM-GB-Hours$/, (r, p) => rates(r, 'fargate', 'arm64').set('gbHour', p)],
  [/(?:^|-)Fargate-Windows-OS-Hours:perCPU$/, (r, p) => windows(r).set('osLicenseVcpuHour', p)],
  [/(?:^|-)Fargate-Windows-vCPU-Hours:perCPU$/, (r, p) => windows(r).set('vcpuHour', p)],
  [/(?:^|-)Fargate-Windows-GB-Hours$/, (r, p) => windows(r).set('gbHour', p)],
  [/(?:^|-)Fargate-EphemeralStorage-GB-Hours$/, (r, p) => void (r.fargateEphemeralGbHour = p)],
  [/(?:^|-)Fargate-vCPU-Hours:perCPU$/, (r, p) => rates(r, 'fargate', 'x86_64').set('vcpuHour', p)],
  [/(?:^|-)Fargate-GB-Hours$/, (r, p) => rates(r, 'fargate', 'x86_64').set('gbHour', p)],
];

// Rates are assembled field by field; a pair is kept only when both of its fields were found (see complete()).
type Partial2 = Map<string, number>;
const partials = new WeakMap<RegionPrices, Map<string, Partial2>>();
function bucket(r: RegionPrices, key: string): Partial2 {
  let m = partials.get(r);
  if (!m) partials.set(r, (m = new Map()));
  let b = m.get(key);
  if (!b) m.set(key, (b = new Map()));
  return b;
}
const rates = (r: RegionPrices, kind: 'fargate' | 'fargateSpot', arch: 'x86_64' | 'arm64') =>
  bucket(r, `${kind}.${arch}`);
const windows = (r: RegionPrices) => bucket(r, 'fargateWindows.x86_64');

function complete(r: RegionPrices): RegionPrices {
  for (const [key, b] of partials.get(r) ?? []) {
    const [kind, arch] = key.split('.') as ['fargate' | 'fargateSpot' | 'fargateWindows', 'x86_64' | 'arm64'];
    const vcpuHour = b.get('vcpuHour');
    const gbHour = b.get('gbHour');
    if (vcpuHour === undefined || gbHour === undefined) continue;
    if (kind === 'fargateWindows') {
      const os = b.get('osLicenseVcpuHour');
      if (os !== undefined) r.fargateWindows = { x86_64: { vcpuHour, gbHour, osLicenseVcpuHour: os } };
    } else r[kind] = { ...(r[kind] ?? {}), [arch]: { vcpuHour, gbHour } };
  }
  return r;
}

async function* products(
  client: PricingClient,
  serviceCode: string,
  filters: Filter[],
  abortSignal?: AbortSignal,
): AsyncGenerator<PriceListProduct> {
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const out = await client.send(
      new GetProductsCommand({
        ServiceCode: serviceCode,
        Filters: filters,
        FormatVersion: 'aws_v1',
        MaxResults: 100,
        NextToken: nextToken,
      }),
      { abortSignal },
    );
    for (const doc of out.PriceList ?? []) {
      try {
        // The SDK gives each document as a String object (its LazyJsonString): its text is the document.
        yield JSON.parse(String(doc)) as PriceListProduct;
      } catch {
        // A document that is not JSON is skipped: its price stays missing.
      }
    }
    nextToken = out.NextToken;
    // A token that never ends must not keep the app asking forever.
    if (++pages >= 200) break;
  } while (nextToken);
}

const term = (field: string, value: string): Filter => ({ Type: 'TERM_MATCH', Field: field, Value: value });

/** Today's list prices of `regions`, as a price table with its source and date. */
export async function fetchPriceTable(regions: string[], options: PricingOptions): Promise<PriceTable> {
  const client = new PricingClient({
    region: 'us-east-1',
    credentials: options.credentials,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...awsClientConfig(options.tuning),
  });
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const source = `AWS Price List API (GetProducts: AmazonECS for Fargate, AmazonEC2 Linux shared on-demand), fetched ${today}; Fargate Spot prices float and are those of that day`;
  const types = options.instanceTypes ?? Object.keys(INSTANCE_TYPES.types);
  const out: PriceTable = { format: PRICES_FORMAT, currency: 'USD', retrieved: today, source, regions: {} };
  try {
    for (const region of regions) {
      const r: RegionPrices = { source, retrieved: today };
      for await (const doc of products(client, 'AmazonECS', [term('regionCode', region)], options.abortSignal)) {
        const usage = doc.product?.attributes?.usagetype ?? '';
        const price = onDemandUsd(doc);
        if (price === undefined) continue;
        const rule = FARGATE_USAGE.find(([re]) => re.test(usage));
        rule?.[1](r, price);
      }
      complete(r);
      const ec2: Record<string, number> = {};
      for (const type of types) {
        const filters = [
          term('regionCode', region),
          term('instanceType', type),
          term('operatingSystem', 'Linux'),
          term('tenancy', 'Shared'),
          term('preInstalledSw', 'NA'),
          term('capacitystatus', 'Used'),
        ];
        for await (const doc of products(client, 'AmazonEC2', filters, options.abortSignal)) {
          const price = onDemandUsd(doc);
          if (price !== undefined && price > 0) {
            ec2[type] = price;
            break;
          }
        }
      }
      if (Object.keys(ec2).length > 0) r.ec2 = ec2;
      out.regions[region] = r;
    }
  } finally {
    client.destroy();
  }
  return out;
}
