/**
 * The Findings panel, beside Diagnostics: what the rules found in the load, grouped by rule with a count per
 * severity. Clicking a finding selects its object and expands whatever hides it; a placement finding also
 * switches to the placement view with the hosts it tried highlighted. Long lists render only the rows in view.
 */
import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { RULE_BY_ID, RULES } from '../../shared/findings/rule-table';
import type { Finding } from '../../shared/findings/types';
import type { Severity } from '../../shared/model/types';
import { idScope, parseArn, scopeOf, scopeText } from '../../shared/model/arn';
import { useDiagramStore } from '../store/diagram-store';
import { useFindingsStore } from './findings-store';
import './findings.css';

const NO_FINDINGS: Finding[] = [];
const ROW_HEIGHT = 28;

/** One line of the panel: a rule's header, or one finding under it. */
export type FindingRow =
  { type: 'rule'; rule: Finding['rule']; count: number; severity: Severity } | { type: 'finding'; finding: Finding };

/** "1 warning", "2 warnings". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The panel's rows: each rule with findings (in the rule table's order), then its findings unless folded. */
export function findingRows(findings: Finding[], folded: ReadonlySet<string>): FindingRow[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const rows: FindingRow[] = [];
  for (const r of RULES) {
    const list = byRule.get(r.id);
    if (!list) continue;
    rows.push({ type: 'rule', rule: r.id, count: list.length, severity: r.severity });
    if (!folded.has(r.id)) for (const finding of list) rows.push({ type: 'finding', finding });
  }
  return rows;
}

/** Counts per severity. */
export function findingCounts(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The evidence to list under a finding: a host's field is already in the hosts list above it. */
function evidenceShown(f: Finding): Finding['evidence'] {
  const hosts = new Set(f.placement?.hosts.map((h) => h.hostId) ?? []);
  return f.evidence.filter((e) => !e.objectId || !hosts.has(e.objectId));
}

/**
 * Shows finding `f` in full under the Findings list (opening the panel), selects its object and brings it into
 * view; a placement finding also switches to the placement view with the hosts it tried highlighted. The Findings
 * panel's rows and the details panel's list of an object's findings both do this.
 */
export function openFinding(f: Finding): void {
  const findings = useFindingsStore.getState();
  findings.choose(f);
  findings.setOpen(true);
  const s = useDiagramStore.getState();
  if (f.placement && f.placement.hosts.length > 0) {
    findings.explain(f.objectId);
    if (s.view.mode !== 'placement') s.setMode('placement');
    // The hosts it tried, framed together once the placement view is drawn: centring the service (not drawn there)
    // showed one host of three, or none.
    s.select(f.objectId, { focus: true, frame: f.placement.hosts.map((h) => h.hostId) });
    return;
  }
  findings.explain(null);
  s.select(f.objectId, { focus: true });
}

/**
 * The account and region a finding's object is in (`012345678910 · us-east-1`), from its ARN or its model id;
 * null when neither says. Shown beside each finding when the findings span more than one: two accounts'
 * `hello_world:8` would otherwise read as one finding listed twice.
 */
export function findingScope(f: Pick<Finding, 'arn' | 'objectId'>): string | null {
  const arn = f.arn ? parseArn(f.arn) : null;
  if (arn?.region && arn.accountId) return scopeText(scopeOf(arn));
  const scope = idScope(f.objectId);
  return scope ? scopeText(scope) : null;
}

/** One finding in full: its message, the hosts the explainer tried with each one's reason, and the evidence. */
function FindingDetail({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  return (
    <div className="finding-detail" data-testid="finding-detail">
      <div className="finding-detail-head">
        <span className={`sev-dot sev-${finding.severity}`} aria-label={finding.severity} />
        <span className="finding-detail-message">{finding.message}</span>
        <button type="button" className="btn btn-icon" aria-label="Close the finding" onClick={onClose}>
          ×
        </button>
      </div>
      {finding.placement && finding.placement.hosts.length > 0 && (
        <ul className="finding-hosts" data-testid="finding-hosts">
          {finding.placement.hosts.map((h) => (
            <li key={h.hostId} className={h.code === 'fits' ? 'fits' : 'fails'}>
              <span className="mono">{h.hostName}</span> {h.reason}
              {h.unknown.length > 0 && <span className="finding-unknown"> · not checked: {h.unknown.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <ul className="finding-evidence" data-testid="finding-evidence">
        {evidenceShown(finding).map((e, i) => (
          <li key={i} className="mono">
            {e.path} = {typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The Findings panel; nothing when the load has no findings computed. */
export function FindingsPanel() {
  // Web mode's findings land on the shown topology after its first frame: re-read it then.
  useFindingsStore((s) => s.arrivals);
  const findings = useDiagramStore((s) => s.topology?.findings ?? NO_FINDINGS);
  const computed = useDiagramStore((s) => s.topology?.findings !== undefined);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const { open: chosenOpen, folded, setOpen, toggleRule, choose: show } = useFindingsStore();
  const counts = useMemo(() => findingCounts(findings), [findings]);
  const open = chosenOpen ?? counts.error > 0;
  // Only a finding of this load is shown in full: a new load clears it.
  const chosen = useFindingsStore((s) => (s.chosen && findings.includes(s.chosen) ? s.chosen : null));
  const rows = useMemo(() => findingRows(findings, folded), [findings, folded]);
  // Two known scopes or more: an object whose file named none (a bare task definition) does not by itself count.
  const multiScope = useMemo(() => new Set(findings.map(findingScope).filter(Boolean)).size > 1, [findings]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: open ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // jsdom and a panel not yet measured: render a first screenful rather than nothing.
    initialRect: { width: 800, height: 8 * ROW_HEIGHT },
  });
  if (!computed) return null;

  return (
    <section className="findings-panel" data-testid="findings-panel" aria-label="Findings">
      <header className="panel-head findings-head">
        <button
          type="button"
          className="findings-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          title={open ? 'Fold the findings' : 'Show the findings'}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> <h2>Findings</h2>
        </button>
        <span className="diag-summary" data-testid="findings-counts">
          <span className="sev sev-error">{plural(counts.error, 'error')}</span>
          <span className="sev sev-warning">{plural(counts.warning, 'warning')}</span>
          <span className="sev sev-info">{counts.info} info</span>
        </span>
      </header>
      {open && findings.length === 0 && (
        <p className="hint findings-empty">No findings: every rule passed on this load.</p>
      )}
      {open && findings.length > 0 && (
        <div className="findings-scroll" ref={scroller} data-testid="findings-list">
          <ul className="findings-list" style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
              if (row.type === 'rule') {
                const info = RULE_BY_ID[row.rule];
                return (
                  <li key={`rule:${row.rule}`} className="finding-rule" style={style} data-testid="finding-rule">
                    <button
                      type="button"
                      className="finding-rule-row"
                      aria-expanded={!folded.has(row.rule)}
                      title={info.description}
                      onClick={() => toggleRule(row.rule)}
                    >
                      <span aria-hidden="true">{folded.has(row.rule) ? '▸' : '▾'}</span>
                      <span className={`sev-dot sev-${row.severity}`} aria-label={row.severity} />
                      <span className="finding-title">{info.title}</span>
                      <span className="diag-code mono">{row.rule}</span>
                      <span className="finding-count">{row.count}</span>
                    </button>
                  </li>
                );
              }
              const f = row.finding;
              return (
                <li
                  key={`${f.rule}:${f.objectId}:${item.index}`}
                  className={`finding-item${f.objectId === selectedId ? ' selected' : ''}`}
                  style={style}
                  data-testid="finding"
                  data-rule={f.rule}
                  data-severity={f.severity}
                >
                  <button
                    type="button"
                    className="finding-row"
                    title={`${f.message}\n${f.evidence.map((e) => `${e.path} = ${String(e.value)}`).join('\n')}`}
                    onClick={() => openFinding(f)}
                  >
                    <span className={`sev-dot sev-${f.severity}`} aria-label={f.severity} />
                    <span className="finding-message">{f.message}</span>
                    {multiScope && (
                      <span className="finding-scope mono" data-testid="finding-scope">
                        {findingScope(f) ?? 'account unknown'}
                      </span>
                    )}
                    {f.placement && f.placement.hosts.length > 0 && (
                      <span className="finding-action">show {f.placement.hosts.length} hosts</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {open && chosen && <FindingDetail finding={chosen} onClose={() => show(null)} />}
    </section>
  );
}
