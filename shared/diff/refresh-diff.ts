/**
 * When a new load is a refresh of the one on screen: a newer snapshot of the
 * same account (a live Refresh, or in web mode opening a later snapshot file).
 * Only then is the diff worth showing; any other load clears it.
 */
import type { Topology } from '../model/types';
import { diffTopology, type TopologyDiff } from './diff-topology';
import { describedClusters } from './compare-loads';
import { dataTime } from '../render/caption';

function accounts(t: Topology): Set<string> {
  return new Set(t.clusters.map((c) => c.accountId).filter((a): a is string => Boolean(a)));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * True when `next` is a later snapshot of what `prev` showed: both carry a
 * fetch time, `next`'s is later, and they describe the same account(s) — by
 * account id, or, where ARNs carried none, by at least one shared cluster.
 */
export function isNewerSnapshotOfSameAccount(prev: Topology, next: Topology): boolean {
  if (!prev.fetchedAt || !next.fetchedAt) return false;
  const before = Date.parse(prev.fetchedAt);
  const after = Date.parse(next.fetchedAt);
  if (!Number.isFinite(before) || !Number.isFinite(after) || after <= before) return false;
  const a = accounts(prev);
  const b = accounts(next);
  if (a.size > 0 || b.size > 0) return sameSet(a, b);
  const clusters = new Set(prev.clusters.map((c) => c.id));
  return next.clusters.some((c) => clusters.has(c.id));
}

/** The diff to highlight after loading `next` over `prev`, or null when `next` is not a refresh of `prev`. */
export function refreshDiff(prev: Topology | null, next: Topology): TopologyDiff | null {
  return prev && isNewerSnapshotOfSameAccount(prev, next) ? diffTopology(prev, next) : null;
}

function regions(t: Topology): Set<string> {
  return new Set(
    [...t.clusters, ...t.services, ...t.tasks].map((e) => e.region).filter((r): r is string => Boolean(r)),
  );
}

/**
 * True when `next` reopens what `prev` showed (the on-call habit: run `aws ecs describe-*` again and reopen the
 * files): the same accounts, regions and described clusters, and `next`'s data time not before `prev`'s. Loads
 * where both carry a fetch time are the snapshot refresh above, not this.
 */
export function isReopenOfSameScope(prev: Topology, next: Topology): boolean {
  if (prev.fetchedAt && next.fetchedAt) return false;
  const clustersA = describedClusters(prev);
  if (clustersA.size === 0) return false;
  if (!sameSet(accounts(prev), accounts(next)) || !sameSet(regions(prev), regions(next))) return false;
  if (!sameSet(clustersA, describedClusters(next))) return false;
  const a = dataTime(prev);
  const b = dataTime(next);
  return !a || !b || Date.parse(b.iso) >= Date.parse(a.iso);
}
