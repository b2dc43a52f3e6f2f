/**
 * The app's commands as data: one table feeds the desktop menu
 * (main/menu.ts), the page's keys, the toolbar's tooltips and the `?`
 * shortcut overlay (renderer/commands/). What a command does lives with
 * whoever carries it out: the page (renderer/commands/commands.ts, one `run`
 * per id, checked by the compiler) or, on the desktop, main for the ones
 * marked `desktop: 'main'` (dialogs, reload).
 */

/** One command: what it is called, where it sits, which keys reach it. */
export interface CommandSpec {
  id: string;
  /** Menu, tooltip and overlay label; `&` marks the menu mnemonic (Windows, Linux) and is not shown elsewhere. */
  label: string;
  /** The desktop menu it sits in; `none` for keys only (the selection's arrows, Escape). */
  menu: 'file' | 'edit' | 'view' | 'help' | 'none';
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+E`); the page's key test reads the same string. */
  accelerator?: string;
  /** Keys pressed alone in the page (not while typing in a field), as `KeyboardEvent.key` values. */
  keys?: readonly string[];
  /** Who carries it out on the desktop: main (it needs a dialog or the files on disk) or the page. */
  desktop: 'main' | 'page';
  /** Which hosts have it: web mode has no reload of files on disk. */
  hosts: readonly ('electron' | 'web')[];
  /** Does nothing without a diagram on screen (its keys are then left to the browser). */
  needsDiagram: boolean;
}

const BOTH = ['electron', 'web'] as const;

/** Every command, in menu order. */
export const COMMANDS = [
  {
    id: 'open',
    label: '&Open…',
    menu: 'file',
    accelerator: 'CmdOrCtrl+O',
    desktop: 'main',
    hosts: BOTH,
    needsDiagram: false,
  },
  {
    id: 'open-folder',
    label: 'Open &Folder…',
    menu: 'file',
    accelerator: 'CmdOrCtrl+Shift+O',
    desktop: 'main',
    hosts: BOTH,
    needsDiagram: false,
  },
  {
    id: 'reload',
    label: '&Reload',
    menu: 'file',
    accelerator: 'CmdOrCtrl+R',
    desktop: 'main',
    hosts: ['electron'],
    needsDiagram: false,
  },
  {
    id: 'export-png',
    label: 'Export &PNG…',
    menu: 'file',
    accelerator: 'CmdOrCtrl+E',
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'export-svg',
    label: 'Export &SVG…',
    menu: 'file',
    accelerator: 'CmdOrCtrl+Shift+E',
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'find',
    label: '&Find…',
    menu: 'edit',
    accelerator: 'CmdOrCtrl+F',
    keys: ['/'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'fit',
    label: '&Fit to Window',
    menu: 'view',
    accelerator: 'CmdOrCtrl+0',
    keys: ['f'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'toggle-overlay',
    label: 'Toggle EC2 / Fargate &Overlay',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+L',
    keys: ['o'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'toggle-legend',
    label: 'Toggle &Legend',
    menu: 'view',
    keys: ['l'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'toggle-cost',
    label: 'Launch-type &Cost Lens',
    menu: 'view',
    keys: ['$'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  // The toolbar's Load prices… and Refresh prices. The page carries both out: it asks main for its own open
  // dialog (a page file input opened from a menu message has no user activation), and only the page knows
  // whether the load on screen is live. Web mode has Load prices… in its toolbar; Refresh prices is the desktop's.
  {
    id: 'load-prices',
    label: 'Load &Prices…',
    menu: 'view',
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'refresh-prices',
    label: '&Refresh Prices',
    menu: 'view',
    desktop: 'page',
    hosts: ['electron'],
    needsDiagram: true,
  },
  {
    id: 'clear-selection',
    label: 'Clear Selection and Search',
    menu: 'none',
    keys: ['Escape'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'move-selection',
    label: 'Move the Selection (parent, child, siblings); Enter centres it',
    menu: 'none',
    keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: true,
  },
  {
    id: 'shortcuts',
    label: '&Keyboard Shortcuts',
    menu: 'help',
    keys: ['?'],
    desktop: 'page',
    hosts: BOTH,
    needsDiagram: false,
  },
] as const satisfies readonly CommandSpec[];

/** A command's id. */
export type CommandId = (typeof COMMANDS)[number]['id'];

/** The ids of the commands the page carries out on the desktop too: the menu sends them over `menu:command`. */
export type PageCommandId = Extract<(typeof COMMANDS)[number], { desktop: 'page' }>['id'];

/** The ids of the commands main carries out on the desktop. */
export type MainCommandId = Extract<(typeof COMMANDS)[number], { desktop: 'main' }>['id'];

/** The command of id `id`. */
export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}

/** A label without its mnemonic marker: `Export &PNG…` → `Export PNG…`. */
export function plainLabel(spec: Pick<CommandSpec, 'label'>): string {
  return spec.label.replace(/&(.)/g, '$1');
}
