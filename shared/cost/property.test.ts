import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES } from '../pricing/instance-types';
import { FARGATE_MAX, roundToFargate } from '../pricing/fargate-sizes';
import { computeCost } from './compute-cost';
import { packFirstFitDecreasing } from './packing';
import { host, hostArn, load, service, task, taskDefinition, testPrices } from './testing/cost-fixtures';

const types = INSTANCE_TYPES.types;
const HOST_TYPES = ['m5.large', 'm5.xlarge', 'c6g.large', 'r5.large', 't3.medium'];

/** A random small account: EC2 hosts with tasks of random sizes, and Fargate services. */
const account = fc.record({
  hosts: fc.array(fc.constantFrom(...HOST_TYPES), { minLength: 0, maxLength: 4 }),
  ec2Tasks: fc.array(
    fc.record({
      cpu: fc.integer({ min: 0, max: 4096 }),
      mem: fc.integer({ min: 1, max: 20000 }),
      host: fc.nat(),
      svc: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 12 },
  ),
  fargateTasks: fc.array(
    fc.record({
      cpu: fc.constantFrom(256, 512, 1024, 2048),
      mem: fc.integer({ min: 512, max: 8192 }),
      spot: fc.boolean(),
      arm: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
});

/** One generated account. */
type Account = typeof account extends fc.Arbitrary<infer T> ? T : never;

function build(a: Account) {
  const tds = [0, 1, 2].map((i) => taskDefinition(`e${i}`, { networkMode: i === 0 ? 'awsvpc' : 'bridge' }));
  const tasks: Record<string, unknown>[] = [];
  a.ec2Tasks.forEach((t, i) => {
    if (a.hosts.length === 0) return;
    const h = t.host % a.hosts.length;
    tasks.push(
      task('c', `e${i}`, `e${t.svc}`, `s${t.svc}`, {
        launchType: 'EC2',
        containerInstanceArn: hostArn('c', `h${h}`),
        cpu: String(t.cpu),
        memory: String(t.mem),
      }),
    );
  });
  a.fargateTasks.forEach((t, i) => {
    tds.push(
      taskDefinition(`f${i}`, {
        networkMode: 'awsvpc',
        runtimePlatform: { cpuArchitecture: t.arm ? 'ARM64' : 'X86_64' },
      }),
    );
    tasks.push(
      task('c', `f${i}`, `f${i}`, undefined, {
        launchType: 'FARGATE',
        capacityProviderName: t.spot ? 'FARGATE_SPOT' : undefined,
        cpu: String(t.cpu),
        memory: String(t.mem),
      }),
    );
  });
  return load({
    clusters: ['c'],
    services: [0, 1, 2].map((i) => service('c', `s${i}`, `e${i}`, { launchType: 'EC2', runningCount: 0 })),
    taskDefinitions: tds,
    containerInstances: a.hosts.map((t, i) => host('c', `h${i}`, t, `i-${i}`)),
    tasks,
  });
}

const prices = testPrices({
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'c6g.large': 0.068,
  'r5.large': 0.126,
  't3.medium': 0.0416,
});

describe('cost properties', () => {
  it('costs are never negative, and the bill = Σ services + Σ standalone + Σ host idle, to the micro-dollar', () => {
    fc.assert(
      fc.property(account, (a) => {
        const r = computeCost(build(a), { prices, instanceTypes: types });
        const amounts = [
          ...[...r.services, ...r.standalone].flatMap((s) => [
            s.nowMonthly,
            s.idleAllocatedMonthly,
            s.fargateMonthly,
            s.fargateSpotMonthly,
            s.fargateSpotStrategyMonthly,
            s.gravitonMonthly,
            s.ec2Monthly,
          ]),
          ...r.hosts.flatMap((h) => [h.monthly, h.idleMonthly, h.idleShare]),
          ...r.clusters.flatMap((c) => [c.nowMonthly, c.idleMonthly, c.fargateMonthly, c.ec2Monthly]),
        ];
        for (const v of amounts) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
        const parts =
          [...r.services, ...r.standalone].reduce((s, x) => s + Math.round(x.nowMonthly! * 1e6), 0) +
          r.hosts.reduce((s, h) => s + Math.round(h.idleMonthly! * 1e6), 0);
        expect(Math.round(r.totals.nowMonthly! * 1e6)).toBe(parts);
        for (const h of r.hosts) expect(h.idleShare!).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('packing never overfills an instance in CPU, memory or ENIs, and places every task once', () => {
    const item = fc.record({
      cpu: fc.integer({ min: 0, max: 2048 }),
      memoryMiB: fc.integer({ min: 1, max: 7000 }),
      enis: fc.constantFrom(0, 1),
    });
    const cap = fc.record({
      cpu: fc.constantFrom(2048, 4096, 8192),
      memoryMiB: fc.integer({ min: 7000, max: 64000 }),
      enis: fc.integer({ min: 1, max: 7 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), cap, (items, c) => {
        const p = packFirstFitDecreasing(items, c);
        expect(p).toBeDefined();
        const seen = new Set<number>();
        for (const bin of p!.bins) {
          expect(bin.reduce((s, i) => s + items[i].cpu, 0)).toBeLessThanOrEqual(c.cpu);
          expect(bin.reduce((s, i) => s + items[i].memoryMiB, 0)).toBeLessThanOrEqual(c.memoryMiB);
          expect(bin.reduce((s, i) => s + items[i].enis, 0)).toBeLessThanOrEqual(c.enis);
          for (const i of bin) seen.add(i);
        }
        expect(seen.size).toBe(items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a task that fits no instance is not packed (undefined), never squeezed in', () => {
    expect(
      packFirstFitDecreasing([{ cpu: 4096, memoryMiB: 1, enis: 0 }], { cpu: 2048, memoryMiB: 8000, enis: 2 }),
    ).toBeUndefined();
  });

  it('what-if on Fargate is at least the same reservations priced without rounding', () => {
    const rates = { vcpuHour: 0.04048, gbHour: 0.004445 };
    const armRates = { vcpuHour: 0.03238, gbHour: 0.00356 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: FARGATE_MAX.cpu }),
        fc.integer({ min: 1, max: FARGATE_MAX.memoryMiB }),
        (cpu, mem) => {
          const size = roundToFargate(cpu, mem);
          if (!size) return; // beyond Fargate's table: a `size` blocker, not a price
          expect(size.cpu).toBeGreaterThanOrEqual(cpu);
          expect(size.memoryMiB).toBeGreaterThanOrEqual(mem);
          const rounded = (size.cpu / 1024) * rates.vcpuHour + (size.memoryMiB / 1024) * rates.gbHour;
          const unrounded = (cpu / 1024) * rates.vcpuHour + (mem / 1024) * rates.gbHour;
          expect(rounded).toBeGreaterThanOrEqual(unrounded);
        },
      ),
      { numRuns: 500 },
    );
    // And through the whole model: every service's fargateMonthly ≥ its tasks' unrounded Fargate price.
    fc.assert(
      fc.property(account, (a) => {
        const topo = build(a);
        const r = computeCost(topo, { prices, instanceTypes: types });
        for (const row of r.services) {
          if (row.fargateMonthly === null) continue;
          // A task on a Graviton host is an arm64 task: its Fargate what-if is at the arm64 rates.
          const unrounded = topo.tasks
            .filter((t) => t.serviceId === row.id)
            .reduce((s, t) => {
              const hostType = topo.containerInstances.find((c) => c.id === t.containerInstanceId)?.instanceType;
              const r = hostType && types[hostType].architecture === 'arm64' ? armRates : rates;
              return s + ((Number(t.cpu) / 1024) * r.vcpuHour + (Number(t.memory) / 1024) * r.gbHour) * 730;
            }, 0);
          expect(row.fargateMonthly).toBeGreaterThanOrEqual(unrounded - 1e-6);
        }
      }),
      { numRuns: 100 },
    );
  });
});
