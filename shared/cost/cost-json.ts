/**
 * The JSON of `ecs-visualizer cost --format json` (issue #15): exactly its keys, in its order. The report
 * the app uses carries more (ids for selection); this is the stable public shape (add keys, never rename).
 */
import type { Diagnostic } from '../model/types';
import type { CostReport, CostRow } from './compute-cost';

function rowJson(r: CostRow) {
  return {
    serviceArn: r.serviceArn,
    accountId: r.accountId,
    region: r.region,
    cluster: r.cluster,
    service: r.service,
    launchType: r.launchType,
    tasks: r.tasks,
    nowMonthly: r.nowMonthly,
    idleAllocatedMonthly: r.idleAllocatedMonthly,
    fargateMonthly: r.fargateMonthly,
    fargateSpotMonthly: r.fargateSpotMonthly,
    fargateSpotStrategyMonthly: r.fargateSpotStrategyMonthly,
    gravitonMonthly: r.gravitonMonthly,
    ec2Monthly: r.ec2Monthly,
    ec2InstanceType: r.ec2InstanceType,
    ec2Instances: r.ec2Instances,
    blockers: r.blockers.map((b) => ({ code: b.code, path: b.path, message: b.message })),
    changesNeeded: r.changesNeeded.map((b) => ({ code: b.code, path: b.path, message: b.message })),
    verdict: r.verdict,
  };
}

/** The public JSON object of a report; `diagnostics` are the load's and the cost model's together. */
export function costJson(report: CostReport, diagnostics: Diagnostic[]) {
  return {
    currency: report.currency,
    hoursPerMonth: report.hoursPerMonth,
    prices: { retrieved: report.prices.retrieved, sources: report.prices.sources },
    services: report.services.map(rowJson),
    standalone: report.standalone.map(rowJson),
    clusters: report.clusters.map((c) => ({
      clusterArn: c.clusterArn,
      cluster: c.cluster,
      nowMonthly: c.nowMonthly,
      idleMonthly: c.idleMonthly,
      fargateMonthly: c.fargateMonthly,
      fargateSpotMonthly: c.fargateSpotMonthly,
      ec2Monthly: c.ec2Monthly,
    })),
    hosts: report.hosts.map((h) => ({
      instanceId: h.instanceId,
      instanceType: h.instanceType,
      monthly: h.monthly,
      idleShare: h.idleShare,
      idleMonthly: h.idleMonthly,
    })),
    totals: report.totals,
    missingPrices: report.missingPrices.map((m) => ({ region: m.region, item: m.item })),
    diagnostics,
  };
}

/** The sentence every view of the lens shows beside its figures. */
export function pricesCaveat(report: Pick<CostReport, 'prices'>): string {
  const dates = [...new Set(report.prices.sources.map((s) => s.retrieved))].sort();
  return `list prices of ${dates.join(', ') || report.prices.retrieved}, no discounts (Savings Plans, RIs, Spot history) applied`;
}
