/**
 * The diff highlight of an export (`diff -o`): NEW's diagram with an outline on every object that was added
 * (green) or changed (amber), and a "−N gone" tag on the object that held what NEW no longer has (red), plus a
 * legend section naming the three colours. The same marks as the app's canvas (renderer/diff/diff-marks.tsx).
 */
import type { ExportPalette } from './palette';
import { n, text } from './primitives';

/** What the export marks: per model id, added or changed; per model id, how many of its objects are gone. */
export interface DiffHighlight {
  marks: Readonly<Record<string, 'added' | 'changed'>>;
  gone: Readonly<Record<string, number>>;
}

const colourOf = (p: ExportPalette, mark: 'added' | 'changed' | 'removed'): string =>
  mark === 'added' ? p.ok : mark === 'changed' ? p.warning : p.danger;

const OUTLINE = 3;

/** The outline and "gone" tag drawn inside a node's group (node-local coordinates), or '' when the diff did not touch it. */
export function diffMarkSvg(
  highlight: DiffHighlight | undefined,
  entityId: string | undefined,
  width: number,
  height: number,
  palette: ExportPalette,
): string {
  if (!highlight || !entityId) return '';
  const mark = highlight.marks[entityId];
  const gone = highlight.gone[entityId] ?? 0;
  if (!mark && !gone) return '';
  const out: string[] = [];
  if (mark)
    out.push(
      `<rect x="${-OUTLINE}" y="${-OUTLINE}" width="${n(width + 2 * OUTLINE)}" height="${n(height + 2 * OUTLINE)}" rx="10" fill="none" stroke="${colourOf(palette, mark)}" stroke-width="${OUTLINE}"/>`,
    );
  if (gone) {
    const label = `−${gone} gone`;
    const w = 12 + label.length * 6.5;
    out.push(
      `<rect x="${n(width - w)}" y="${n(height - 8)}" width="${n(w)}" height="16" rx="8" fill="${colourOf(palette, 'removed')}"/>`,
      text(width - w / 2, height + 4, label, { size: 11, face: 'bold', fill: '#ffffff', anchor: 'middle' }),
    );
  }
  return `<g class="diff-mark" data-diff="${mark ?? 'parent'}">${out.join('')}</g>`;
}

/** The legend's "Changes" items: label and a swatch drawn at (x, y), 30×18 like the other swatches. */
export function diffLegendItems(p: ExportPalette): { label: string; swatch: (x: number, y: number) => string }[] {
  const outline = (mark: 'added' | 'changed') => (x: number, y: number) =>
    `<rect x="${x + 1.5}" y="${y + 1.5}" width="27" height="15" rx="4" fill="${p.cardFill}" stroke="${colourOf(p, mark)}" stroke-width="3"/>`;
  return [
    { label: 'Added since OLD', swatch: outline('added') },
    { label: 'Changed since OLD', swatch: outline('changed') },
    {
      label: 'Holds objects gone since OLD',
      swatch: (x, y) => `<rect x="${x}" y="${y + 1}" width="30" height="16" rx="8" fill="${colourOf(p, 'removed')}"/>`,
    },
  ];
}
