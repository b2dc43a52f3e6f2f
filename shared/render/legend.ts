/**
 * The legend of an export: launch-type colours (with the loaded counts),
 * statuses and placeholders, and what sits beside the services when the
 * load has any, flowed into rows inside a box as wide as the image. Shown
 * unless the user turns it off.
 */
import type { LegendCounts } from '../graph/types';
import type { OverlayClass } from '../model/types';
import { DISCOVERY_STYLE, OVERLAY_ORDER, STATUS_ORDER, STATUS_STYLES, type StatusClass } from '../theme/theme';
import { dimmed, type ExportPalette } from './palette';
import { card, hatchId, statusGlyph, text } from './primitives';
import { textWidth } from './text';
import { diffLegendItems } from './diff-highlight';

/** A laid-out legend: its markup at (0,0) and its height. */
export interface LegendBlock {
  svg: string;
  height: number;
}

interface Item {
  label: string;
  swatch: (x: number, y: number) => string;
}

const SWATCH_W = 30;
const SWATCH_H = 18;
const ROW_H = 28;
const LABEL_SIZE = 12;
const PAD = 14;

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

function overlayItems(counts: LegendCounts, p: ExportPalette, overlayOn: boolean): Item[] {
  if (!overlayOn)
    return [
      {
        label: 'Launch-type colours off',
        swatch: (x, y) =>
          `<g transform="translate(${x} ${y})">${card({ width: SWATCH_W, height: SWATCH_H, radius: 4, fill: p.overlay('UNKNOWN', false).fill, stripe: { colour: p.overlay('UNKNOWN', false).accent, side: 'left', size: 5 }, border: p.statusBorder('running'), borderWidth: 1 })}</g>`,
      },
    ];
  let present: OverlayClass[] = OVERLAY_ORDER.filter(
    (o) => (counts.tasksByOverlay[o] ?? 0) > 0 || (counts.servicesByOverlay[o] ?? 0) > 0,
  );
  // An empty load still gets the two colours everybody asks about.
  if (present.length === 0) present = ['EC2', 'FARGATE'];
  return present.map((o) => {
    const s = p.overlay(o, true);
    const tasks = counts.tasksByOverlay[o] ?? 0;
    const services = counts.servicesByOverlay[o] ?? 0;
    const count = tasks > 0 ? plural(tasks, 'task') : services > 0 ? plural(services, 'service') : '';
    return {
      label: count ? `${s.label} · ${count}` : s.label,
      swatch: (x, y) =>
        `<g transform="translate(${x} ${y})">${card({ width: SWATCH_W, height: SWATCH_H, radius: 4, fill: s.fill, stripe: { colour: s.accent, side: 'left', size: 6 }, pattern: s.hatch ? `url(#${hatchId()})` : undefined, border: s.accent, borderWidth: 1 })}</g>`,
    };
  });
}

function statusItems(palette: ExportPalette): Item[] {
  return STATUS_ORDER.map((status: StatusClass) => {
    const s = STATUS_STYLES[status];
    const p = dimmed(palette, s.opacity);
    return {
      label: s.label,
      swatch: (x, y) =>
        `<g transform="translate(${x} ${y})">${card({ width: SWATCH_W, height: SWATCH_H, radius: 4, fill: s.greyed ? p.stoppedFill : p.cardFill, border: p.statusBorder(status), borderWidth: Math.min(s.borderWidth, 2.5) })}${statusGlyph(status, SWATCH_W / 2 - 6, SWATCH_H / 2 - 6, 12, p)}</g>`,
    };
  });
}

function placeholderItem(counts: LegendCounts, palette: ExportPalette): Item {
  const p = dimmed(palette, palette.placeholder.opacity);
  return {
    label:
      counts.placeholders > 0
        ? `Referenced only (not described) · ${counts.placeholders}`
        : 'Referenced only (not described)',
    swatch: (x, y) =>
      `<g transform="translate(${x} ${y})">${card({ width: SWATCH_W, height: SWATCH_H, radius: 4, fill: p.placeholder.fill, border: p.placeholder.border, borderWidth: 1.5, dash: '4 3' })}</g>`,
  };
}

/** Target groups, namespaces and Cloud Map services with their counts, and the dashed "discovered through" link; none when the load has none. */
function aroundItems(counts: LegendCounts, p: ExportPalette): Item[] {
  const a = counts.aroundServices;
  if (!a) return [];
  const cardSwatch = (accent: string, border: string) => (x: number, y: number) =>
    `<g transform="translate(${x} ${y})">${card({ width: SWATCH_W, height: SWATCH_H, radius: 4, fill: p.cardFill, stripe: { colour: accent, side: 'left', size: 6 }, border, borderWidth: 1 })}</g>`;
  const items: Item[] = [];
  if (a.targetGroups > 0)
    items.push({ label: `Target group · ${a.targetGroups}`, swatch: cardSwatch(p.info.text, p.info.text) });
  if (a.namespaces > 0)
    items.push({
      label: `Service Connect namespace · ${a.namespaces}`,
      swatch: cardSwatch(DISCOVERY_STYLE.accent, DISCOVERY_STYLE.border),
    });
  if (a.cloudMapServices > 0)
    items.push({
      label: `Cloud Map service · ${a.cloudMapServices}`,
      swatch: cardSwatch(DISCOVERY_STYLE.accent, DISCOVERY_STYLE.border),
    });
  if (a.namespaces + a.cloudMapServices > 0) {
    items.push({
      label: 'Discovered through',
      swatch: (x, y) =>
        `<path d="M${x} ${y + SWATCH_H / 2}h${SWATCH_W}" stroke="${DISCOVERY_STYLE.edge}" stroke-width="2" stroke-dasharray="${DISCOVERY_STYLE.dash}"/>`,
    });
  }
  return items;
}

/**
 * Lays the legend out in a box `width` px wide: one section a line
 * (launch type, status, other), wrapping when a section is wider than the box.
 */
export function renderLegend(
  counts: LegendCounts,
  width: number,
  p: ExportPalette,
  overlayOn: boolean,
  diff = false,
): LegendBlock {
  const c = p.onBackground;
  const sections: { title: string; items: Item[] }[] = [
    { title: 'Launch type', items: overlayItems(counts, p, overlayOn) },
    { title: 'Status', items: statusItems(p) },
    { title: 'Other', items: [placeholderItem(counts, p)] },
  ];
  const around = aroundItems(counts, p);
  if (around.length > 0) sections.push({ title: 'Beside services', items: around });
  if (diff) sections.push({ title: 'Changes', items: diffLegendItems(p) });
  const titleWidth = Math.max(...sections.map((s) => textWidth(s.title, LABEL_SIZE, 'bold'))) + 18;
  const out: string[] = [];
  let y = PAD;
  for (const section of sections) {
    out.push(text(PAD, y + 13, section.title, { size: LABEL_SIZE, face: 'bold', fill: c.text }));
    let x = PAD + titleWidth;
    for (const item of section.items) {
      const itemWidth = SWATCH_W + 8 + textWidth(item.label, LABEL_SIZE) + 22;
      if (x + itemWidth > width - PAD && x > PAD + titleWidth) {
        x = PAD + titleWidth;
        y += ROW_H;
      }
      out.push(item.swatch(x, y));
      out.push(
        text(x + SWATCH_W + 8, y + 13, item.label, {
          size: LABEL_SIZE,
          fill: c.text,
          maxWidth: width - PAD - x - SWATCH_W - 8,
        }),
      );
      x += itemWidth;
    }
    y += ROW_H;
  }
  const height = y - ROW_H + SWATCH_H + PAD;
  const box = `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="10" fill="${c.legendFill}" stroke="${c.legendBorder}"/>`;
  return { svg: `<g class="legend" data-legend="true">${box}${out.join('')}</g>`, height };
}
