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
function lines(kids: readonly Block[], limit: number, nodeSep: number): Line[] {
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

/** One way to wrap a parent's children: the lines, the block's extents, and the block itself once built. */
interface Wrap {
  lines: Line[];
  main: number;
  cross: number;
  block?: Block;
}

/**
 * What packing one node's children needs besides the aim: its own box and its children's blocks. Which
 * wrap wins depends on the aim, but each wrap does not, so the wraps tried are kept by line count and a
 * later pass or layout with the same box and the very same child blocks (the same objects) reuses them.
 */
interface Packing {
  leadMain: number;
  leadCross: number;
  kids: readonly Block[];
  totalCross: number;
  avgMain: number;
  maxCross: number;
  /** By the line count asked for (next-fit may give fewer lines). */
  wraps: Map<number, Wrap>;
}

/**
 * A node of the forest as the last layout saw it, and what was computed for it. A layout reuses the memo
 * of a node whose box and children are the same (same ids, same order, each reused itself): its blocks
 * are then still right, and a pass takes them without looking below.
 */
interface NodeMemo {
  id: string;
  main: number;
  cross: number;
  kids: NodeMemo[];
  /** No node of the subtree has two children: its block is the same whatever the aim (`free` once built). */
  aimFree: boolean;
  free?: Block;
  /** Blocks by the aim they were packed for (a few recent ones). */
  byAim: Map<number, Block>;
  /** A few recent packings of its children's blocks (passes aiming at different shapes can give different ones). */
  packings: Packing[];
  /** The layout that last found it unchanged or made it. */
  seen: number;
  /** This pass's block. */
  block?: Block;
}

const KEPT = 4;

/** Keeps at most KEPT entries: the oldest goes first. */
function keepFew<K, V>(map: Map<K, V>): void {
  if (map.size > KEPT) map.delete(map.keys().next().value as K);
}

/**
 * The node memos of the last compact layout, by node id, for the next layout
 * to reuse: after one service is expanded, only the blocks on its path to the
 * root are packed again, and subtrees that did not change are not even
 * visited. The output is the same as without it, since a memo is dropped
 * whenever its box or anything below it changed. One cache serves one drawing
 * (a direction or spacing change starts it afresh).
 */
export class CompactCache {
  /** The last layout's work: blocks built afresh (`packed`), taken from the cache (`reused`), nodes whose memo was kept (`unchanged`) of `nodes`. */
  stats = { packed: 0, reused: 0, unchanged: 0, nodes: 0 };
  /** @internal Direction and spacing the memos were made with. */
  key = '';
  /** @internal Memos by node id; `roots` packs the roots' blocks. */
  memos = new Map<string, NodeMemo>();
  /** @internal */
  roots: Packing[] = [];
  /** @internal Layouts made with it. */
  runs = 0;
}

/**
 * Lays out a forest. `roots` and `children` give the tree (children in
 * reading order); each node's block is its own box followed by its children,
 * wrapped into lines when one line would be far off `aspect`. With a `cache`,
 * what the last layout computed for unchanged subtrees is reused.
 */
export function compactLayout(
  items: ReadonlyMap<string, CompactItem>,
  roots: readonly string[],
  children: ReadonlyMap<string, readonly string[]>,
  direction: Direction,
  spacing: CompactSpacing,
  cache: CompactCache = new CompactCache(),
): CompactResult {
  const horizontal = direction === 'LR';
  const mainOf = (it: CompactItem) => (horizontal ? it.width : it.height);
  const crossOf = (it: CompactItem) => (horizontal ? it.height : it.width);
  // Width ÷ height of a block given its main and cross extents.
  const ratio = (main: number, cross: number) => (horizontal ? main / cross : cross / main);
  const stats = { packed: 0, reused: 0, unchanged: 0, nodes: 0 };

  const key = JSON.stringify([direction, spacing]);
  if (cache.key !== key) {
    cache.key = key;
    cache.memos = new Map();
    cache.roots = [];
  }
  const run = ++cache.runs;
  const memos = cache.memos;

  /** The packing of blocks after a lead box of `leadMain × leadCross` (0 × 0 for the roots), from `kept` or new (and kept). */
  const packingOf = (kept: Packing[], leadMain: number, leadCross: number, kids: Block[]): Packing => {
    const found = kept.find(
      (p) =>
        p.leadMain === leadMain &&
        p.leadCross === leadCross &&
        p.kids.length === kids.length &&
        p.kids.every((k, i) => k === kids[i]),
    );
    if (found) return found;
    let totalCross = 0;
    let sumMain = 0;
    let maxCross = 0;
    for (const k of kids) {
      totalCross += k.cross + spacing.nodeSep;
      sumMain += k.main;
      maxCross = Math.max(maxCross, k.cross);
    }
    // No blocks (an empty forest): an average of nothing would be NaN and spoil the line-count guess.
    const p: Packing = {
      leadMain,
      leadCross,
      kids,
      totalCross,
      avgMain: kids.length > 0 ? sumMain / kids.length : 0,
      maxCross,
      wraps: new Map(),
    };
    kept.push(p);
    if (kept.length > KEPT) kept.shift();
    return p;
  };

  /** The children wrapped into about `k` lines. */
  const wrapOf = (p: Packing, k: number, gapAfterLead: number): Wrap => {
    const kept = p.wraps.get(k);
    if (kept) return kept;
    const ls =
      k === 1
        ? lines(p.kids, Number.POSITIVE_INFINITY, spacing.nodeSep)
        : lines(p.kids, Math.max(p.maxCross, p.totalCross / k), spacing.nodeSep);
    const wrapped = ls.length > 1;
    // Wrapped lines start below the lead box, so edges from it run along the free band above them.
    const crossStart = wrapped ? p.leadCross + (p.leadCross > 0 ? spacing.nodeSep : 0) : 0;
    let main = p.leadMain + (p.leadMain > 0 ? gapAfterLead : 0);
    let cross = p.leadCross;
    ls.forEach((l, i) => {
      main += l.main + (i < ls.length - 1 ? spacing.lineSep : 0);
      cross = Math.max(cross, crossStart + l.cross);
    });
    const w: Wrap = { lines: ls, main, cross };
    p.wraps.set(k, w);
    return w;
  };

  /** Picks the line count for `aspect`, then builds (or reuses) the block; `lead` is the node leading it (none for the roots). */
  const pack = (p: Packing, gapAfterLead: number, aspect: number, lead?: string): Block => {
    const n = p.kids.length;
    // The line count that would make the block the target shape if every child were average.
    const target = horizontal ? aspect : 1 / aspect;
    const guess = Math.max(1, Math.round(Math.sqrt((target * p.totalCross) / (p.avgMain + spacing.lineSep))));
    const scoreOf = (wrap: Wrap) => Math.abs(Math.log(ratio(Math.max(wrap.main, 1), Math.max(wrap.cross, 1)) / aspect));
    // One line is always a candidate, even with no children at all: an empty forest (a load or filter
    // that leaves nothing to draw) then gives an empty block instead of no choice. On a tie it wins.
    const one = wrapOf(p, 1, gapAfterLead);
    let best = { wrap: one, score: scoreOf(one) };
    for (const k of [guess - 2, guess - 1, guess, guess + 1, guess + 2]) {
      if (k <= 1 || k > n) continue;
      const wrap = wrapOf(p, k, gapAfterLead);
      const score = scoreOf(wrap);
      if (score < best.score - 1e-9) best = { wrap, score };
    }
    const chosen = best.wrap;
    if (chosen.block) {
      stats.reused++;
      return chosen.block;
    }
    stats.packed++;
    const wrapped = chosen.lines.length > 1;
    const crossStart = wrapped ? p.leadCross + (p.leadCross > 0 ? spacing.nodeSep : 0) : 0;
    // The lead node itself comes first in its block.
    const block: Block = {
      main: chosen.main,
      cross: chosen.cross,
      ids: lead === undefined ? [] : [lead],
      offMain: lead === undefined ? [] : [0],
      offCross: lead === undefined ? [] : [0],
      bendIds: [],
      bendAt: [],
    };
    let lineMain = p.leadMain + (p.leadMain > 0 ? gapAfterLead : 0);
    chosen.lines.forEach((l, li) => {
      let c = crossStart;
      // The edge into this line turns in the gap just before it: the rank gap for the first line, the line gap after.
      const bend = lineMain - (li === 0 ? gapAfterLead : spacing.lineSep) / 2;
      for (let i = l.start; i < l.end; i++) {
        const k = p.kids[i];
        for (let j = 0; j < k.ids.length; j++) {
          block.ids.push(k.ids[j]);
          block.offMain.push(lineMain + k.offMain[j]);
          block.offCross.push(c + k.offCross[j]);
        }
        for (let j = 0; j < k.bendIds.length; j++) {
          block.bendIds.push(k.bendIds[j]);
          block.bendAt.push(lineMain + k.bendAt[j]);
        }
        if (p.leadMain > 0) {
          block.bendIds.push(k.ids[0]);
          block.bendAt.push(bend);
        }
        c += k.cross + spacing.nodeSep;
      }
      lineMain += l.main + spacing.lineSep;
    });
    chosen.block = block;
    return block;
  };

  // The forest in post-order, without recursion (a deep or wide forest cannot overflow the stack), matched
  // against the memos children first: a node keeps its memo when its box and children are as before.
  const order: string[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const item = items.get(id)!;
    const main = mainOf(item);
    const cross = crossOf(item);
    const kidIds = children.get(id) ?? [];
    const old = memos.get(id);
    if (
      old &&
      old.main === main &&
      old.cross === cross &&
      old.kids.length === kidIds.length &&
      old.kids.every((k, j) => k.id === kidIds[j] && k.seen === run)
    ) {
      old.seen = run;
      stats.unchanged++;
      continue;
    }
    const kids = kidIds.map((c) => memos.get(c)!);
    memos.set(id, {
      id,
      main,
      cross,
      kids,
      aimFree: kids.length <= 1 && kids.every((k) => k.aimFree),
      byAim: new Map(),
      packings: [],
      seen: run,
    });
  }
  stats.nodes = order.length;
  // Memos of nodes that are gone, once they outnumber the live ones.
  if (memos.size > 2 * order.length) for (const [id, m] of memos) if (m.seen !== run) memos.delete(id);
  const rootMemos = roots.map((r) => memos.get(r)!);

  /** The block a memo already holds for `aspect`, if any. */
  const held = (m: NodeMemo, aspect: number): Block | undefined => (m.aimFree ? m.free : m.byAim.get(aspect));

  /** Every root's block with wrapped children aiming at `aspect`, then the roots packed aiming at the real target. */
  const build = (aspect: number): Block => {
    // Nodes whose block must be packed, parents first; below a node with a block for this aim, nothing is visited.
    const todo: NodeMemo[] = [];
    const work = [...rootMemos];
    while (work.length > 0) {
      const m = work.pop()!;
      const b = held(m, aspect);
      if (b) {
        m.block = b;
        stats.reused++;
        continue;
      }
      todo.push(m);
      for (const k of m.kids) work.push(k);
    }
    for (let i = todo.length - 1; i >= 0; i--) {
      const m = todo[i];
      let b: Block;
      if (m.kids.length === 0) {
        stats.packed++;
        b = { main: m.main, cross: m.cross, ids: [m.id], offMain: [0], offCross: [0], bendIds: [], bendAt: [] };
      } else {
        b = pack(
          packingOf(
            m.packings,
            m.main,
            m.cross,
            m.kids.map((k) => k.block!),
          ),
          spacing.rankSep,
          aspect,
          m.id,
        );
      }
      if (m.aimFree) m.free = b;
      else {
        m.byAim.set(aspect, b);
        keepFew(m.byAim);
      }
      m.block = b;
    }
    return pack(
      packingOf(
        cache.roots,
        0,
        0,
        rootMemos.map((m) => m.block!),
      ),
      0,
      spacing.aspect,
    );
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
  cache.stats = stats;
  return { positions, width: horizontal ? main : cross, height: horizontal ? cross : main, bends };
}
