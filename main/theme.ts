/**
 * The window is light, whatever the OS theme: the page has one palette (renderer/styles.css and
 * shared/theme, `color-scheme: light`). A View > Theme menu used to offer Follow System / Light / Dark, and Dark
 * turned only the window's background before the first paint (and the native dialogs) dark: the page stayed light,
 * so the choice did nothing a user could see but a dark flash at start. Dark exists for exports (`--theme dark`,
 * shared/render/palette.ts); a dark page needs its own styles first.
 */
import { nativeTheme } from 'electron';

/** The window's background before the page paints (the page's own, so opening shows no flash of another colour). */
export const WINDOW_BACKGROUND = '#ffffff';

/** Draws the window's native parts (dialogs, menus, scrollbars) light, as the page is, on a dark OS too. */
export function pinLightTheme(): void {
  nativeTheme.themeSource = 'light';
}
