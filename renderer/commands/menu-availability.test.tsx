import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { emptyTopology, makeCluster } from '../../shared/graph/testing/make-topology';
import { COMMANDS, type CommandSpec } from '../../shared/ipc/commands';
import type { CostApi } from '../../shared/ipc/cost-api';
import { useCostStore } from '../cost/cost-store';
import { useDiagramStore } from '../store/diagram-store';
import { fakeDesktopApi } from '../testing/fake-desktop-api';
import { unavailableCommands, useMenuAvailability } from './menu-availability';

const desktopCost = { canRefreshPrices: true } as CostApi;
const load = () => {
  const t = emptyTopology();
  t.clusters = [makeCluster('prod')];
  return t;
};
/** The desktop menu's page commands (what the page may grey). */
const pageMenuCommands = (COMMANDS as readonly CommandSpec[])
  .filter((c) => c.desktop === 'page' && c.menu !== 'none' && c.hosts.includes('electron'))
  .map((c) => c.id);

afterEach(() => {
  cleanup();
  useDiagramStore.getState().close();
  useCostStore.getState().setHost(null);
});

describe('which menu commands the page says cannot run', () => {
  it('with nothing open: every one that needs a diagram (Find, Fit, Export, the lens and its prices)', () => {
    const none = unavailableCommands({ topology: null, sourceLabel: '', costHost: null });
    const needing = (COMMANDS as readonly CommandSpec[]).filter((c) => c.needsDiagram).map((c) => c.id);
    expect(none).toEqual(pageMenuCommands.filter((id) => needing.includes(id)));
    for (const id of ['fit', 'export-png', 'toggle-cost', 'load-prices', 'refresh-prices']) expect(none).toContain(id);
  });

  it('a load from files: only Refresh Prices, which needs a live load; a live load with a region: none', () => {
    expect(unavailableCommands({ topology: load(), sourceLabel: 'tasks.json', costHost: desktopCost })).toEqual([
      'refresh-prices',
    ]);
    expect(
      unavailableCommands({ topology: load(), sourceLabel: 'AWS prod · eu-west-1', costHost: desktopCost }),
    ).toEqual([]);
    // The lens's host gone (no toolbar): neither prices command can run.
    expect(unavailableCommands({ topology: load(), sourceLabel: 'AWS prod · eu-west-1', costHost: null })).toEqual([
      'load-prices',
      'refresh-prices',
    ]);
  });
});

describe('useMenuAvailability', () => {
  function Probe({ api }: { api: ReturnType<typeof fakeDesktopApi> }) {
    useMenuAvailability(api);
    return null;
  }

  it('tells the desktop host at once and when it changes, not on every store change', () => {
    const api = {
      ...fakeDesktopApi(),
      platform: 'electron' as const,
      setMenuUnavailable: vi.fn(async (_commands: string[]) => undefined),
    };
    render(<Probe api={api} />);
    expect(api.setMenuUnavailable).toHaveBeenCalledTimes(1);
    expect(api.setMenuUnavailable.mock.lastCall![0]).toContain('fit');
    act(() => {
      useCostStore.getState().setHost(desktopCost);
      useDiagramStore.getState().setTopology(load(), 'AWS prod · eu-west-1');
    });
    expect(api.setMenuUnavailable.mock.lastCall![0]).toEqual([]);
    const calls = api.setMenuUnavailable.mock.calls.length;
    act(() => useDiagramStore.getState().setSearch('prod'));
    act(() => useDiagramStore.getState().select(load().clusters[0].id));
    expect(api.setMenuUnavailable).toHaveBeenCalledTimes(calls);
    act(() => useDiagramStore.getState().setTopology(load(), 'tasks.json'));
    expect(api.setMenuUnavailable.mock.lastCall![0]).toEqual(['refresh-prices']);
  });

  it('says nothing in web mode, which has no host menu', () => {
    const api = { ...fakeDesktopApi(), setMenuUnavailable: vi.fn(async (_commands: string[]) => undefined) };
    render(<Probe api={api} />);
    act(() => useDiagramStore.getState().setTopology(load(), 'tasks.json'));
    expect(api.setMenuUnavailable).not.toHaveBeenCalled();
  });
});
