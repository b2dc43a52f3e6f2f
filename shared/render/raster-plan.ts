/**
 * How the page draws a PNG export in shares (renderer/export/rasterise.ts), each a small SVG
 * image drawn in its own task and put on the image in the document's order
 * (later over earlier, as the SVG paints): the header; the edges, in blocks
 * of the image (a path costs little, so one reaching two blocks is drawn in
 * both); then the boxes in runs of the document's order, each run drawn over
 * its own bounds, so no box is drawn twice. A browser parses and paints an SVG
 * image in one task on the page's thread, and text is most of a box's cost
 * (~0.1-0.2 ms a line, measured in Chromium on the 20,000-node account's
 * drawing): a run holds at most SHARE_WEIGHT of boxes and lines of text.
 */
import type { RasterSize } from './raster-limits';
import { reaches, PIECE_REACH, type SvgArea, type SvgPiece, type SvgParts } from './render-svg';

/**
 * At most this much in one run of boxes: 1 per box and 1 per line of text in it. In `bench:export-browser`
 * (100,000-node account, 13,620 boxes) runs of 250 made tasks of up to 141 ms; of 150, none over 100 ms.
 */
export const SHARE_WEIGHT = 150;
/** At most this many pixels in one share (16 MB of RGBA); a bigger box is drawn in blocks. */
export const SHARE_PIXELS = 4_000_000;
/** Side of a block of the edges (and of the header), px. */
export const BLOCK_SIDE = 2048;

/** A rectangle of pixels of the image: `x0`, `y0` inclusive, `x1`, `y1` exclusive. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One share: draw these pieces of the document over pixels `rect`; it completes `units` (see `planRaster`). */
export interface RasterShare {
  rect: PixelRect;
  parts: SvgParts;
  units: number;
}

/** The SVG-px area of `parts` drawn into pixels `rect` of an image of `size`. */
export function areaOf(parts: SvgParts, size: Pick<RasterSize, 'width' | 'height'>, rect: PixelRect): SvgArea {
  const sx = parts.width / size.width;
  const sy = parts.height / size.height;
  return { left: rect.x0 * sx, right: rect.x1 * sx, top: rect.y0 * sy, bottom: rect.y1 * sy };
}

/** The pixels of an image of `size` that `area` (SVG px, with PIECE_REACH around it) falls in. */
function pixelsOf(parts: SvgParts, size: Pick<RasterSize, 'width' | 'height'>, area: SvgArea): PixelRect {
  const sx = size.width / parts.width;
  const sy = size.height / parts.height;
  return {
    x0: Math.max(0, Math.floor((area.left - PIECE_REACH) * sx)),
    y0: Math.max(0, Math.floor((area.top - PIECE_REACH) * sy)),
    x1: Math.min(size.width, Math.ceil((area.right + PIECE_REACH) * sx)),
    y1: Math.min(size.height, Math.ceil((area.bottom + PIECE_REACH) * sy)),
  };
}

/** A piece's weight in SHARE_WEIGHT: 1, and 1 per line of text. */
function weightOf(piece: SvgPiece): number {
  let lines = 1;
  for (let at = piece.markup.indexOf('<text'); at >= 0; at = piece.markup.indexOf('<text', at + 5)) lines += 1;
  return lines;
}

/** Blocks of at most BLOCK_SIDE px a side covering `rect`. */
function blocksOf(rect: PixelRect): PixelRect[] {
  const blocks: PixelRect[] = [];
  for (let y0 = rect.y0; y0 < rect.y1; y0 += BLOCK_SIDE)
    for (let x0 = rect.x0; x0 < rect.x1; x0 += BLOCK_SIDE)
      blocks.push({ x0, y0, x1: Math.min(rect.x1, x0 + BLOCK_SIDE), y1: Math.min(rect.y1, y0 + BLOCK_SIDE) });
  return blocks;
}

const area = (r: PixelRect) => (r.x1 - r.x0) * (r.y1 - r.y0);
const union = (a: PixelRect, b: PixelRect): PixelRect => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});

/** The area of every edge, in pixels of an image of `size` (null: no edges). */
function edgesRect(parts: SvgParts, size: Pick<RasterSize, 'width' | 'height'>): PixelRect | null {
  const paths = parts.edges.flatMap((g) => g.paths);
  return paths.length > 0 ? paths.map((p) => pixelsOf(parts, size, p)).reduce(union) : null;
}

/** The blocks of the header and of the edges: where `planRaster` starts. */
function headAndEdgeBlocks(parts: SvgParts, size: Pick<RasterSize, 'width' | 'height'>) {
  const edges = edgesRect(parts, size);
  return {
    head: parts.head.markup ? blocksOf(pixelsOf(parts, size, parts.head)) : [],
    edges: edges ? blocksOf(edges) : [],
  };
}

/**
 * The shares that draw `parts` into an image of `size`, in the order to put them on it (the background,
 * `parts.fill`, is the image's to paint first), made as they are asked for, and how many `units` they account
 * for in all (a block 1, a box 1; each share says its own). Every piece is in some share; a box is in exactly
 * one, unless it alone is bigger than SHARE_PIXELS (then in each block of it). A share may hold nothing (a
 * block no edge crosses): it still counts its `units`.
 */
export function planRaster(
  parts: SvgParts,
  size: Pick<RasterSize, 'width' | 'height'>,
): { units: number; shares: Generator<RasterShare> } {
  const blocks = headAndEdgeBlocks(parts, size);
  return {
    units: blocks.head.length + blocks.edges.length + parts.nodes.length,
    shares: sharesOf(parts, size, blocks),
  };
}

function* sharesOf(
  parts: SvgParts,
  size: Pick<RasterSize, 'width' | 'height'>,
  blocks: ReturnType<typeof headAndEdgeBlocks>,
): Generator<RasterShare> {
  const none: SvgParts = { ...parts, head: { ...parts.head, markup: '' }, edges: [], nodes: [] };
  // The header, then the edges (all under every box, as in the document).
  for (const rect of blocks.head) yield { rect, parts: { ...none, head: parts.head }, units: 1 };
  for (const rect of blocks.edges) {
    const a = areaOf(parts, size, rect);
    const edges = parts.edges
      .map((g) => ({ ...g, paths: g.paths.filter((p) => reaches(p, a)) }))
      .filter((g) => g.paths.length > 0);
    yield { rect, parts: { ...none, edges }, units: 1 };
  }
  // Then the boxes, in runs of the document's order.
  let run: { rect: PixelRect; nodes: SvgPiece[]; weight: number } | null = null;
  for (const node of parts.nodes) {
    const rect = pixelsOf(parts, size, node);
    const weight = weightOf(node);
    if (run) {
      const grown = union(run.rect, rect);
      if (run.weight + weight <= SHARE_WEIGHT && area(grown) <= SHARE_PIXELS) {
        run.rect = grown;
        run.nodes.push(node);
        run.weight += weight;
        continue;
      }
      yield { rect: run.rect, parts: { ...none, nodes: run.nodes }, units: run.nodes.length };
      run = null;
    }
    if (area(rect) <= SHARE_PIXELS) {
      run = { rect, nodes: [node], weight };
      continue;
    }
    // Bigger than a share on its own: drawn in blocks, each clipped to its share of the box (the last counts it).
    const own = blocksOf(rect);
    for (const [k, block] of own.entries())
      yield { rect: block, parts: { ...none, nodes: [node] }, units: k === own.length - 1 ? 1 : 0 };
  }
  if (run) yield { rect: run.rect, parts: { ...none, nodes: run.nodes }, units: run.nodes.length };
}
