/**
 * The "Connect to AWS" dialog: pick a profile, regions and clusters, fetch
 * with a progress bar per phase, Cancel, and type an MFA code when main asks
 * for one. Presentational: the owner wires it to the DesktopApi (`aws:*`
 * channels) and the store; it never sees a credential, only profile names.
 */
import { useState, type FormEvent } from 'react';
import {
  FETCH_PHASES,
  type AwsFetchRequest,
  type AwsProfileSummary,
  type FetchPhase,
  type FetchProgress,
  type FetchWarning,
  type MfaCodeAnswer,
  type MfaCodeRequest,
} from '../../shared/ipc/aws-fetch';

const PHASE_LABELS: Record<FetchPhase, string> = {
  clusters: 'Clusters',
  services: 'Services',
  tasks: 'Tasks',
  taskDefinitions: 'Task definitions',
  containerInstances: 'Container instances',
  capacityProviders: 'Capacity providers',
};

const KIND_LABELS: Record<AwsProfileSummary['kind'], string> = {
  sso: 'SSO',
  'assume-role': 'assume role',
  static: 'access key',
  process: 'credential process',
  'web-identity': 'web identity',
  other: '',
};

/** Props of `ConnectAwsDialog`. */
export interface ConnectAwsDialogProps {
  profiles: AwsProfileSummary[];
  /** True while a fetch runs (the form is locked, Cancel shown). */
  busy: boolean;
  progress?: FetchProgress;
  /** Why the last fetch failed (an expired SSO session says which command to run). */
  error?: string;
  warnings?: FetchWarning[];
  /** An MFA code main is waiting for. */
  mfaPrompt?: MfaCodeRequest;
  onFetch(request: AwsFetchRequest): void;
  onCancel(): void;
  onMfaAnswer(answer: MfaCodeAnswer): void;
  onClose(): void;
}

const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The "Connect to AWS" dialog. */
export function ConnectAwsDialog(props: ConnectAwsDialogProps) {
  const { profiles, busy, progress, error, warnings = [], mfaPrompt } = props;
  const [profile, setProfile] = useState(profiles[0]?.name ?? '');
  const [regions, setRegions] = useState('');
  const [clusters, setClusters] = useState('');
  const [includeStopped, setIncludeStopped] = useState(false);
  const [mfaCode, setMfaCode] = useState('');
  const chosen = profiles.find((p) => p.name === profile);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onFetch({
      ...(profile ? { profile } : {}),
      regions: splitList(regions),
      clusters: splitList(clusters),
      includeStopped,
    });
  };

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="connect-aws-title" className="connect-aws-dialog">
      <h2 id="connect-aws-title">Connect to AWS</h2>
      <form onSubmit={submit}>
        <label>
          Profile
          <select value={profile} onChange={(e) => setProfile(e.target.value)} disabled={busy}>
            {profiles.length === 0 && <option value="">Default credentials (environment)</option>}
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
                {KIND_LABELS[p.kind] ? ` — ${KIND_LABELS[p.kind]}` : ''}
                {p.mfa ? ' (MFA)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Regions
          <input
            value={regions}
            onChange={(e) => setRegions(e.target.value)}
            placeholder={chosen?.region ?? 'eu-west-1'}
            disabled={busy}
            aria-describedby="connect-aws-regions-hint"
          />
        </label>
        <small id="connect-aws-regions-hint">
          Empty: the profile&apos;s region{chosen?.region ? ` (${chosen.region})` : ''}. Several: separate with commas.
        </small>
        <label>
          Clusters
          <input
            value={clusters}
            onChange={(e) => setClusters(e.target.value)}
            placeholder="all clusters"
            disabled={busy}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={includeStopped}
            onChange={(e) => setIncludeStopped(e.target.checked)}
            disabled={busy}
          />
          Include stopped tasks
        </label>
        <div className="connect-aws-actions">
          {busy ? (
            <button type="button" onClick={props.onCancel}>
              Cancel
            </button>
          ) : (
            <>
              <button type="submit">Fetch</button>
              <button type="button" onClick={props.onClose}>
                Close
              </button>
            </>
          )}
        </div>
      </form>

      {progress && (
        <ul className="connect-aws-progress" aria-label="Fetch progress">
          {FETCH_PHASES.map((phase) => {
            const s = progress.phases[phase];
            return (
              <li key={phase}>
                <span>{PHASE_LABELS[phase]}</span>
                {/* While a phase is still listing its total grows: an indeterminate bar says so honestly. */}
                <progress
                  value={s.listing && s.total === 0 ? undefined : s.done}
                  max={Math.max(1, s.total)}
                  aria-label={PHASE_LABELS[phase]}
                />
                <span>
                  {s.done}/{s.total}
                  {s.listing ? '+' : ''}
                </span>
              </li>
            );
          })}
          <li>
            {progress.calls} calls{progress.retries ? `, ${progress.retries} retried (throttling)` : ''} ·{' '}
            {(progress.elapsedMs / 1000).toFixed(1)} s
          </li>
        </ul>
      )}

      {error && (
        <p role="alert" className="connect-aws-error">
          {error}
        </p>
      )}
      {warnings.length > 0 && (
        <details className="connect-aws-warnings">
          <summary>
            {warnings.length} call{warnings.length === 1 ? '' : 's'} failed; the rest loaded
          </summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                {w.operation} {w.resource ?? ''} ({w.region}): {w.code}: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}

      {mfaPrompt && (
        <form
          className="connect-aws-mfa"
          onSubmit={(e) => {
            e.preventDefault();
            props.onMfaAnswer({ requestId: mfaPrompt.requestId, code: mfaCode.trim() });
            setMfaCode('');
          }}
        >
          <label>
            MFA code for {mfaPrompt.serial}
            <input
              value={mfaCode}
              onChange={(e) => setMfaCode(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6,8}"
              autoFocus
            />
          </label>
          <button type="submit">Continue</button>
          <button type="button" onClick={() => props.onMfaAnswer({ requestId: mfaPrompt.requestId, code: null })}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
