/** The EC2 instance-type table (instance-types.json): vCPUs, memory, architecture, ENIs, with sources. */
import instanceTypesJson from './instance-types.json' with { type: 'json' };
import type { CpuArch } from './price-table';

/** What the cost model needs of one EC2 instance type. */
export interface InstanceTypeInfo {
  vcpus: number;
  memoryMiB: number;
  architecture: CpuArch;
  /** Maximum network interfaces, the primary one included (EC2 User Guide, AvailableIpPerENI table). */
  maxEnis: number;
  ipv4PerEni?: number;
}

/** The table with its sources. */
export interface InstanceTypeTable {
  format: 'ecs-visualizer-instance-types/v1';
  retrieved: string;
  sources: Record<string, string>;
  note?: string;
  types: Record<string, InstanceTypeInfo>;
}

/** The bundled instance-type table. */
export const INSTANCE_TYPES = instanceTypesJson as InstanceTypeTable;

/**
 * Memory ECS leaves to the OS and the container agent, as a fraction of the instance's memory, when packing
 * tasks onto hosts in the what-if. Source: AWS Batch User Guide, "Reserve system memory" ("We recommend
 * reserving a 5% memory buffer for Amazon ECS container agent and other critical system processes"); the ECS
 * Developer Guide, "Reserving Amazon ECS Linux container instance memory", shows the same effect (an m4.large
 * with 8 GiB registers about 7,985 MiB). Retrieved 2026-12-06.
 */
export const OS_AGENT_MEMORY_RESERVE = 0.05;
