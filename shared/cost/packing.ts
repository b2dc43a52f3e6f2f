/**
 * First-fit decreasing bin packing of task reservations onto EC2 instances of one type: what the "on EC2"
 * what-if buys. Two resources (CPU units, memory MiB) plus ENIs for awsvpc tasks.
 */

/** One task to place. */
export interface PackItem {
  cpu: number;
  memoryMiB: number;
  /** 1 for an awsvpc task (its own ENI), else 0. */
  enis: number;
}

/** What one instance offers to tasks. */
export interface PackCapacity {
  cpu: number;
  memoryMiB: number;
  /** ENIs tasks may use: the instance's maximum less its primary interface. */
  enis: number;
}

/** A packing: the instances used and what each holds. */
export interface Packing {
  /** Per instance, the indexes of the items on it. */
  bins: number[][];
}

/**
 * Packs `items` first-fit decreasing on the scarcer resource (the one the items use more of relative to
 * one instance). Undefined when an item does not fit even an empty instance.
 */
export function packFirstFitDecreasing(items: readonly PackItem[], cap: PackCapacity): Packing | undefined {
  let sumCpu = 0;
  let sumMem = 0;
  for (const it of items) {
    if (it.cpu > cap.cpu || it.memoryMiB > cap.memoryMiB || it.enis > cap.enis) return undefined;
    sumCpu += it.cpu;
    sumMem += it.memoryMiB;
  }
  const cpuScarcer = (cap.cpu > 0 ? sumCpu / cap.cpu : 0) >= (cap.memoryMiB > 0 ? sumMem / cap.memoryMiB : 0);
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const x = items[a];
    const y = items[b];
    const d = cpuScarcer ? y.cpu - x.cpu || y.memoryMiB - x.memoryMiB : y.memoryMiB - x.memoryMiB || y.cpu - x.cpu;
    return d || a - b;
  });
  let minCpu = Infinity;
  let minMem = Infinity;
  let minEni = Infinity;
  for (const it of items) {
    minCpu = Math.min(minCpu, it.cpu);
    minMem = Math.min(minMem, it.memoryMiB);
    minEni = Math.min(minEni, it.enis);
  }
  const bins: number[][] = [];
  const remCpu: number[] = [];
  const remMem: number[] = [];
  const remEni: number[] = [];
  // Bins that can still take the smallest item; a bin that cannot is never looked at again, which keeps
  // a cluster of thousands of equal tasks linear instead of quadratic.
  const live: number[] = [];
  // Equal items come one after another in that order (a service's tasks share one size): a run of them is
  // placed at once, as many in each bin as fit, which is exactly where one-by-one first fit would put them
  // (the bins before the first one that fits stay too full for every item of the run).
  const fit = (rem: number, need: number) => (need > 0 ? Math.floor(rem / need) : Infinity);
  // Fractional sizes go one at a time, so the remainders are the same sums as one-by-one placing makes.
  const whole = (x: PackItem) => Number.isInteger(x.cpu) && Number.isInteger(x.memoryMiB);
  for (let start = 0; start < order.length;) {
    const it = items[order[start]];
    let end = start + 1;
    while (end < order.length) {
      const next = items[order[end]];
      if (next.cpu !== it.cpu || next.memoryMiB !== it.memoryMiB || next.enis !== it.enis) break;
      end++;
    }
    let p = 0;
    while (start < end) {
      let b: number;
      if (p < live.length) b = live[p];
      else {
        b = bins.length;
        bins.push([]);
        remCpu.push(cap.cpu);
        remMem.push(cap.memoryMiB);
        remEni.push(cap.enis);
        live.push(b);
      }
      const n = Math.min(
        whole(it) ? end - start : 1,
        fit(remCpu[b], it.cpu),
        fit(remMem[b], it.memoryMiB),
        fit(remEni[b], it.enis),
      );
      if (n <= 0) {
        p++;
        continue;
      }
      for (let k = start; k < start + n; k++) bins[b].push(order[k]);
      start += n;
      remCpu[b] -= n * it.cpu;
      remMem[b] -= n * it.memoryMiB;
      remEni[b] -= n * it.enis;
      // A full bin leaves the live list; otherwise the next pass finds it cannot take another and moves on.
      if (remCpu[b] < minCpu || remMem[b] < minMem || remEni[b] < minEni) live.splice(p, 1);
    }
  }
  return { bins };
}
