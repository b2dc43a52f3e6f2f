/** Export from the host menu (Electron) and from Ctrl/Cmd+E (web mode), through the whole app. */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DesktopApi, MenuCommand } from '../../shared/ipc/desktop-api';
import { App } from '../app';
import { createWebHosts } from '../desktop/pick-api';
import { useDiagramStore } from '../store/diagram-store';
import { installFlowEnv } from '../testing/render-node';
import { rasteriseSvg } from './rasterise';

vi.mock('./rasterise', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./rasterise')>()),
  rasteriseSvg: vi.fn(),
}));

beforeAll(installFlowEnv);
beforeEach(() => {
  useDiagramStore.getState().close();
  vi.mocked(rasteriseSvg).mockImplementation(async ({ width: w, height: h }, scale) => ({
    blob: new Blob([]),
    bytes: new Uint8Array([137, 80]),
    width: w * scale,
    height: h * scale,
    size: {
      width: w * scale,
      height: h * scale,
      scale,
      reduced: false,
      requested: { width: w * scale, height: h * scale, scale },
    },
  }));
});
afterEach(cleanup);

function host(platform: DesktopApi['platform']) {
  let menu: ((c: MenuCommand) => void) | undefined;
  const saveFile = vi.fn(async (name: string, _data: Uint8Array | string) => name);
  const hosts = createWebHosts();
  const api: DesktopApi = {
    ...hosts.api,
    platform,
    saveFile,
    ...(platform === 'electron'
      ? { onMenuCommand: (l: (c: MenuCommand) => void) => ((menu = l), () => undefined) }
      : {}),
  };
  return { api, layoutHost: hosts.layoutHost, saveFile, menu: (c: MenuCommand) => menu?.(c) };
}

async function openDemo() {
  fireEvent.click(screen.getByTestId('open-demo'));
  await waitFor(() => expect(useDiagramStore.getState().layout).not.toBeNull(), { timeout: 5000 });
}

describe('export commands', () => {
  it('the menu’s Export SVG and Export PNG save the diagram through the host', async () => {
    const h = host('electron');
    render(<App api={h.api} layoutHost={h.layoutHost} />);
    await openDemo();
    h.menu('export-svg');
    await waitFor(() => expect(h.saveFile).toHaveBeenCalledTimes(1));
    const [name, svg] = h.saveFile.mock.calls[0];
    expect(name).toMatch(/\.svg$/);
    expect(String(svg)).toContain('web-frontend');
    h.menu('export-png');
    await waitFor(() => expect(h.saveFile).toHaveBeenCalledTimes(2));
    expect(h.saveFile.mock.calls[1][0]).toMatch(/\.png$/);
    await screen.findByTestId('notice');
  });

  it('web mode: Ctrl+E saves a PNG, Ctrl+Shift+E an SVG; without a diagram nothing happens', async () => {
    const h = host('web');
    render(<App api={h.api} layoutHost={h.layoutHost} />);
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
    expect(h.saveFile).not.toHaveBeenCalled();
    await openDemo();
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true });
    await waitFor(() => expect(h.saveFile).toHaveBeenCalledTimes(1));
    expect(h.saveFile.mock.calls[0][0]).toMatch(/\.png$/);
    fireEvent.keyDown(window, { key: 'E', metaKey: true, shiftKey: true });
    await waitFor(() => expect(h.saveFile).toHaveBeenCalledTimes(2));
    expect(h.saveFile.mock.calls[1][0]).toMatch(/\.svg$/);
  });
});
