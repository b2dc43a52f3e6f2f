/**
 * The DesktopApi of web mode: files are picked in the page and ingested in a
 * Web Worker (ingest-client.ts), the demo ships inside the bundle and takes
 * the same way as a picked file, saving is a download. The same UI runs on
 * it as on the Electron preload, which is what the e2e tests drive.
 */
import { NO_KEPT_HISTORY, NO_LIVE_AWS, type DesktopApi } from '../../shared/ipc/desktop-api';
import { checkFileSize, isJsonFileName, skippedFileDiagnostic } from '../../shared/ingest/limits';
import type { Diagnostic, Topology } from '../../shared/model/types';
import { savedViewsFor } from '../store/view-persistence';
import { IngestClient } from './ingest-client';
import { DEMO_LABEL, labelFor } from './source-label';

/** The name a file is reported under: its path inside a picked or dropped folder, else its name. */
export function displayName(file: File): string {
  return file.webkitRelativePath || file.name;
}

/**
 * Reads files and ingests them. Files from a folder (they carry a relative
 * path) that are not `*.json` are skipped with an info diagnostic, as the CLI
 * does for a folder; files picked one by one are all read.
 */
export async function readAndIngest(files: File[], client: IngestClient = new IngestClient(null)): Promise<Topology> {
  const diagnostics: Diagnostic[] = [];
  const picked: { name: string; file: Blob }[] = [];
  const sorted = [...files].sort((a, b) => displayName(a).localeCompare(displayName(b)));
  for (const file of sorted) {
    const name = displayName(file);
    if (file.webkitRelativePath && !isJsonFileName(file.name)) {
      diagnostics.push(skippedFileDiagnostic(name));
      continue;
    }
    const tooBig = checkFileSize(name, file.size);
    if (tooBig) {
      diagnostics.push(tooBig);
      continue;
    }
    picked.push({ name, file });
  }
  // A folder with nothing to read says so, rather than opening an empty diagram without a word.
  const folder = sorted.find((f) => f.webkitRelativePath)?.webkitRelativePath.split('/')[0];
  if (folder && !sorted.some((f) => isJsonFileName(f.name)))
    diagnostics.push({ severity: 'warning', code: 'empty', message: 'no *.json files in this folder', file: folder });
  // Reading and parsing happen in a worker: a 100 MB describe-tasks file must not freeze the page.
  // With the views saved for this input, the worker lays out the first graph in the same go.
  const label = labelFor(files);
  return client.ingestFiles(picked, diagnostics, { label, savedViews: savedViewsFor(label) });
}

/** Triggers a download of `data` as `name` (web mode has no save dialog). */
function download(name: string, data: Uint8Array | string): void {
  const blob =
    typeof data === 'string'
      ? new Blob([data], { type: 'text/plain' })
      : new Blob([data.slice().buffer as ArrayBuffer]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Only AWS console pages may be opened from the app. */
export function isConsoleUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      (u.hostname === 'console.aws.amazon.com' || u.hostname.endsWith('.console.aws.amazon.com'))
    );
  } catch {
    return false;
  }
}

/**
 * Creates the web-mode implementation of DesktopApi over `ingest` (the page's one ingest client, which web
 * mode's LayoutHost shares: it lays out what it loaded).
 */
export function createBrowserApi(ingest: IngestClient = new IngestClient()): DesktopApi {
  return {
    platform: 'web',
    loadFiles: (files) => readAndIngest(files, ingest),
    // Web mode opens files through <input type=file> in the page; there is no host dialog.
    openDialog: async () => null,
    loadDemo: async () => {
      // Loaded on demand so the first screen does not wait for the snapshot; then ingested like a picked file.
      const { default: text } = await import('../demo/demo-snapshot.json?raw');
      const file = new Blob([text], { type: 'application/json' });
      return ingest.ingestFiles([{ name: 'demo-snapshot.json', file }], [], {
        label: DEMO_LABEL,
        savedViews: savedViewsFor(DEMO_LABEL),
      });
    },
    // A big load arrives in two steps (see ingest-client.ts); the complete topology comes through here.
    onTopology: (listener) => ingest.onLoadComplete((topology) => listener(topology, 'complete')),
    // Web mode has no host menu: the page binds the commands' keys itself (commands/command-keys.ts).
    onMenuCommand: () => () => undefined,
    // No log file to write to: the error boundary's message is all the user gets.
    // No host menu to grey.
    setMenuUnavailable: async () => undefined,
    reportError: async () => undefined,
    // Credentials never reach a page: live AWS is the desktop app's.
    ...NO_LIVE_AWS,
    // Web mode keeps no history of live fetches: there are none.
    ...NO_KEPT_HISTORY,
    saveFile: async (suggestedName, data) => {
      download(suggestedName, data);
      return suggestedName;
    },
    openExternal: async (url) => {
      if (!isConsoleUrl(url)) throw new Error(`refused to open ${url}: only AWS console URLs`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
  };
}
