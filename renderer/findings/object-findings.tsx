/**
 * The findings about the selected object, in its details panel: what the rules say about it (a task that cannot
 * be placed, all tasks on one host, a log driver missing…) where a person looks at it, not only in the Findings
 * list at the foot of the window. Each opens in full there, as a row of that list does.
 */
import { RULE_BY_ID } from '../../shared/findings/rule-table';
import type { Finding } from '../../shared/findings/types';
import { Section } from '../panels/panel-parts';
import { findingsAbout } from './findings-index';
import { openFinding } from './findings-panel';
import { useFindingsStore } from './findings-store';
import './findings.css';

/** The findings about `objectId` in `findings` (nothing when there are none, or none computed yet). */
export function ObjectFindings({ findings, objectId }: { findings: Finding[] | undefined; objectId: string }) {
  // Findings can arrive after the load (web mode): the count of arrivals re-renders this when they do.
  useFindingsStore((s) => s.arrivals);
  const about = findingsAbout(findings, objectId);
  if (about.length === 0) return null;
  return (
    <Section title={`Findings (${about.length})`}>
      <ul className="object-findings" data-testid="details-findings">
        {about.map((f, i) => (
          <li key={`${f.rule}:${i}`} data-rule={f.rule} data-severity={f.severity}>
            <button
              type="button"
              className="diag-row object-finding"
              title="Show in the Findings list, with its evidence"
              onClick={() => openFinding(f)}
            >
              <span className={`sev-dot sev-${f.severity}`} aria-label={f.severity} />
              <span className="object-finding-text">
                <strong>{RULE_BY_ID[f.rule].title}</strong>
                <span>{f.message}</span>
                {f.placement && f.placement.hosts.length > 0 && (
                  <span className="finding-action">show the {f.placement.hosts.length} hosts it tried</span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
