/**
 * Light and dark: the window follows the OS (nativeTheme), unless the user
 * picks an override in View > Theme, which is remembered in the user data
 * folder. The renderer sees the result as `prefers-color-scheme`, which
 * Electron derives from `nativeTheme.themeSource`.
 */
import { app, nativeTheme } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ThemeSource } from '../shared/ipc/channels';

/** Window background before the page paints, per theme (matches the renderer's canvas background). */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1b1e23' } as const;

/** The theme setting with its persistence. */
export interface ThemeController {
  /** The user's choice: follow the OS, or an override. */
  source(): ThemeSource;
  /** Applies and remembers a choice. */
  set(source: ThemeSource): void;
  /** Whether the window is dark now (the override, or the OS). */
  isDark(): boolean;
  /** Called when the effective theme may have changed (choice or OS). Returns an unsubscribe. */
  onChange(listener: () => void): () => void;
}

const settingsSchema = z.object({ theme: z.enum(['system', 'light', 'dark']) });

/** Creates the controller over `<settingsFile>`; applies the remembered choice at once. */
export function createThemeController(settingsFile: string): ThemeController {
  const listeners = new Set<() => void>();
  let source: ThemeSource = 'system';
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(settingsFile, 'utf8')));
    if (parsed.success) source = parsed.data.theme;
  } catch {
    // No settings yet (first run) or an unreadable file: follow the OS.
  }
  nativeTheme.themeSource = source;
  nativeTheme.on('updated', () => {
    for (const listener of listeners) listener();
  });

  return {
    source: () => source,
    set(next) {
      source = next;
      nativeTheme.themeSource = next;
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      writeFileSync(settingsFile, JSON.stringify({ theme: next }, null, 2));
      for (const listener of listeners) listener();
    },
    isDark: () => nativeTheme.shouldUseDarkColors,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's theme controller, remembered in `<userData>/settings.json`. */
export function setupTheme(): ThemeController {
  return createThemeController(path.join(app.getPath('userData'), 'settings.json'));
}
