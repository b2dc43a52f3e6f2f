import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_INSTANCE_TYPES_JSON, BUNDLED_PRICES_JSON } from './bundled-data';
import { parsePriceFile } from './price-table';
import { FARGATE_SIZES } from './fargate-sizes';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const pricesText = readFileSync(here('prices.json'), 'utf8');
const typesText = readFileSync(here('instance-types.json'), 'utf8');

// The JSON files are the data people read and edit; bundled-data.ts is their copy that every bundle can
// import (TypeScript project references refuse a JSON import outside their file lists). This keeps them one.
if (process.env.UPDATE_BUNDLED === '1') {
  writeFileSync(
    here('bundled-data.ts'),
    `/** Generated from prices.json and instance-types.json by \`UPDATE_BUNDLED=1 npx vitest run shared/pricing/bundled.test.ts\`: do not edit. */\n` +
      `/** The bundled price table (prices.json). */\nexport const BUNDLED_PRICES_JSON: unknown = ${pricesText.trim()};\n\n` +
      `/** The bundled instance-type table (instance-types.json). */\nexport const BUNDLED_INSTANCE_TYPES_JSON: unknown = ${typesText.trim()};\n`,
  );
}

describe('bundled price data', () => {
  it('bundled-data.ts holds exactly prices.json and instance-types.json', () => {
    expect(BUNDLED_PRICES_JSON).toEqual(JSON.parse(pricesText));
    expect(BUNDLED_INSTANCE_TYPES_JSON).toEqual(JSON.parse(typesText));
  });

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

  it('the Fargate size table runs from 0.25 to 16 vCPU', () => {
    expect(FARGATE_SIZES[0]).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(FARGATE_SIZES.at(-1)).toEqual({ cpu: 16384, memoryMiB: 122880 });
  });
});
