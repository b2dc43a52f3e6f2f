/**
 * The load's errors, warnings and notes with file:line:column. Clicking one
 * that names an object selects it on the canvas.
 */
import { useState } from 'react';
import type { Diagnostic, Severity } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';

/** `file:line:column`, as far as the diagnostic knows it; the JSON path when there is no position. */
export function diagnosticLocation(d: Diagnostic): string {
  if (!d.file) return d.path ?? '';
  if (d.line !== undefined) return `${d.file}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
  return d.path ? `${d.file}: ${d.path}` : d.file;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Counts of diagnostics per severity. */
export function severityCounts(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

const NO_DIAGNOSTICS: Diagnostic[] = [];

/** The bottom diagnostics panel; renders nothing when closed or empty. */
export function DiagnosticsPanel() {
  // A constant when nothing is loaded: a new [] from a selector on every read makes React re-render forever.
  const diagnostics = useDiagramStore((s) => s.topology?.diagnostics ?? NO_DIAGNOSTICS);
  const open = useDiagramStore((s) => s.diagnosticsOpen);
  const setOpen = useDiagramStore((s) => s.setDiagnosticsOpen);
  const select = useDiagramStore((s) => s.select);
  const selectedId = useDiagramStore((s) => s.selectedId);
  // Info (placeholders made, files skipped) is noise next to an error: shown on request.
  const [showInfo, setShowInfo] = useState(false);
  if (!open || diagnostics.length === 0) return null;
  const counts = severityCounts(diagnostics);
  const shown = diagnostics
    .filter((d) => showInfo || d.severity !== 'info')
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  return (
    <section className="diagnostics-panel" data-testid="diagnostics-panel" aria-label="Diagnostics">
      <header className="panel-head diagnostics-head">
        <h2>Diagnostics</h2>
        <span className="diag-summary">
          <span className="sev sev-error">{counts.error} errors</span>
          <span className="sev sev-warning">{counts.warning} warnings</span>
          <label className="check">
            <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> {counts.info}{' '}
            info
          </label>
        </span>
        <button type="button" className="btn btn-icon" aria-label="Close diagnostics" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <ul className="diagnostics-list">
        {shown.length === 0 && (
          <li className="hint">No errors or warnings. {counts.info > 0 ? 'Tick "info" to see notes.' : ''}</li>
        )}
        {shown.map((d, i) => {
          const content = (
            <>
              <span className={`sev-dot sev-${d.severity}`} aria-label={d.severity} />
              <span className="diag-location mono">{diagnosticLocation(d)}</span>
              <span className="diag-message">{d.message}</span>
              <span className="diag-code mono">{d.code}</span>
            </>
          );
          return (
            <li
              key={i}
              data-testid="diagnostic"
              data-severity={d.severity}
              className={d.objectId && d.objectId === selectedId ? 'selected' : undefined}
            >
              {d.objectId ? (
                <button
                  type="button"
                  className="diag-row"
                  title="Select the object"
                  onClick={() => select(d.objectId ?? null, { focus: true })}
                >
                  {content}
                </button>
              ) : (
                <div className="diag-row">{content}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
