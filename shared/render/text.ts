/**
 * Text for SVG without a DOM: XML escaping and width estimates from the
 * bundled font's metrics, so names fit their cards in the PNG (which renders
 * with exactly that font) and, being DejaVu one of the widest sans fonts, in
 * any viewer that substitutes another.
 */
import { MONO_WIDTH, SANS_BOLD_WIDTHS, SANS_WIDTHS } from './font-metrics';

/** Which face a text is set in. */
export type TextFace = 'sans' | 'bold' | 'mono';

// Characters outside the table: CJK and emoji are about 1 em wide, the rest about 0.62 em.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud800-\udbff]/;

/** Escapes text for an XML text node or a double-quoted attribute; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // XML 1.0 cannot carry these control characters at all, not even escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Estimated width in px of `text` set at `size` px in `face`. */
export function textWidth(text: string, size: number, face: TextFace = 'sans'): number {
  let units = 0;
  for (const ch of text) {
    if (face === 'mono') {
      units += WIDE.test(ch) ? 2 * MONO_WIDTH : MONO_WIDTH;
      continue;
    }
    const table = face === 'bold' ? SANS_BOLD_WIDTHS : SANS_WIDTHS;
    units += table.get(ch.codePointAt(0) ?? 0) ?? (WIDE.test(ch) ? 1000 : 620);
  }
  return (units * size) / 1000;
}

/** `text` cut with an ellipsis so it is at most `maxWidth` px wide; unchanged when it fits. */
export function fitText(text: string, maxWidth: number, size: number, face: TextFace = 'sans'): string {
  if (textWidth(text, size, face) <= maxWidth) return text;
  const chars = [...text];
  const ellipsis = textWidth('…', size, face);
  let lo = 0;
  let hi = chars.length;
  // Binary search on the prefix length: long image names and ARNs make a linear scan slow at 5,000 nodes.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join(''), size, face) + ellipsis <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}
