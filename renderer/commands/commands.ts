/**
 * What the page does for each command of the table (shared/ipc/commands.ts)
 * and which key presses reach it. One keydown handler and the desktop menu's
 * `menu:command` both end in `runCommand`; the `?` overlay lists the same
 * table with `shortcutText`.
 */
import { COMMANDS, plainLabel, type CommandId, type CommandSpec } from '../../shared/ipc/commands';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { moveSelectionByKey, typingInto } from '../canvas/selection-keys';
import { runExport } from '../export/export-diagram';
import { useDiagramStore } from '../store/diagram-store';
import { useCostStore } from '../cost/cost-store';
import { openPricesFromHost, refreshLensPrices } from '../cost/prices-actions';

/** What the commands act on besides the store: the host, and the page's own controls. */
export interface CommandContext {
  api: DesktopApi;
  /** Opens the picker for files (web: the page's file input; desktop: main's dialog). */
  openFiles(): void;
  openFolder(): void;
  /** Puts the caret in the search box. */
  focusSearch(): void;
  /** Shows or hides the shortcut overlay. */
  toggleShortcuts(): void;
}

/** The key press that ran a command, for the commands that read it (the selection's arrows). */
export type CommandEvent = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'preventDefault'
>;

/**
 * What each command does in the page (false: it did nothing, so the key stays the browser's). A command the
 * desktop runs in main runs here in web mode only.
 */
const RUNS: Record<CommandId, (context: CommandContext, event?: CommandEvent) => boolean | void> = {
  open: (c) => c.openFiles(),
  'open-folder': (c) => c.openFolder(),
  // Web mode has no files on disk to read again; the desktop's reload is main's.
  reload: () => false,
  'export-png': (c) => void runExport(c.api, 'png'),
  'export-svg': (c) => void runExport(c.api, 'svg'),
  find: (c) => c.focusSearch(),
  fit: () => useDiagramStore.getState().requestFit(),
  'toggle-overlay': () => useDiagramStore.getState().toggleOverlay(),
  'toggle-legend': () => {
    const s = useDiagramStore.getState();
    s.setLegendOpen(!s.legendOpen);
  },
  // The toolbar's $ Cost: the badges in dollars and the lens panel (the load is priced off the page).
  'toggle-cost': () => useCostStore.getState().toggle(),
  // The toolbar's Load prices… and Refresh prices, through the lens's host (false while the toolbar has none).
  'load-prices': () => {
    const host = useCostStore.getState().host;
    return host ? void openPricesFromHost(host) : false;
  },
  'refresh-prices': () => {
    const host = useCostStore.getState().host;
    return host ? void refreshLensPrices(host) : false;
  },
  'clear-selection': () => {
    useDiagramStore.getState().select(null);
    useDiagramStore.getState().setSearch('');
  },
  // Only an arrow with a selection to move is taken from the browser (it scrolls otherwise).
  'move-selection': (_c, event) => (event ? moveSelectionByKey(event as KeyboardEvent) : false),
  shortcuts: (c) => c.toggleShortcuts(),
};

/** Carries out command `id`; a command that needs a diagram does nothing without one. Returns whether it acted. */
export function runCommand(id: CommandId, context: CommandContext, event?: CommandEvent): boolean {
  const spec: CommandSpec = COMMANDS.find((c) => c.id === id)!;
  if (spec.needsDiagram && !useDiagramStore.getState().topology) return false;
  return RUNS[id](context, event) !== false;
}

/** Whether Cmd (macOS) or Ctrl (elsewhere) stands for `CmdOrCtrl`: the page accepts either, as menus do. */
function matchesAccelerator(accelerator: string, e: CommandEvent): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const wants = new Set(parts.map((p) => p.toLowerCase()));
  const command = wants.has('cmdorctrl') || wants.has('commandorcontrol');
  if (command !== (e.ctrlKey || e.metaKey)) return false;
  if (wants.has('shift') !== e.shiftKey || wants.has('alt') !== e.altKey) return false;
  return e.key.toLowerCase() === key;
}

/** Whether the key press is typing into a field, where bare keys belong to the field. */
function typing(target: EventTarget | null): boolean {
  // A checkbox or button takes no letters: `f` still fits from there (issue #14 point 3).
  return typingInto(target);
}

/**
 * The command a key press reaches on `platform`, or undefined. On the desktop, accelerators are the menu's
 * (it sends the command); the page tests only the bare keys. A bare key never fires while typing in a field.
 */
export function commandForKey(
  e: CommandEvent & { target: EventTarget | null },
  platform: DesktopApi['platform'],
): CommandSpec | undefined {
  for (const spec of COMMANDS as readonly CommandSpec[]) {
    if (!spec.hosts.includes(platform)) continue;
    if (platform === 'web' && spec.accelerator && matchesAccelerator(spec.accelerator, e)) return spec;
    if (spec.keys?.includes(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) return spec;
  }
  return undefined;
}

/** The commands of `platform`, with the keys that reach them there, for the shortcut overlay. */
export function commandsOf(platform: DesktopApi['platform']): CommandSpec[] {
  return (COMMANDS as readonly CommandSpec[]).filter((c) => c.hosts.includes(platform));
}

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
};

/** How a command's keys are written for the user: `Ctrl+Shift+E` (`⌘⇧E` on a Mac), then its bare keys. */
export function shortcutText(spec: CommandSpec, mac: boolean): string[] {
  const out: string[] = [];
  if (spec.accelerator) {
    const parts = spec.accelerator.split('+');
    const key = parts.pop()!.toUpperCase();
    const mods = parts.map((p) => {
      const m = p.toLowerCase();
      if (m === 'cmdorctrl' || m === 'commandorcontrol') return mac ? '⌘' : 'Ctrl';
      if (m === 'shift') return mac ? '⇧' : 'Shift';
      if (m === 'alt') return mac ? '⌥' : 'Alt';
      return p;
    });
    out.push(mac ? [...mods, key].join('') : [...mods, key].join('+'));
  }
  for (const key of spec.keys ?? []) out.push(KEY_NAMES[key] ?? key.toUpperCase());
  return out;
}

/** Whether the user is on a Mac, where Cmd stands for Ctrl. */
export function onMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** A toolbar button's tooltip for command `id`: its label and keys, `Fit to Window (Ctrl+0, F)`. */
export function commandTitle(id: CommandId): string {
  const spec: CommandSpec = COMMANDS.find((c) => c.id === id)!;
  const keys = shortcutText(spec, onMac());
  return keys.length > 0 ? `${plainLabel(spec)} (${keys.join(', ')})` : plainLabel(spec);
}
