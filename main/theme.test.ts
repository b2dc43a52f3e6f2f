import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pinLightTheme } from './theme';
import { nativeTheme, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

beforeEach(() => resetFakeElectron());

describe('theme', () => {
  it('the window is light on a dark OS too, as the page is (it has no dark styles)', () => {
    nativeTheme.osDark = true;
    expect(nativeTheme.shouldUseDarkColors).toBe(true);
    pinLightTheme();
    expect(nativeTheme.themeSource).toBe('light');
    expect(nativeTheme.shouldUseDarkColors).toBe(false);
  });
});
