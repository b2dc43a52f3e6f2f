import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { COMMANDS, plainLabel } from '../../shared/ipc/commands';
import { App } from '../app';
import { createWebHosts } from '../desktop/pick-api';
import { useDiagramStore } from '../store/diagram-store';
import { useCostStore } from '../cost/cost-store';
import { installFlowEnv } from '../testing/render-node';
import { commandForKey, runCommand, shortcutText, type CommandContext } from './commands';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  target: EventTarget | null = document.body,
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  preventDefault: () => undefined,
  target,
  ...mods,
});

beforeAll(installFlowEnv);
beforeEach(() => useDiagramStore.getState().close());
afterEach(cleanup);

describe('the command table', () => {
  it('gives every command a unique id, a label and at least one way to reach it', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      expect(plainLabel(c)).not.toContain('&');
      expect(c.menu !== 'none' || ('keys' in c && c.keys.length > 0)).toBe(true);
    }
  });

  it('web mode: the menu accelerators and the bare keys reach their commands', () => {
    expect(commandForKey(key('e', { ctrlKey: true }), 'web')?.id).toBe('export-png');
    expect(commandForKey(key('E', { metaKey: true, shiftKey: true }), 'web')?.id).toBe('export-svg');
    expect(commandForKey(key('f', { ctrlKey: true }), 'web')?.id).toBe('find');
    expect(commandForKey(key('0', { ctrlKey: true }), 'web')?.id).toBe('fit');
    expect(commandForKey(key('f'), 'web')?.id).toBe('fit');
    expect(commandForKey(key('?', { shiftKey: true }), 'web')?.id).toBe('shortcuts');
    expect(commandForKey(key('ArrowUp'), 'web')?.id).toBe('move-selection');
    // Web mode cannot read picked files again: no reload, and Ctrl+R stays the browser's.
    expect(commandForKey(key('r', { ctrlKey: true }), 'web')).toBeUndefined();
    // Ctrl+Alt+E is nothing of ours.
    expect(commandForKey(key('e', { ctrlKey: true, altKey: true }), 'web')).toBeUndefined();
  });

  it('desktop: accelerators are the menu’s, so the page takes only bare keys', () => {
    expect(commandForKey(key('e', { ctrlKey: true }), 'electron')).toBeUndefined();
    expect(commandForKey(key('o'), 'electron')?.id).toBe('toggle-overlay');
  });

  it('never takes a bare key while the user types in a field', () => {
    const input = document.createElement('input');
    expect(commandForKey(key('f', {}, input), 'web')).toBeUndefined();
    expect(commandForKey(key('/', {}, document.createElement('textarea')), 'web')).toBeUndefined();
    // An accelerator still works from the search box.
    expect(commandForKey(key('e', { ctrlKey: true }, input), 'web')?.id).toBe('export-png');
  });

  it('writes the keys as the platform does', () => {
    const svg = COMMANDS.find((c) => c.id === 'export-svg')!;
    expect(shortcutText(svg, false)).toEqual(['Ctrl+Shift+E']);
    expect(shortcutText(svg, true)).toEqual(['⌘⇧E']);
    expect(
      shortcutText(
        COMMANDS.find((c) => c.id === 'find')!,
        false,
      ),
    ).toEqual(['Ctrl+F', '/']);
  });

  it('a command that needs a diagram does nothing without one, and acts with one', () => {
    const context: CommandContext = {
      api: createWebHosts().api,
      openFiles: vi.fn(),
      openFolder: vi.fn(),
      focusSearch: vi.fn(),
      toggleShortcuts: vi.fn(),
    };
    expect(runCommand('find', context)).toBe(false);
    expect(context.focusSearch).not.toHaveBeenCalled();
    expect(runCommand('open', context)).toBe(true);
    expect(context.openFiles).toHaveBeenCalled();
    act(() =>
      useDiagramStore.getState().setTopology(
        {
          files: [],
          diagnostics: [],
          clusters: [],
          services: [],
          tasks: [],
          taskDefinitions: [],
          containerInstances: [],
          capacityProviders: [],
          targetGroups: [],
        } as never,
        'empty',
      ),
    );
    const before = useDiagramStore.getState().view.overlay;
    expect(runCommand('toggle-overlay', context)).toBe(true);
    expect(useDiagramStore.getState().view.overlay).toBe(!before);
    // $ (the toolbar's "$ Cost") turns the launch-type lens on and off, as the View menu's item does.
    const costOn = useCostStore.getState().on;
    expect(commandForKey(key('$', { shiftKey: true }), 'electron')?.id).toBe('toggle-cost');
    expect(runCommand('toggle-cost', context)).toBe(true);
    expect(useCostStore.getState().on).toBe(!costOn);
    runCommand('toggle-cost', context);
    expect(useCostStore.getState().on).toBe(costOn);
  });
});

describe('the ? overlay', () => {
  it('opens on ?, lists this host’s commands with their keys, and closes on Escape', async () => {
    render(<App {...createWebHosts()} />);
    fireEvent.keyDown(window, { key: '?', shiftKey: true });
    const overlay = await screen.findByTestId('shortcuts-overlay');
    const png = within(overlay).getByText('Export PNG…').closest('tr')!;
    expect(png.textContent).toMatch(/Ctrl\+E|⌘E/);
    expect(within(overlay).getByText('Fit to Window').closest('tr')!.textContent).toContain('F');
    // Web mode has no Reload.
    expect(overlay.querySelector('[data-command="reload"]')).toBeNull();
    fireEvent.keyDown(within(overlay).getByRole('button', { name: 'Close' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('shortcuts-overlay')).toBeNull());
  });
});
