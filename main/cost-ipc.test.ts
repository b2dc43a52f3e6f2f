import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CostBridge } from '../shared/ipc/cost-api';
import { costAnswer } from '../shared/cost/cost-request';
import { ipcMain } from './test/fake-electron';
import { m5LargeExample } from '../shared/cost/testing/cost-fixtures';
import { wiredCostApi } from './test/wired-cost-api';
import { fetchPriceTable } from './aws/pricing';
import {
  CATALOGUE,
  CREDENTIALS,
  startFakePricingServer,
  type FakePricingServer,
} from './aws/testing/fake-pricing-server';

vi.mock('electron', () => import('./test/fake-electron'));

let server: FakePricingServer;
beforeAll(async () => {
  server = await startFakePricingServer([...CATALOGUE]);
});
afterAll(() => server.close());

describe('Refresh prices through the preload and a mocked main', () => {
  let costApi: CostBridge;

  beforeEach(async () => {
    // Main's real Refresh prices, with the Price List client pointed at the fake endpoint.
    ({ costApi } = await wiredCostApi({
      fetchPrices: (request: { regions: string[] }) =>
        fetchPriceTable(request.regions, {
          credentials: CREDENTIALS,
          endpoint: server.url,
          today: '2026-12-06',
          instanceTypes: ['m5.large'],
        }),
    }));
  });

  // An m5.large host with two 0.5 vCPU / 1 GiB tasks and one 0.25 vCPU / 0.75 GiB task (issue #15's example).
  const topology = m5LargeExample;

  it('refreshPrices asks the Price List API in main and returns a prices file the lens then uses', async () => {
    const prices = await costApi.refreshPrices({ regions: ['us-east-1'] });
    expect(prices.name).toBe('aws-price-list-2026-12-06.json');
    // The lens (computed in the page's ingest worker) at those prices: the fake endpoint's m5.large, $0.11 × 730.
    const answer = costAnswer(topology(), prices);
    expect(answer.report.hosts[0].monthly).toBeCloseTo(80.3, 6);
    expect(answer.report.prices.sources.find((s) => s.region === 'us-east-1')?.retrieved).toBe('2026-12-06');
  });

  it('refuses a malformed refresh before any AWS call', async () => {
    const before = server.requests.length;
    await expect(costApi.refreshPrices({ regions: ['not a region'] })).rejects.toThrow();
    expect(server.requests.length).toBe(before);
  });

  it('offers no way to send a load to main: the lens is priced where the load is, in the page', async () => {
    expect(Object.keys(costApi).sort()).toEqual(['canRefreshPrices', 'openPricesDialog', 'refreshPrices']);
    expect(ipcMain.handlers.has('cost:report')).toBe(false);
    expect(ipcMain.handlers.has('prices:refresh')).toBe(true);
  });
});
