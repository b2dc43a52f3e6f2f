/**
 * The launch-type lens in an export (`export --cost`): a $/month badge at the bottom-right of service and
 * cluster cards (a host card gets its idle share), and a cost table under the legend, with the prices'
 * date and the no-discount caveat. The same figures as the app's lens panel (shared/cost).
 */
import { formatDollars, type CostReport } from '../cost/compute-cost';
import { pricesCaveat } from '../cost/cost-json';
import { clusterLabeller, ec2PackedText, money } from '../cost/cost-text';
import { escapeXml } from './text';
import type { ExportPalette } from './palette';
import { n, text } from './primitives';

/** The label of a node's cost badge, by entity id (services, clusters, hosts). */
export function costBadgeLabels(report: CostReport): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const r of [...report.services, ...report.standalone])
    labels.set(
      r.id,
      r.nowMonthly === null || r.idleAllocatedMonthly === null
        ? '$ ?'
        : `${formatDollars(r.nowMonthly + r.idleAllocatedMonthly)}/mo`,
    );
  for (const c of report.clusters)
    labels.set(c.clusterId, c.nowMonthly === null ? '$ ?' : `${formatDollars(c.nowMonthly)}/mo`);
  for (const h of report.hosts)
    labels.set(
      h.id,
      h.monthly === null ? '$ ?' : `${formatDollars(h.monthly)}/mo · idle ${Math.round((h.idleShare ?? 0) * 100)}%`,
    );
  return labels;
}

/** A node's cost badge (node-local coordinates), or '' when it has none. */
export function costBadgeSvg(
  labels: ReadonlyMap<string, string> | undefined,
  entityId: string | undefined,
  width: number,
  height: number,
): string {
  const label = entityId ? labels?.get(entityId) : undefined;
  if (!label) return '';
  const w = Math.max(44, label.length * 6.4 + 12);
  const x = width - w - 4;
  const y = height - 20;
  return (
    `<g class="cost-badge"><title>${escapeXml(`${label} at list prices`)}</title>` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="16" rx="8" fill="#ecfdf5" stroke="#10b981"/>` +
    text(x + w / 2, y + 12, label, { size: 11, face: 'bold', fill: '#065f46', anchor: 'middle' }) +
    `</g>`
  );
}

const ROW = 17;
const MAX_ROWS = 40;

/** The cost table drawn under the legend: caveat, one row per service (most expensive first), cluster totals. */
export function renderCostTable(
  report: CostReport,
  width: number,
  palette: ExportPalette,
): { svg: string; height: number } {
  // A wide diagram does not stretch the table past reading width.
  width = Math.min(width, 1800);
  const columns: [string, number][] = [
    ['Service', 0],
    ['Cluster', 0.22],
    ['Now /mo', 0.36],
    ['Fargate', 0.45],
    ['Spot', 0.53],
    ['EC2 packed', 0.61],
    ['Verdict', 0.73],
  ];
  const rows = [...report.services, ...report.standalone].sort(
    (a, b) =>
      (b.nowMonthly ?? -1) + (b.idleAllocatedMonthly ?? 0) - ((a.nowMonthly ?? -1) + (a.idleAllocatedMonthly ?? 0)),
  );
  const shown = rows.slice(0, MAX_ROWS);
  // Two accounts' `default` clusters read with their account and region.
  const clusterLabel = clusterLabeller(report.clusters);
  const parts: string[] = [];
  let y = 14;
  parts.push(text(0, y, 'Launch-type lens', { size: 13, face: 'bold', fill: palette.onBackground.text }));
  parts.push(
    text(130, y, `${pricesCaveat(report)}; ${report.hoursPerMonth} h a month`, {
      size: 11,
      fill: palette.onBackground.muted,
      maxWidth: width - 130,
    }),
  );
  y += ROW + 2;
  const cell = (x: number, c: string, next: number, bold = false) =>
    text(x * width, y, c, { size: 11, fill: palette.onBackground.text, maxWidth: (next - x) * width - 6, bold });
  columns.forEach(([h, x], i) => parts.push(cell(x, h, columns[i + 1]?.[1] ?? 1, true)));
  for (const r of shown) {
    y += ROW;
    const values = [
      r.kind === 'standalone' ? `${r.service} (standalone)` : r.service,
      clusterLabel(r.cluster, r.clusterId),
      money(r.nowMonthly === null || r.idleAllocatedMonthly === null ? null : r.nowMonthly + r.idleAllocatedMonthly),
      money(r.fargateMonthly),
      money(r.fargateSpotMonthly),
      ec2PackedText(r),
      r.verdict,
    ];
    values.forEach((v, i) => parts.push(cell(columns[i][1], v, columns[i + 1]?.[1] ?? 1)));
  }
  if (rows.length > shown.length) {
    y += ROW;
    parts.push(
      text(0, y, `+${rows.length - shown.length} more (ecs-visualizer cost lists all)`, {
        size: 11,
        fill: palette.onBackground.muted,
      }),
    );
  }
  for (const c of report.clusters) {
    y += ROW;
    const values = [
      `Σ ${clusterLabel(c.cluster, c.clusterId)}`,
      `idle ${money(c.idleMonthly)}`,
      money(c.nowMonthly),
      money(c.fargateMonthly),
      money(c.fargateSpotMonthly),
      money(c.ec2Monthly),
      '',
    ];
    values.forEach((v, i) => parts.push(cell(columns[i][1], v, columns[i + 1]?.[1] ?? 1, true)));
  }
  if (report.missingPrices.length > 0) {
    y += ROW;
    parts.push(
      text(
        0,
        y,
        `Missing prices (${report.missingPrices.length}): ${report.missingPrices.map((m) => `${m.item} in ${m.region}`).join('; ')}`,
        {
          size: 11,
          fill: palette.onBackground.muted,
          maxWidth: width,
        },
      ),
    );
  }
  return { svg: `<g class="cost-table">${parts.join('')}</g>`, height: y + 8 };
}
