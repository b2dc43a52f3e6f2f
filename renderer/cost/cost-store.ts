/** The launch-type lens's state on the page: whether it is on, the prices used, and the last answer. */
import { create } from 'zustand';
import type { CostAnswer, PricesInput } from '../../shared/cost/cost-request';
import type { CostApi } from '../../shared/ipc/cost-api';
import type { CostReport, CostRow, HostCost, ClusterCost } from '../../shared/cost/compute-cost';

/** State and actions of the lens. */
export interface CostState {
  /** Cost badges on the diagram and the lens panel shown. */
  on: boolean;
  /** The user's prices (Load prices… or Refresh prices); null: the bundled table. */
  prices: PricesInput | null;
  answer: CostAnswer | null;
  computing: boolean;
  error: string | null;
  /** Index of the answer by entity id: services, clusters, hosts. */
  byId: Map<string, CostRow | ClusterCost | HostCost>;
  /**
   * Why the last prices file picked was not used (naming it); the prices before it stay. Apart from `error`,
   * which a fresh answer clears: picking a file turns the lens on, and its answer must not hide the refusal.
   */
  refusal: string | null;
  /** The lens's host while the toolbar shows it, for the menu's Load Prices… and Refresh Prices. */
  host: CostApi | null;
  toggle(): void;
  setPrices(prices: PricesInput | null): void;
  setRefusal(refusal: string | null): void;
  setHost(host: CostApi | null): void;
  setAnswer(answer: CostAnswer | null): void;
  setComputing(computing: boolean): void;
  setError(error: string | null): void;
}

function indexOf(report: CostReport | undefined): Map<string, CostRow | ClusterCost | HostCost> {
  const map = new Map<string, CostRow | ClusterCost | HostCost>();
  if (!report) return map;
  for (const r of [...report.services, ...report.standalone]) map.set(r.id, r);
  for (const c of report.clusters) map.set(c.clusterId, c);
  for (const h of report.hosts) map.set(h.id, h);
  return map;
}

/**
 * The lens's answer for the load on screen: while the lens is on and not re-pricing (an answer kept from the
 * load before is never shown as this one's); null otherwise. What an export draws and offers.
 */
export function pricedAnswer(s: Pick<CostState, 'on' | 'computing' | 'answer'>): CostAnswer | null {
  return s.on && !s.computing ? s.answer : null;
}

/** The lens's store. */
export const useCostStore = create<CostState>()((set) => ({
  on: false,
  prices: null,
  answer: null,
  computing: false,
  error: null,
  byId: new Map(),
  refusal: null,
  host: null,
  toggle: () => set((s) => ({ on: !s.on })),
  setPrices: (prices) => set({ prices, refusal: null }),
  setRefusal: (refusal) => set({ refusal }),
  setHost: (host) => set({ host }),
  setAnswer: (answer) => set({ answer, byId: indexOf(answer?.report), error: null }),
  setComputing: (computing) => set({ computing }),
  setError: (error) => set({ error, computing: false }),
}));
