import { parseArgs } from 'node:util';
import { ingest, summarize, type InspectSummary } from '../../shared/ingest/index';
import { readSources } from '../files/read-sources';
import { EXIT, UsageError, diagnosticLine, escapeTerminal, terminalJson, type CliIo } from './io';

/** Usage line of `inspect`. */
export const INSPECT_USAGE = 'ecs-visualizer inspect PATH... [--json]';

const COUNT_LABELS: [keyof InspectSummary['counts'], string][] = [
  ['clusters', 'Clusters'],
  ['services', 'Services'],
  ['tasks', 'Tasks'],
  ['containers', 'Containers'],
  ['taskDefinitions', 'Task definitions'],
  ['containerInstances', 'Container instances'],
  ['capacityProviders', 'Capacity providers'],
  ['targetGroups', 'Target groups'],
];

/** The readable table printed without `--json`. */
export function formatSummaryTable(summary: InspectSummary, fileCount: number): string {
  const lines: string[] = [];
  lines.push(`Loaded ${fileCount} file${fileCount === 1 ? '' : 's'}`, '');
  const width = Math.max(...COUNT_LABELS.map(([, l]) => l.length));
  for (const [key, label] of COUNT_LABELS)
    lines.push(`  ${label.padEnd(width)}  ${String(summary.counts[key]).padStart(6)}`);
  lines.push('');
  const byType = Object.entries(summary.tasksByLaunchType).map(([k, v]) => `${escapeTerminal(k)} ${v}`);
  lines.push(
    `Tasks by launch type: ${byType.length ? byType.join(' · ') : 'none'}${summary.tasksOnFargateSpot ? ` (Fargate Spot ${summary.tasksOnFargateSpot})` : ''}`,
  );
  lines.push(`Placeholders (referenced or listed, not described): ${summary.placeholders}`);
  if (summary.recovered > 0)
    lines.push(`Recovered from broken files (only commas missing or extra; check them): ${summary.recovered}`);
  const n = (s: string) => summary.diagnostics.filter((d) => d.severity === s).length;
  lines.push('', `Diagnostics: ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`);
  for (const d of summary.diagnostics)
    if (d.severity !== 'info') lines.push(`  ${d.severity.padEnd(7)} ${diagnosticLine(d)}`);
  return lines.join('\n') + '\n';
}

/** `inspect PATH... [--json]`: load, summarise, print; errors to stderr one a line. Returns the exit status. */
export async function runInspect(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.positionals.length === 0) throw new UsageError('inspect needs at least one PATH (a file or a folder)');
  const read = await readSources(parsed.positionals);
  const topology = ingest(read.sources, { diagnostics: read.diagnostics });
  const summary = summarize(topology);
  if (parsed.values.json) io.stdout(terminalJson(summary, 2) + '\n');
  else io.stdout(formatSummaryTable(summary, topology.files.length));
  const errors = summary.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr(diagnosticLine(d) + '\n');
  return errors.length > 0 ? EXIT.inputError : EXIT.ok;
}
