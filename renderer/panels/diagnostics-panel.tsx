/**
 * The load's errors, warnings and notes with file:line:column. Clicking one
 * that names an object selects it on the canvas. The list is virtual: a load
 * of thousands of files or objects with a note each draws only the rows in
 * view.
 */
import { useMemo, useRef, useState } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
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

// A one-line row; longer messages wrap, and each row is measured once drawn.
const ROW_ESTIMATE = 24;
// What the list shows before it has a size of its own (jsdom has no layout; a panel being laid out).
const FIRST_SCREEN = { width: 800, height: 10 * ROW_ESTIMATE };

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
  const shown = useMemo(
    () =>
      diagnostics
        .filter((d) => showInfo || d.severity !== 'info')
        .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity)),
    [diagnostics, showInfo],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: open ? shown.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    // jsdom and a panel not yet measured: draw a first screenful rather than nothing.
    initialRect: FIRST_SCREEN,
    // A row measures its wrapped height; one that has none yet (jsdom, not laid out) counts as one line.
    measureElement: (element) => element.getBoundingClientRect().height || ROW_ESTIMATE,
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : FIRST_SCREEN)),
  });
  if (!open || diagnostics.length === 0) return null;
  const counts = severityCounts(diagnostics);
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
      <div className="diagnostics-list" ref={scroller} data-testid="diagnostics-list">
        {shown.length === 0 && (
          <p className="hint">No errors or warnings. {counts.info > 0 ? 'Tick "info" to see notes.' : ''}</p>
        )}
        <ul style={{ position: 'relative', height: virtual.getTotalSize(), listStyle: 'none', margin: 0, padding: 0 }}>
          {virtual.getVirtualItems().map((item) => {
            const d = shown[item.index];
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
                key={item.key}
                ref={virtual.measureElement}
                data-index={item.index}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
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
      </div>
    </section>
  );
}
