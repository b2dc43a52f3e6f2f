/** The desktop's LayoutHost: main sends whole topologies (with `raw`), laid out in the layout worker. */
import { LayoutClient } from './layout-client';
import type { LayoutHost } from './layout-host';
import { carriedRaw } from './raw-source';

/** Creates the desktop's LayoutHost (`client`: where layouts are made; default: a layout worker). */
export function createDesktopLayoutHost(client: LayoutClient = new LayoutClient()): LayoutHost {
  return {
    layOut: (topology, view, direction) => client.layout(topology, view, direction),
    // Main gives no preview: the layout worker's answer is the first thing drawn.
    previewLayout: async () => null,
    previewLegend: async () => null,
    startingView: () => undefined,
    loadRaw: carriedRaw,
    dispose: () => client.dispose(),
  };
}
