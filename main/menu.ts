/**
 * The application menu. The template is built by a pure function from the
 * current state (recent list, what the page can do now), so tests read it as data; the
 * actions it calls are passed in by main.ts. The app's own items (labels,
 * accelerators, which menu) come from the command table the page's keys and
 * shortcut overlay use too (shared/ipc/commands.ts).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/channels';
import { COMMANDS, type CommandId, type CommandSpec, type MainCommandId } from '../shared/ipc/commands';
import { recentLabel, type RecentEntry } from './recent';

/** What menu items do; main.ts wires each to its module. */
export interface MenuActions {
  open(): void;
  openFolder(): void;
  openRecent(entry: RecentEntry): void;
  clearRecent(): void;
  reload(): void;
  /** Commands the page carries out (export, find, fit, toggles). */
  command(command: MenuCommand): void;
}

/** The state the menu shows. */
export interface MenuState {
  recent: RecentEntry[];
  platform: NodeJS.Platform;
  /** Show the developer tools item (development builds only). */
  devTools: boolean;
  /** The page's commands that cannot run now (the page says which: `menu:unavailable`), shown greyed. */
  unavailable?: readonly MenuCommand[];
}

/** What the menu greys before the page has said anything: every page command that needs a diagram (none is open). */
export const UNAVAILABLE_AT_START: readonly MenuCommand[] = COMMANDS.filter(
  (c) => c.desktop === 'page' && c.needsDiagram,
).map((c) => c.id as MenuCommand);

/** The menu template for a state; pure. */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : state.recent.map((entry) => ({
          label: recentLabel(entry),
          toolTip: entry.paths.join('\n'),
          click: () => actions.openRecent(entry),
        }));
  const runInMain: Record<MainCommandId, () => void> = {
    open: () => actions.open(),
    'open-folder': () => actions.openFolder(),
    reload: () => actions.reload(),
  };
  /** The menu item of a command of the table: main carries it out, or the page (sent as a menu command). */
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const spec: CommandSpec = COMMANDS.find((c) => c.id === id)!;
    const greyed = spec.desktop === 'page' && (state.unavailable ?? []).includes(id as MenuCommand);
    return {
      label: spec.label,
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      ...(greyed ? { enabled: false } : {}),
      click: () => (spec.desktop === 'main' ? runInMain[id as MainCommandId]() : actions.command(id as MenuCommand)),
    };
  };
  /** The table's commands of one menu, in table order. */
  const itemsOf = (menu: CommandSpec['menu']): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c) => c.menu === menu && (c.hosts as readonly string[]).includes('electron')).map((c) =>
      item(c.id),
    );

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('open'),
      item('open-folder'),
      {
        label: 'Open &Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: 'Clear Recent', enabled: state.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      item('reload'),
      { type: 'separator' },
      item('export-png'),
      item('export-svg'),
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      ...itemsOf('edit'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...itemsOf('view'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.devTools ? ([{ type: 'separator' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [...itemsOf('help'), { type: 'separator' }, { role: 'about', label: 'About ECS Visualizer' }],
  };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [...appMenu, file, edit, view, ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []), help];
}

/** Installs the application menu and returns a function that rebuilds it after the state changed. */
export function setupMenu(getState: () => MenuState, actions: MenuActions): () => void {
  const rebuild = (): void => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(getState(), actions)));
  rebuild();
  return rebuild;
}
