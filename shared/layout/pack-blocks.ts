/**
 * Packs whole blocks (the drawing of one account, cluster or standalone
 * tree) into a picture of a wanted shape, so a few trees side by side fill a
 * window instead of standing in one tall column. Shelf packing in reading
 * order, in rows or in columns, with the line length that lets the picture be
 * drawn biggest in a window of that shape.
 */

/** A block to place: its size in px. */
export interface PackItem {
  width: number;
  height: number;
}

/** Where each block goes (by index) and the size of the whole. */
export interface Packed {
  positions: { x: number; y: number }[];
  width: number;
  height: number;
}

/** How big a drawing of `width × height` can be drawn in a window of width ÷ height `aspect` (relative units). */
export function fitScale(width: number, height: number, aspect: number): number {
  return Math.min(aspect / Math.max(width, 1), 1 / Math.max(height, 1));
}

/** Next-fit shelves along x (rows, `across` false) or along y (columns): line length at most `limit`. */
function shelves(items: readonly PackItem[], limit: number, gap: number, columns: boolean): Packed {
  const along = (it: PackItem) => (columns ? it.height : it.width);
  const across = (it: PackItem) => (columns ? it.width : it.height);
  const positions: { x: number; y: number }[] = [];
  let lineStart = 0;
  let pos = 0;
  let thickness = 0;
  let longest = 0;
  for (const it of items) {
    if (pos > 0 && pos + along(it) > limit) {
      lineStart += thickness + gap;
      pos = 0;
      thickness = 0;
    }
    positions.push(columns ? { x: lineStart, y: pos } : { x: pos, y: lineStart });
    pos += along(it) + gap;
    thickness = Math.max(thickness, across(it));
    longest = Math.max(longest, pos - gap);
  }
  const extent = items.length > 0 ? lineStart + thickness : 0;
  return columns ? { positions, width: extent, height: longest } : { positions, width: longest, height: extent };
}

/**
 * Places `items` in reading order, `gap` apart, so that the whole (with `margin` around it) is drawn as big
 * as it can be in a window of width ÷ height `aspect`. Tries rows and columns of every line count.
 */
export function packBlocks(items: readonly PackItem[], aspect: number, gap: number, margin: number): Packed {
  let best: Packed | null = null;
  let bestScore = -1;
  for (const columns of [false, true]) {
    const along = (it: PackItem) => (columns ? it.height : it.width);
    const total = items.reduce((s, it) => s + along(it) + gap, 0);
    const widest = items.reduce((m, it) => Math.max(m, along(it)), 0);
    let lastLimit = -1;
    for (let lines = 1; lines <= Math.max(1, items.length); lines++) {
      // Next-fit by a limit a little over the even share, so `lines` lines are what it gives for even blocks.
      const limit = Math.max(widest, Math.ceil(total / lines));
      if (limit === lastLimit) continue;
      lastLimit = limit;
      const p = shelves(items, limit, gap, columns);
      const score = fitScale(p.width + 2 * margin, p.height + 2 * margin, aspect);
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = p;
      }
    }
  }
  const chosen = best ?? { positions: [], width: 0, height: 0 };
  return {
    positions: chosen.positions.map((p) => ({ x: p.x + margin, y: p.y + margin })),
    width: chosen.width + 2 * margin,
    height: chosen.height + 2 * margin,
  };
}
