/**
 * One way the history panel gets a timeline, from "Timeline…" (files picked in the page) and from "Kept
 * fetches…" (bundles main read from its history folder): the host orders and diffs them off the page, the
 * panel shows the answer, and a failure is said in the panel rather than thrown.
 */
import type { Diagnostic } from '../../shared/model/types';
import { useHistoryStore, type HistoryHost } from './history-store';

/**
 * Shows the timeline of `files` in the history panel. `unread` are files the host could not hand over (named,
 * with why): they are listed with the files left out for input errors, and the rest still make the timeline.
 */
export async function runTimeline(
  host: HistoryHost,
  files: { name: string; file: Blob }[],
  unread: Diagnostic[] = [],
): Promise<void> {
  const history = useHistoryStore.getState();
  history.setBusy(true);
  try {
    if (files.length === 0) throw new Error(unread.map((d) => d.message).join('; ') || 'no files');
    const answer = await host.timeline(files);
    history.showTimeline(unread.length > 0 ? { ...answer, errors: [...unread, ...answer.errors] } : answer, files);
  } catch (e) {
    history.setBusy(false, `Timeline failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
