/**
 * Where the bundled export fonts are. The PNG must look the same on every
 * machine, so resvg gets these files and never the system's fonts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Font files of the export (DejaVu Sans, Bold, Mono; licence in assets/fonts/LICENSE). */
export const EXPORT_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'] as const;

/** Family names the SVG asks for; they must match the files above. */
export const EXPORT_FONT_FAMILIES = { sans: 'DejaVu Sans', mono: 'DejaVu Sans Mono' } as const;

/**
 * The folder holding the export fonts: `ECS_VISUALIZER_FONTS_DIR` when set,
 * else `assets/fonts` of the checkout (source and dist/ both sit two levels
 * below it), else `fonts` in a packaged app's resources.
 */
export function exportFontDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.ECS_VISUALIZER_FONTS_DIR,
    path.resolve(here, '../../assets/fonts'),
    path.resolve(here, '../../../assets/fonts'),
    resources ? path.join(resources, 'fonts') : undefined,
  ];
  for (const dir of candidates) {
    if (dir && existsSync(path.join(dir, EXPORT_FONT_FILES[0]))) return dir;
  }
  // A missing font is a broken installation, not bad input: fail loudly rather than render boxes.
  throw new Error(`export fonts not found (looked in ${candidates.filter(Boolean).join(', ')})`);
}

/** Full paths of the export font files. */
export function exportFontFiles(): string[] {
  const dir = exportFontDir();
  return EXPORT_FONT_FILES.map((f) => path.join(dir, f));
}
