/** The top bar: open buttons, search, problems-only, overlay, direction, fit, legend, diagnostics. */
import type { RefObject } from 'react';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { AwsControls } from '../aws/aws-controls';
import { ExportButton } from '../export/export-button';
import type { CostApi } from '../../shared/ipc/cost-api';
import { CostControls } from '../cost/cost-controls';
import { useDiagramStore } from '../store/diagram-store';
import { severityCounts } from './diagnostics-panel';
import { ExploreControls } from './explore-controls';
import { commandTitle } from '../commands/commands';
import { DefinitionsButton } from './definitions-panel';
import { HistoryControls } from '../history/history-controls';

/** Props: the actions the app owns (file pickers, demo) and the search box ref for the Find command. */
export interface ToolbarProps {
  onOpenFiles(): void;
  onOpenFolder(): void;
  onOpenDemo(): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The host: Export saves through it; Connect to AWS shows when it can fetch (desktop). */
  api?: DesktopApi;
  /** The launch-type lens's host (absent in tests that do not price). */
  cost?: CostApi;
}

/**
 * 12345 → "12,345". Not `toLocaleString`: its first call sets up ICU's number formatting, ~35 ms in the
 * render that shows a big load's first frame.
 */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The toolbar. */
export function Toolbar({ onOpenFiles, onOpenFolder, onOpenDemo, searchRef, api, cost }: ToolbarProps) {
  const topology = useDiagramStore((s) => s.topology);
  const sourceLabel = useDiagramStore((s) => s.sourceLabel);
  const view = useDiagramStore((s) => s.view);
  const toggleOverlay = useDiagramStore((s) => s.toggleOverlay);
  const setDirection = useDiagramStore((s) => s.setDirection);
  const requestFit = useDiagramStore((s) => s.requestFit);
  const diagnosticsOpen = useDiagramStore((s) => s.diagnosticsOpen);
  const setDiagnosticsOpen = useDiagramStore((s) => s.setDiagnosticsOpen);
  const loading = useDiagramStore((s) => s.loading);
  const counts = severityCounts(topology?.diagnostics ?? []);
  const problems = counts.error + counts.warning;
  return (
    <header className="toolbar" role="toolbar" aria-label="Diagram">
      <div className="brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="1" y="1" width="22" height="22" rx="5" fill="#0f172a" />
          <rect x="5" y="6" width="5" height="5" rx="1" fill="#f97316" />
          <rect x="14" y="6" width="5" height="5" rx="1" fill="#8b5cf6" />
          <rect x="5" y="13" width="5" height="5" rx="1" fill="#8b5cf6" />
          <rect x="14" y="13" width="5" height="5" rx="1" fill="#c4b5fd" />
        </svg>
        <span className="brand-name">ECS Visualizer</span>
        {topology && (
          <span
            className="source-label"
            data-testid="source-label"
            title={topology.fetchedAt ? `snapshot fetched ${topology.fetchedAt}` : undefined}
          >
            {sourceLabel}
            {topology.fetchedAt ? ` · fetched ${topology.fetchedAt.replace('T', ' ').slice(0, 16)} UTC` : ''}
          </span>
        )}
        {topology?.arriving ? (
          <span className="source-label" role="status" data-testid="arriving">
            · receiving {withThousands(topology.arriving)} more objects…
          </span>
        ) : null}
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn" onClick={onOpenFiles} disabled={loading}>
          Open files…
        </button>
        <button type="button" className="btn" onClick={onOpenFolder} disabled={loading}>
          Open folder…
        </button>
        <button type="button" className="btn" onClick={onOpenDemo} disabled={loading}>
          Demo
        </button>
        {api && <AwsControls api={api} />}
        <HistoryControls api={api} />
      </div>
      {topology && (
        <div className="toolbar-group grow">
          <ExploreControls searchRef={searchRef} />
        </div>
      )}
      {topology && (
        <div className="toolbar-group">
          <button
            type="button"
            className={`btn switch${view.overlay ? ' on' : ''}`}
            data-testid="overlay-toggle"
            aria-pressed={view.overlay}
            onClick={toggleOverlay}
            title={commandTitle('toggle-overlay')}
          >
            <span className="switch-knob" aria-hidden="true" /> Launch-type overlay
          </button>
          <div className="segmented" role="group" aria-label="Direction">
            <button
              type="button"
              className={`btn${view.direction === 'LR' ? ' active' : ''}`}
              aria-pressed={view.direction === 'LR'}
              onClick={() => setDirection('LR')}
              title="Left to right"
            >
              →
            </button>
            <button
              type="button"
              className={`btn${view.direction === 'TB' ? ' active' : ''}`}
              aria-pressed={view.direction === 'TB'}
              onClick={() => setDirection('TB')}
              title="Top to bottom"
            >
              ↓
            </button>
          </div>
          <button type="button" className="btn" data-testid="fit-view" onClick={requestFit} title={commandTitle('fit')}>
            Fit
          </button>
          {cost && <CostControls cost={cost} />}
          {api && <ExportButton api={api} />}
          <DefinitionsButton />
          <button
            type="button"
            className={`btn diag-toggle${problems > 0 ? ' has-problems' : ''}`}
            data-testid="diagnostics-toggle"
            aria-pressed={diagnosticsOpen}
            onClick={() => setDiagnosticsOpen(!diagnosticsOpen)}
            disabled={topology.diagnostics.length === 0}
          >
            Diagnostics
            {counts.error > 0 && <span className="count-badge sev-error">{counts.error}</span>}
            {counts.warning > 0 && <span className="count-badge sev-warning">{counts.warning}</span>}
            {problems === 0 && counts.info > 0 && <span className="count-badge sev-info">{counts.info}</span>}
          </button>
        </div>
      )}
    </header>
  );
}
