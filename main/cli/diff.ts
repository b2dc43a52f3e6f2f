/**
 * `diff OLD NEW`: what changed between two loads (files, folders, bundles, any mix), read like a deployment log.
 * Exit statuses as diff(1): 0 equal, 1 different, 2 trouble (bad usage, or an input with an error). The report goes
 * to stdout, diagnostics and warnings to stderr; every value from the input passes the terminal escaping.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareLoads, diffHighlightOf, type LoadDiff, type LoadTime } from '../../shared/diff/compare-loads';
import { ingest } from '../../shared/ingest/index';
import type { Topology } from '../../shared/model/types';
import { exportSvg } from '../../shared/render/export-svg';
import { buildGraph } from '../../shared/graph/build-graph';
import { claimOutputFile, type OutputFile } from '../export/output-file';
import { MAX_PNG_NODES, pngTooBigMessage, svgToPng } from '../export/png';
import { readSources } from '../files/read-sources';
import { exportView } from './export';
import { diagnosticLine, escapeTerminal, terminalJson, UsageError, type CliIo } from './io';

/** Usage line of `diff`. */
export const DIFF_USAGE =
  'ecs-visualizer diff OLD NEW [--format text|md|json] [-o changes.png|changes.svg]  (or --old PATH... --new PATH...)';

/** Exit statuses of `diff`, as diff(1): equal, different, trouble. */
export const DIFF_EXIT = { equal: 0, differ: 1, trouble: 2 } as const;

const FORMATS = ['text', 'md', 'json'] as const;

/** One diff as `diff --format json` prints it (DESIGN.md: add keys, never rename). */
export interface DiffJson {
  from: LoadTime;
  to: LoadTime;
  warnings: string[];
  added: { objectId: string; kind: string; name: string; summary: string }[];
  removed: { objectId: string; kind: string; name: string; summary: string }[];
  changed: {
    objectId: string;
    kind: string;
    name: string;
    field: string;
    from: string | number | boolean | null;
    to: string | number | boolean | null;
    summary: string;
  }[];
  log: { objectId: string; kind: string; name: string; headline: string; details: string[] }[];
}

/** The JSON document of a diff. */
export function toDiffJson(d: LoadDiff): DiffJson {
  const obj = (o: { objectId: string; kind: string; name: string; summary: string }) => ({
    objectId: o.objectId,
    kind: o.kind,
    name: o.name,
    summary: o.summary,
  });
  return {
    from: d.from,
    to: d.to,
    warnings: d.warnings,
    added: d.added.map(obj),
    removed: d.removed.map(obj),
    changed: d.changed.map((c) => ({
      objectId: c.objectId,
      kind: c.kind,
      name: c.name,
      field: c.field,
      from: c.from,
      to: c.to,
      summary: c.summary,
    })),
    log: d.log,
  };
}

const when = (t: LoadTime): string =>
  t.time ? `${t.time}${t.source === 'newest-in-data' ? ' (newest in data)' : ''}` : 'time unknown';

/** The readable report: one headline per service or cluster, its changes indented under it. */
export function formatDiffText(d: LoadDiff): string {
  const lines = [`${escapeTerminal(when(d.from))} → ${escapeTerminal(when(d.to))}`];
  if (d.equal) lines.push('no changes');
  for (const entry of d.log) {
    lines.push(escapeTerminal(entry.headline));
    for (const detail of entry.details) lines.push(`  ${escapeTerminal(detail)}`);
  }
  if (!d.equal)
    lines.push(`${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed field(s)`);
  return lines.join('\n') + '\n';
}

/** Markdown for a pull request or an incident write-up: `code` spans keep ids and images literal. */
export function formatDiffMarkdown(d: LoadDiff): string {
  // A value never opens a second code span, a table cell or a heading: backticks and pipes are escaped.
  const md = (s: string): string => escapeTerminal(s).replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
  const lines = [`### ECS changes: ${md(when(d.from))} → ${md(when(d.to))}`, ''];
  for (const w of d.warnings) lines.push(`> **Note:** ${md(w)}`);
  if (d.warnings.length) lines.push('');
  if (d.equal) lines.push('No changes.');
  for (const entry of d.log) {
    lines.push(`- **${md(entry.name)}**: ${md(entry.headline.slice(entry.name.length + 2))}`);
    // The text report's +/-/~ marks would read as Markdown list bullets: said in words.
    const word: Record<string, string> = { '+': 'added: ', '-': 'removed: ', '~': '' };
    for (const detail of entry.details)
      lines.push(`  - ${md(detail.replace(/^([+~-]) /, (_m, mark: string) => word[mark] ?? ''))}`);
  }
  if (!d.equal) {
    lines.push('', '| Object | Field | From | To |', '| --- | --- | --- | --- |');
    const v = (x: string | number | boolean | null): string => (x === null ? '—' : md(String(x)));
    for (const c of d.changed)
      lines.push(`| ${md(c.kind)} ${md(c.name)} | ${md(c.field)} | ${v(c.from)} | ${v(c.to)} |`);
    for (const a of d.added) lines.push(`| ${md(a.kind)} ${md(a.name)} | (added) | — | ${md(a.summary)} |`);
    for (const r of d.removed) lines.push(`| ${md(r.kind)} ${md(r.name)} | (removed) | ${md(r.summary)} | — |`);
  }
  return lines.join('\n') + '\n';
}

interface DiffArgs {
  old: string[];
  new: string[];
  format: (typeof FORMATS)[number];
  output?: string;
}

function parseDiffArgs(args: string[]): DiffArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        old: { type: 'string', multiple: true },
        new: { type: 'string', multiple: true },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  const format = v.format as DiffArgs['format'];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, md or json, not "${format}"`);
  const named = (v.old?.length ?? 0) + (v.new?.length ?? 0) > 0;
  if (named && parsed.positionals.length > 0)
    throw new UsageError('give OLD and NEW either as two paths or with --old/--new, not both');
  if (named && (!v.old?.length || !v.new?.length)) throw new UsageError('diff needs at least one --old and one --new');
  if (!named && parsed.positionals.length !== 2)
    throw new UsageError(`diff needs two paths, OLD and NEW (got ${parsed.positionals.length})`);
  if (v.output !== undefined) {
    const ext = path.extname(v.output).toLowerCase();
    if (ext !== '.png' && ext !== '.svg') throw new UsageError(`-o must name a .png or .svg file (got "${v.output}")`);
  }
  return {
    old: named ? v.old! : [parsed.positionals[0]],
    new: named ? v.new! : [parsed.positionals[1]],
    format,
    ...(v.output !== undefined ? { output: v.output } : {}),
  };
}

async function load(paths: string[]): Promise<Topology> {
  const read = await readSources(paths);
  return ingest(read.sources, { diagnostics: read.diagnostics });
}

/** `diff OLD NEW`: returns 0 equal, 1 different, 2 on bad usage or an input with an error. */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const a = parseDiffArgs(args);
  const say = (message: string): void => io.stderr(`ecs-visualizer diff: ${escapeTerminal(message)}\n`);
  // Like export: an -o that cannot be written is found before any input is read (exit 2, nothing printed).
  let output: OutputFile | undefined;
  if (a.output) {
    const claimed = await claimOutputFile(a.output);
    if (!claimed.ok) {
      say(`cannot write ${a.output}: ${claimed.reason}; nothing was done`);
      return DIFF_EXIT.trouble;
    }
    output = claimed.output;
  }
  try {
    return await compareAndReport(a, io, say, output);
  } finally {
    await output?.discard();
  }
}

async function compareAndReport(
  a: DiffArgs,
  io: CliIo,
  say: (message: string) => void,
  output: OutputFile | undefined,
): Promise<number> {
  const older = await load(a.old);
  const newer = await load(a.new);
  const errors = [...older.diagnostics, ...newer.diagnostics].filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr(diagnosticLine(d) + '\n');
  // A broken input would read as "everything in it was removed": refuse, as diff(1) does with trouble.
  if (errors.length > 0) {
    say(`${errors.length} input error(s): not compared`);
    return DIFF_EXIT.trouble;
  }
  const d = compareLoads(older, newer);
  for (const w of d.warnings) say(`warning: ${w}`);

  if (a.format === 'json') io.stdout(terminalJson(toDiffJson(d), 2) + '\n');
  else if (a.format === 'md') io.stdout(formatDiffMarkdown(d));
  else io.stdout(formatDiffText(d));

  if (a.output && output) {
    const written = await writeDiffImage(newer, d, a.output, output);
    if (!written.ok) {
      say(written.reason);
      return DIFF_EXIT.trouble;
    }
    io.stderr(`Wrote ${escapeTerminal(a.output)} (${written.summary})\n`);
  }
  return d.equal ? DIFF_EXIT.equal : DIFF_EXIT.differ;
}

/** NEW's diagram with the diff highlight and the Changes legend, as `export` draws it (SVG, or PNG through resvg). */
async function writeDiffImage(
  newer: Topology,
  d: LoadDiff,
  output: string,
  out: OutputFile,
): Promise<{ ok: true; summary: string } | { ok: false; reason: string }> {
  if (newer.clusters.length + newer.services.length + newer.tasks.length === 0)
    return { ok: false, reason: `nothing to draw: NEW has no cluster, service or task; ${output} not written` };
  const view = exportView(newer, false, 'LR');
  const png = path.extname(output).toLowerCase() === '.png';
  if (png) {
    const nodes = buildGraph(newer, view).nodes.length;
    if (nodes > MAX_PNG_NODES) return { ok: false, reason: pngTooBigMessage(nodes) };
  }
  const rendered = exportSvg(newer, view, { diff: diffHighlightOf(d) });
  let data: string | Uint8Array = rendered.svg;
  let summary = `${rendered.width}×${rendered.height} px, ${rendered.nodeCount} nodes`;
  if (png) {
    const raster = await svgToPng(rendered.svg, rendered.width, rendered.height, 1);
    data = raster.png;
    summary = `${raster.width}×${raster.height} px, ${rendered.nodeCount} nodes`;
  }
  const written = await out.write(data);
  return written.ok ? { ok: true, summary } : { ok: false, reason: `cannot write ${output}: ${written.reason}` };
}
