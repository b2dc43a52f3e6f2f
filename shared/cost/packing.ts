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
  for (const i of order) {
    const it = items[i];
    let placed = -1;
    for (const b of live) {
      if (remCpu[b] >= it.cpu && remMem[b] >= it.memoryMiB && remEni[b] >= it.enis) {
        placed = b;
        break;
      }
    }
    if (placed < 0) {
      placed = bins.length;
      bins.push([]);
      remCpu.push(cap.cpu);
      remMem.push(cap.memoryMiB);
      remEni.push(cap.enis);
      live.push(placed);
    }
    bins[placed].push(i);
    remCpu[placed] -= it.cpu;
    remMem[placed] -= it.memoryMiB;
    remEni[placed] -= it.enis;
    if (remCpu[placed] < minCpu || remMem[placed] < minMem || remEni[placed] < minEni)
      live.splice(live.indexOf(placed), 1);
  }
  return { bins };
}
