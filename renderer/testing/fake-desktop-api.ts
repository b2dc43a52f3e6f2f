import { vi } from 'vitest';
import { emptyTopology } from '../../shared/graph/testing/make-topology';
import { NO_KEPT_HISTORY, NO_LIVE_AWS, type DesktopApi } from '../../shared/ipc/desktop-api';

/** A DesktopApi for component tests: web platform, loads nothing, `openExternal` a spy. */
export function fakeDesktopApi(): DesktopApi {
  return {
    platform: 'web',
    loadFiles: async () => emptyTopology(),
    openDialog: async () => null,
    loadDemo: async () => emptyTopology(),
    onTopology: () => () => undefined,
    onMenuCommand: () => () => undefined,
    setMenuUnavailable: async () => undefined,
    reportError: async () => undefined,
    saveFile: async () => null,
    openExternal: vi.fn(async () => undefined),
    ...NO_LIVE_AWS,
    ...NO_KEPT_HISTORY,
  };
}
