/**
 * Chooses the hosts once, at start-up. Both kinds ingest in the page's one ingest worker, which then lays out,
 * previews, prices, diffs and keeps the raw JSON of what it loaded: web mode reads the picked files there,
 * the desktop hands it the texts main read (renderer/desktop/desktop-api.ts) when the Electron preload is
 * there; host I/O is the browser's or main's.
 */
import { DESKTOP_API_GLOBAL, type DesktopApi, type DesktopBridge } from '../../shared/ipc/desktop-api';
import type { LayoutHost } from '../layout/layout-host';
import { createBrowserApi } from './browser-api';
import { createDesktopApi } from './desktop-api';
import { IngestClient } from './ingest-client';
import { createWebLayoutHost } from './web-layout-host';
import type { CostApi } from '../../shared/ipc/cost-api';
import { createWebCostApi, injectedCostBridge } from '../cost/cost-host';
import { useFindingsStore } from '../findings/findings-store';
import { useHistoryStore } from '../history/history-store';
import { webHistoryHost } from '../history/history-host';
import { useDiagramStore, whenShownWhole } from '../store/diagram-store';

/** What the app reaches outside itself through: host I/O and the layout of what it loaded. */
export interface Hosts {
  api: DesktopApi;
  layoutHost: LayoutHost;
  /** The launch-type lens: priced in the ingest worker; Refresh prices in main on the desktop. */
  cost: CostApi;
}

/** The hosts over one ingest client; `api` (default: web mode's) is how loads reach it. */
export function createWebHosts(
  ingest: IngestClient = new IngestClient(),
  api: DesktopApi = createBrowserApi(ingest),
  cost: CostApi = createWebCostApi(ingest),
): Hosts {
  // The findings of a load come after its first frame: the panel and the badges redraw when they land.
  ingest.onFindings(() => useFindingsStore.getState().arrived());
  // "Compare with…" and the timeline: diffs computed in the ingest worker, where the load's raw JSON is kept.
  const drawnSteps = new WeakSet<object>();
  useHistoryStore.getState().setHost(webHistoryHost(ingest, drawnSteps));
  // Reopened files of the same scope: the worker's diff marks the canvas once the store shows that load.
  ingest.onReopenDiff((answer, ofLoad) =>
    whenShownWhole(ofLoad, (shown) => {
      // A timeline step drawn: marked with what changed since the step before it, and the timeline stays.
      if (drawnSteps.has(shown.files)) return;
      useDiagramStore.setState({ diff: answer.changes });
      useHistoryStore.getState().showComparison(['the previous load'], answer);
    }),
  );
  return { api, layoutHost: createWebLayoutHost(ingest), cost };
}

/** The desktop's hosts: the preload's bridge to main, over the same ingest client as web mode. */
export function createDesktopHosts(bridge: DesktopBridge, ingest: IngestClient = new IngestClient()): Hosts {
  const api = createDesktopApi(bridge, ingest, () => useDiagramStore.getState().sourceLabel);
  return createWebHosts(ingest, api, createWebCostApi(ingest, injectedCostBridge()));
}

/** The hosts of this page. */
export function pickHosts(): Hosts {
  const injected = (window as unknown as Record<string, unknown>)[DESKTOP_API_GLOBAL];
  if (injected && typeof injected === 'object' && 'loadFiles' in injected)
    return createDesktopHosts(injected as DesktopBridge);
  return createWebHosts();
}
