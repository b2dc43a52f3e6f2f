/**
 * Opening: the files the window shows, however they came (File > Open,
 * Open Recent, drag-and-drop, the command line, macOS `open-file`), read in
 * main, remembered in the recent list and watched for changes. Main hands
 * their bytes to the page, whose ingest worker ingests them (as in web mode).
 */
import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import type { InlineSource, LoadFilesRequest, OpenedSources, TopologyPushReason } from '../shared/ipc/channels';
import { checkFileSize } from '../shared/ingest/index';
import type { Logger } from './logger';
import { readUntilComplete, watchPaths, type PathWatcher, type ReadResult } from './watch';

/** What a document session works with; main.ts passes the real ones, tests their own. */
export interface DocumentDeps {
  read: (paths: string[]) => Promise<ReadResult>;
  addRecent: (paths: string[]) => void;
  push: (opened: OpenedSources, reason: TopologyPushReason) => void;
  /** Folder of the demo snapshot shipped with the app. */
  demoDir: string;
  log: Logger;
  watch?: (paths: string[], onChange: () => void) => PathWatcher;
  /** Called with the paths now shown (empty for the demo), e.g. to set the window title. */
  onShown?: (paths: string[]) => void;
}

/** Turns inline sources into files to hand over, refusing the ones the preload did not read because of their size. */
function inlineToSources(inline: InlineSource[]): ReadResult {
  const result: ReadResult = { sources: [], diagnostics: [] };
  for (const file of inline) {
    const tooLarge = checkFileSize(file.name, file.size);
    if (tooLarge) result.diagnostics.push(tooLarge);
    // TextEncoder's bytes have their own memory (a small Buffer.from would share Node's pool, which IPC copies whole).
    else if (file.text !== null) result.sources.push({ name: file.name, bytes: new TextEncoder().encode(file.text) });
  }
  return result;
}

/** The set of files the window shows, and its reloads. */
export class DocumentSession {
  private paths: string[] = [];
  private inline: ReadResult = { sources: [], diagnostics: [] };
  private watcher: PathWatcher | null = null;
  /** Bumped on every open, so a reload that finishes after a newer open is dropped. */
  private generation = 0;

  constructor(private readonly deps: DocumentDeps) {}

  /** The paths shown now (empty for the demo or dropped files without a path). */
  get currentPaths(): string[] {
    return [...this.paths];
  }

  private async build(paths: string[], inline: ReadResult, retryPartial: boolean): Promise<OpenedSources> {
    const read = () =>
      paths.length > 0 ? this.deps.read(paths) : Promise.resolve<ReadResult>({ sources: [], diagnostics: [] });
    const fromDisk = retryPartial ? await readUntilComplete(read) : await read();
    return {
      sources: [...fromDisk.sources, ...inline.sources],
      diagnostics: [...fromDisk.diagnostics, ...inline.diagnostics],
    };
  }

  private show(paths: string[], inline: ReadResult, remember: boolean): void {
    this.generation += 1;
    this.paths = paths;
    this.inline = inline;
    this.watcher?.close();
    this.watcher = paths.length > 0 ? (this.deps.watch ?? watchPaths)(paths, () => void this.reload()) : null;
    if (remember && paths.length > 0) this.deps.addRecent(paths);
    this.deps.onShown?.(paths);
  }

  /** Opens paths (files or folders) and returns what was read; the caller hands it to the page. */
  async open(paths: string[]): Promise<OpenedSources> {
    const absolute = paths.map((p) => path.resolve(p));
    const opened = await this.build(absolute, { sources: [], diagnostics: [] }, false);
    this.show(absolute, { sources: [], diagnostics: [] }, true);
    return opened;
  }

  /** Opens paths main chose (menu, command line, OS) and pushes the result to the page. */
  async openAndPush(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    this.deps.push(await this.open(paths), 'open');
  }

  /** Loads what the page handed over (picked or dropped files: by path where known, else their text). */
  async load(request: LoadFilesRequest): Promise<OpenedSources> {
    const absolute = request.paths.map((p) => path.resolve(p));
    const inline = inlineToSources(request.inline);
    const opened = await this.build(absolute, inline, false);
    this.show(absolute, inline, true);
    return opened;
  }

  /** Reads the demo snapshot shipped with the app; it is neither watched nor remembered. */
  async loadDemo(): Promise<OpenedSources> {
    const opened = await this.deps.read([this.deps.demoDir]);
    this.show([], { sources: [], diagnostics: [] }, false);
    return opened;
  }

  /** Reads the shown files again and pushes the result as a reload (the page keeps zoom, selection and collapsed state). */
  async reload(): Promise<void> {
    if (this.paths.length === 0) return;
    const generation = this.generation;
    const opened = await this.build(this.paths, this.inline, true);
    if (generation !== this.generation) return;
    this.deps.log.info(`reloaded ${this.paths.length} path(s)`);
    this.deps.push(opened, 'reload');
  }

  /** Stops watching. */
  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}

/** Which open dialog: files, a folder, or (macOS only, where one dialog can do both) either. */
export type OpenDialogKind = 'files' | 'folder' | 'any';

/** The open dialog's options for a kind, on a platform. */
export function openDialogOptions(kind: OpenDialogKind, platform: NodeJS.Platform): OpenDialogOptions {
  // Windows and Linux cannot pick files and folders in one dialog: there "any" means files, and File > Open Folder… picks folders.
  const properties: OpenDialogOptions['properties'] =
    kind === 'folder'
      ? ['openDirectory', 'multiSelections']
      : kind === 'any' && platform === 'darwin'
        ? ['openFile', 'openDirectory', 'multiSelections']
        : ['openFile', 'multiSelections'];
  return {
    title: kind === 'folder' ? 'Open folder of ECS JSON files' : 'Open ECS JSON files',
    properties,
    filters:
      kind === 'folder'
        ? []
        : [
            { name: 'JSON', extensions: ['json'] },
            { name: 'All files', extensions: ['*'] },
          ],
  };
}

/** Shows the open dialog; the chosen paths, or null when cancelled. */
export async function pickPaths(window: BrowserWindow | null, kind: OpenDialogKind): Promise<string[] | null> {
  const options = openDialogOptions(kind, process.platform);
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/**
 * The paths in a command line: everything after the executable that is not a
 * switch, less the app path when run as `electron [switches] <app>` (the first
 * non-switch argument); after `--` everything is a path. Relative paths are
 * resolved against `cwd`.
 */
export function pathsFromArgv(argv: string[], cwd: string, defaultApp: boolean): string[] {
  const paths: string[] = [];
  let appPathPending = defaultApp;
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
    } else if (switchesEnded || !arg.startsWith('-')) {
      if (appPathPending) appPathPending = false;
      else if (arg.trim() !== '') paths.push(path.resolve(cwd, arg));
    }
  }
  return paths;
}

/**
 * Starts collecting macOS `open-file` events (Finder, Dock, Open With). They
 * can fire before the app is ready, so this must run at startup; call the
 * returned function once the window exists to receive the held and all later
 * paths (several files opened at once arrive as separate events, so they are
 * gathered for a moment and opened together).
 */
export function collectOpenFileEvents(): (open: (paths: string[]) => void) => void {
  let held: string[] = [];
  let deliver: ((paths: string[]) => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  app.on('open-file', (event, file) => {
    event.preventDefault();
    held.push(file);
    if (!deliver) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = held;
      held = [];
      deliver?.(paths);
    }, 50);
  });
  return (open) => {
    deliver = open;
    if (held.length > 0) {
      const paths = held;
      held = [];
      open(paths);
    }
  };
}
