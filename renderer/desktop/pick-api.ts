/**
 * Chooses the hosts once, at start-up: the Electron preload's DesktopApi and
 * the desktop LayoutHost when the preload is there, else the browser's
 * DesktopApi and the web LayoutHost over one ingest client (web mode,
 * component tests).
 */
import { DESKTOP_API_GLOBAL, type DesktopApi } from '../../shared/ipc/desktop-api';
import { createDesktopLayoutHost } from '../layout/desktop-layout-host';
import type { LayoutHost } from '../layout/layout-host';
import { createBrowserApi } from './browser-api';
import { IngestClient } from './ingest-client';
import { createWebLayoutHost } from './web-layout-host';
import type { CostApi } from '../../shared/ipc/cost-api';
import { createWebCostApi, injectedCostApi } from '../cost/cost-host';
import { useFindingsStore } from '../findings/findings-store';
import { useHistoryStore } from '../history/history-store';
import { desktopHistoryHost, webHistoryHost } from '../history/history-host';
import { watchReopens } from '../history/reopen-watch';
import { useDiagramStore } from '../store/diagram-store';

/** What the app reaches outside itself through: host I/O and the layout of what it loaded. */
export interface Hosts {
  api: DesktopApi;
  layoutHost: LayoutHost;
  /** The launch-type lens: priced in the ingest worker (web) or in main (desktop). */
  cost: CostApi;
}

/** Web mode's hosts: the browser DesktopApi and the web LayoutHost, sharing one ingest client. */
export function createWebHosts(ingest: IngestClient = new IngestClient()): Hosts {
  // The findings of a load come after its first frame: the panel and the badges redraw when they land.
  ingest.onFindings(() => useFindingsStore.getState().arrived());
  // "Compare with…" and the timeline: diffs computed in the ingest worker, where the load's raw JSON is kept.
  useHistoryStore.getState().setHost(webHistoryHost(ingest));
  // Reopened files of the same scope: the worker's diff marks the canvas once the store shows that load.
  ingest.onReopenDiff((answer, ofLoad) => {
    const apply = (): boolean => {
      const shown = useDiagramStore.getState().topology;
      if (!shown || !ofLoad(shown) || shown.arriving) return false;
      useDiagramStore.setState({ diff: answer.changes });
      useHistoryStore.getState().showComparison(['the previous load'], answer);
      return true;
    };
    if (apply()) return;
    const stop = useDiagramStore.subscribe((s, before) => {
      if (s.topology === before.topology) return;
      // Applied, or the user moved on to another load: either way this diff is done.
      if (apply() || (s.topology && !ofLoad(s.topology))) stop();
    });
  });
  return { api: createBrowserApi(ingest), layoutHost: createWebLayoutHost(ingest), cost: createWebCostApi(ingest) };
}

/** The hosts of this page. */
export function pickHosts(): Hosts {
  const injected = (window as unknown as Record<string, unknown>)[DESKTOP_API_GLOBAL];
  if (injected && typeof injected === 'object' && 'loadFiles' in injected) {
    // "Compare with…" and the timeline of history bundles: in an ingest worker of their own, started when asked.
    const history = desktopHistoryHost(() => new IngestClient());
    useHistoryStore.getState().setHost(history);
    watchReopens(history);
    return {
      api: injected as DesktopApi,
      layoutHost: createDesktopLayoutHost(),
      cost:
        injectedCostApi() ??
        createWebCostApi({ holds: () => false, cost: () => Promise.reject(new Error('no cost host')) }),
    };
  }
  return createWebHosts();
}
