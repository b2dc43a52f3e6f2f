/**
 * The "Changes" list after a refresh: what was added, changed or is gone
 * since the snapshot before, each row selecting (and bringing into view)
 * the node it is about; a gone object selects the parent that carries it.
 */
import { useState } from 'react';
import type { ChangeType, EntityChange, TopologyDiff } from '../../shared/diff/diff-topology';
import { ENTITY_KIND_LABELS } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';

const ORDER: Record<ChangeType, number> = { changed: 0, added: 1, removed: 2 };

/** What a row selects: the object, or for a gone one the parent still drawn. */
export function changeTarget(change: EntityChange): string | null {
  return change.change === 'removed' ? (change.parentId ?? null) : change.id;
}

const time = (iso?: string) => (iso ? `${iso.replace('T', ' ').slice(0, 16)} UTC` : 'the last load');

/** The Changes panel; nothing when the load was not a refresh. */
export function ChangesPanel() {
  const diff = useDiagramStore((s) => s.diff);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const select = useDiagramStore((s) => s.select);
  // Dismissing hides the list for this diff only; the next refresh shows its own.
  const [dismissed, setDismissed] = useState<TopologyDiff | null>(null);
  if (!diff || dismissed === diff) return null;
  const rows = [...diff.changes].sort((a, b) => ORDER[a.change] - ORDER[b.change]);
  return (
    <section className="changes-panel" data-testid="changes-panel" aria-label="Changes">
      <header className="panel-head diagnostics-head">
        <h2>Changes since {time(diff.from)}</h2>
        <span className="diag-summary">
          <span className="change-count change-added">{diff.counts.added} added</span>
          <span className="change-count change-changed">{diff.counts.changed} changed</span>
          <span className="change-count change-removed">{diff.counts.removed} gone</span>
        </span>
        <button type="button" className="btn btn-icon" aria-label="Close changes" onClick={() => setDismissed(diff)}>
          ×
        </button>
      </header>
      <ul className="diagnostics-list">
        {rows.length === 0 && <li className="hint">Nothing changed.</li>}
        {rows.map((c) => {
          const target = changeTarget(c);
          return (
            <li
              key={`${c.change}:${c.id}`}
              data-testid="change"
              data-change={c.change}
              data-id={c.id}
              className={target && target === selectedId ? 'selected' : undefined}
            >
              <button
                type="button"
                className="diag-row change-row"
                disabled={!target}
                title={target ? 'Select it in the diagram' : undefined}
                onClick={() => target && select(target, { focus: true })}
              >
                <span className={`sev-dot change-dot change-${c.change}`} aria-label={c.change} />
                <span className="change-kind">{ENTITY_KIND_LABELS[c.kind]}</span>
                <span className="change-name mono">{c.name}</span>
                <span className="diag-message">{c.summary}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
