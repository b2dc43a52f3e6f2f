/** Raw JSON of an AWS object with its secret-bearing values (maskSecrets) masked unless the user reveals them. */
import { useMemo } from 'react';
import { maskSecretsCounted } from '../../shared/redact/mask-secrets';
import { useDiagramStore } from '../store/diagram-store';

/** Pretty-printed raw JSON with the masking control. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const reveal = useDiagramStore((s) => s.revealSecrets);
  const setReveal = useDiagramStore((s) => s.setRevealSecrets);
  const masked = useMemo(() => maskSecretsCounted(value), [value]);
  const hidden = masked.hidden;
  const text = useMemo(() => JSON.stringify(reveal ? value : masked.value, null, 2), [value, masked, reveal]);
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
            {reveal ? 'Mask secret values' : `Reveal ${hidden} masked ${hidden === 1 ? 'value' : 'values'}`}
          </button>
        )}
      </div>
      {hidden > 0 && !reveal && (
        <p className="hint">
          Environment values, log driver options, Docker labels and secret-looking command arguments are masked (••••).
          Secrets show only their names and sources.
        </p>
      )}
      <pre className="raw-json" data-testid="raw-json">
        {text}
      </pre>
    </section>
  );
}
