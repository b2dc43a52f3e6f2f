import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../shared/ipc/commands';
import { buildMenuTemplate, UNAVAILABLE_AT_START, type MenuActions } from './menu';

vi.mock('electron', () => import('./test/fake-electron'));

interface Item {
  label?: string;
  enabled?: boolean;
  accelerator?: string;
  submenu?: Item[];
  click?: () => void;
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function actions(): MenuActions {
  return {
    open: vi.fn(),
    openFolder: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    reload: vi.fn(),
    command: vi.fn(),
  };
}

describe('application menu', () => {
  it('has every desktop command of the table, with its label and accelerator, and runs it where it belongs', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate({ recent: [], platform: 'linux', devTools: false }, a) as Item[]);
    for (const spec of COMMANDS) {
      const item = items.find((i) => i.label === spec.label);
      if (spec.menu === 'none') {
        expect(item).toBeUndefined();
        continue;
      }
      expect(item, spec.id).toBeDefined();
      expect(item!.accelerator).toBe('accelerator' in spec ? spec.accelerator : undefined);
      item!.click!();
      if (spec.desktop === 'page') expect(a.command).toHaveBeenLastCalledWith(spec.id);
    }
    expect(a.open).toHaveBeenCalledTimes(1);
    expect(a.openFolder).toHaveBeenCalledTimes(1);
    expect(a.reload).toHaveBeenCalledTimes(1);
    expect(a.command).not.toHaveBeenCalledWith('open');
  });

  it('offers Load Prices… and Refresh Prices in View right after the Cost Lens, and sends them to the page', () => {
    const a = actions();
    const template = buildMenuTemplate({ recent: [], platform: 'linux', devTools: false }, a) as Item[];
    const view = template.find((m) => m.label === '&View')!.submenu!;
    const lens = view.findIndex((i) => i.label === 'Launch-type &Cost Lens');
    expect(view.slice(lens, lens + 3).map((i) => i.label)).toEqual([
      'Launch-type &Cost Lens',
      'Load &Prices…',
      '&Refresh Prices',
    ]);
    view[lens + 1].click!();
    expect(a.command).toHaveBeenLastCalledWith('load-prices');
    view[lens + 2].click!();
    expect(a.command).toHaveBeenLastCalledWith('refresh-prices');
  });

  it('puts the shortcut list under Help', () => {
    const template = buildMenuTemplate({ recent: [], platform: 'darwin', devTools: false }, actions()) as (Item & {
      role?: string;
    })[];
    const help = template.find((m) => m.role === 'help')!;
    expect(help.submenu?.map((i) => i.label)).toContain('&Keyboard Shortcuts');
  });

  it('greys the page commands the page says cannot run now, and only those', () => {
    const state = { recent: [], platform: 'linux' as const, devTools: false };
    const greyed = (unavailable?: readonly string[]) =>
      flatten(buildMenuTemplate({ ...state, unavailable } as never, actions()) as Item[])
        .filter((i) => i.enabled === false && i.label !== 'No recent files' && i.label !== 'Clear Recent')
        .map((i) => i.label);
    expect(greyed()).toEqual([]);
    expect(greyed(['refresh-prices'])).toEqual(['&Refresh Prices']);
    // Before the page has said anything: whatever needs a diagram (Export, Fit, the lens, prices…), never Open.
    const atStart = greyed(UNAVAILABLE_AT_START);
    for (const label of ['&Refresh Prices', 'Load &Prices…', 'Launch-type &Cost Lens'])
      expect(atStart).toContain(label);
    expect(atStart).toHaveLength(
      UNAVAILABLE_AT_START.filter((id) => COMMANDS.find((c) => c.id === id)!.menu !== 'none').length,
    );
    expect(atStart.some((label) => /open/i.test(label ?? ''))).toBe(false);
  });
});
