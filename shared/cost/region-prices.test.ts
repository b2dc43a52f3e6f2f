import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES } from '../pricing/instance-types';
import type { PriceTable } from '../pricing/price-table';
import { computeCost } from './compute-cost';
import { REGION, host, hostArn, load, service, task, taskDefinition, testPrices } from './testing/cost-fixtures';

const types = INSTANCE_TYPES.types;

/** A region priced for EC2 only: the blocks a bundled region lacks when no Fargate price could be sourced. */
function ec2OnlyPrices(): PriceTable {
  const full = testPrices({ 'm5.large': 0.1 });
  const { ec2, source, retrieved } = full.regions[REGION];
  return { ...full, regions: { [REGION]: { ec2, source, retrieved } } };
}

describe('a region with EC2 prices and no Fargate prices', () => {
  const topo = load({
    clusters: ['ec2', 'web'],
    services: [
      service('ec2', 'worker', 'worker', { launchType: 'EC2' }),
      service('web', 'api', 'api', { launchType: 'FARGATE' }),
    ],
    taskDefinitions: [
      taskDefinition('worker', { cpu: '512', memory: '1024', networkMode: 'bridge' }),
      taskDefinition('api', { cpu: '256', memory: '512', networkMode: 'awsvpc' }),
    ],
    containerInstances: [host('ec2', 'h1', 'm5.large', 'i-0aaa')],
    tasks: [
      task('ec2', 'w1', 'worker', 'worker', {
        launchType: 'EC2',
        containerInstanceArn: hostArn('ec2', 'h1'),
        cpu: '512',
        memory: '1024',
      }),
      task('web', 'a1', 'api', 'api', { launchType: 'FARGATE', cpu: '256', memory: '512' }),
    ],
  });
  const r = computeCost(topo, { prices: ec2OnlyPrices(), instanceTypes: types });
  const worker = r.services.find((s) => s.service === 'worker')!;
  const api = r.services.find((s) => s.service === 'api')!;

  it('prices the EC2 host and its task, and says each Fargate price is missing instead of guessing it', () => {
    // The host: $0.10/h × 730 = $73.00 a month. Its task (0.5 vCPU, 1 GiB) on an m5.large (2 vCPU, 8 GiB):
    // unit = $73 ÷ (9 × 2 + 1 × 8) = $73 ÷ 26; the task = (9 × 0.5 + 1 × 1) × $73 ÷ 26 = 5.5 × $73 ÷ 26 = $15.4423.
    expect(r.hosts[0].monthly).toBeCloseTo(73, 6);
    expect(worker.nowMonthly).toBeCloseTo(15.4423, 4);
    // No Fargate rate in the region: every Fargate figure is null, none borrowed from elsewhere.
    expect(worker.fargateMonthly).toBeNull();
    expect(worker.fargateSpotMonthly).toBeNull();
    expect(worker.gravitonMonthly).toBeNull();
    expect(api.nowMonthly).toBeNull();
    expect(api.fargateMonthly).toBeNull();
    const messages = r.diagnostics.map((d) => d.message);
    expect(messages).toContain(`no price for Fargate x86_64 in ${REGION} — add it with --prices`);
    expect(messages).toContain(`no price for Fargate Spot x86_64 in ${REGION} — add it with --prices`);
    expect(messages).toContain(`no price for Fargate arm64 in ${REGION} — add it with --prices`);
    expect(r.missingPrices).toContainEqual({ region: REGION, item: 'Fargate x86_64' });
    // Each missing price is said once, however many tasks need it.
    expect(messages.filter((m) => m.startsWith('no price for Fargate x86_64')).length).toBe(1);
  });

  it('still packs the Fargate service onto the region’s EC2 types, and the verdicts say what cannot be compared', () => {
    // 1 task of 0.25 vCPU / 0.5 GB, awsvpc: one m5.large (2 of 3 ENIs free) at $73.00 a month.
    expect(api.ec2Monthly).toBeCloseTo(73, 6);
    expect(api.ec2InstanceType).toBe('m5.large');
    expect(worker.verdict).toBe('Cannot compare: a price is missing (see missing prices).');
    expect(api.verdict).toBe('Cannot compare: a price is missing (see missing prices).');
    // The bill lacks the Fargate task's price, so the total is missing too, not understated.
    expect(r.totals.nowMonthly).toBeNull();
  });
});
