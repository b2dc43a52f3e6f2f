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

// Bidi embeddings, overrides and isolates (and the invisible marks): drawn as they are, they reorder what follows,
// so "\u202Egnp.exe" reads "exe.png". Shown as their code instead (issue #13 point 4).
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every bidi control shown as its code ("[U+202E]"), so a name cannot be spoofed by reordering. */
export function revealBidi(text: string): string {
  return text.replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Code points, with each revealed bidi code ("[U+202E]") as one unit: a cut never splits it. */
function units(text: string): string[] {
  return text.match(/\[U\+[0-9A-F]{4}\]|[\s\S]/gu) ?? [];
}

/** How a label gives way when it does not fit: prose loses its end; ids, ARNs and names lose their middle. */
export type ClampMode = 'end' | 'middle';

/**
 * THE truncation of the app, on screen and in exports: `text` at most `maxWidth` px wide at `size` in
 * `face`, with bidi controls shown (revealBidi). `end` cuts prose ("Task failed to st…"); `middle` keeps
 * both ends of an id, ARN or name ("1234567…23456789", "arn:aws:ecs:…/web:42"), the end getting the larger
 * share since that is where ids differ and where family:rev sits. Unchanged when it fits; the full text
 * belongs in a tooltip (title) beside it.
 */
export function clampText(
  text: string,
  maxWidth: number,
  size: number,
  face: TextFace = 'sans',
  mode: ClampMode = 'end',
): string {
  const shown = revealBidi(text);
  if (mode === 'end') return fitText(shown, maxWidth, size, face);
  if (textWidth(shown, size, face) <= maxWidth) return shown;
  const chars = units(shown);
  const room = maxWidth - textWidth('…', size, face);
  // Prefix sums of widths: a 10,000-character name costs one pass, then a binary search on the kept count.
  const widths = chars.map((c) => textWidth(c, size, face));
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1] + w);
  const total = prefix[chars.length];
  const split = (kept: number) => {
    const head = Math.floor(kept * 0.4);
    return { head, tail: kept - head };
  };
  const widthOf = (kept: number) => {
    const { head, tail } = split(kept);
    return prefix[head] + (total - prefix[chars.length - tail]);
  };
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthOf(mid) <= room) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return '';
  const { head, tail } = split(lo);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/**
 * A prefix and a name that must be seen ("Standalone · " + "family:nightly-report"): the name keeps its
 * room first (middle-clamped), the prefix is dropped before the name is cut.
 */
export function clampLabel(
  prefix: string,
  name: string,
  maxWidth: number,
  size: number,
  face: TextFace = 'sans',
): string {
  const whole = `${prefix}${name}`;
  if (textWidth(revealBidi(whole), size, face) <= maxWidth) return revealBidi(whole);
  return clampText(name, maxWidth, size, face, 'middle');
}

/** `text` cut with an ellipsis so it is at most `maxWidth` px wide; unchanged when it fits. */
export function fitText(text: string, maxWidth: number, size: number, face: TextFace = 'sans'): string {
  if (textWidth(text, size, face) <= maxWidth) return text;
  const chars = units(text);
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
