import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { askingByNumber, NOT_HELD, type CostApi } from '../shared/ipc/cost-api';
import { HeldLoads } from './held-loads';
import { ipcRenderer } from './test/fake-electron';
import { m5LargeExample } from '../shared/cost/testing/cost-fixtures';
import { wiredCostApi } from './test/wired-cost-api';
import { fetchPriceTable } from './aws/pricing';
import { DEFAULT_COST_DEPS } from './aws/pricing-ipc';
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

describe('Load prices… and Refresh prices through the preload and a mocked main', () => {
  let costApi: CostApi;

  beforeEach(async () => {
    // Main's real cost work, with the Price List client pointed at the fake endpoint.
    ({ costApi } = await wiredCostApi({
      report: DEFAULT_COST_DEPS.report,
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

  it('costReport is computed in main: bundled prices, then a loaded prices file over them', async () => {
    const bundled = await costApi.costReport(topology(), null);
    // Bundled m5.large: $0.096 × 730 = $70.08.
    expect(bundled.report.hosts[0].monthly).toBeCloseTo(70.08, 6);
    const loaded = await costApi.costReport(topology(), {
      name: 'mine.json',
      text: JSON.stringify({
        format: 'ecs-visualizer-prices/v1',
        currency: 'USD',
        retrieved: '2026-01-01',
        source: 'mine',
        regions: { 'us-east-1': { ec2: { 'm5.large': 0.1 } } },
      }),
    });
    // The example at $0.10/h: unit $0.10/26; tasks $15.44, $15.44, $8.42; idle $33.69.
    expect(loaded.pricesDiagnostics).toEqual([]);
    expect(loaded.report.hosts[0].idleMonthly).toBeCloseTo(33.69, 2);
    expect(loaded.report.services.find((s) => s.service === 'small')?.nowMonthly).toBeCloseTo(8.42, 2);
    const refused = await costApi.costReport(topology(), {
      name: 'eur.json',
      text: '{"format":"ecs-visualizer-prices/v1","currency":"EUR","retrieved":"x","source":"x","regions":{}}',
    });
    expect(refused.pricesDiagnostics[0]).toMatchObject({ code: 'prices-currency', file: 'eur.json' });
    expect(refused.report.hosts[0].monthly).toBeCloseTo(70.08, 6);
  });

  it('refreshPrices asks the Price List API in main and returns a prices file the lens then uses', async () => {
    const prices = await costApi.refreshPrices({ regions: ['us-east-1'] });
    expect(prices.name).toBe('aws-price-list-2026-12-06.json');
    const answer = await costApi.costReport(topology(), prices);
    // The fake endpoint's m5.large: $0.11 × 730 = $80.30.
    expect(answer.report.hosts[0].monthly).toBeCloseTo(80.3, 6);
    expect(answer.report.prices.sources.find((s) => s.region === 'us-east-1')?.retrieved).toBe('2026-12-06');
  });

  it('refuses a malformed refresh before any AWS call', async () => {
    const before = server.requests.length;
    await expect(costApi.refreshPrices({ regions: ['not a region'] })).rejects.toThrow();
    expect(server.requests.length).toBe(before);
  });
});

describe('the lens of a load main keeps: asked by number, the load stays in main', () => {
  it('prices the kept load by its number, sends the load only once main no longer keeps it', async () => {
    const held = new HeldLoads();
    const { costApi: preloadApi } = await wiredCostApi({
      report: DEFAULT_COST_DEPS.report,
      fetchPrices: vi.fn(),
      held: (n) => held.get(n),
    });
    const costApi = askingByNumber(preloadApi);
    const shown = held.keep(m5LargeExample());
    // What the page holds is its own copy (as IPC gives it), with the number on it.
    const onPage = structuredClone(shown);
    const sent: unknown[] = [];
    const invoke = ipcRenderer.invoke.getMockImplementation()!;
    ipcRenderer.invoke.mockImplementation((channel: string, arg?: unknown) => (sent.push(arg), invoke(channel, arg)));

    const byNumber = await costApi.costReport(onPage, null);
    expect(sent).toEqual([{ heldAs: shown.heldAs, prices: null }]);
    expect(byNumber).toEqual(await DEFAULT_COST_DEPS.report(shown, null));
    expect(byNumber.report.hosts[0].monthly).toBeCloseTo(70.08, 6);

    // Two newer loads later main has let it go: the page's copy is sent, and priced the same.
    held.keep(m5LargeExample());
    held.keep(m5LargeExample());
    sent.length = 0;
    const resent = await costApi.costReport(onPage, null);
    expect(sent).toEqual([
      { heldAs: shown.heldAs, prices: null },
      { topology: onPage, prices: null },
    ]);
    expect(resent).toEqual(byNumber);
  });

  it('asks by topology for a load main never kept (web mode makes no number)', async () => {
    const { costApi } = await wiredCostApi({ report: DEFAULT_COST_DEPS.report, fetchPrices: vi.fn() });
    const answer = await askingByNumber(costApi).costReport(m5LargeExample(), null);
    expect(answer.report.hosts[0].monthly).toBeCloseTo(70.08, 6);
    await expect(costApi.costReportHeld!(1, null)).rejects.toThrow(NOT_HELD);
  });
});
