/**
 * A laid-out graph → one standalone SVG document: title and data time on
 * top, the legend, then every node and edge of the graph (not a viewport).
 * Pure and deterministic: the same graph and options give the same bytes.
 * The graph carries no environment values, and nothing here adds any.
 */
import type { Direction } from '../graph/view';
import type { LaidOutGraph } from '../graph/types';
import { renderLegend } from './legend';
import { nodeName, nodeOpacity, paintNode, type PaintContext } from './paint-nodes';
import { dimmed, exportPalette, type ExportBackground, type ExportTheme } from './palette';
import { hatchId, n, SVG_SANS, text } from './primitives';
import { clampText, escapeXml, textWidth } from './text';
import { DISCOVERY_STYLE } from '../theme/theme';
import { absolutePositions, edgeEnds } from '../layout/positions';
import type { Finding } from '../findings/types';
import { findingBadges, findingBadgeSvg } from './finding-badges';
import type { CostReport } from '../cost/compute-cost';
import { costBadgeLabels, costBadgeSvg, renderCostTable } from './cost-overlay';
import { diffMarkSvg, type DiffHighlight } from './diff-highlight';

/** What an export looks like beyond the graph itself. */
export interface SvgRenderOptions {
  /** Title line; omitted or empty means no title line. */
  title?: string;
  /** Line under the title (data time, counts). */
  subtitle?: string;
  /** Draw the title and subtitle (default true). */
  includeTitle?: boolean;
  /** Draw the legend (default true). */
  includeLegend?: boolean;
  theme?: ExportTheme;
  /** Default: white for the light theme, dark for the dark one. */
  background?: ExportBackground;
  /** Launch-type colours on (default true), as the view's `overlay`. */
  overlay?: boolean;
  /** Rank direction the graph was laid out in (edges leave right/bottom), as the view's `direction`. */
  direction?: Direction;
  /** Findings to mark on their nodes with a count badge (`export --findings`); none when absent. */
  findings?: readonly Finding[];
  /** The launch-type lens (`export --cost`): $/month badges and a cost table under the legend; none when absent. */
  cost?: CostReport;
  /** What changed since an older load (`diff -o`): outlines, "gone" tags and a Changes legend; none when absent. */
  diff?: DiffHighlight;
}

/** An SVG document and its size in SVG px (the size of a 1× PNG). */
export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
  /** Nodes drawn: always every node of the graph. */
  nodeCount: number;
}

const PAD = 24;
const TITLE_SIZE = 24;
const SUBTITLE_SIZE = 13;
/** Narrowest export: room for the legend's longest line at a readable size. */
const MIN_WIDTH = 760;

function edgesMarkup(
  graph: LaidOutGraph,
  abs: Map<string, { x: number; y: number }>,
  direction: Direction,
  colour: string,
): string {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const tree: string[] = [];
  // Links into a namespace ("discovered through") are dashed, as on screen.
  const discovery: string[] = [];
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const sp = abs.get(e.source);
    const tp = abs.get(e.target);
    if (!s || !t || !sp || !tp) continue;
    const paths = t.kind === 'namespace' ? discovery : tree;
    if (e.bend !== undefined) {
      // The compact layout says where the edge may turn so it runs in a gap: a curve would cut across boxes.
      const { x1, y1, x2, y2 } = edgeEnds(s, sp, t, tp, direction);
      paths.push(
        direction === 'LR'
          ? `M${n(x1)} ${n(y1)}H${n(e.bend)}V${n(y2)}H${n(x2)}`
          : `M${n(x1)} ${n(y1)}V${n(e.bend)}H${n(x2)}V${n(y2)}`,
      );
    } else if (e.cross && (direction === 'LR' ? tp.x + t.width <= sp.x : tp.y + t.height <= sp.y)) {
      // A cross-link back to a node placed before its source (compact layout): between the facing sides, not around both boxes.
      const [x1, y1, x2, y2] =
        direction === 'LR'
          ? [sp.x, sp.y + s.height / 2, tp.x + t.width, tp.y + t.height / 2]
          : [sp.x + s.width / 2, sp.y, tp.x + t.width / 2, tp.y + t.height];
      const [cx, cy] = direction === 'LR' ? [Math.max(24, (x1 - x2) / 2), 0] : [0, Math.max(24, (y1 - y2) / 2)];
      paths.push(`M${n(x1)} ${n(y1)}C${n(x1 - cx)} ${n(y1 - cy)} ${n(x2 + cx)} ${n(y2 + cy)} ${n(x2)} ${n(y2)}`);
    } else if (direction === 'LR') {
      const { x1, y1, x2, y2 } = edgeEnds(s, sp, t, tp, direction);
      const c = Math.max(24, (x2 - x1) / 2);
      paths.push(`M${n(x1)} ${n(y1)}C${n(x1 + c)} ${n(y1)} ${n(x2 - c)} ${n(y2)} ${n(x2)} ${n(y2)}`);
    } else {
      const { x1, y1, x2, y2 } = edgeEnds(s, sp, t, tp, direction);
      const c = Math.max(24, (y2 - y1) / 2);
      paths.push(`M${n(x1)} ${n(y1)}C${n(x1)} ${n(y1 + c)} ${n(x2)} ${n(y2 - c)} ${n(x2)} ${n(y2)}`);
    }
  }
  const group = (paths: string[], attributes: string): string =>
    paths.length === 0
      ? ''
      : `<g ${attributes} fill="none" stroke-width="1.6">${paths.map((d) => `<path d="${d}"/>`).join('')}</g>`;
  return (
    group(tree, `class="edges" stroke="${colour}"`) +
    group(
      discovery,
      `class="edges discovery-edges" stroke="${DISCOVERY_STYLE.edge}" stroke-dasharray="${DISCOVERY_STYLE.dash}"`,
    )
  );
}

/** Renders the whole graph as a standalone SVG document. */
export function renderSvg(graph: LaidOutGraph, options: SvgRenderOptions = {}): RenderedSvg {
  const theme = options.theme ?? 'light';
  const background = options.background ?? (theme === 'dark' ? 'dark' : 'white');
  const palette = exportPalette(theme, background);
  const overlayOn = options.overlay ?? true;
  const direction = options.direction ?? 'LR';

  const fullTitle = options.includeTitle === false ? '' : (options.title ?? '');
  const fullSubtitle = options.includeTitle === false ? '' : (options.subtitle ?? '');
  // The header never widens the image past the drawing (a 10,000-character cluster name made a title
  // 154,691 px wide, issue #13 point 10): clamped by the one truncation, whole in the document's <title>/<desc>.
  const headerRoom = Math.max(graph.width, MIN_WIDTH) - 2 * PAD;
  const title = fullTitle && clampText(fullTitle, headerRoom, TITLE_SIZE, 'bold', 'middle');
  const subtitle = fullSubtitle && clampText(fullSubtitle, headerRoom, SUBTITLE_SIZE, 'sans', 'middle');
  const headerWidth = Math.max(
    title ? textWidth(title, TITLE_SIZE, 'bold') : 0,
    subtitle ? textWidth(subtitle, SUBTITLE_SIZE) : 0,
  );
  const width = Math.ceil(
    Math.max(graph.width, headerWidth + 2 * PAD, options.includeLegend === false ? 0 : MIN_WIDTH),
  );

  const head: string[] = [];
  let y = 0;
  if (title || subtitle) {
    y = PAD;
    if (title) {
      head.push(
        text(PAD, y + TITLE_SIZE - 4, title, {
          size: TITLE_SIZE,
          face: 'bold',
          fill: palette.onBackground.text,
          extra: 'class="title"',
        }),
      );
      y += TITLE_SIZE + 6;
    }
    if (subtitle) {
      head.push(
        text(PAD, y + SUBTITLE_SIZE, subtitle, {
          size: SUBTITLE_SIZE,
          fill: palette.onBackground.muted,
          extra: 'class="subtitle"',
        }),
      );
      y += SUBTITLE_SIZE + 8;
    }
  }
  if (options.includeLegend !== false) {
    const legend = renderLegend(graph.legend, width - 2 * PAD, palette, overlayOn, Boolean(options.diff));
    y += PAD / (y > 0 ? 2 : 1);
    head.push(`<g transform="translate(${PAD} ${n(y)})">${legend.svg}</g>`);
    y += legend.height;
  }
  if (options.cost) {
    const table = renderCostTable(options.cost, width - 2 * PAD, palette);
    y += PAD / 2;
    head.push(`<g transform="translate(${PAD} ${n(y)})">${table.svg}</g>`);
    y += table.height;
  }
  // The layout leaves its own margin around the drawing; centre it under a wider header.
  const offsetX = Math.floor((width - graph.width) / 2);
  const offsetY = Math.ceil(y);
  const height = Math.ceil(offsetY + Math.max(graph.height, 2 * PAD));

  const abs = absolutePositions(graph.nodes);
  const badges = options.findings ? findingBadges(options.findings) : undefined;
  const costLabels = options.cost ? costBadgeLabels(options.cost) : undefined;
  const body: string[] = [];
  // The legend's swatches use the undimmed hatch.
  const opacities = new Set<number>([1]);
  for (const node of graph.nodes) {
    const p = abs.get(node.id) ?? { x: 0, y: 0 };
    const opacity = nodeOpacity(node);
    const attrs = [
      `class="node node-${node.kind}"`,
      `data-kind="${node.kind}"`,
      `data-id="${escapeXml(node.id)}"`,
      `data-status="${node.statusClass}"`,
      node.placeholder ? 'data-placeholder="true"' : '',
      `transform="translate(${n(p.x)} ${n(p.y)})"`,
    ].filter(Boolean);
    // Dimming is baked into the colours: group opacity can crash resvg (see `dimmed`).
    const ctx: PaintContext = { palette: dimmed(palette, opacity), overlayOn, opacity };
    opacities.add(opacity);
    const badge = findingBadgeSvg(badges, node.entityId, node.width, ctx.palette);
    const diffMark = diffMarkSvg(options.diff, node.entityId, node.width, node.height, ctx.palette);
    body.push(
      `<g ${attrs.join(' ')}><title>${escapeXml(nodeName(node))}</title>${paintNode(node, ctx)}${badge}${costBadgeSvg(costLabels, node.entityId, node.width, node.height)}${diffMark}</g>`,
    );
  }

  const patterns = [...opacities].sort().map((o) => {
    const hatch = dimmed(palette, o).overlay('FARGATE_SPOT', true).hatch ?? palette.greyStripe;
    return `<pattern id="${hatchId(o)}" patternUnits="userSpaceOnUse" width="11" height="11" patternTransform="rotate(45)"><rect width="5" height="11" fill="${hatch}"/></pattern>`;
  });
  const defs = `<defs>${patterns.join('')}</defs>`;
  const docTitle = fullTitle || 'ECS diagram';
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_SANS}" font-size="12" text-rendering="geometricPrecision">`,
    `<title>${escapeXml(docTitle)}</title>`,
    fullSubtitle ? `<desc>${escapeXml(fullSubtitle)}</desc>` : '',
    defs,
    palette.background
      ? `<rect class="background" width="${width}" height="${height}" fill="${palette.background}"/>`
      : '',
    head.join(''),
    `<g class="diagram" transform="translate(${offsetX} ${offsetY})">`,
    edgesMarkup(graph, abs, direction, palette.onBackground.edge),
    body.join('\n'),
    `</g></svg>\n`,
  ].join('');
  return { svg, width, height, nodeCount: graph.nodes.length };
}
