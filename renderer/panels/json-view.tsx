/** Raw JSON of an AWS object with environment values masked unless the user reveals them. */
import { useMemo } from 'react';
import { countEnvironmentValues, maskEnvironment } from '../../shared/redact/mask-environment';
import { useDiagramStore } from '../store/diagram-store';

/** Pretty-printed raw JSON with the masking control. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const reveal = useDiagramStore((s) => s.revealSecrets);
  const setReveal = useDiagramStore((s) => s.setRevealSecrets);
  const hidden = useMemo(() => countEnvironmentValues(value), [value]);
  const text = useMemo(() => JSON.stringify(reveal ? value : maskEnvironment(value), null, 2), [value, reveal]);
  return (
    <section className="panel-section">
      <div className="section-head">
        <h3>{label}</h3>
        {hidden > 0 && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="reveal-secrets"
            aria-pressed={reveal}
            onClick={() => setReveal(!reveal)}
          >
            {reveal ? 'Mask environment values' : `Reveal ${hidden} environment ${hidden === 1 ? 'value' : 'values'}`}
          </button>
        )}
      </div>
      {hidden > 0 && !reveal && (
        <p className="hint">Environment values are masked (••••). Secrets show only their names and sources.</p>
      )}
      <pre className="raw-json" data-testid="raw-json">
        {text}
      </pre>
    </section>
  );
}
