import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packFirstFitDecreasing, type PackCapacity, type PackItem } from './packing';

/**
 * First fit decreasing written the plain way, one item at a time over every bin: what the packer's run-at-once
 * placement must match bin for bin (same order: the scarcer resource first, ties by input position).
 */
function oneByOne(items: readonly PackItem[], cap: PackCapacity): number[][] | undefined {
  if (items.some((it) => it.cpu > cap.cpu || it.memoryMiB > cap.memoryMiB || it.enis > cap.enis)) return undefined;
  const cpu = items.reduce((s, it) => s + it.cpu, 0) / cap.cpu;
  const mem = items.reduce((s, it) => s + it.memoryMiB, 0) / cap.memoryMiB;
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const [x, y] = [items[a], items[b]];
    const d = cpu >= mem ? y.cpu - x.cpu || y.memoryMiB - x.memoryMiB : y.memoryMiB - x.memoryMiB || y.cpu - x.cpu;
    return d || a - b;
  });
  const bins: { items: number[]; cpu: number; mem: number; enis: number }[] = [];
  for (const i of order) {
    const it = items[i];
    let bin = bins.find((b) => b.cpu >= it.cpu && b.mem >= it.memoryMiB && b.enis >= it.enis);
    if (!bin) bins.push((bin = { items: [], cpu: cap.cpu, mem: cap.memoryMiB, enis: cap.enis }));
    bin.items.push(i);
    bin.cpu -= it.cpu;
    bin.mem -= it.memoryMiB;
    bin.enis -= it.enis;
  }
  return bins.map((b) => b.items);
}

describe('packing runs of equal tasks at once', () => {
  it('puts every task in the same bin as one-by-one first fit decreasing', () => {
    // Few distinct sizes, many tasks of each: the runs the packer places at once.
    const size = fc.record({
      cpu: fc.constantFrom(0, 128, 256, 512, 1024, 2048),
      memoryMiB: fc.constantFrom(0, 512, 768, 1024, 2048, 3072),
      enis: fc.constantFrom(0, 1),
    });
    const cap = fc.record({
      cpu: fc.constantFrom(2048, 4096, 8192),
      memoryMiB: fc.integer({ min: 3072, max: 32000 }),
      enis: fc.integer({ min: 1, max: 7 }),
    });
    fc.assert(
      fc.property(
        fc.array(size, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        cap,
        (sizes, picks, c) => {
          const items = picks.map((p) => sizes[p % sizes.length]);
          expect(packFirstFitDecreasing(items, c)?.bins).toEqual(oneByOne(items, c));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a service of 100 equal awsvpc tasks fills hosts by ENIs: 2 tasks a host, 50 hosts', () => {
    // An m5.large offers 2 vCPU, 7,782 MiB usable and 3 − 1 = 2 ENIs to tasks; 0.25 vCPU / 512 MiB tasks are
    // limited by the ENIs: 100 ÷ 2 = 50 hosts, each holding the next two tasks in input order.
    const items = Array.from({ length: 100 }, () => ({ cpu: 256, memoryMiB: 512, enis: 1 }));
    const p = packFirstFitDecreasing(items, { cpu: 2048, memoryMiB: 7782, enis: 2 });
    expect(p?.bins).toHaveLength(50);
    expect(p?.bins[0]).toEqual([0, 1]);
    expect(p?.bins[49]).toEqual([98, 99]);
  });
});
