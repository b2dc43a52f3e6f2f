/**
 * Fargate's valid task sizes (CPU units, memory MiB), 0.25 to 16 vCPU.
 *
 * Source: Amazon ECS Developer Guide, "Troubleshoot Amazon ECS task definition invalid CPU or memory
 * errors" (docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html) and the ECS API
 * reference of TaskDefinition.memory, retrieved 2026-12-06:
 *   256 (.25 vCPU): 512 MiB, 1 GB, 2 GB
 *   512 (.5 vCPU): 1 to 4 GB in 1 GB steps
 *   1024 (1 vCPU): 2 to 8 GB in 1 GB steps
 *   2048 (2 vCPU): 4 to 16 GB in 1 GB steps
 *   4096 (4 vCPU): 8 to 30 GB in 1 GB steps
 *   8192 (8 vCPU): 16 to 60 GB in 4 GB steps (Linux platform 1.4.0 or later)
 *   16384 (16 vCPU): 32 to 120 GB in 8 GB steps (Linux platform 1.4.0 or later)
 * Windows on Fargate starts at 1 vCPU (same guide: 256 and 512 are Linux only).
 */

/** One valid Fargate task size. */
export interface FargateSize {
  /** CPU units (1,024 = 1 vCPU). */
  cpu: number;
  memoryMiB: number;
}

const GB = 1024;

function steps(cpu: number, fromGb: number, toGb: number, stepGb: number): FargateSize[] {
  const out: FargateSize[] = [];
  for (let gb = fromGb; gb <= toGb; gb += stepGb) out.push({ cpu, memoryMiB: gb * GB });
  return out;
}

/** Every valid size, by CPU then memory (the table of the source above, written out). */
export const FARGATE_SIZES: readonly FargateSize[] = [
  { cpu: 256, memoryMiB: 512 },
  { cpu: 256, memoryMiB: 1 * GB },
  { cpu: 256, memoryMiB: 2 * GB },
  ...steps(512, 1, 4, 1),
  ...steps(1024, 2, 8, 1),
  ...steps(2048, 4, 16, 1),
  ...steps(4096, 8, 30, 1),
  ...steps(8192, 16, 60, 4),
  ...steps(16384, 32, 120, 8),
];

/** The largest task Fargate runs: 16 vCPU, 120 GB. */
export const FARGATE_MAX: FargateSize = { cpu: 16384, memoryMiB: 120 * GB };

/**
 * The smallest valid Fargate size holding `cpu` units and `memoryMiB`, cheapest first at `vcpuHour`/`gbHour`
 * (any positive rates give the same order for sizes that both hold the task: more CPU or memory never costs
 * less). Undefined when the task is beyond Fargate's maximum. `windows` starts at 1 vCPU.
 */
export function roundToFargate(
  cpu: number,
  memoryMiB: number,
  windows = false,
  rates: { vcpuHour: number; gbHour: number } = { vcpuHour: 0.04048, gbHour: 0.004445 },
): FargateSize | undefined {
  let best: FargateSize | undefined;
  let bestCost = Infinity;
  for (const s of FARGATE_SIZES) {
    if (s.cpu < cpu || s.memoryMiB < memoryMiB || (windows && s.cpu < 1024)) continue;
    const cost = (s.cpu / 1024) * rates.vcpuHour + (s.memoryMiB / GB) * rates.gbHour;
    if (cost < bestCost) {
      best = s;
      bestCost = cost;
    }
  }
  return best;
}
