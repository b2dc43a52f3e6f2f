/**
 * The details of an account · region card (drawn when a load spans several):
 * the account and region, and what its clusters hold, by status.
 */
import type { AccountSummary } from '../../shared/graph/accounts';
import { STATUS_ORDER } from '../../shared/theme/theme';
import { useDiagramStore } from '../store/diagram-store';
import { DetailsFrame, FieldList, Section } from './panel-parts';

/** "3 (2 ACTIVE · 1 DRAINING)", in the given order of keys (else as counted), or "0". */
function countsText(
  counts: Readonly<Record<string, number | undefined>>,
  order: readonly string[] = Object.keys(counts),
): string {
  const parts = order.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${k}`);
  const total = Object.values(counts).reduce((a: number, b) => a + (b ?? 0), 0);
  return parts.length > 0 ? `${total} (${parts.join(' · ')})` : '0';
}

/** The account card's details panel. */
export function AccountDetails({ summary, onClose }: { summary: AccountSummary; onClose: () => void }) {
  const select = useDiagramStore((s) => s.select);
  return (
    <DetailsFrame kicker="Account · region" title={summary.label} label="Account details" onClose={onClose}>
      <Section title="Fields">
        <FieldList
          rows={[
            ['Account', summary.accountId ?? 'unknown'],
            ['Region', summary.region ?? 'unknown'],
            ['Clusters', countsText(summary.clustersByStatus)],
            ['Services', countsText(summary.servicesByStatus)],
            ['Tasks', countsText(summary.tasksByStatus, [...STATUS_ORDER, 'unknown'])],
            ['Container instances', String(summary.containerInstances)],
          ]}
        />
      </Section>
      <Section title={`Clusters (${summary.clusters.length})`}>
        <ul className="sources" data-testid="account-clusters">
          {summary.clusters.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => select(c.id, { focus: true })}>
                {c.name}
              </button>{' '}
              <span className="muted">{c.placeholder ? 'referenced only' : (c.status ?? '')}</span>
            </li>
          ))}
        </ul>
      </Section>
    </DetailsFrame>
  );
}
