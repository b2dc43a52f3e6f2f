/**
 * Pieces the details panels share: a titled section, a list of label/value
 * fields, and the frame of a panel about a diagram node that is not a model
 * object (an account card, a namespace).
 */
import { revealBidi } from '../../shared/render/text';
import type { ReactNode } from 'react';

/** A titled section of a details panel. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel-section">
      <div className="section-head">
        <h3>{title}</h3>
      </div>
      {children}
    </section>
  );
}

/** Label/value rows; a row without a value is left out. */
export function FieldList({ rows }: { rows: readonly (readonly [string, string | undefined])[] }) {
  return (
    <dl className="fields" data-testid="details-fields">
      {rows
        .filter((r): r is readonly [string, string] => r[1] !== undefined && r[1] !== '')
        .map(([k, v]) => (
          <div className="field" key={k}>
            <dt>{k}</dt>
            <dd>{revealBidi(v)}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The panel around the details of a diagram node that is not a model object: kicker, title, close button. */
export function DetailsFrame({
  kicker,
  title,
  label,
  onClose,
  children,
}: {
  kicker: string;
  title: string;
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <aside className="details-panel" data-testid="details-panel" aria-label={label}>
      <header className="panel-head">
        <div>
          <div className="panel-kicker">{kicker}</div>
          <h2 title={title}>{title}</h2>
        </div>
        <button type="button" className="btn btn-icon" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
