/**
 * The toolbar's "Compare with…" and "Timeline…": each opens files in the page and asks the history host to
 * compute the diff off the page. "Compare with…" diffs the chosen files (OLD) against the load on screen (NEW)
 * and marks the canvas; "Timeline…" orders the chosen bundles by time and diffs each with the one before.
 * "Kept fetches…" (desktop) does the same as "Timeline…" with bundles the app kept of its own live fetches.
 */
import { useRef } from 'react';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { useDiagramStore } from '../store/diagram-store';
import { useHistoryStore } from './history-store';
import { KeptFetchesMenu } from './kept-fetches-menu';
import { runTimeline } from './run-timeline';

const asBlobs = (files: FileList | null) =>
  [...(files ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file: file as Blob }));

/**
 * The two buttons and their hidden file inputs, and on the desktop "Kept fetches…" (the live fetches main kept);
 * nothing where no host computes diffs.
 */
export function HistoryControls({
  api,
}: {
  api?: Pick<DesktopApi, 'platform' | 'listKeptFetches' | 'readKeptFetches'>;
}) {
  const host = useHistoryStore((s) => s.host);
  const busy = useHistoryStore((s) => s.busy);
  const topology = useDiagramStore((s) => s.topology);
  const compareInput = useRef<HTMLInputElement>(null);
  const timelineInput = useRef<HTMLInputElement>(null);
  if (!host) return null;

  const compare = async (input: HTMLInputElement) => {
    const files = asBlobs(input.files);
    input.value = '';
    const current = useDiagramStore.getState().topology;
    if (files.length === 0 || !current) return;
    const history = useHistoryStore.getState();
    history.setBusy(true);
    try {
      const answer = await host.compare(current, files);
      history.showComparison(
        files.map((f) => f.name),
        answer,
      );
      // The canvas marks what changed since OLD, as after a refresh; the next load clears them.
      if (answer.changes) useDiagramStore.setState({ diff: answer.changes });
    } catch (e) {
      history.setBusy(false, `Compare failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const timeline = async (input: HTMLInputElement) => {
    const files = asBlobs(input.files);
    input.value = '';
    if (files.length === 0) return;
    await runTimeline(host, files);
  };

  return (
    <>
      <input
        ref={compareInput}
        className="visually-hidden"
        type="file"
        multiple
        accept=".json,application/json"
        data-testid="compare-files"
        tabIndex={-1}
        onChange={(e) => void compare(e.currentTarget)}
      />
      <input
        ref={timelineInput}
        className="visually-hidden"
        type="file"
        multiple
        accept=".json,application/json"
        data-testid="timeline-files"
        tabIndex={-1}
        onChange={(e) => void timeline(e.currentTarget)}
      />
      <button
        type="button"
        className="btn"
        disabled={busy || !topology}
        title="Open an older load (files, a folder's files or a bundle) and show what changed since it"
        onClick={() => compareInput.current?.click()}
      >
        Compare with…
      </button>
      <button
        type="button"
        className="btn"
        disabled={busy}
        title="Open several bundles and step through them in time order, with what changed between neighbours"
        onClick={() => timelineInput.current?.click()}
      >
        Timeline…
      </button>
      {api?.platform === 'electron' && <KeptFetchesMenu api={api} host={host} />}
    </>
  );
}
