import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThemeController } from './theme';
import { nativeTheme, resetFakeElectron } from './test/fake-electron';
import { makeTempDir, removeTempDir } from './test/temp-files';

vi.mock('electron', () => import('./test/fake-electron'));

let dir: string;
let settings: string;
beforeEach(() => {
  resetFakeElectron();
  dir = makeTempDir();
  settings = path.join(dir, 'settings.json');
});
afterEach(() => removeTempDir(dir));

describe('theme', () => {
  it('follows the OS by default', () => {
    const theme = createThemeController(settings);
    expect(theme.source()).toBe('system');
    expect(nativeTheme.themeSource).toBe('system');
    nativeTheme.osDark = true;
    expect(theme.isDark()).toBe(true);
  });

  it('an override applies at once, is remembered across restarts, and tells listeners', () => {
    const theme = createThemeController(settings);
    const changed = vi.fn();
    theme.onChange(changed);
    theme.set('dark');
    expect(nativeTheme.themeSource).toBe('dark');
    expect(theme.isDark()).toBe(true);
    expect(changed).toHaveBeenCalledOnce();
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ theme: 'dark' });
    nativeTheme.themeSource = 'system';
    expect(createThemeController(settings).source()).toBe('dark');
    expect(nativeTheme.themeSource).toBe('dark');
  });

  it('an OS theme change reaches listeners (menu and window background follow)', () => {
    const changed = vi.fn();
    createThemeController(settings).onChange(changed);
    nativeTheme.emit('updated');
    expect(changed).toHaveBeenCalledOnce();
  });

  it('a corrupt settings file falls back to following the OS', () => {
    writeFileSync(settings, '{"theme": "purple"}');
    expect(createThemeController(settings).source()).toBe('system');
  });
});
