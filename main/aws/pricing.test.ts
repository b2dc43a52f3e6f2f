import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePriceFile } from '../../shared/pricing/price-table';
import { fetchPriceTable } from './pricing';
import { CATALOGUE, CREDENTIALS, startFakePricingServer, type FakePricingServer } from './testing/fake-pricing-server';

let server: FakePricingServer;
beforeAll(async () => {
  server = await startFakePricingServer([...CATALOGUE]);
});
afterAll(() => server.close());

describe('Refresh prices: the AWS Price List API (GetProducts) against a local fake endpoint', () => {
  it('builds a valid, dated, sourced prices table from the products it pages through', async () => {
    const table = await fetchPriceTable(['us-east-1'], {
      credentials: CREDENTIALS,
      endpoint: server.url,
      today: '2026-12-06',
      instanceTypes: ['m5.large', 'c6g.large', 'r5.large'],
    });
    const r = table.regions['us-east-1'];
    expect(r.fargate).toEqual({ x86_64: { vcpuHour: 0.05, gbHour: 0.005 }, arm64: { vcpuHour: 0.04, gbHour: 0.004 } });
    expect(r.fargateSpot).toEqual({ x86_64: { vcpuHour: 0.015, gbHour: 0.0015 } });
    expect(r.fargateWindows).toEqual({ x86_64: { vcpuHour: 0.1, gbHour: 0.011, osLicenseVcpuHour: 0.05 } });
    expect(r.fargateEphemeralGbHour).toBe(0.0002);
    // Linux only (the Windows m5.large product is filtered out by the query); r5.large is not in the catalogue.
    expect(r.ec2).toEqual({ 'm5.large': 0.11, 'c6g.large': 0.07 });
    expect(r.retrieved).toBe('2026-12-06');
    expect(r.source).toContain('AWS Price List API');
    // The text it becomes is a prices file the lens accepts.
    expect(parsePriceFile(JSON.stringify(table), 'refreshed.json').ok).toBe(true);
    // The EC2 queries name the fields AWS's own documentation filters on.
    expect(server.requests.find((q) => q.serviceCode === 'AmazonEC2')?.filters).toMatchObject({
      regionCode: 'us-east-1',
      instanceType: 'm5.large',
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    });
    // The Fargate products came two a page: more than one page was asked for.
    expect(server.requests.filter((q) => q.serviceCode === 'AmazonECS').length).toBeGreaterThan(3);
  });
});
