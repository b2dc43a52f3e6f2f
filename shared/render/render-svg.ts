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

/** A piece of the drawing and the area it covers, in the document's SVG px (see `SvgParts`). */
export interface SvgPiece extends SvgArea {
  markup: string;
  /**
   * The areas it draws in, when far less than its bounds: an edge's straight legs (an edge from a cluster
   * to a service three lines down spans a wide rectangle, and draws three thin lines of it).
   */
  segments?: SvgArea[];
}

/** An area of the document, in its SVG px. */
export interface SvgArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A group of edge paths: its opening tag and its paths (closed by `</g>`). */
interface EdgeGroup {
  open: string;
  paths: SvgPiece[];
}

/** The area of points given as x, y pairs, in the document (`offset`: where the drawing's group starts). */
function spanOfPoints(offset: { x: number; y: number }, points: readonly number[]): SvgArea {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  return {
    left: offset.x + Math.min(...xs),
    top: offset.y + Math.min(...ys),
    right: offset.x + Math.max(...xs),
    bottom: offset.y + Math.max(...ys),
  };
}

/** The edges as paths, each with the area it spans (a curve stays within its control points). */
function edgeGroups(
  graph: LaidOutGraph,
  abs: Map<string, { x: number; y: number }>,
  direction: Direction,
  colour: string,
  offset: { x: number; y: number },
): EdgeGroup[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const spanOf = (points: readonly number[]) => spanOfPoints(offset, points);
  const tree: SvgPiece[] = [];
  // Links into a namespace ("discovered through") are dashed, as on screen.
  const discovery: SvgPiece[] = [];
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    const sp = abs.get(e.source);
    const tp = abs.get(e.target);
    if (!s || !t || !sp || !tp) continue;
    const paths = t.kind === 'namespace' ? discovery : tree;
    // Its points (ends, turns, control points) as x, y pairs.
    const path = (d: string, ...points: number[]) => paths.push({ markup: `<path d="${d}"/>`, ...spanOf(points) });
    if (e.bend !== undefined) {
      // The compact layout says where the edge may turn so it runs in a gap: a curve would cut across boxes.
      const { x1, y1, x2, y2 } = edgeEnds(s, sp, t, tp, direction);
      const corners =
        direction === 'LR' ? [x1, y1, e.bend, y1, e.bend, y2, x2, y2] : [x1, y1, x1, e.bend, x2, e.bend, x2, y2];
      const d =
        direction === 'LR'
          ? `M${n(x1)} ${n(y1)}H${n(e.bend)}V${n(y2)}H${n(x2)}`
          : `M${n(x1)} ${n(y1)}V${n(e.bend)}H${n(x2)}V${n(y2)}`;
      // Three straight legs, corner to corner.
      const segments = [0, 2, 4].map((i) => spanOf(corners.slice(i, i + 4)));
      paths.push({ markup: `<path d="${d}"/>`, ...spanOf(corners), segments });
    } else if (e.cross && (direction === 'LR' ? tp.x + t.width <= sp.x : tp.y + t.height <= sp.y)) {
      // A cross-link back to a node placed before its source (compact layout): between the facing sides, not around both boxes.
      const [x1, y1, x2, y2] =
        direction === 'LR'
          ? [sp.x, sp.y + s.height / 2, tp.x + t.width, tp.y + t.height / 2]
          : [sp.x + s.width / 2, sp.y, tp.x + t.width / 2, tp.y + t.height];
      const [cx, cy] = direction === 'LR' ? [Math.max(24, (x1 - x2) / 2), 0] : [0, Math.max(24, (y1 - y2) / 2)];
      path(
        `M${n(x1)} ${n(y1)}C${n(x1 - cx)} ${n(y1 - cy)} ${n(x2 + cx)} ${n(y2 + cy)} ${n(x2)} ${n(y2)}`,
        x1,
        y1,
        x1 - cx,
        y1 - cy,
        x2 + cx,
        y2 + cy,
        x2,
        y2,
      );
    } else if (direction === 'LR') {
      const { x1, y1, x2, y2 } = edgeEnds(s, sp, t, tp, direction);
      const c = Math.max(24, (x2 - x1) / 2);
      path(
        `M${n(x1)} ${n(y1)}C${n(x1 + c)} ${n(y1)} ${n(x2 - c)} ${n(y2)} ${n(x2)} ${n(y2)}`,
        x1,
        y1,
        x1 + c,
        y1,
        x2 - c,
        y2,
        x2,
        y2,
      );
    } else {
      const { x1, y1, x2, y2 } = edgeEnds(s, sp, t, tp, direction);
      const c = Math.max(24, (y2 - y1) / 2);
      path(
        `M${n(x1)} ${n(y1)}C${n(x1)} ${n(y1 + c)} ${n(x2)} ${n(y2 - c)} ${n(x2)} ${n(y2)}`,
        x1,
        y1,
        x1,
        y1 + c,
        x2,
        y2 - c,
        x2,
        y2,
      );
    }
  }
  const group = (paths: SvgPiece[], attributes: string): EdgeGroup[] =>
    paths.length === 0 ? [] : [{ open: `<g ${attributes} fill="none" stroke-width="1.6">`, paths }];
  return [
    ...group(tree, `class="edges" stroke="${colour}"`),
    ...group(
      discovery,
      `class="edges discovery-edges" stroke="${DISCOVERY_STYLE.edge}" stroke-dasharray="${DISCOVERY_STYLE.dash}"`,
    ),
  ];
}

/**
 * An export's document in pieces, so it can be drawn a tile at a time (`svgTile`) as well as whole
 * (`assembleSvg`). Areas are in the document's SVG px.
 */
export interface SvgParts {
  width: number;
  height: number;
  nodeCount: number;
  /** The root element's attributes after its size and viewBox (fonts, text rendering). */
  rootAttributes: string;
  /** `<title>` and `<desc>` of the whole document. */
  about: string;
  defs: string;
  background: string;
  /** The background's colour (null: transparent), for a rasteriser that paints it itself. */
  fill: string | null;
  /** Title, subtitle, legend and cost table, above the drawing. */
  head: SvgPiece;
  /** Opens the drawing's group (closed by `</g>`): the edges and nodes are inside it. */
  drawingOpen: string;
  edges: EdgeGroup[];
  nodes: SvgPiece[];
}

/** The root element's size and view: the document's own, or a tile's (`svgTile`). */
interface SvgFrame {
  width: number;
  height: number;
  viewBox: string;
  /** Attributes after the viewBox (a tile's `preserveAspectRatio`), with their leading space. */
  extra?: string;
}

/** The whole document of `parts` (what `renderSvg` returns), or the same pieces seen through `frame`. */
export function assembleSvg(
  parts: SvgParts,
  frame: SvgFrame = { width: parts.width, height: parts.height, viewBox: `0 0 ${parts.width} ${parts.height}` },
): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="${frame.viewBox}"${frame.extra ?? ''}${parts.rootAttributes}>`,
    parts.about,
    parts.defs,
    parts.background,
    parts.head.markup,
    parts.drawingOpen,
    parts.edges.map((g) => `${g.open}${g.paths.map((p) => p.markup).join('')}</g>`).join(''),
    parts.nodes.map((p) => p.markup).join('\n'),
    `</g></svg>\n`,
  ].join('');
}

/**
 * How far outside its box a piece's markup may draw (finding badges, diff outlines and "gone" tags stand out
 * by up to ~10 px, an edge's stroke by 1): a tile takes in every piece within this many SVG px of it.
 */
export const PIECE_REACH = 24;

/** Whether `box`, with PIECE_REACH around it, overlaps `area`. */
function near(box: SvgArea, area: SvgArea): boolean {
  return (
    box.right + PIECE_REACH >= area.left &&
    box.left - PIECE_REACH <= area.right &&
    box.bottom + PIECE_REACH >= area.top &&
    box.top - PIECE_REACH <= area.bottom
  );
}

/** Whether `piece` may draw within `area`. */
export function reaches(piece: SvgPiece, area: SvgArea): boolean {
  return near(piece, area) && (!piece.segments || piece.segments.some((segment) => near(segment, area)));
}

/**
 * The document of `area` of `parts` (SVG px) drawn at `pixelWidth` × `pixelHeight`, on no background (the
 * rasteriser paints `parts.fill` once): a rasteriser draws a big drawing a share at a time, giving each share
 * the pieces it should paint, and puts the shares one over the other in the document's order.
 */
export function svgTile(parts: SvgParts, area: SvgArea, pixelWidth: number, pixelHeight: number): string {
  return assembleSvg(
    { ...parts, about: '', background: '' },
    {
      width: pixelWidth,
      height: pixelHeight,
      viewBox: `${n(area.left)} ${n(area.top)} ${n(area.right - area.left)} ${n(area.bottom - area.top)}`,
      extra: ' preserveAspectRatio="none"',
    },
  );
}

/** Renders the whole graph as a standalone SVG document. */
export function renderSvg(graph: LaidOutGraph, options: SvgRenderOptions = {}): RenderedSvg {
  const parts = renderSvgParts(graph, options);
  return { svg: assembleSvg(parts), width: parts.width, height: parts.height, nodeCount: parts.nodeCount };
}

/** The document `renderSvg` makes, in pieces (see `SvgParts`). */
export function renderSvgParts(graph: LaidOutGraph, options: SvgRenderOptions = {}): SvgParts {
  const steps = renderSvgSteps(graph, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Boxes `renderSvgSteps` draws between two steps: ~15 ms of the 13,620 boxes of a 100,000-node account's. */
export const BOXES_PER_STEP = 500;

/**
 * `renderSvgParts` a step at a time (BOXES_PER_STEP boxes each), for a caller that lets the page breathe in
 * between: the whole of a 100,000-node account's drawing is ~400 ms of work.
 */
export function* renderSvgSteps(graph: LaidOutGraph, options: SvgRenderOptions = {}): Generator<void, SvgParts> {
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
  const body: SvgPiece[] = [];
  // The legend's swatches use the undimmed hatch.
  const opacities = new Set<number>([1]);
  for (const node of graph.nodes) {
    if (body.length > 0 && body.length % BOXES_PER_STEP === 0) yield;
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
    body.push({
      markup: `<g ${attrs.join(' ')}><title>${escapeXml(nodeName(node))}</title>${paintNode(node, ctx)}${badge}${costBadgeSvg(costLabels, node.entityId, node.width, node.height)}${diffMark}</g>`,
      left: offsetX + p.x,
      top: offsetY + p.y,
      right: offsetX + p.x + node.width,
      bottom: offsetY + p.y + node.height,
    });
  }

  const patterns = [...opacities].sort().map((o) => {
    const hatch = dimmed(palette, o).overlay('FARGATE_SPOT', true).hatch ?? palette.greyStripe;
    return `<pattern id="${hatchId(o)}" patternUnits="userSpaceOnUse" width="11" height="11" patternTransform="rotate(45)"><rect width="5" height="11" fill="${hatch}"/></pattern>`;
  });
  const defs = `<defs>${patterns.join('')}</defs>`;
  const docTitle = fullTitle || 'ECS diagram';
  return {
    width,
    height,
    nodeCount: graph.nodes.length,
    rootAttributes: ` font-family="${SVG_SANS}" font-size="12" text-rendering="geometricPrecision"`,
    about: `<title>${escapeXml(docTitle)}</title>` + (fullSubtitle ? `<desc>${escapeXml(fullSubtitle)}</desc>` : ''),
    defs,
    background: palette.background
      ? `<rect class="background" width="${width}" height="${height}" fill="${palette.background}"/>`
      : '',
    fill: palette.background,
    head: { markup: head.join(''), left: 0, top: 0, right: width, bottom: offsetY },
    drawingOpen: `<g class="diagram" transform="translate(${offsetX} ${offsetY})">`,
    edges: edgeGroups(graph, abs, direction, palette.onBackground.edge, { x: offsetX, y: offsetY }),
    nodes: body,
  };
}
