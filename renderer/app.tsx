/**
 * The app shell: toolbar, canvas or first screen, details and diagnostics
 * panels; owns the file inputs, drag-and-drop, and building and laying out
 * the graph whenever the load or the view changes.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { DesktopApi } from '../shared/ipc/desktop-api';
import type { Topology } from '../shared/model/types';
import { DiagramCanvas } from './canvas/diagram-canvas';
import { ChangesPanel } from './diff/changes-panel';
import { HistoryPanel } from './history/history-panel';
import { useHistoryStore } from './history/history-store';
import { filesFromDataTransfer } from './desktop/drop-files';
import { DEMO_LABEL, labelFor, OPENED_FILES_LABEL } from './desktop/source-label';
import type { LayoutHost } from './layout/layout-host';
import { RawSourceContext } from './layout/raw-source';
import { DetailsPanel } from './panels/details-panel';
import { DiagnosticsPanel } from './panels/diagnostics-panel';
import { FindingsPanel } from './findings/findings-panel';
import { Toolbar } from './panels/toolbar';
import { WelcomeScreen } from './panels/welcome-screen';
import { useDiagramStore } from './store/diagram-store';
import { ExploreBar } from './panels/explore-bar';
import { commandForKey, runCommand, type CommandContext } from './commands/commands';
import { ShortcutsOverlay } from './commands/shortcuts-overlay';
import { useMenuAvailability } from './commands/menu-availability';
import type { CommandId } from '../shared/ipc/commands';
import { EmptyLoad } from './panels/empty-load';
import { DefinitionsPanel } from './panels/definitions-panel';
import type { CostApi } from '../shared/ipc/cost-api';
import { CostLensPanel } from './cost/cost-lens-panel';

// React types do not know the folder-picker attribute; it is passed through to the DOM as is.
const FOLDER_INPUT_ATTRS = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** Recomputes graph and layout when the load or the layout-relevant view changes. */
function useLayout(host: LayoutHost): void {
  const topology = useDiagramStore((s) => s.topology);
  const direction = useDiagramStore((s) => s.view.direction);
  const collapsed = useDiagramStore((s) => s.view.collapsed);
  const filters = useDiagramStore((s) => s.view.filters);
  const mode = useDiagramStore((s) => s.view.mode);
  const expanded = useDiagramStore((s) => s.view.expanded);
  const stackThreshold = useDiagramStore((s) => s.view.stackThreshold);
  const setLayout = useDiagramStore((s) => s.setLayout);
  const setPreview = useDiagramStore((s) => s.setPreview);
  const setPreviewLegend = useDiagramStore((s) => s.setPreviewLegend);
  const setError = useDiagramStore((s) => s.setError);
  useEffect(() => {
    if (!topology) return;
    let current = true;
    // The overlay only recolours nodes, so it is not an input of the layout. The graph is built in a
    // worker: on a 20k-node load building it here was a third of the open's longest task. It is laid out in
    // the ingest worker that holds the load; sending it to a layout worker was another 200 ms.
    const view = { overlay: true, direction, collapsed, filters, mode, expanded, stackThreshold };
    // A big load's first frame: what the host can show before the layout lands (the ingest worker's preview).
    void host.previewLegend(topology, view, direction).then((legend) => current && legend && setPreviewLegend(legend));
    void host.previewLayout(topology, view, direction).then((preview) => current && preview && setPreview(preview));
    host.layOut(topology, view, direction).then(
      (layout) => current && setLayout(layout, direction),
      (e: unknown) => current && setError(`Layout failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      current = false;
    };
  }, [
    host,
    topology,
    direction,
    collapsed,
    filters,
    mode,
    expanded,
    stackThreshold,
    setLayout,
    setPreview,
    setPreviewLegend,
    setError,
  ]);
}

/** The application, on the hosts picked at start-up (renderer/desktop/pick-api.ts). */
export function App({ api, layoutHost, cost }: { api: DesktopApi; layoutHost: LayoutHost; cost?: CostApi }) {
  const topology = useDiagramStore((s) => s.topology);
  const loading = useDiagramStore((s) => s.loading);
  const error = useDiagramStore((s) => s.error);
  const notice = useDiagramStore((s) => s.notice);
  const setTopology = useDiagramStore((s) => s.setTopology);
  const setLoading = useDiagramStore((s) => s.setLoading);
  const setError = useDiagramStore((s) => s.setError);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(0);
  const [loadingLabel, setLoadingLabel] = useState('');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // A timeline or comparison opened from the first screen shows too: the history panel lives in the workspace.
  const historyShown = useHistoryStore((s) => s.timeline !== null || s.comparison !== null || s.error !== null);
  const workspaceShown = topology !== null || loading || historyShown;
  useLayout(layoutHost);

  const load = useCallback(
    async (work: () => Promise<Topology | null>, label: string) => {
      setLoadingLabel(label);
      setLoading(true);
      try {
        const t = await work();
        if (t) setTopology(t, label, 'open', layoutHost.startingView(t));
        else setLoading(false);
      } catch (e) {
        setError(`Could not load: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [layoutHost, setLoading, setTopology, setError],
  );
  const loadFiles = useCallback(
    (files: File[]) => (files.length > 0 ? load(() => api.loadFiles(files), labelFor(files)) : Promise.resolve()),
    [api, load],
  );
  const openDemo = useCallback(() => void load(() => api.loadDemo(), DEMO_LABEL), [api, load]);

  useEffect(
    () =>
      api.onTopology((t, reason) =>
        setTopology(
          t,
          reason === 'open' ? OPENED_FILES_LABEL : useDiagramStore.getState().sourceLabel,
          reason,
          layoutHost.startingView(t),
        ),
      ),
    [api, layoutHost, setTopology],
  );
  useMenuAvailability(api);
  useEffect(() => {
    const context: CommandContext = {
      api,
      openFiles: () => filesInput.current?.click(),
      openFolder: () => folderInput.current?.click(),
      focusSearch: () => searchRef.current?.focus(),
      toggleShortcuts: () => setShortcutsOpen((open) => !open),
    };
    // The desktop menu sends the page's commands; its accelerators never reach the page's keys.
    const unsubscribe = api.onMenuCommand((command) => runCommand(command, context));
    // One table for the keys: accelerators in web mode (the desktop menu has them), bare keys on both.
    const onKey = (e: KeyboardEvent) => {
      const spec = commandForKey(e, api.platform);
      if (spec && runCommand(spec.id as CommandId, context, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
    };
  }, [api]);

  const onInputChange = (input: HTMLInputElement | null) => {
    const files = [...(input?.files ?? [])];
    // Reset so picking the same files again still fires a change.
    if (input) input.value = '';
    void loadFiles(files);
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(0);
    void loadFiles(await filesFromDataTransfer(e.dataTransfer));
  };
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

  return (
    <div
      className="app"
      onDragEnter={(e) => hasFiles(e) && setDragging((n) => n + 1)}
      onDragLeave={(e) => hasFiles(e) && setDragging((n) => Math.max(0, n - 1))}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => void onDrop(e)}
      data-testid="app"
    >
      <input
        ref={filesInput}
        className="visually-hidden"
        type="file"
        multiple
        accept=".json,application/json"
        data-testid="open-files"
        tabIndex={-1}
        onChange={(e) => onInputChange(e.currentTarget)}
      />
      <input
        ref={folderInput}
        className="visually-hidden"
        type="file"
        multiple
        data-testid="open-folder"
        tabIndex={-1}
        onChange={(e) => onInputChange(e.currentTarget)}
        {...FOLDER_INPUT_ATTRS}
      />
      <Toolbar
        onOpenFiles={() => filesInput.current?.click()}
        onOpenFolder={() => folderInput.current?.click()}
        onOpenDemo={openDemo}
        searchRef={searchRef}
        api={api}
        cost={cost}
      />
      {/* The workspace is always mounted, hidden under the first screen until a load starts: mounting React
          Flow (~60–100 ms) happens when the app starts, and the browser draws the workspace while the file
          is read, not inside the opening of a big file. */}
      <div className="stage">
        <div
          className={`workspace${workspaceShown ? '' : ' workspace-idle'}`}
          aria-hidden={workspaceShown ? undefined : true}
        >
          <ReactFlowProvider>
            <div className="main-column">
              {error && (
                <div className="callout callout-stopped banner" role="alert">
                  {error}
                </div>
              )}
              {notice && (
                <div className="callout callout-notice banner" role="status" data-testid="notice">
                  {notice}
                  <button
                    type="button"
                    className="btn btn-icon"
                    aria-label="Dismiss"
                    onClick={() => useDiagramStore.getState().setNotice(null)}
                  >
                    ×
                  </button>
                </div>
              )}
              <ExploreBar />
              <DiagramCanvas />
              <EmptyLoad />
              {!topology && loading && (
                <div className="loading-veil" role="status" data-testid="loading">
                  Opening {loadingLabel}…
                </div>
              )}
              {!topology && !loading && (
                <div className="empty-load" role="status" data-testid="no-diagram">
                  <div className="empty-load-card">
                    <h2>No diagram open</h2>
                    <p className="hint">
                      The panel below reads the files it was given on their own. Its “Show on the diagram”, Open files…
                      or Demo draws a diagram here.
                    </p>
                  </div>
                </div>
              )}
              <CostLensPanel />
              <ChangesPanel />
              <HistoryPanel />
              <FindingsPanel />
              <DiagnosticsPanel />
            </div>
            <RawSourceContext.Provider value={layoutHost.loadRaw}>
              <DetailsPanel api={api} />
              <DefinitionsPanel />
            </RawSourceContext.Provider>
          </ReactFlowProvider>
        </div>
        {!workspaceShown && (
          <WelcomeScreen
            onOpenFiles={() => filesInput.current?.click()}
            onOpenFolder={() => folderInput.current?.click()}
            onOpenDemo={openDemo}
            loading={loading}
            error={error}
          />
        )}
      </div>
      {shortcutsOpen && <ShortcutsOverlay platform={api.platform} onClose={() => setShortcutsOpen(false)} />}
      {dragging > 0 && (
        <div className="drop-overlay" aria-hidden="true">
          Drop describe-* JSON files or a folder to open them
        </div>
      )}
    </div>
  );
}
