/**
 * A fake AWS Price List endpoint for tests: an HTTP server on 127.0.0.1 that answers GetProducts (AWS JSON
 * 1.1, `X-Amz-Target: AWSPriceListService.GetProducts`) from a small catalogue of product documents in the
 * Price List's own shape (product.attributes, terms.OnDemand…priceDimensions…pricePerUnit.USD), filtered by
 * the request's TERM_MATCH filters and paged two documents at a time so paging is exercised.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One product of the catalogue: its service, attributes and on-demand USD price. */
export interface FakeProduct {
  serviceCode: 'AmazonECS' | 'AmazonEC2';
  attributes: Record<string, string>;
  usd: string;
}

/** A running fake endpoint. */
export interface FakePricingServer {
  url: string;
  /** GetProducts requests received, with their service code and filters. */
  requests: { serviceCode: string; filters: Record<string, string> }[];
  close(): Promise<void>;
}

const PAGE = 2;

function document(p: FakeProduct, sku: string): string {
  return JSON.stringify({
    product: {
      productFamily: p.serviceCode === 'AmazonEC2' ? 'Compute Instance' : 'Compute',
      attributes: p.attributes,
      sku,
    },
    serviceCode: p.serviceCode,
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: 'Hrs', pricePerUnit: { USD: p.usd } } },
          sku,
        },
      },
    },
    version: '20261201000000',
    publicationDate: '2026-12-01T00:00:00Z',
  });
}

/** Starts the fake endpoint over `catalogue`. */
export async function startFakePricingServer(catalogue: FakeProduct[]): Promise<FakePricingServer> {
  const requests: FakePricingServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      if (target !== 'AWSPriceListService.GetProducts')
        return send(400, { __type: 'InvalidParameterException', message: `unknown operation ${target}` });
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        ServiceCode?: string;
        Filters?: { Type: string; Field: string; Value: string }[];
        NextToken?: string;
      };
      const filters = Object.fromEntries((input.Filters ?? []).map((f) => [f.Field, f.Value]));
      requests.push({ serviceCode: input.ServiceCode ?? '', filters });
      const matching = catalogue
        .map((p, i) => ({ p, sku: `SKU${String(i).padStart(6, '0')}` }))
        .filter(({ p }) => p.serviceCode === input.ServiceCode)
        .filter(({ p }) => Object.entries(filters).every(([k, v]) => p.attributes[k] === v));
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const page = matching.slice(start, start + PAGE);
      send(200, {
        FormatVersion: 'aws_v1',
        PriceList: page.map(({ p, sku }) => document(p, sku)),
        ...(start + PAGE < matching.length ? { NextToken: String(start + PAGE) } : {}),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Fixed test credentials (the fake endpoint does not check them). */
export const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' };
const ecs = (usagetype: string, usd: string) =>
  ({ serviceCode: 'AmazonECS', attributes: { regionCode: 'us-east-1', usagetype }, usd }) as const;
const ec2 = (instanceType: string, usd: string, extra: Record<string, string> = {}) =>
  ({
    serviceCode: 'AmazonEC2',
    attributes: {
      regionCode: 'us-east-1',
      instanceType,
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
      ...extra,
    },
    usd,
  }) as const;
/** A catalogue for tests, in the Price List's shape; figures differ from the bundled table so a test can tell which was used. */
export const CATALOGUE: FakeProduct[] = [
  ecs('USE1-Fargate-vCPU-Hours:perCPU', '0.05'),
  ecs('USE1-Fargate-GB-Hours', '0.005'),
  ecs('USE1-Fargate-ARM-vCPU-Hours:perCPU', '0.04'),
  ecs('USE1-Fargate-ARM-GB-Hours', '0.004'),
  ecs('USE1-SpotUsage-Fargate-vCPU-Hours:perCPU', '0.015'),
  ecs('USE1-SpotUsage-Fargate-GB-Hours', '0.0015'),
  ecs('USE1-Fargate-EphemeralStorage-GB-Hours', '0.0002'),
  ecs('USE1-Fargate-Windows-vCPU-Hours:perCPU', '0.1'),
  ecs('USE1-Fargate-Windows-GB-Hours', '0.011'),
  ecs('USE1-Fargate-Windows-OS-Hours:perCPU', '0.05'),
  ecs('USE1-ECS-Anywhere-Instance-hours', '0.01025'),
  ec2('m5.large', '0.11'),
  ec2('m5.large', '0.2', { operatingSystem: 'Windows' }),
  ec2('c6g.large', '0.07'),
];
