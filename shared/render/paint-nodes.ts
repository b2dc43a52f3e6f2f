/**
 * One painter per node kind, mirroring the React cards (renderer/nodes):
 * the same fields in the same places, so the export reads like the screen.
 * Each returns the node's inner markup in its own coordinates (0,0 = top-left).
 */
import { targetGroupDetail, targetGroupListener, targetGroupRoute } from '../graph/target-group';
import { namespaceDetail, namespaceKicker, namespaceRoute } from '../graph/namespace';
import { accountCardText } from '../graph/accounts';
import { hostDetail, hostKicker, hostOverlay, hostTasksLine, reservedShare, reservedText } from '../graph/placement';
import type { PositionedNode, ReservedResource } from '../graph/types';
import {
  DISCOVERY_STYLE,
  OVERLAY_ORDER,
  PLACEHOLDER_STYLE,
  RECOVERED_STYLE,
  STATUS_ORDER,
  STATUS_STYLES,
} from '../theme/theme';
import type { OverlayClass } from '../model/types';
import type { ExportPalette } from './palette';
import { badge, card, hatchId, hiddenPill, n, runs, statusColour, statusGlyph, text, type Run } from './primitives';
import { clampLabel, clampText, textWidth } from './text';
import { containerProblemText } from '../graph/status';

/** What every painter needs besides the node. */
export interface PaintContext {
  /** Already dimmed for the node's opacity (see `dimmed`). */
  palette: ExportPalette;
  overlayOn: boolean;
  /** The node's opacity, for picking the matching hatch pattern. */
  opacity: number;
}

type NodeOf<K extends PositionedNode['kind']> = Extract<PositionedNode, { kind: K }>;

// Event messages that usually explain why a service is short of tasks (same rule as the service card).
const TROUBLE = /unable to place|failed|unhealthy|insufficient|error|stopped/i;

/** Fill, stripe and border of a task or service card for its overlay, status and placeholder state (as renderer/nodes/node-style.ts). */
function overlayCard(node: PositionedNode, overlay: OverlayClass, ctx: PaintContext, radius: number): string {
  const p = ctx.palette;
  const o = p.overlay(overlay, ctx.overlayOn);
  const s = STATUS_STYLES[node.statusClass];
  const greyed = s.greyed || node.placeholder;
  return card({
    width: node.width,
    height: node.height,
    radius,
    fill: node.placeholder ? p.placeholder.fill : s.greyed ? p.stoppedFill : o.fill,
    stripe: { colour: greyed ? p.greyStripe : o.accent, side: 'left', size: 5 },
    pattern: o.hatch && !greyed ? `url(#${hatchId(ctx.opacity)})` : undefined,
    border: node.placeholder ? p.placeholder.border : p.statusBorder(node.statusClass),
    borderWidth:
      node.recovered && !node.placeholder ? Math.max(s.borderWidth, RECOVERED_STYLE.borderWidth) : s.borderWidth,
    dash: node.placeholder ? p.placeholder.dash : node.recovered ? RECOVERED_STYLE.dash : undefined,
  });
}

/** The overlay badge ("EC2", "Fargate", "Spot", …) with its right edge at `right`. */
function overlayBadge(
  overlay: OverlayClass,
  right: number,
  top: number,
  ctx: PaintContext,
): { svg: string; width: number } {
  const o = ctx.palette.overlay(overlay, true);
  if (!ctx.overlayOn) return badge(right, top, o.badge, ctx.palette.progressTrack, ctx.palette.text);
  return badge(right, top, o.badge, o.accent, o.onAccent);
}

function paintCluster(node: NodeOf<'cluster'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [];
  out.push(
    card({
      width: w,
      height: node.height,
      radius: 10,
      fill: node.placeholder ? p.placeholder.fill : p.cardFill,
      stripe: node.placeholder ? undefined : { colour: p.clusterAccent, side: 'top', size: 4 },
      border: node.placeholder ? p.placeholder.border : p.statusBorder(node.statusClass),
      borderWidth: STATUS_STYLES[node.statusClass].borderWidth,
      dash: node.placeholder ? p.placeholder.dash : node.recovered ? RECOVERED_STYLE.dash : undefined,
    }),
  );
  out.push(text(14, 24, 'CLUSTER', { size: 10, face: 'bold', fill: p.mutedText, extra: 'letter-spacing="0.8"' }));
  out.push(
    text(w - 14, 24, d.status ?? (node.placeholder ? 'not described' : ''), {
      size: 10,
      fill: p.mutedText,
      anchor: 'end',
      maxWidth: 110,
    }),
  );
  let right = w - 14;
  if (node.collapsed && node.hiddenCount > 0) {
    const pill = hiddenPill(right, 35, node.hiddenCount, p);
    out.push(pill.svg);
    right -= pill.width + 6;
  }
  const glyph = statusGlyph(node.statusClass, right - 16, 36, 16, p);
  if (glyph) right -= 22;
  out.push(glyph);
  out.push(text(14, 49, d.name, { size: 17, face: 'bold', fill: p.text, maxWidth: right - 14, clamp: 'middle' }));
  out.push(
    text(14, 69, [d.region, d.accountId].filter(Boolean).join(' · '), {
      size: 11,
      face: 'mono',
      fill: p.mutedText,
      maxWidth: w - 28,
    }),
  );
  if (node.placeholder) {
    out.push(text(14, 92, 'referenced only: not described', { size: 12, fill: p.mutedText, maxWidth: w - 28 }));
  } else {
    const running =
      d.reported.runningTasks ?? d.loaded.tasks - (d.tasksByStatus.stopped ?? 0) - (d.tasksByStatus.pending ?? 0);
    const pending = d.reported.pendingTasks ?? d.tasksByStatus.pending ?? 0;
    const services = d.reported.activeServices ?? d.loaded.services;
    const hosts = d.reported.containerInstances ?? d.loaded.containerInstances;
    const parts: Run[][] = [
      [{ text: String(services), face: 'bold' }, { text: ` service${services === 1 ? '' : 's'}` }],
      [{ text: '  ' }, { text: String(running), face: 'bold' }, { text: ' running' }],
    ];
    if (pending > 0)
      parts.push([
        { text: '  ' },
        { text: String(pending), face: 'bold', fill: p.warning },
        { text: ' pending', fill: p.warning },
      ]);
    if (hosts > 0)
      parts.push([{ text: '  ' }, { text: String(hosts), face: 'bold' }, { text: ` host${hosts === 1 ? '' : 's'}` }]);
    out.push(runs(14, 93, parts, 12, p.text, w - 28));
  }
  const total = OVERLAY_ORDER.reduce((sum, o) => sum + (d.tasksByOverlay[o] ?? 0), 0);
  if (total > 0) {
    const barWidth = w - 28;
    let x = 14;
    out.push(`<rect x="14" y="106" width="${n(barWidth)}" height="8" rx="4" fill="${p.progressTrack}"/>`);
    for (const o of OVERLAY_ORDER) {
      const count = d.tasksByOverlay[o] ?? 0;
      if (!count) continue;
      const part = (barWidth * count) / total;
      out.push(
        `<rect x="${n(x)}" y="106" width="${n(part)}" height="8" fill="${p.overlay(o, ctx.overlayOn).accent}"/>`,
      );
      x += part;
    }
    out.push(
      text(14, 126, `${total} loaded task${total === 1 ? '' : 's'} by launch type`, {
        size: 9.5,
        fill: p.mutedText,
        maxWidth: w - 28,
      }),
    );
  }
  return out.join('');
}

function paintService(node: NodeOf<'service'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [overlayCard(node, d.overlay, ctx, 8)];
  out.push(text(16, 22, 'SERVICE', { size: 10, face: 'bold', fill: p.mutedText, extra: 'letter-spacing="0.8"' }));
  let right = w - 12;
  const ob = overlayBadge(d.overlay, right, 10, ctx);
  out.push(ob.svg);
  right -= ob.width + 5;
  if (d.loadBalanced) {
    const lb = badge(right, 10, 'LB', 'none', p.mutedText, p.mutedText);
    out.push(lb.svg);
    right -= lb.width + 5;
  }
  if (d.deploying) out.push(badge(right, 10, 'deploying', p.info.fill, p.info.text).svg);

  let titleRight = w - 12;
  if (node.collapsed && node.hiddenCount > 0) {
    const pill = hiddenPill(titleRight, 31, node.hiddenCount, p);
    out.push(pill.svg);
    titleRight -= pill.width + 6;
  }
  const glyph = statusGlyph(node.statusClass, titleRight - 15, 31, 15, p);
  if (glyph) titleRight -= 21;
  out.push(glyph);
  out.push(text(16, 44, d.name, { size: 15, face: 'bold', fill: p.text, maxWidth: titleRight - 16, clamp: 'middle' }));

  if (node.placeholder) {
    out.push(text(16, 66, 'referenced only: not described', { size: 12, fill: p.mutedText, maxWidth: w - 28 }));
  } else {
    const desired = d.desired ?? 0;
    const running = d.running ?? 0;
    const short = d.desired !== undefined && d.running !== undefined && running < desired;
    const parts: Run[][] = [
      [
        { text: String(running), face: 'bold', fill: short ? p.danger : undefined },
        { text: `/${desired} running`, fill: short ? p.danger : undefined },
      ],
    ];
    if ((d.pending ?? 0) > 0) parts.push([{ text: '   ' }, { text: `${d.pending} pending`, fill: p.warning }]);
    out.push(runs(16, 64, parts, 12, p.text, w - 28));
    const pct = desired > 0 ? Math.min(1, running / desired) : running > 0 ? 1 : 0;
    const barWidth = w - 30;
    out.push(`<rect x="16" y="71" width="${n(barWidth)}" height="5" rx="2.5" fill="${p.progressTrack}"/>`);
    if (pct > 0)
      out.push(
        `<rect x="16" y="71" width="${n(barWidth * pct)}" height="5" rx="2.5" fill="${short ? p.danger : p.ok}"/>`,
      );
    out.push(text(16, 94, d.placement, { size: 11, fill: p.mutedText, maxWidth: w - 28 }));
    if (d.taskDefinition)
      out.push(
        text(16, 111, d.taskDefinition, {
          size: 11,
          face: 'mono',
          fill: p.mutedText,
          maxWidth: w - 28,
          clamp: 'middle',
        }),
      );
  }
  if (d.latestEvent) {
    const message = d.latestEvent.replace(/^\(service [^)]+\)\s*/, '');
    out.push(
      text(16, 131, message, {
        size: 11,
        fill: TROUBLE.test(d.latestEvent) ? p.danger : p.mutedText,
        maxWidth: w - 28,
      }),
    );
  }
  return out.join('');
}

function paintTask(node: NodeOf<'task'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [overlayCard(node, d.overlay, ctx, 8)];
  let right = w - 10;
  if (node.collapsed && node.hiddenCount > 0) {
    const pill = hiddenPill(right, 9, node.hiddenCount, p);
    out.push(pill.svg);
    right -= pill.width + 5;
  }
  const ob = overlayBadge(d.overlay, right, 9, ctx);
  out.push(ob.svg);
  right -= ob.width + 5;
  const glyph = statusGlyph(node.statusClass, right - 14, 10, 14, p);
  if (glyph) right -= 19;
  out.push(glyph);
  out.push(
    text(14, 22, d.shortId, {
      size: 12,
      face: 'mono',
      fill: p.text,
      maxWidth: right - 16,
      bold: true,
      clamp: 'middle',
    }),
  );

  const status = d.lastStatus ?? (node.placeholder ? 'listed only' : 'status unknown');
  const transit = d.desiredStatus && d.desiredStatus !== d.lastStatus ? ` → ${d.desiredStatus}` : '';
  const line: Run[][] = [[{ text: `${status}${transit}`, face: 'bold', fill: statusColour(node.statusClass, p) }]];
  // A stopped task's code says more than its last health, so it gets the room first.
  if (node.statusClass === 'stopped' && d.stopCode)
    line.push([{ text: '  ' }, { text: d.stopCode, face: 'mono', fill: p.danger }]);
  if (d.healthStatus && d.healthStatus !== 'UNKNOWN')
    line.push([{ text: '  ' }, { text: d.healthStatus, fill: d.healthStatus === 'HEALTHY' ? p.ok : p.danger }]);
  out.push(runs(14, 44, line, 12, p.text, w - 24));

  if (node.statusClass === 'stopped' && d.stoppedReason) {
    out.push(text(14, 64, d.stoppedReason, { size: 11, fill: p.text, maxWidth: w - 24 }));
  } else {
    const where = [d.availabilityZone, d.privateIp].filter(Boolean).join(' · ');
    out.push(
      text(14, 64, where || (node.placeholder ? 'referenced only: not described' : ''), {
        size: 11,
        face: where ? 'mono' : 'sans',
        fill: p.mutedText,
        maxWidth: w - 24,
      }),
    );
  }
  const cpu = d.cpu && Number.isFinite(Number(d.cpu)) ? `${Number((Number(d.cpu) / 1024).toFixed(2))} vCPU` : d.cpu;
  const mem =
    d.memory && Number.isFinite(Number(d.memory))
      ? Number(d.memory) >= 1024
        ? `${Number((Number(d.memory) / 1024).toFixed(1))} GB`
        : `${d.memory} MB`
      : d.memory;
  // As the card: a failed or unhealthy container's cause takes the size's line.
  if (d.containerProblem)
    out.push(text(14, 84, containerProblemText(d.containerProblem), { size: 11, fill: p.danger, maxWidth: w - 24 }));
  else
    out.push(
      text(14, 84, [cpu, mem, d.taskDefinition].filter(Boolean).join(' · '), {
        size: 11,
        fill: p.mutedText,
        maxWidth: w - 24,
      }),
    );
  return out.join('');
}

function paintContainer(node: NodeOf<'container'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const s = STATUS_STYLES[node.statusClass];
  const out: string[] = [
    card({
      width: w,
      height: node.height,
      radius: 6,
      fill: p.chipFill,
      border: p.statusBorder(node.statusClass),
      borderWidth: s.borderWidth,
    }),
  ];
  out.push(`<circle cx="12" cy="12.5" r="4" fill="${statusColour(node.statusClass, p)}"/>`);
  let right = w - 8;
  const glyph = statusGlyph(node.statusClass, right - 12, 5, 12, p);
  if (glyph) right -= 16;
  out.push(glyph);
  const tag = d.imageTag
    ? text(right, 16, d.imageTag, {
        size: 10,
        face: 'mono',
        fill: p.mutedText,
        anchor: 'end',
        maxWidth: 88,
        clamp: 'middle',
      })
    : '';
  const tagWidth = d.imageTag ? Math.min(88, textWidth(d.imageTag, 10, 'mono')) + 8 : 0;
  out.push(tag);
  out.push(
    text(22, 16.5, d.name, { size: 12, face: 'bold', fill: p.text, maxWidth: right - 22 - tagWidth, clamp: 'middle' }),
  );
  const meta: Run[][] = [[{ text: d.lastStatus ?? 'status unknown' }]];
  if (d.healthStatus && d.healthStatus !== 'UNKNOWN')
    meta.push([{ text: ' · ' }, { text: d.healthStatus, fill: d.healthStatus === 'HEALTHY' ? p.ok : p.danger }]);
  if (d.exitCode !== undefined)
    meta.push([{ text: ' · ' }, { text: `exit ${d.exitCode}`, fill: d.exitCode === 0 ? p.ok : p.danger }]);
  out.push(runs(22, 31, meta, 10, p.mutedText, w - 30));
  return out.join('');
}

function paintGroup(node: NodeOf<'group'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const unknownCluster = d.variant === 'unknown-cluster';
  // Referenced-only clusters folded into one card: dashed like the placeholders it stands for, no task counts.
  const referenced = d.variant === 'referenced-clusters';
  if (d.variant === 'account') return paintAccount(node, ctx);
  const out: string[] = [
    card({
      width: w,
      height: node.height,
      radius: 10,
      fill: p.groupFill,
      // A stack with failed or unhealthy tasks is marked as the screen marks it.
      border: unknownCluster || referenced ? PLACEHOLDER_STYLE.border : d.stackTrouble ? p.danger : p.groupBorder,
      borderWidth: d.stackTrouble ? 2 : 1,
      dash: unknownCluster || referenced ? p.placeholder.dash : undefined,
    }),
  ];
  const label = unknownCluster ? 'Unknown cluster' : d.variant === 'family' ? `Standalone · ${d.label}` : d.label;
  const counts: Run[] = [];
  if (!unknownCluster && !referenced) {
    counts.push({ text: `${d.taskCount} ${d.taskCount === 1 ? 'task' : 'tasks'}` });
    for (const s of STATUS_ORDER) {
      if (s === 'running' || !d.tasksByStatus[s]) continue;
      counts.push({ text: ` · ${d.tasksByStatus[s]} ${s}`, fill: statusColour(s, p) });
    }
  }
  // The label is what people look for: counts give way (first the status breakdown, then all) before it is cut.
  const labelRoom = (countText: string): number => w - 28 - (countText ? textWidth(countText, 11) + 10 : 0);
  let countText = counts.map((c) => c.text).join('');
  if (countText && textWidth(label, 12, 'bold') > labelRoom(countText)) countText = counts[0]?.text ?? '';
  if (countText && textWidth(label, 12, 'bold') > labelRoom(countText)) countText = '';
  if (countText) out.push(text(w - 14, 22, countText, { size: 11, fill: p.mutedText, anchor: 'end' }));
  const shownLabel = unknownCluster ? label : groupHeaderLabel(d, labelRoom(countText));
  out.push(text(14, 22, shownLabel, { size: 12, face: 'bold', fill: p.text }));
  if (unknownCluster)
    out.push(
      text(14, 44, 'Objects whose cluster is not in the loaded files', {
        size: 11,
        fill: p.mutedText,
        maxWidth: w - 28,
      }),
    );
  if (d.stackLabel) out.push(text(14, 46, d.stackLabel, { size: 11, fill: p.text, maxWidth: w - 28 }));
  if (d.stackTrouble)
    out.push(text(14, 64, d.stackTrouble, { size: 11, face: 'bold', fill: p.danger, maxWidth: w - 80 }));
  if (node.collapsed && node.hiddenCount > 0) out.push(hiddenPill(w - 14, node.height - 24, node.hiddenCount, p).svg);
  return out.join('');
}

/**
 * A box's header as drawn in `room` px, on screen and in the export: a standalone family's name is the
 * identifier, so "Standalone · family:" goes before the name is cut (then in its middle); other labels lose
 * their middle.
 */
export function groupHeaderLabel(d: { variant: string; label: string }, room: number): string {
  if (d.variant !== 'family') return clampText(d.label, room, 12, 'bold', 'middle');
  const name = d.label.startsWith('family:') ? d.label.slice('family:'.length) : d.label;
  return clampLabel('Standalone · family:', name, room, 12, 'bold');
}

/** The card of one account and region above its clusters (as renderer/nodes/group-node.tsx draws it). */
function paintAccount(node: NodeOf<'group'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [
    card({
      width: w,
      height: node.height,
      radius: 10,
      fill: p.cardFill,
      stripe: { colour: p.clusterAccent, side: 'left', size: 6 },
      border: p.statusBorder(node.statusClass),
      borderWidth: STATUS_STYLES[node.statusClass].borderWidth,
    }),
  ];
  out.push(
    text(18, 22, 'ACCOUNT · REGION', { size: 10, face: 'bold', fill: p.mutedText, extra: 'letter-spacing="0.8"' }),
  );
  let right = w - 14;
  if (node.collapsed && node.hiddenCount > 0) {
    const pill = hiddenPill(right, 31, node.hiddenCount, p);
    out.push(pill.svg);
    right -= pill.width + 6;
  }
  // The same lines as the screen's card (accountCardText): id, the whole region, counts that say what they count.
  const lines = accountCardText(d);
  out.push(
    text(18, 45, lines.account, {
      size: 14,
      face: 'mono',
      fill: p.text,
      maxWidth: right - 18,
      bold: true,
      clamp: 'middle',
    }),
  );
  out.push(text(18, 64, lines.region, { size: 12, face: 'mono', fill: p.text, maxWidth: w - 32, clamp: 'middle' }));
  if (lines.reported) out.push(text(18, 84, lines.reported, { size: 11, fill: p.mutedText, maxWidth: w - 32 }));
  out.push(
    runs(
      18,
      lines.reported ? 101 : 84,
      lines.loaded.map((c) => [{ text: c.text, fill: c.status ? statusColour(c.status, p) : undefined }]),
      11,
      p.mutedText,
      w - 32,
    ),
  );
  return out.join('');
}

function paintTargetGroup(node: NodeOf<'targetGroup'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [
    card({
      width: w,
      height: node.height,
      radius: 8,
      fill: node.placeholder ? p.placeholder.fill : p.cardFill,
      stripe: { colour: node.placeholder ? p.greyStripe : p.info.text, side: 'left', size: 5 },
      border: node.placeholder ? p.placeholder.border : p.statusBorder(node.statusClass),
      borderWidth: 1,
      dash: node.placeholder ? p.placeholder.dash : node.recovered ? RECOVERED_STYLE.dash : undefined,
    }),
  ];
  out.push(text(16, 22, 'TARGET GROUP', { size: 10, face: 'bold', fill: p.mutedText, extra: 'letter-spacing="0.8"' }));
  const listener = targetGroupListener(d);
  if (listener) out.push(badge(w - 12, 10, listener, 'none', p.info.text, p.info.text).svg);
  out.push(text(16, 44, d.name, { size: 13, face: 'bold', fill: p.text, maxWidth: w - 28, clamp: 'middle' }));
  out.push(text(16, 63, targetGroupRoute(d), { size: 12, face: 'mono', fill: p.text, maxWidth: w - 28 }));
  out.push(text(16, 81, targetGroupDetail(d, node.placeholder), { size: 11, fill: p.mutedText, maxWidth: w - 28 }));
  return out.join('');
}

/** A Service Connect namespace or Cloud Map service (as renderer/nodes/namespace-node.tsx draws it). */
function paintNamespace(node: NodeOf<'namespace'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [
    card({
      width: w,
      height: node.height,
      radius: 8,
      fill: p.cardFill,
      stripe: { colour: DISCOVERY_STYLE.accent, side: 'left', size: 5 },
      border: DISCOVERY_STYLE.border,
      borderWidth: 1,
    }),
  ];
  out.push(
    text(16, 22, namespaceKicker(d.variant).toUpperCase(), {
      size: 10,
      face: 'bold',
      fill: p.mutedText,
      extra: 'letter-spacing="0.8"',
    }),
  );
  // The ns-/srv- id beside a readable name; when the id is the name, once is enough.
  if (d.resourceId && d.resourceId !== d.name)
    out.push(badge(w - 12, 10, d.resourceId, 'none', DISCOVERY_STYLE.accent, DISCOVERY_STYLE.accent).svg);
  out.push(text(16, 44, d.name, { size: 13, face: 'bold', fill: p.text, maxWidth: w - 28, clamp: 'middle' }));
  out.push(text(16, 63, namespaceRoute(d), { size: 12, face: 'mono', fill: p.text, maxWidth: w - 28 }));
  out.push(text(16, 81, namespaceDetail(d), { size: 11, fill: p.mutedText, maxWidth: w - 28 }));
  return out.join('');
}

function paintHost(node: NodeOf<'host'>, ctx: PaintContext): string {
  const p = ctx.palette;
  const d = node.data;
  const w = node.width;
  const out: string[] = [overlayCard(node, hostOverlay(d.variant), ctx, 8)];
  out.push(
    text(16, 22, hostKicker(d.variant).toUpperCase(), {
      size: 10,
      face: 'bold',
      fill: p.mutedText,
      extra: 'letter-spacing="0.8"',
    }),
  );
  let right = w - 12;
  if (d.status) {
    const active = d.status.toUpperCase() === 'ACTIVE';
    const b = active
      ? badge(right, 10, d.status, 'none', p.ok, p.ok)
      : badge(right, 10, d.status, p.warning, '#ffffff');
    out.push(b.svg);
    right -= b.width + 5;
  }
  let titleRight = w - 12;
  if (node.collapsed && node.hiddenCount > 0) {
    const pill = hiddenPill(titleRight, 31, node.hiddenCount, p);
    out.push(pill.svg);
    titleRight -= pill.width + 6;
  }
  out.push(
    text(16, 46, d.label, {
      size: 14,
      face: d.variant === 'fargate' || d.variant === 'unplaced' ? 'bold' : 'mono',
      fill: p.text,
      maxWidth: titleRight - 16,
      bold: true,
      clamp: 'middle',
    }),
  );
  out.push(
    text(16, 66, hostDetail(d), {
      size: 11,
      fill: d.agentConnected === false ? p.danger : p.mutedText,
      maxWidth: w - 28,
    }),
  );
  const bar = (y: number, resource: 'cpu' | 'memory', r: ReservedResource | undefined): void => {
    if (!r) return;
    out.push(text(16, y, reservedText(resource, r), { size: 11, fill: p.text, maxWidth: w - 28 }));
    const share = reservedShare(r);
    out.push(`<rect x="16" y="${n(y + 6)}" width="${n(w - 32)}" height="7" rx="3.5" fill="${p.progressTrack}"/>`);
    if (share > 0)
      out.push(
        `<rect x="16" y="${n(y + 6)}" width="${n((w - 32) * share)}" height="7" rx="3.5" fill="${share > 0.9 ? p.danger : p.overlay(hostOverlay(d.variant), true).accent}"/>`,
      );
  };
  bar(90, 'cpu', d.cpu);
  bar(120, 'memory', d.memory);
  out.push(text(16, 158, hostTasksLine(d), { size: 11, fill: p.mutedText, maxWidth: w - 28 }));
  return out.join('');
}

/** The inner markup of a node of any kind; an object recovered from a broken file gets its pill on the top edge. */
export function paintNode(node: PositionedNode, ctx: PaintContext): string {
  const body = paintKind(node, ctx);
  if (!node.recovered) return body;
  // On the border line, like a tab, so it never covers a line of the card.
  return body + badge(node.width - 12, -8, RECOVERED_STYLE.label, '#fff7ed', '#9a3412', '#9a3412').svg;
}

function paintKind(node: PositionedNode, ctx: PaintContext): string {
  switch (node.kind) {
    case 'cluster':
      return paintCluster(node, ctx);
    case 'service':
      return paintService(node, ctx);
    case 'task':
      return paintTask(node, ctx);
    case 'container':
      return paintContainer(node, ctx);
    case 'group':
      return paintGroup(node, ctx);
    case 'host':
      return paintHost(node, ctx);
    case 'targetGroup':
      return paintTargetGroup(node, ctx);
    case 'namespace':
      return paintNamespace(node, ctx);
  }
}

/** The name a node is known by (its tooltip and what tests look for). */
export function nodeName(node: PositionedNode): string {
  switch (node.kind) {
    case 'cluster':
    case 'service':
    case 'container':
      return node.data.name;
    case 'task':
      return node.data.shortId;
    case 'group':
    case 'host':
      return node.data.label;
    case 'targetGroup':
    case 'namespace':
      return node.data.name;
  }
}

/** Opacity of a whole node: placeholders and pending objects are dimmed. */
export function nodeOpacity(node: PositionedNode): number {
  if (node.kind === 'group') return 1;
  return node.placeholder ? PLACEHOLDER_STYLE.opacity : STATUS_STYLES[node.statusClass].opacity;
}
