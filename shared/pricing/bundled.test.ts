import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES } from './bundled-prices';
import { INSTANCE_TYPES } from './instance-types';
import { parsePriceFile } from './price-table';
import { FARGATE_SIZES } from './fargate-sizes';

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

  it('the Fargate size table runs from 0.25 to 16 vCPU', () => {
    expect(FARGATE_SIZES[0]).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(FARGATE_SIZES.at(-1)).toEqual({ cpu: 16384, memoryMiB: 122880 });
  });
});
