/**
 * How the cost lens's figures read wherever they are printed: the page's lens panel, the export's table and the
 * CLI's `cost`. One reading each, so the three never disagree (the CLI's EC2 cell once read `$0.00 0× null` for a
 * service with no running task, where the others said `—`).
 */
import { idScope, scopeText } from '../model/arn';
import { formatDollars, type ClusterCost, type CostRow } from './compute-cost';

/** Dollars, or `—` for a missing price. */
export function money(v: number | null): string {
  return v === null ? '—' : formatDollars(v);
}

/** The EC2-packed cell: `$60.74 · 2× t3.medium` (the separator is the caller's), `—` when nothing was packed. */
export function ec2PackedText(
  r: Pick<CostRow, 'ec2Monthly' | 'ec2Instances' | 'ec2InstanceType'>,
  separator = ' ',
): string {
  return r.ec2Monthly === null || !r.ec2Instances
    ? '—'
    : `${money(r.ec2Monthly)}${separator}${r.ec2Instances}× ${r.ec2InstanceType}`;
}

/**
 * Names clusters as the lens prints them: a name several clusters of the report share (two accounts' `default`)
 * reads with its account and region, `default (123456789012 · us-west-2)`; any other name as it is.
 */
export function clusterLabeller(
  clusters: readonly Pick<ClusterCost, 'cluster' | 'clusterId'>[],
): (name: string, clusterId: string | null) => string {
  const ids = new Map<string, Set<string>>();
  for (const c of clusters) {
    const set = ids.get(c.cluster) ?? new Set<string>();
    set.add(c.clusterId);
    ids.set(c.cluster, set);
  }
  return (name, clusterId) => {
    const scope = clusterId && (ids.get(name)?.size ?? 0) > 1 ? idScope(clusterId) : null;
    return scope ? `${name} (${scopeText(scope)})` : name;
  };
}
