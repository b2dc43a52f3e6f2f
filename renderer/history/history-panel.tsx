/**
 * The history panel: the timeline of the bundles opened together (a step per bundle, in time order; the chosen
 * step shows what changed since the one before, as a deployment log), or the log of the last "Compare with…".
 */
import type { LoadDiff, LoadTime } from '../../shared/diff/compare-loads';
import { useHistoryStore } from './history-store';
import './history.css';

const when = (t: LoadTime): string => (t.time ? `${t.time.replace('T', ' ').slice(0, 16)} UTC` : 'time unknown');

// Source: the Amazon ECS API Reference, DescribeTasks ("stopped tasks appear in the returned results for at least
// one hour") and Service.events ("a maximum of 100 of the latest events are displayed"), read 2026-12-06.
const EVIDENCE_SOURCE =
  'Amazon ECS API Reference: DescribeTasks ("stopped tasks appear in the returned results for at least one hour"); Service.events ("a maximum of 100 of the latest events are displayed")';

/** One diff as a deployment log: warnings, then a headline per service or cluster with its changes under it. */
export function DiffLog({ diff }: { diff: LoadDiff }) {
  return (
    <div className="diff-log" data-testid="diff-log">
      {diff.warnings.map((w) => (
        <p key={w} className="callout callout-notice diff-log-warning" role="note">
          {w}
        </p>
      ))}
      {diff.equal && (
        <p className="hint">No changes of the watched kinds (timestamps and events alone do not count).</p>
      )}
      {diff.log.map((entry) => (
        <details key={entry.objectId} className="diff-log-entry" open>
          <summary data-testid="diff-headline">{entry.headline}</summary>
          <ul>
            {entry.details.map((d, i) => (
              <li
                key={i}
                className={`diff-detail diff-detail-${d[0] === '+' ? 'added' : d[0] === '-' ? 'removed' : 'changed'}`}
              >
                {d}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

/** What a comparison was made with: the file, or how many and the first few ("Changes since 2 files" read oddly). */
export function comparedNames(names: readonly string[]): string {
  if (names.length === 1) return names[0];
  const listed = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return `${names.length} files (${listed})`;
}

/** The panel; nothing until a timeline or a comparison was asked for. */
export function HistoryPanel() {
  const timeline = useHistoryStore((s) => s.timeline);
  const step = useHistoryStore((s) => s.step);
  const comparison = useHistoryStore((s) => s.comparison);
  const error = useHistoryStore((s) => s.error);
  const setStep = useHistoryStore((s) => s.setStep);
  const close = useHistoryStore((s) => s.close);
  const host = useHistoryStore((s) => s.host);
  const files = useHistoryStore((s) => s.files);
  if (!timeline && !comparison && !error) return null;

  const head = (title: string) => (
    <header className="panel-head diagnostics-head">
      <h2>{title}</h2>
      <button type="button" className="btn btn-icon" aria-label="Close history" onClick={close}>
        ×
      </button>
    </header>
  );

  if (error)
    return (
      <section className="changes-panel history-panel" aria-label="History">
        {head('History')}
        <p className="callout callout-stopped">{error}</p>
      </section>
    );

  if (comparison) {
    const { answer, names } = comparison;
    return (
      <section className="changes-panel history-panel" data-testid="history-panel" aria-label="Comparison">
        {head(`Compared with ${comparedNames(names)}`)}
        {answer.diff ? (
          <>
            <p className="history-span">
              {when(answer.diff.from)} → {when(answer.diff.to)} (the load on screen)
            </p>
            <DiffLog diff={answer.diff} />
          </>
        ) : (
          <ul className="diagnostics-list">
            {answer.errors.map((d, i) => (
              <li key={i} className="callout callout-stopped">
                {d.file ?? ''}: {d.message} — not compared (a broken file would read as everything removed)
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  const t = timeline!;
  const diff = t.diffs[step - 1];
  // The step's file and the one before it (the files are named as the steps), with the host that opens it.
  const fileOf = (i: number) => files.find((f) => f.name === t.steps[i]?.name);
  const [stepFile, beforeFile] = [fileOf(step), fileOf(step - 1)];
  const drawable = host && stepFile && beforeFile ? { host, file: stepFile, before: beforeFile } : null;
  return (
    <section className="changes-panel history-panel" data-testid="history-panel" aria-label="Timeline">
      {head(`Timeline · ${t.steps.length} loads`)}
      {t.errors.length > 0 && (
        <p className="callout callout-notice">
          Left out (input errors): {[...new Set(t.errors.map((d) => d.file ?? '?'))].join(', ')}
        </p>
      )}
      <ol className="timeline-steps" data-testid="timeline-steps">
        {t.steps.map((s, i) => {
          const changes = i > 0 ? t.diffs[i - 1] : null;
          const count = changes ? changes.added.length + changes.removed.length + changes.changed.length : 0;
          return (
            <li key={`${s.name}-${i}`}>
              <button
                type="button"
                className={`timeline-step${i === step ? ' active' : ''}${i === step - 1 ? ' base' : ''}`}
                aria-pressed={i === step}
                disabled={i === 0}
                title={
                  i === 0
                    ? 'The first load: nothing before it to compare with'
                    : `What changed since ${t.steps[i - 1].name}`
                }
                onClick={() => setStep(i)}
              >
                <span className="timeline-time">{when(s.time)}</span>
                <span className="timeline-name mono">{s.name}</span>
                <span className="timeline-count">
                  {changes ? (changes.equal ? 'no changes' : `${count} changes`) : 'first'}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {t.evidence.length > 0 && (
        <details className="diff-log evidence" data-testid="evidence">
          <summary>
            Seen in earlier loads, gone from the newest: {t.evidence.filter((e) => e.kind === 'task').length} tasks,{' '}
            {t.evidence.filter((e) => e.kind === 'event').length} service events
            <span className="evidence-why" title={EVIDENCE_SOURCE}>
              {' '}
              (ECS lists a stopped task for at least an hour and a service's 100 latest events)
            </span>
          </summary>
          <ul>
            {t.evidence.map((e, i) => (
              <li key={i} data-testid="evidence-row">
                <span className="evidence-label">{e.label}</span> · {e.kind === 'task' ? 'task' : 'event of'}{' '}
                <span className="mono">{e.name}</span>: {e.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
      {t.steps.length < 2 ? (
        <p className="hint">Open two or more loads to see what changed between them.</p>
      ) : (
        <>
          <div className="history-span">
            <button type="button" className="btn" disabled={step <= 1} onClick={() => setStep(step - 1)}>
              ← Earlier
            </button>
            <span>
              {t.steps[step - 1].name} ({when(t.steps[step - 1].time)}) → {t.steps[step].name} (
              {when(t.steps[step].time)})
            </span>
            <button
              type="button"
              className="btn"
              disabled={step >= t.steps.length - 1}
              onClick={() => setStep(step + 1)}
            >
              Later →
            </button>
            {drawable && (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="timeline-draw"
                title={`Open ${t.steps[step].name} as the diagram, marked with what changed since ${t.steps[step - 1].name}`}
                onClick={() => void drawable.host.draw(drawable.file, drawable.before)}
              >
                Show on the diagram
              </button>
            )}
          </div>
          {diff && <DiffLog diff={diff} />}
        </>
      )}
    </section>
  );
}
