/**
 * `export PATH... -o OUT.png|OUT.svg`: the diagram as documentation, without
 * a window. Loads like `inspect`, draws the whole graph of the chosen view
 * with shared/render, and writes SVG as is or PNG through resvg. What loaded
 * is exported even when an input had errors (exit 1 then).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_VIEW, initialView, type ViewState } from '../../shared/graph/view';
import { ingest } from '../../shared/ingest/index';
import type { Topology } from '../../shared/model/types';
import { exportSvg } from '../../shared/render/export-svg';
import { computeFindings } from '../../shared/findings/engine';
import { computeCost } from '../../shared/cost/compute-cost';
import { INSTANCE_TYPES } from '../../shared/pricing/instance-types';
import { maskSecrets } from '../../shared/redact/mask-secrets';
import { loadPrices } from './cost';
import type { ExportBackground, ExportTheme } from '../../shared/render/palette';
import { MAX_EXPORT_SCALE, MIN_EXPORT_SCALE } from '../../shared/render/raster-limits';
import { buildGraph } from '../../shared/graph/build-graph';
import { claimOutputFile } from '../export/output-file';
import { MAX_PNG_NODES, pngTooBigMessage, svgToPng } from '../export/png';
import { readSources } from '../files/read-sources';
import { EXIT, UsageError, diagnosticLine, escapeTerminal, type CliIo } from './io';

/** Usage line of `export`. */
export const EXPORT_USAGE =
  'ecs-visualizer export PATH... -o OUT.png|OUT.svg [--view hierarchy|placement] [--expand-all] [--scale N] [--title T] [--theme light|dark] [--background white|transparent|dark] [--no-legend] [--direction LR|TB] [--findings] [--cost [--prices FILE]]';

/** Parsed `export` arguments. */
export interface ExportArgs {
  paths: string[];
  output: string;
  format: 'png' | 'svg';
  expandAll: boolean;
  scale: number;
  title?: string;
  theme: ExportTheme;
  background: ExportBackground;
  legend: boolean;
  direction: ViewState['direction'];
  /** Hierarchy (Cluster → Service → Task) or placement (tasks by EC2 host / Fargate AZ). */
  view: NonNullable<ViewState['mode']>;
  /** Mark nodes with findings (shared/findings) with a count badge. */
  findings?: boolean;
  /** The launch-type lens: $/month badges and a cost table under the legend. */
  cost?: boolean;
  /** A prices file laid over the bundled table (with `cost`). */
  prices?: string;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Parses and checks the arguments; throws UsageError (exit 2) on anything wrong. */
export function parseExportArgs(args: string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        view: { type: 'string' },
        'expand-all': { type: 'boolean', default: false },
        scale: { type: 'string' },
        title: { type: 'string' },
        theme: { type: 'string' },
        background: { type: 'string' },
        'no-legend': { type: 'boolean', default: false },
        direction: { type: 'string' },
        findings: { type: 'boolean', default: false },
        cost: { type: 'boolean', default: false },
        prices: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  if (parsed.positionals.length === 0) throw new UsageError('export needs at least one PATH (a file or a folder)');
  if (!v.output) throw new UsageError('export needs -o OUT.png or -o OUT.svg');
  const ext = path.extname(v.output).toLowerCase();
  if (ext !== '.png' && ext !== '.svg') throw new UsageError(`-o must name a .png or .svg file (got "${v.output}")`);
  const view = oneOf('--view', v.view, ['hierarchy', 'placement'] as const, 'hierarchy');
  let scale = 1;
  if (v.scale !== undefined) {
    scale = Number(v.scale);
    if (!Number.isFinite(scale) || scale < MIN_EXPORT_SCALE || scale > MAX_EXPORT_SCALE)
      throw new UsageError(
        `--scale must be a number from ${MIN_EXPORT_SCALE} to ${MAX_EXPORT_SCALE} (got "${v.scale}")`,
      );
  }
  const theme = oneOf('--theme', v.theme, ['light', 'dark'] as const, 'light');
  const background = oneOf(
    '--background',
    v.background,
    ['white', 'transparent', 'dark'] as const,
    theme === 'dark' ? 'dark' : 'white',
  );
  const direction = oneOf('--direction', v.direction, ['LR', 'TB'] as const, DEFAULT_VIEW.direction);
  return {
    paths: parsed.positionals,
    output: v.output,
    format: ext === '.png' ? 'png' : 'svg',
    expandAll: v['expand-all'] === true,
    scale,
    ...(v.title !== undefined ? { title: v.title } : {}),
    theme,
    background,
    legend: v['no-legend'] !== true,
    direction,
    view,
    findings: v.findings === true,
    cost: v.cost === true,
    ...(v.prices !== undefined ? { prices: v.prices } : {}),
  };
}

/**
 * The view an export draws: the app's view for a fresh load of the same
 * input (`initialView`: large loads start with services collapsed), or that
 * view with nothing collapsed for `--expand-all`.
 */
export function exportView(
  topology: Topology,
  expandAll: boolean,
  direction: ViewState['direction'],
  mode: ViewState['mode'] = 'hierarchy',
): ViewState {
  const view: ViewState = { ...initialView(topology), direction, mode };
  // Everything means stacks too: they start collapsed by their size, not by `collapsed`.
  return expandAll ? { ...view, collapsed: [], stackThreshold: Number.MAX_SAFE_INTEGER } : view;
}

/** `export PATH... -o OUT`: returns the exit status. */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const a = parseExportArgs(args);
  const fail = (message: string): number => {
    io.stderr(`ecs-visualizer export: ${escapeTerminal(message)}\n`);
    return EXIT.inputError;
  };
  // Claimed before any input is read: a path that cannot be written costs nothing and leaves nothing behind.
  // Like fetch: an -o that cannot be written is a usage error (exit 2), in one line, without the usage text.
  const claimed = await claimOutputFile(a.output);
  if (!claimed.ok) {
    fail(`cannot write ${a.output}: ${claimed.reason}; nothing was done`);
    return EXIT.usage;
  }
  const output = claimed.output;
  // Ctrl-C while the output is being written: its temp file is removed (130, as the shell reports an interrupt).
  const onSigint = (): void => {
    output.discardSync();
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  try {
    const read = await readSources(a.paths);
    const topology = ingest(read.sources, { diagnostics: read.diagnostics });
    const errors = topology.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.stderr(diagnosticLine(d) + '\n');

    const loaded = topology.clusters.length + topology.services.length + topology.tasks.length;
    // An image of nothing would pass for documentation in CI; refuse it.
    if (loaded === 0) return fail(`nothing to draw: no cluster, service or task was loaded; ${a.output} not written`);

    const view = exportView(topology, a.expandAll, a.direction, a.view);
    if (a.format === 'png') {
      // Counted before the layout: a too-big PNG is refused in a second, not after minutes.
      const nodes = buildGraph(topology, view).nodes.length;
      if (nodes > MAX_PNG_NODES) {
        const byDefault = a.expandAll
          ? buildGraph(topology, exportView(topology, false, a.direction, a.view)).nodes.length
          : undefined;
        return fail(pngTooBigMessage(nodes, byDefault));
      }
    }
    // The lens's prices: a bad prices file is said on stderr and the bundled table used (as `cost` does).
    const prices = a.cost ? await loadPrices(a.prices) : undefined;
    for (const d of prices?.diagnostics ?? []) io.stderr(diagnosticLine(d) + '\n');
    const rendered = exportSvg(topology, view, {
      title: a.title,
      theme: a.theme,
      background: a.background,
      includeLegend: a.legend,
      ...(a.findings ? { findings: computeFindings(topology) } : {}),
      ...(prices
        ? { cost: maskSecrets(computeCost(topology, { prices: prices.table, instanceTypes: INSTANCE_TYPES.types })) }
        : {}),
    });
    let data: string | Uint8Array = rendered.svg;
    let summary = `${rendered.width}×${rendered.height} px`;
    if (a.format === 'png') {
      let png;
      try {
        png = await svgToPng(rendered.svg, rendered.width, rendered.height, a.scale, { expanded: a.expandAll });
      } catch (err) {
        return fail(`cannot draw the PNG: ${err instanceof Error ? err.message : String(err)}; export SVG instead`);
      }
      if (png.warning) io.stderr(`ecs-visualizer export: warning: ${escapeTerminal(png.warning)}\n`);
      data = png.png;
      summary = `${png.width}×${png.height} px at ${Number(png.size.scale.toFixed(3))}×`;
    }
    const written = await output.write(data);
    if (!written.ok) return fail(`cannot write ${a.output}: ${written.reason}`);
    io.stdout(`Wrote ${escapeTerminal(a.output)} (${summary}, ${rendered.nodeCount} nodes)\n`);
    return errors.length > 0 ? EXIT.inputError : EXIT.ok;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await output.discard();
  }
}
