/**
 * Small SVG pieces the node painters and the legend share: fitted text,
 * card outlines with an accent stripe, badges, pills and the status glyphs.
 * Every function returns markup with all text escaped.
 */
import { FONT_FAMILY, MONO_FONT_FAMILY, STATUS_STYLES, type StatusClass } from '../theme/theme';
import type { ExportPalette } from './palette';
import { clampText, escapeXml, revealBidi, textWidth, type ClampMode, type TextFace } from './text';

/** The bundled export fonts first, then the screen's stacks (for viewers of the SVG without DejaVu). */
export const SVG_SANS = `DejaVu Sans, ${FONT_FAMILY.replace(/"/g, "'")}`;
/** Monospace family of the export. */
export const SVG_MONO = `DejaVu Sans Mono, ${MONO_FONT_FAMILY.replace(/"/g, "'")}`;

/** Id of the Fargate Spot hatch pattern for a node drawn at `opacity` (one pattern per opacity, defined once per document). */
export function hatchId(opacity = 1): string {
  return `spot-hatch-${Math.round(opacity * 100)}`;
}

/** Options of one line of text. */
export interface TextOptions {
  size: number;
  face?: TextFace;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  /** Set in the face's bold weight (a mono id in bold); face 'bold' is always bold. */
  bold?: boolean;
  /** Cut with an ellipsis past this width (px), by `clampText`. */
  maxWidth?: number;
  /** How it is cut: `middle` for ids, ARNs and names (both ends stay), `end` (default) for prose. */
  clamp?: ClampMode;
  /** Extra attributes, already escaped; never one this function writes itself (x, y, font-*, fill, text-anchor). */
  extra?: string;
}

/** Rounds to two decimals: enough for px and keeps big SVGs small. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A line of text, fitted to `maxWidth` and escaped. */
export function text(x: number, y: number, content: string, o: TextOptions): string {
  const face = o.face ?? 'sans';
  // Every drawn line goes through the one truncation (clampText), which also shows bidi controls as codes.
  const shown =
    o.maxWidth !== undefined ? clampText(content, o.maxWidth, o.size, face, o.clamp ?? 'end') : revealBidi(content);
  if (!shown) return '';
  const attrs = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${o.size}"`, `fill="${o.fill}"`];
  // One weight attribute whatever asks for it: a second one makes the SVG ill-formed XML (resvg refuses it).
  if (face === 'bold' || o.bold) attrs.push('font-weight="700"');
  if (face === 'mono') attrs.push(`font-family="${SVG_MONO}"`);
  if (o.anchor && o.anchor !== 'start') attrs.push(`text-anchor="${o.anchor}"`);
  if (o.extra) attrs.push(o.extra);
  return `<text ${attrs.join(' ')}>${escapeXml(shown)}</text>`;
}

/** One run of a line built from parts (bold numbers among regular words). */
export interface Run {
  text: string;
  face?: TextFace;
  fill?: string;
}

/** Width of runs set at `size`. */
export function runsWidth(runs: Run[], size: number): number {
  return runs.reduce((w, r) => w + textWidth(r.text, size, r.face ?? 'sans'), 0);
}

/** A line made of runs (tspans). An array is kept or dropped whole ("3" never shows without "hosts"); whatever passes `maxWidth` is dropped, so numbers are never cut. */
export function runs(
  x: number,
  y: number,
  parts: (Run | Run[])[],
  size: number,
  fill: string,
  maxWidth: number,
): string {
  const kept: Run[] = [];
  let width = 0;
  for (const part of parts) {
    const unit = Array.isArray(part) ? part : [part];
    const w = runsWidth(unit, size);
    if (width + w > maxWidth) break;
    kept.push(...unit);
    width += w;
  }
  // Separators left dangling at the end by a dropped unit go too.
  while (kept.length > 0 && kept[kept.length - 1].text.trim() === '') kept.pop();
  if (kept.length === 0) return '';
  const spans = kept.map((r) => {
    const attrs = [
      r.face === 'bold' ? 'font-weight="700"' : '',
      r.face === 'mono' ? `font-family="${SVG_MONO}"` : '',
      r.fill ? `fill="${r.fill}"` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const shown = escapeXml(revealBidi(r.text));
    return attrs ? `<tspan ${attrs}>${shown}</tspan>` : shown;
  });
  // xml:space keeps the spaces between runs, which SVG would otherwise collapse at tspan edges.
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" fill="${fill}" xml:space="preserve">${spans.join('')}</text>`;
}

/** Card outline options. */
export interface CardOptions {
  width: number;
  height: number;
  radius: number;
  fill: string;
  /** Stripe colour and where it runs; omitted for no stripe. */
  stripe?: { colour: string; side: 'left' | 'top'; size: number };
  /** Pattern fill drawn over the card fill (Fargate Spot hatch). */
  pattern?: string;
  border: string;
  borderWidth: number;
  dash?: string;
}

/** A rounded card: fill, optional stripe along one side, optional hatch, border on top. */
export function card(o: CardOptions): string {
  const { width: w, height: h, radius: r } = o;
  const out: string[] = [];
  if (o.stripe) {
    // The stripe is the card painted in the accent, with the fill laid over all but one side: rounded corners come for free.
    out.push(`<rect width="${n(w)}" height="${n(h)}" rx="${r}" fill="${o.stripe.colour}"/>`);
    const s = o.stripe.size;
    const body =
      o.stripe.side === 'left'
        ? `M${s} 0H${n(w - r)}A${r} ${r} 0 0 1 ${n(w)} ${r}V${n(h - r)}A${r} ${r} 0 0 1 ${n(w - r)} ${n(h)}H${s}Z`
        : `M0 ${s}H${n(w)}V${n(h - r)}A${r} ${r} 0 0 1 ${n(w - r)} ${n(h)}H${r}A${r} ${r} 0 0 1 0 ${n(h - r)}Z`;
    out.push(`<path d="${body}" fill="${o.fill}"/>`);
    if (o.pattern) out.push(`<path d="${body}" fill="${o.pattern}"/>`);
  } else {
    out.push(`<rect width="${n(w)}" height="${n(h)}" rx="${r}" fill="${o.fill}"/>`);
    if (o.pattern) out.push(`<rect width="${n(w)}" height="${n(h)}" rx="${r}" fill="${o.pattern}"/>`);
  }
  // Inset by half the stroke so a thick (unhealthy) border stays inside the node's box.
  const i = o.borderWidth / 2;
  out.push(
    `<rect x="${n(i)}" y="${n(i)}" width="${n(w - 2 * i)}" height="${n(h - 2 * i)}" rx="${n(Math.max(0, r - i))}" fill="none" stroke="${o.border}" stroke-width="${o.borderWidth}"${o.dash ? ` stroke-dasharray="${o.dash}"` : ''}/>`,
  );
  return out.join('');
}

/** A filled badge whose right edge is at `right`; returns the markup and its width. */
export function badge(
  right: number,
  top: number,
  label: string,
  fill: string,
  colour: string,
  stroke?: string,
): { svg: string; width: number } {
  const size = 10;
  const width = Math.ceil(textWidth(label, size, 'bold') + 12);
  const x = right - width;
  const svg =
    `<rect x="${n(x)}" y="${n(top)}" width="${width}" height="16" rx="8" fill="${fill}"${stroke ? ` stroke="${stroke}"` : ''}/>` +
    text(x + width / 2, top + 11.5, label, { size, face: 'bold', fill: colour, anchor: 'middle' });
  return { svg, width };
}

/** Colour of a status glyph and status text. */
export function statusColour(status: StatusClass, p: ExportPalette): string {
  switch (status) {
    case 'pending':
      return p.warning;
    case 'stopped':
      return p.mutedText;
    case 'unhealthy':
      return p.danger;
    case 'running':
      return p.ok;
    default:
      return p.mutedText;
  }
}

/** The status glyph of DESIGN.md (clock pending, square stopped, triangle unhealthy) with its top-left at x,y; empty for statuses without one. */
export function statusGlyph(status: StatusClass, x: number, y: number, size: number, p: ExportPalette): string {
  const kind = STATUS_STYLES[status].badge;
  if (!kind) return '';
  const c = statusColour(status, p);
  const t = `transform="translate(${n(x)} ${n(y)}) scale(${n(size / 16)})"`;
  if (kind === 'clock')
    return `<g ${t} fill="none" stroke="${c}" stroke-width="1.8"><circle cx="8" cy="8" r="6.2"/><path d="M8 4.5V8l2.5 1.8" stroke-linecap="round"/></g>`;
  if (kind === 'stop') return `<g ${t}><rect x="3" y="3" width="10" height="10" rx="1.5" fill="${c}"/></g>`;
  return `<g ${t}><path d="M8 1.5 15 14H1z" fill="${c}"/><path d="M8 6v4M8 11.6v.4" stroke="${p.onDanger}" stroke-width="1.8" stroke-linecap="round"/></g>`;
}

/** The "+N hidden" pill of a collapsed node with its right edge at `right`. */
export function hiddenPill(
  right: number,
  top: number,
  hidden: number,
  p: ExportPalette,
): { svg: string; width: number } {
  return badge(right, top, `+${hidden} hidden`, 'none', p.mutedText, p.mutedText);
}
