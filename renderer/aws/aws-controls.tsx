/**
 * "Connect to AWS" in the toolbar (desktop only: the host must offer
 * `fetchAws`): opens the dialog, lists profiles, fetches with progress,
 * Cancel and MFA prompts, loads the result; then Refresh (the same request
 * again), an optional auto-refresh period and Save snapshot. Credentials
 * never reach this code: main holds them, the page sees profile names only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  FETCH_PHASES,
  type AwsFetchOutcome,
  type AwsFetchRequest,
  type AwsProfileSummary,
  type FetchProgress,
  type FetchWarning,
  type MfaCodeAnswer,
  type MfaCodeRequest,
} from '../../shared/ipc/aws-fetch';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import type { Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { ConnectAwsDialog } from './connect-aws-dialog';
import { liveLabel } from '../desktop/source-label';

/** Auto-refresh choices, in seconds (0 = off, the default). */
export const AUTO_REFRESH_CHOICES: { seconds: number; label: string }[] = [
  { seconds: 0, label: 'Auto-refresh off' },
  { seconds: 30, label: 'every 30 s' },
  { seconds: 60, label: 'every 1 min' },
  { seconds: 300, label: 'every 5 min' },
  { seconds: 900, label: 'every 15 min' },
];

function overall(progress: FetchProgress | undefined): number | undefined {
  if (!progress) return undefined;
  let done = 0;
  let total = 0;
  for (const p of FETCH_PHASES) {
    done += progress.phases[p].done;
    total += progress.phases[p].total;
  }
  return total > 0 ? Math.round((done / total) * 100) : undefined;
}

function LiveAwsControls({ api }: { api: DesktopApi }) {
  const setTopology = useDiagramStore((s) => s.setTopology);
  const autoRefreshSeconds = useDiagramStore((s) => s.autoRefreshSeconds);
  const setAutoRefreshSeconds = useDiagramStore((s) => s.setAutoRefreshSeconds);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [profiles, setProfiles] = useState<AwsProfileSummary[] | null>(null);
  const [busy, setBusy] = useState<'connect' | 'refresh' | null>(null);
  const [progress, setProgress] = useState<FetchProgress>();
  const [error, setError] = useState<string>();
  const [warnings, setWarnings] = useState<FetchWarning[]>([]);
  const [mfaPrompt, setMfaPrompt] = useState<MfaCodeRequest>();
  const [live, setLive] = useState<{ request: AwsFetchRequest; topology: Topology } | null>(null);
  // Refresh and auto-refresh act only while the diagram is the one fetched: opening files ends the live session.
  const showingLive = useDiagramStore((s) => live !== null && s.topology === live.topology);
  const dialogOpenRef = useRef(dialogOpen);
  dialogOpenRef.current = dialogOpen;
  const liveRef = useRef(live);
  liveRef.current = live;

  useEffect(() => api.onAwsProgress(setProgress), [api]);
  useEffect(
    () =>
      api.onAwsMfaRequest((request) => {
        setMfaPrompt(request);
        // A refresh can need a code too: the prompt lives in the dialog.
        setDialogOpen(true);
      }),
    [api],
  );

  const openDialog = () => {
    setDialogOpen(true);
    setError(undefined);
    if (profiles !== null) return;
    api.listAwsProfiles().then(setProfiles, (e: unknown) => {
      setProfiles([]);
      setError(`Could not read your AWS profiles: ${e instanceof Error ? e.message : String(e)}`);
    });
  };

  const fetchLive = useCallback(
    async (request: AwsFetchRequest, kind: 'connect' | 'refresh') => {
      setBusy(kind);
      setProgress(undefined);
      setError(undefined);
      setWarnings([]);
      let out: AwsFetchOutcome;
      try {
        out = await api.fetchAws(request);
      } catch (e) {
        out = { outcome: 'failed', message: e instanceof Error ? e.message : String(e), warnings: [] };
      }
      setBusy(null);
      setMfaPrompt(undefined);
      // The user opened something else while a refresh ran: their choice wins over the late result.
      if (kind === 'refresh' && useDiagramStore.getState().topology !== liveRef.current?.topology) return;
      if (out.outcome === 'complete') {
        // A first fetch starts a fresh view; a refresh keeps zoom, collapsed boxes and selection, as a file reload does.
        setTopology(out.topology, liveLabel(request), kind === 'connect' ? 'open' : 'reload', out.startingView);
        setLive({ request, topology: out.topology });
        setWarnings(out.warnings);
        if (out.warnings.length === 0) setDialogOpen(false);
        else if (!dialogOpenRef.current)
          useDiagramStore
            .getState()
            .setNotice(
              `Refreshed; ${out.warnings.length} call${out.warnings.length === 1 ? '' : 's'} failed and the rest loaded (details under Connect to AWS).`,
            );
      } else if (out.outcome === 'failed') {
        setWarnings(out.warnings);
        if (dialogOpenRef.current) setError(out.message);
        else useDiagramStore.getState().setError(`Refresh failed: ${out.message}`);
      }
    },
    [api, setTopology],
  );

  const refresh = useCallback(() => {
    if (live) void fetchLive(live.request, 'refresh');
  }, [live, fetchLive]);

  useEffect(() => {
    if (autoRefreshSeconds <= 0 || !showingLive || busy) return;
    // Armed after each fetch settles, so a slow fetch never overlaps the next one.
    const timer = setTimeout(refresh, autoRefreshSeconds * 1000);
    return () => clearTimeout(timer);
  }, [autoRefreshSeconds, showingLive, busy, refresh]);

  const saveSnapshot = async () => {
    const saved = await api.saveAwsSnapshot();
    if (saved) useDiagramStore.getState().setNotice(`Saved the snapshot as ${saved}.`);
  };
  const cancel = () => void api.cancelAwsFetch();
  const answerMfa = (answer: MfaCodeAnswer) => {
    setMfaPrompt(undefined);
    void api.answerAwsMfa(answer);
  };
  const pct = overall(progress);

  return (
    <>
      <button type="button" className="btn" data-testid="connect-aws" onClick={openDialog} disabled={busy !== null}>
        Connect to AWS…
      </button>
      {showingLive && (
        <>
          <button
            type="button"
            className="btn"
            data-testid="aws-refresh"
            onClick={refresh}
            disabled={busy !== null}
            title="Fetch the same profile, regions and clusters again; what changed is highlighted"
          >
            {busy === 'refresh' ? `Refreshing…${pct !== undefined ? ` ${pct}%` : ''}` : 'Refresh'}
          </button>
          {busy === 'refresh' && (
            <button type="button" className="btn" data-testid="aws-refresh-cancel" onClick={cancel}>
              Cancel
            </button>
          )}
          <select
            className="btn"
            aria-label="Auto-refresh"
            data-testid="aws-auto-refresh"
            value={autoRefreshSeconds}
            onChange={(e) => setAutoRefreshSeconds(Number(e.target.value))}
          >
            {AUTO_REFRESH_CHOICES.map((c) => (
              <option key={c.seconds} value={c.seconds}>
                {c.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn"
            data-testid="aws-save-snapshot"
            onClick={() => void saveSnapshot()}
            disabled={busy !== null}
            title="Save this fetch as a snapshot file to reopen offline"
          >
            Save snapshot…
          </button>
        </>
      )}
      {dialogOpen && (
        <div className="modal-backdrop">
          {profiles === null ? (
            <div role="dialog" aria-modal="true" aria-label="Connect to AWS" className="connect-aws-dialog">
              Reading your AWS profiles…
            </div>
          ) : (
            <ConnectAwsDialog
              profiles={profiles}
              busy={busy !== null}
              progress={progress}
              error={error}
              warnings={warnings}
              mfaPrompt={mfaPrompt}
              onFetch={(request) => void fetchLive(request, 'connect')}
              onCancel={cancel}
              onClose={() => setDialogOpen(false)}
              onMfaAnswer={answerMfa}
            />
          )}
        </div>
      )}
    </>
  );
}

/** The toolbar's live AWS controls; nothing in web mode, which has no AWS access. */
export function AwsControls({ api }: { api: DesktopApi }) {
  // The web build has no AWS access: credentials never leave the desktop app's main process.
  return api.platform === 'electron' ? <LiveAwsControls api={api} /> : null;
}
