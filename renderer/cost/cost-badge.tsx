/** The lens on diagram cards: $/month on services and clusters, a host's idle share and idle $. */
import { formatDollars, type ClusterCost, type CostRow, type HostCost } from '../../shared/cost/compute-cost';
import { useCostStore } from './cost-store';

/** A $/month badge for a service (its tasks + its share of idle) or a cluster (its bill); nothing when the lens is off. */
export function CostBadge({ entityId }: { entityId: string | undefined }) {
  const entry = useCostStore((s) => (s.on && entityId ? s.byId.get(entityId) : undefined));
  if (!entry || 'instanceId' in entry) return null;
  const value =
    'service' in entry
      ? (entry as CostRow).nowMonthly === null || (entry as CostRow).idleAllocatedMonthly === null
        ? null
        : (entry as CostRow).nowMonthly! + (entry as CostRow).idleAllocatedMonthly!
      : (entry as ClusterCost).nowMonthly;
  const label =
    value === null ? 'price missing (see the lens panel)' : `${formatDollars(value)} a month at list prices`;
  return (
    <span className={`cost-badge${value === null ? ' cost-badge-missing' : ''}`} data-testid="cost-badge" title={label}>
      {value === null ? '$ ?' : `${formatDollars(value)}/mo`}
    </span>
  );
}

/** Under a host card of the placement view: its price, and how much of it no task reserves. */
export function HostCostLine({ entityId }: { entityId: string | undefined }) {
  const entry = useCostStore((s) => (s.on && entityId ? s.byId.get(entityId) : undefined)) as HostCost | undefined;
  if (!entry || !('instanceId' in entry)) return null;
  return (
    <div className="cost-host-idle" data-testid="host-cost">
      {entry.monthly === null
        ? '$ ? (no price for its type)'
        : `${formatDollars(entry.monthly)}/mo · idle ${Math.round((entry.idleShare ?? 0) * 100)}% = ${formatDollars(entry.idleMonthly ?? 0)}/mo`}
    </div>
  );
}
