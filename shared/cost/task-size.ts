/**
 * What a task reserves, as ECS counts it: its task-level cpu/memory, else the sum over its containers of
 * cpu and of (memoryReservation ?? memory). Plus what the cost model needs beside the size: CPU
 * architecture, OS, network mode and ephemeral storage, from the task definition's fields.
 */
import type { Task, TaskDefinition } from '../model/types';
import type { CpuArch } from '../pricing/price-table';

/** One task's reservation and the task-definition facts the cost model prices. */
export interface TaskShape {
  /** CPU units (1,024 = 1 vCPU). */
  cpu: number;
  memoryMiB: number;
  arch: CpuArch;
  /** True when `runtimePlatform.cpuArchitecture` said so (else x86_64 is assumed). */
  archStated: boolean;
  windows: boolean;
  /** `runtimePlatform.operatingSystemFamily`, when set. */
  osFamily?: string;
  /** Task definition network mode; EC2 Linux tasks default to bridge. */
  networkMode: string;
  /** Ephemeral storage of a Fargate task, GiB (20 when not set). */
  ephemeralGiB: number;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** CPU units of a task-definition value: `256`, `"256"`, `"0.25 vCPU"`, `"1 vcpu"`. */
export function parseCpuUnits(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // Registered task definitions carry plain integers as strings: no regex for those.
  if (/^\d+$/.test(value)) return Number(value);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** Memory MiB of a task-definition value: `512`, `"512"`, `"1 GB"`, `"0.5GB"`. */
export function parseMemoryMiB(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // Registered task definitions carry plain integers as strings: no regex for those.
  if (/^\d+$/.test(value)) return Number(value);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** The raw container definitions of a task definition (empty when only the summary is known). */
export function rawContainerDefinitions(td: TaskDefinition | undefined): Raw[] {
  const list = td?.raw?.containerDefinitions;
  return Array.isArray(list) ? list.filter(isObj) : [];
}

function sumContainers(td: TaskDefinition | undefined, task: Task | undefined): { cpu: number; memoryMiB: number } {
  const raw = rawContainerDefinitions(td);
  if (raw.length > 0) {
    let cpu = 0;
    let mem = 0;
    for (const c of raw) {
      cpu += parseCpuUnits(c.cpu) ?? 0;
      mem += parseMemoryMiB(c.memoryReservation) ?? parseMemoryMiB(c.memory) ?? 0;
    }
    return { cpu, memoryMiB: mem };
  }
  if (td && td.containerDefinitions.length > 0)
    return {
      cpu: td.containerDefinitions.reduce((s, c) => s + (c.cpu ?? 0), 0),
      memoryMiB: td.containerDefinitions.reduce((s, c) => s + (c.memory ?? 0), 0),
    };
  return {
    cpu: (task?.containers ?? []).reduce((s, c) => s + (parseCpuUnits(c.cpu) ?? 0), 0),
    memoryMiB: (task?.containers ?? []).reduce((s, c) => s + (parseMemoryMiB(c.memory) ?? 0), 0),
  };
}

/** The shape of `task` (or of a task of `td` when no task was loaded). `onEc2` picks the default network mode. */
export function taskShape(td: TaskDefinition | undefined, task: Task | undefined, onEc2: boolean): TaskShape {
  let cpu = parseCpuUnits(task?.cpu) ?? parseCpuUnits(td?.cpu);
  let memoryMiB = parseMemoryMiB(task?.memory) ?? parseMemoryMiB(td?.memory);
  // The containers are summed only when the task level does not say (it usually does).
  if (cpu === undefined || memoryMiB === undefined) {
    const sum = sumContainers(td, task);
    cpu ??= sum.cpu;
    memoryMiB ??= sum.memoryMiB;
  }
  const platform = isObj(td?.raw?.runtimePlatform) ? td.raw.runtimePlatform : undefined;
  const archRaw = typeof platform?.cpuArchitecture === 'string' ? platform.cpuArchitecture.toUpperCase() : undefined;
  const osFamily = typeof platform?.operatingSystemFamily === 'string' ? platform.operatingSystemFamily : undefined;
  const storage = isObj(task?.raw?.ephemeralStorage)
    ? task.raw.ephemeralStorage
    : isObj(td?.raw?.ephemeralStorage)
      ? td.raw.ephemeralStorage
      : undefined;
  const size = typeof storage?.sizeInGiB === 'number' ? storage.sizeInGiB : 20;
  return {
    cpu,
    memoryMiB,
    arch: archRaw === 'ARM64' ? 'arm64' : 'x86_64',
    archStated: archRaw === 'ARM64' || archRaw === 'X86_64',
    windows: osFamily !== undefined && osFamily.toUpperCase().startsWith('WINDOWS'),
    osFamily,
    networkMode: td?.networkMode ?? (onEc2 ? 'bridge' : 'awsvpc'),
    ephemeralGiB: size,
  };
}
