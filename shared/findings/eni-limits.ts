/**
 * How many network interfaces an EC2 instance type has, for the placement explainer's awsvpc check. The
 * numbers are helper-cost's sourced table (shared/pricing/instance-types.json: DescribeInstanceTypes'
 * NetworkInfo.MaximumNetworkInterfaces, with its source and retrieval date in the file). A type not in
 * the table has no limit here: the explainer says so instead of guessing.
 */
import table from '../pricing/instance-types.json' with { type: 'json' };

/** Looks up an instance type's limits; the explainer takes it as a parameter so tests can pass their own. */
export interface InstanceTypeLimits {
  /** Network interfaces of the type, the primary one included; undefined when the table has no such type. */
  maxEnis(instanceType: string): number | undefined;
  /** Where the numbers come from and when they were read, for the message that cites them. */
  source: string;
}

interface TableShape {
  retrieved?: string;
  types?: Record<string, { maxEnis?: unknown }>;
}

const data = table as TableShape;

/** The limits of shared/pricing/instance-types.json. */
export const SOURCED_INSTANCE_TYPES: InstanceTypeLimits = {
  maxEnis(instanceType) {
    const v = data.types?.[instanceType]?.maxEnis;
    return typeof v === 'number' ? v : undefined;
  },
  source: `shared/pricing/instance-types.json (EC2 DescribeInstanceTypes, retrieved ${data.retrieved ?? 'date unknown'})`,
};
