/**
 * The compact layout of the top level: a linear-time tidy tree for forests of
 * clusters → services → task boxes. Every parent sits before its children in
 * the reading direction, and a parent with many children wraps them into
 * several lines, so 2,000 services make a block of about screen shape instead
 * of one column a quarter of a million pixels long. Dagre stays for small
 * graphs (see layout.ts); this is what keeps big ones readable and fast.
 */
import type { Direction } from '../graph/view';

/** A box to place: id and size in px. */
export interface CompactItem {
  id: string;
  width: number;
  height: number;
}

/** Spacing of the compact layout. */
export interface CompactSpacing {
  /** Gap between a parent and its first line of children, along the reading direction. */
  rankSep: number;
  /** Gap between siblings in one line. */
  nodeSep: number;
  /** Gap between two lines of wrapped children (edges bend inside it). */
  lineSep: number;
  /** Margin around the whole drawing. */
  margin: number;
  /** Width ÷ height the wrapping aims for (a screen is about 1.6). */
  aspect: number;
}

/** Result of the compact layout: top-left corners, drawing size, and where each edge turns. */
export interface CompactResult {
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
  /** Per child id: the coordinate along the reading direction where its incoming edge turns (inside a gap). */
  bends: Map<string, number>;
}

interface Block {
  /** Extent along the reading direction (x when LR) and across it. */
  main: number;
  cross: number;
  /** Offsets of every node of the block from the block's corner, as flat arrays (no per-node objects). */
  ids: string[];
  offMain: number[];
  offCross: number[];
  /** Bends of edges inside the block, relative to the block's corner along the main axis. */
  bendIds: string[];
  bendAt: number[];
}

interface Line {
  start: number;
  end: number;
  main: number;
  cross: number;
}

/**
 * Splits `kids` (in order) into lines no longer than `limit` across the
 * reading direction: next-fit, so the order a user reads is the order given.
 */
function lines(kids: Block[], limit: number, nodeSep: number): Line[] {
  const out: Line[] = [];
  let current: Line = { start: 0, end: 0, main: 0, cross: 0 };
  kids.forEach((k, i) => {
    const add = (current.end > current.start ? nodeSep : 0) + k.cross;
    if (current.end > current.start && current.cross + add > limit) {
      out.push(current);
      current = { start: i, end: i, main: 0, cross: 0 };
    }
    current.cross += current.end > current.start ? nodeSep + k.cross : k.cross;
    current.main = Math.max(current.main, k.main);
    current.end = i + 1;
  });
  if (current.end > current.start) out.push(current);
  return out;
}

/**
 * Lays out a forest. `roots` and `children` give the tree (children in
 * reading order); each node's block is its own box followed by its children,
 * wrapped into lines when one line would be far off `aspect`.
 */
export function compactLayout(
  items: ReadonlyMap<string, CompactItem>,
  roots: readonly string[],
  children: ReadonlyMap<string, readonly string[]>,
  direction: Direction,
  spacing: CompactSpacing,
): CompactResult {
  const horizontal = direction === 'LR';
  const mainOf = (it: CompactItem) => (horizontal ? it.width : it.height);
  const crossOf = (it: CompactItem) => (horizontal ? it.height : it.width);
  // Width ÷ height of a block given its main and cross extents.
  const ratio = (main: number, cross: number) => (horizontal ? main / cross : cross / main);

  /** Packs blocks after a lead box of `leadMain × leadCross` (0 × 0 for the roots) and picks the line count. */
  const pack = (leadMain: number, leadCross: number, kids: Block[], gapAfterLead: number, aspect: number): Block => {
    const n = kids.length;
    let totalCross = 0;
    let sumMain = 0;
    let maxCross = 0;
    for (const k of kids) {
      totalCross += k.cross + spacing.nodeSep;
      sumMain += k.main;
      maxCross = Math.max(maxCross, k.cross);
    }
    const avgMain = sumMain / n;
    // The line count that would make the block the target shape if every child were average.
    const target = horizontal ? aspect : 1 / aspect;
    const guess = Math.max(1, Math.round(Math.sqrt((target * totalCross) / (avgMain + spacing.lineSep))));
    const candidates = new Set([1, guess - 2, guess - 1, guess, guess + 1, guess + 2].filter((k) => k >= 1 && k <= n));
    let best: { lines: Line[]; main: number; cross: number; score: number } | null = null;
    for (const k of candidates) {
      const ls = k === 1 ? lines(kids, Number.POSITIVE_INFINITY, spacing.nodeSep) : lines(kids, Math.max(maxCross, totalCross / k), spacing.nodeSep);
      const wrapped = ls.length > 1;
      // Wrapped lines start below the lead box, so edges from it run along the free band above them.
      const crossStart = wrapped ? leadCross + (leadCross > 0 ? spacing.nodeSep : 0) : 0;
      let main = leadMain + (leadMain > 0 ? gapAfterLead : 0);
      let cross = leadCross;
      ls.forEach((l, i) => {
        main += l.main + (i < ls.length - 1 ? spacing.lineSep : 0);
        cross = Math.max(cross, crossStart + l.cross);
      });
      const score = Math.abs(Math.log(ratio(Math.max(main, 1), Math.max(cross, 1)) / aspect));
      if (!best || score < best.score - 1e-9) best = { lines: ls, main, cross, score };
    }
    const chosen = best!;
    const wrapped = chosen.lines.length > 1;
    const crossStart = wrapped ? leadCross + (leadCross > 0 ? spacing.nodeSep : 0) : 0;
    const block: Block = { main: chosen.main, cross: chosen.cross, ids: [], offMain: [], offCross: [], bendIds: [], bendAt: [] };
    let lineMain = leadMain + (leadMain > 0 ? gapAfterLead : 0);
    chosen.lines.forEach((l, li) => {
      let c = crossStart;
      // The edge into this line turns in the gap just before it: the rank gap for the first line, the line gap after.
      const bend = lineMain - (li === 0 ? gapAfterLead : spacing.lineSep) / 2;
      for (let i = l.start; i < l.end; i++) {
        const k = kids[i];
        for (let j = 0; j < k.ids.length; j++) {
          block.ids.push(k.ids[j]);
          block.offMain.push(lineMain + k.offMain[j]);
          block.offCross.push(c + k.offCross[j]);
        }
        for (let j = 0; j < k.bendIds.length; j++) {
          block.bendIds.push(k.bendIds[j]);
          block.bendAt.push(lineMain + k.bendAt[j]);
        }
        if (leadMain > 0) {
          block.bendIds.push(k.ids[0]);
          block.bendAt.push(bend);
        }
        c += k.cross + spacing.nodeSep;
      }
      lineMain += l.main + spacing.lineSep;
    });
    return block;
  };

  // Post-order without recursion: a deep or wide forest cannot overflow the stack.
  const order: string[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  /** Every root's block with wrapped children aiming at `aspect`, then the roots packed aiming at the real target. */
  const build = (aspect: number): Block => {
    const blocks = new Map<string, Block>();
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i];
      const item = items.get(id)!;
      const kidIds = children.get(id) ?? [];
      if (kidIds.length === 0) {
        blocks.set(id, { main: mainOf(item), cross: crossOf(item), ids: [id], offMain: [0], offCross: [0], bendIds: [], bendAt: [] });
        continue;
      }
      const kids = kidIds.map((c) => blocks.get(c)!);
      for (const c of kidIds) blocks.delete(c);
      const b = pack(mainOf(item), crossOf(item), kids, spacing.rankSep, aspect);
      // The parent itself leads its block.
      b.ids.unshift(id);
      b.offMain.unshift(0);
      b.offCross.unshift(0);
      blocks.set(id, b);
    }
    return pack(0, 0, roots.map((r) => blocks.get(r)!), 0, spacing.aspect);
  };

  // A few clusters side by side make a wide picture out of screen-shaped ones: when the whole is
  // off target, ask the clusters for the opposite shape and try again (each pass is linear).
  let aim = spacing.aspect;
  let top = build(aim);
  let bestScore = Number.POSITIVE_INFINITY;
  let best = top;
  for (let pass = 0; pass < 6; pass++) {
    const whole = ratio(top.main + 2 * spacing.margin, top.cross + 2 * spacing.margin);
    const score = Math.abs(Math.log(whole / spacing.aspect));
    if (score < bestScore) {
      bestScore = score;
      best = top;
    }
    if (score < Math.log(1.25)) break;
    aim = Math.min(spacing.aspect * 16, Math.max(spacing.aspect / 16, (aim * spacing.aspect) / whole));
    top = build(aim);
  }
  top = best;

  const positions = new Map<string, { x: number; y: number }>();
  for (let i = 0; i < top.ids.length; i++) {
    const m = top.offMain[i] + spacing.margin;
    const c = top.offCross[i] + spacing.margin;
    positions.set(top.ids[i], horizontal ? { x: m, y: c } : { x: c, y: m });
  }
  const bends = new Map<string, number>();
  for (let i = 0; i < top.bendIds.length; i++) bends.set(top.bendIds[i], top.bendAt[i] + spacing.margin);
  const main = top.main + 2 * spacing.margin;
  const cross = top.cross + 2 * spacing.margin;
  return { positions, width: horizontal ? main : cross, height: horizontal ? cross : main, bends };
}
