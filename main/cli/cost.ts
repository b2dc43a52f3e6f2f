import { parseArgs } from 'node:util';
import { ingest } from '../../shared/ingest/index';
import type { Diagnostic } from '../../shared/model/types';
import { computeCost, type CostReport, type CostRow } from '../../shared/cost/compute-cost';
import { clusterLabeller, ec2PackedText, money } from '../../shared/cost/cost-text';
import { costJson, pricesCaveat } from '../../shared/cost/cost-json';
import { INSTANCE_TYPES } from '../../shared/pricing/instance-types';
import type { PriceTable } from '../../shared/pricing/price-table';
import { priceTableOf } from '../../shared/cost/cost-request';
import { maskSecrets } from '../../shared/redact/mask-secrets';
import { readSources } from '../files/read-sources';
import { EXIT, UsageError, diagnosticLine, escapeTerminal, terminalJson, type CliIo } from './io';

/** Usage line of `cost`. */
export const COST_USAGE = 'ecs-visualizer cost PATH... [--prices FILE] [--format table|md|csv|json]';

const FORMATS = ['table', 'md', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const issues = (r: CostRow): string =>
  [...r.blockers.map((b) => `blocked: ${b.code} (${b.path})`), ...r.changesNeeded.map((c) => `change: ${c.code}`)].join(
    '; ',
  );

/** Reads `--prices FILE` over the bundled table; a bad file is reported and the bundled table used. */
export async function loadPrices(path: string | undefined): Promise<{ table: PriceTable; diagnostics: Diagnostic[] }> {
  if (path === undefined) return priceTableOf(null);
  const read = await readSources([path]);
  const source = read.sources[0];
  if (!source) return { table: priceTableOf(null).table, diagnostics: read.diagnostics };
  return priceTableOf({ name: source.name, text: source.text });
}

type ClusterLabel = (name: string, clusterId: string | null) => string;

const COLUMNS: [string, (r: CostRow, cluster: ClusterLabel) => string][] = [
  ['Cluster', (r, cluster) => cluster(r.cluster, r.clusterId)],
  ['Service', (r) => (r.kind === 'standalone' ? `${r.service} (standalone)` : r.service)],
  ['Launch', (r) => r.launchType],
  ['Tasks', (r) => String(r.tasks)],
  ['Now/mo', (r) => money(r.nowMonthly)],
  ['+Idle', (r) => money(r.idleAllocatedMonthly)],
  ['Fargate', (r) => money(r.fargateMonthly)],
  ['Spot', (r) => money(r.fargateSpotMonthly)],
  ['Graviton', (r) => money(r.gravitonMonthly)],
  ['EC2 packed', (r) => ec2PackedText(r)],
  ['Blockers / changes', issues],
  ['Verdict', (r) => r.verdict],
];

function padTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}

/** The readable table (also the Markdown, with `md`). Every value from input is escaped. */
export function formatCostText(report: CostReport, format: 'table' | 'md'): string {
  // Two accounts' `default` clusters read with their account and region.
  const cluster = clusterLabeller(report.clusters);
  const rows = [...report.services, ...report.standalone].map((r) =>
    COLUMNS.map(([, f]) => escapeTerminal(f(r, cluster))),
  );
  const header = COLUMNS.map(([h]) => h);
  const lines: string[] = [];
  const clusterHeader = ['Cluster', 'Now/mo', 'Idle', 'Fargate', 'Spot', 'EC2 packed'];
  const clusterRows = report.clusters.map((c) => [
    escapeTerminal(cluster(c.cluster, c.clusterId)),
    money(c.nowMonthly),
    money(c.idleMonthly),
    money(c.fargateMonthly),
    money(c.fargateSpotMonthly),
    money(c.ec2Monthly),
  ]);
  const t = report.totals;
  const totalsLine = `Total now ${money(t.nowMonthly)}/month (Fargate tasks + EC2 hosts, idle included) · all on Fargate ${money(t.fargateMonthly)} · on Fargate Spot ${money(t.fargateSpotMonthly)} · EC2 packed ${money(t.ec2Monthly)}`;
  if (format === 'md') {
    const md = (h: string[], rs: string[][]) => [
      `| ${h.join(' | ')} |`,
      `|${h.map(() => '---').join('|')}|`,
      ...rs.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    ];
    lines.push('## Launch-type lens', '', `_${pricesCaveat(report)}; ${report.hoursPerMonth} hours a month._`, '');
    lines.push(...md(header, rows), '', '### Clusters', '', ...md(clusterHeader, clusterRows), '', totalsLine);
  } else {
    lines.push(`Launch-type lens: ${pricesCaveat(report)}; ${report.hoursPerMonth} hours a month.`, '');
    lines.push(...padTable(header, rows), '', ...padTable(clusterHeader, clusterRows), '', totalsLine);
  }
  if (report.missingPrices.length > 0)
    lines.push(
      '',
      `Missing prices (${report.missingPrices.length}): ${report.missingPrices.map((m) => escapeTerminal(`${m.item} in ${m.region}`)).join('; ')} — add them with --prices`,
    );
  return lines.join('\n') + '\n';
}

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One CSV row per service and standalone group; amounts unrounded, empty where a price is missing. */
export function formatCostCsv(report: CostReport): string {
  const keys = [
    'kind',
    'accountId',
    'region',
    'cluster',
    'service',
    'launchType',
    'tasks',
    'nowMonthly',
    'idleAllocatedMonthly',
    'fargateMonthly',
    'fargateSpotMonthly',
    'fargateSpotStrategyMonthly',
    'gravitonMonthly',
    'ec2Monthly',
    'ec2InstanceType',
    'ec2Instances',
    'blockers',
    'changesNeeded',
    'verdict',
  ] as const;
  const lines = [keys.join(',')];
  for (const r of [...report.services, ...report.standalone]) {
    const cells = keys.map((k) => {
      const v = r[k];
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return v.map((i) => `${i.code}@${i.path}`).join(';');
      return String(v);
    });
    lines.push(cells.map((c) => csvCell(escapeTerminal(c))).join(','));
  }
  return lines.join('\n') + '\n';
}

/** `cost PATH... [--prices FILE] [--format …]`: prices the load; report on stdout, diagnostics on stderr. */
export async function runCost(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { prices: { type: 'string' }, format: { type: 'string', default: 'table' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const format = parsed.values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (parsed.positionals.length === 0) throw new UsageError('cost needs at least one PATH (a file or a folder)');
  const prices = await loadPrices(parsed.values.prices);
  const read = await readSources(parsed.positionals);
  const topology = ingest(read.sources, { diagnostics: read.diagnostics });
  const report = maskSecrets(computeCost(topology, { prices: prices.table, instanceTypes: INSTANCE_TYPES.types }));
  const diagnostics = [...prices.diagnostics, ...topology.diagnostics, ...report.diagnostics];
  if (format === 'json') io.stdout(terminalJson(costJson(report, diagnostics), 2) + '\n');
  else if (format === 'csv') io.stdout(formatCostCsv(report));
  else io.stdout(formatCostText(report, format));
  for (const d of diagnostics) if (d.severity !== 'info') io.stderr(diagnosticLine(d) + '\n');
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.inputError : EXIT.ok;
}
