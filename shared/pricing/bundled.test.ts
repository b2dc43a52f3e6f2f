import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES } from './bundled-prices';
import { INSTANCE_TYPES } from './instance-types';
import { parsePriceFile, type PriceTable } from './price-table';
import { FARGATE_SIZES } from './fargate-sizes';

/** The regions issue #15 asks for. */
const ASKED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
];

const BLOCKS = ['fargate', 'fargateSpot', 'fargateWindows', 'ec2'] as const;

/** Blocks of one region equal to the same block of another, when the region's source does not name that region. */
function copiedBlocks(table: PriceTable): string[] {
  const found: string[] = [];
  const entries = Object.entries(table.regions).sort(([a], [b]) => (a < b ? -1 : 1));
  entries.forEach(([a, pa], i) =>
    entries.slice(i + 1).forEach(([b, pb]) => {
      if ((pa.source ?? '').includes(b) || (pb.source ?? '').includes(a)) return;
      for (const block of BLOCKS) {
        const x = pa[block];
        const y = pb[block];
        if (x && y && Object.keys(x).length > 0 && JSON.stringify(x) === JSON.stringify(y))
          found.push(`${a} and ${b}: the same ${block}`);
      }
    }),
  );
  return found;
}

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const pricesText = readFileSync(here('prices.json'), 'utf8');
const typesText = readFileSync(here('instance-types.json'), 'utf8');

describe('bundled price data', () => {
  it('prices.json is a valid prices file in USD, every region with its own source and date', () => {
    const r = parsePriceFile(pricesText, 'prices.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const [region, p] of Object.entries(r.table.regions)) {
      expect(p.source, region).toMatch(/\S{20,}/);
      expect(p.retrieved, region).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('every EC2 type with a price has vCPUs, memory, architecture and max ENIs, and us-east-1 covers the families of the issue', () => {
    const prices = JSON.parse(pricesText) as { regions: Record<string, { ec2?: Record<string, number> }> };
    const types = (
      JSON.parse(typesText) as {
        types: Record<string, { vcpus: number; memoryMiB: number; architecture: string; maxEnis: number }>;
      }
    ).types;
    for (const region of Object.values(prices.regions))
      for (const type of Object.keys(region.ec2 ?? {})) {
        const t = types[type];
        expect(t, type).toBeDefined();
        expect(t.vcpus).toBeGreaterThan(0);
        expect(t.memoryMiB).toBeGreaterThan(0);
        expect(['x86_64', 'arm64']).toContain(t.architecture);
        expect(t.maxEnis).toBeGreaterThanOrEqual(2);
      }
    const ec2 = prices.regions['us-east-1'].ec2 ?? {};
    for (const family of ['t3', 't4g', 'm5', 'm6i', 'm7i', 'm6g', 'm7g', 'c5', 'c6i', 'c6g', 'c7g', 'r5', 'r6i', 'r6g'])
      for (const size of family.startsWith('t')
        ? ['large', 'xlarge', '2xlarge']
        : ['large', 'xlarge', '2xlarge', '4xlarge'])
        expect(ec2[`${family}.${size}`], `${family}.${size}`).toBeGreaterThan(0);
    // Spot checks against the sources (EC2 User Guide ENI table; DescribeInstanceTypes).
    expect(types['m5.large']).toMatchObject({ vcpus: 2, memoryMiB: 8192, architecture: 'x86_64', maxEnis: 3 });
    expect(types['c7g.4xlarge']).toMatchObject({ vcpus: 16, memoryMiB: 32768, architecture: 'arm64', maxEnis: 8 });
  });

  it('the modules export the JSON files as they are', () => {
    expect(BUNDLED_PRICES).toEqual(JSON.parse(pricesText));
    expect(INSTANCE_TYPES).toEqual(JSON.parse(typesText));
  });

  it('every region the issue asks for is bundled with its own source and date, or named as missing in the notes', () => {
    const table = JSON.parse(pricesText) as PriceTable;
    const notes = (table.notes ?? []).join(' ');
    for (const region of ASKED_REGIONS) {
      const r = table.regions[region];
      if (r) {
        // A source names where the figures came from (a page or a repository file), and a date says when.
        expect(r.source, region).toMatch(/https?:\/\/|github\.com\//);
        expect(r.retrieved, region).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else expect(notes, `${region} is neither bundled nor said to be missing`).toContain(region);
    }
    // The notes never call a bundled region missing.
    for (const region of Object.keys(table.regions))
      expect(notes.match(new RegExp(`not bundled[^.]*${region}`, 'i')), region).toBeNull();
  });

  it('no region carries a verbatim copy of another region’s block unless its source says so', () => {
    const table = JSON.parse(pricesText) as PriceTable;
    expect(copiedBlocks(table)).toEqual([]);
    // The check itself: a region given us-east-1's EC2 block is caught…
    const copied: PriceTable = {
      ...table,
      regions: {
        ...table.regions,
        'eu-west-1': { ec2: { ...table.regions['us-east-1'].ec2 }, source: 'a write-up', retrieved: '2026-12-06' },
      },
    };
    expect(copiedBlocks(copied)).toEqual(['eu-west-1 and us-east-1: the same ec2']);
    // …unless its source says the figures are the same as that region's.
    copied.regions['eu-west-1'].source = 'AWS pricing page: the same rates as us-east-1';
    expect(copiedBlocks(copied)).toEqual([]);
  });

  it('the Fargate size table runs from 0.25 to 16 vCPU', () => {
    expect(FARGATE_SIZES[0]).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(FARGATE_SIZES.at(-1)).toEqual({ cpu: 16384, memoryMiB: 122880 });
  });
});
