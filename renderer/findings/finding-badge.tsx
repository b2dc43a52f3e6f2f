/**
 * The badge on a diagram node with findings: how many, coloured by the worst. Clicking the node selects it;
 * the Findings panel and the details say what they are.
 */
import { useDiagramStore } from '../store/diagram-store';
import { useFindingsStore } from './findings-store';
import { findingSummary, hostVerdict } from './findings-index';

/** A count badge for the findings about `entityId`; nothing when it has none. */
export function FindingBadge({ entityId }: { entityId: string | undefined }) {
  useFindingsStore((s) => s.arrivals);
  const summary = useDiagramStore((s) => findingSummary(s.topology?.findings, entityId));
  if (!summary) return null;
  const label = `${summary.count} finding${summary.count === 1 ? '' : 's'} (worst: ${summary.worst})`;
  return (
    <span
      className={`finding-badge finding-${summary.worst}`}
      data-testid="finding-badge"
      title={label}
      aria-label={label}
    >
      {summary.count}
    </span>
  );
}

/**
 * On a host card of the placement view: the explainer's reason this host could not take the task being
 * explained (or that it could), with the card highlighted by the class it returns.
 */
export function useHostVerdict(entityId: string | undefined) {
  const explaining = useFindingsStore((s) => s.explaining);
  useFindingsStore((s) => s.arrivals);
  return useDiagramStore((s) => hostVerdict(s.topology?.findings, explaining, entityId));
}

/** The reason line under a host card the explainer tried. */
export function HostVerdictLine({ entityId }: { entityId: string | undefined }) {
  const verdict = useHostVerdict(entityId);
  if (!verdict) return null;
  return (
    <div
      className={`host-verdict host-verdict-${verdict.code === 'fits' ? 'fits' : 'fails'}`}
      data-testid="host-verdict"
      title={verdict.reason}
    >
      {verdict.code === 'fits' ? '✓ ' : '✗ '}
      {verdict.reason}
    </div>
  );
}
