/**
 * The part of a big layout React Flow holds: the nodes and edges in a window around the screen (a layout
 * index answers which), moved when the view leaves it. Cards new to the window are handed over a few per
 * frame, nearest the middle of the screen first, so zooming into the card band or a fast pan never makes
 * one long frame; until they all are, the overview canvas still paints underneath (`pending`).
 */
import { useEffect, useMemo, useState } from 'react';
import { useStoreApi, type Edge, type ReactFlowState } from '@xyflow/react';
import type { LaidOutGraph, PositionedNode } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import type { DiagramFlowNode } from '../nodes/node-types';
import { intersects, layoutIndexFor, type Rect } from './layout-index';
import { toFlowEdge, toFlowNode } from './to-flow';

/**
 * Cards handed to React Flow per frame: each costs one to two milliseconds to mount and lay out here
 * (software raster), so the count follows the frames, aiming at FRAME_BUDGET_MS of them per frame from what
 * the last step's cards cost, within 4 to MAX_CARDS_PER_FRAME (a frame that mounted 200 cards at once, with
 * their style and layout, took 226 ms on the 100,000-node account).
 */
const FIRST_CARDS_PER_FRAME = 12;
const MAX_CARDS_PER_FRAME = 32;
const FRAME_BUDGET_MS = 30;

/** The window reaches this many screen sizes beyond the screen on each side: a short pan stays inside. */
const MARGIN = 0.25;

/** What React Flow holds of the layout now. */
export interface LayoutWindow {
  nodes: DiagramFlowNode[];
  edges: Edge[];
  /** Cards near the screen are still being handed over: the overview keeps painting under them. */
  pending: boolean;
}

const EMPTY: LayoutWindow = { nodes: [], edges: [], pending: true };

/** The screen in flow coordinates. */
function screenRect(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * React Flow's nodes and edges for `layout` (null: none) near the screen, following the viewport. The nodes
 * and edges are made once each per layout, so React Flow keeps what it knows of the ones that stay.
 */
export function useLayoutWindow(layout: LaidOutGraph | null, direction: Direction): LayoutWindow {
  const store = useStoreApi();
  const built = useMemo(() => {
    if (!layout) return null;
    return {
      index: layoutIndexFor(layout, direction),
      flowNodes: new Array<DiagramFlowNode | undefined>(layout.nodes.length),
      flowEdges: new Array<Edge | undefined>(layout.edges.length),
    };
  }, [layout, direction]);
  const [shown, setShown] = useState<LayoutWindow>(EMPTY);
  useEffect(() => {
    if (!layout || !built) {
      setShown(EMPTY);
      return;
    }
    const { index, flowNodes, flowEdges } = built;
    const node = (i: number) => (flowNodes[i] ??= toFlowNode(layout.nodes[i], direction));
    const topLevel = (i: number): PositionedNode | undefined =>
      layout.nodes[i].parentId === undefined ? layout.nodes[i] : undefined;
    const edge = (e: number, s: number, t: number) =>
      (flowEdges[e] ??= toFlowEdge(layout.edges[e], topLevel(s), topLevel(t), direction));
    let area: Rect | null = null;
    let target: { nodes: number[]; edges: number[] } = { nodes: [], edges: [] };
    let held = new Set<number>();
    let shownTarget: typeof target | null = null;
    let frame = 0;
    let perFrame = FIRST_CARDS_PER_FRAME;
    let stepAt = 0;
    let added = 0;
    const step = (now: number) => {
      frame = 0;
      // The last step's frame (its React commit, style and layout included) and how many cards it mounted.
      if (stepAt > 0 && added > 0)
        perFrame = Math.max(4, Math.min(MAX_CARDS_PER_FRAME, Math.floor((FRAME_BUDGET_MS * added) / (now - stepAt))));
      const wanted = new Set(target.nodes);
      const next = new Set([...held].filter((i) => wanted.has(i)));
      // React Flow mounts every node it is handed once, on screen or not, to measure its handles: every new
      // node counts. Those on the screen first, nearest its middle first; a node comes with its parents.
      const screen = screenRect(store.getState());
      const bx = index.boxes;
      const cx = screen.x + screen.width / 2;
      const cy = screen.y + screen.height / 2;
      const queue: { i: number; d: number }[] = [];
      for (const i of target.nodes) {
        if (next.has(i)) continue;
        const middle = Math.abs(bx[i * 4] + bx[i * 4 + 2] / 2 - cx) + Math.abs(bx[i * 4 + 1] + bx[i * 4 + 3] / 2 - cy);
        queue.push({ i, d: (intersects(bx, i, screen) ? 0 : 1e12) + middle });
      }
      queue.sort((p, q) => p.d - q.d);
      added = 0;
      for (const { i } of queue) {
        if (added >= perFrame) break;
        for (let at = i; at >= 0 && !next.has(at); at = index.parentOf(at)) {
          next.add(at);
          added++;
        }
      }
      // `next` is what `held` kept plus what was added: without additions, only its size can differ.
      const changed = added > 0 || next.size !== held.size || target !== shownTarget;
      held = next;
      shownTarget = target;
      const pending = held.size < wanted.size;
      if (changed) {
        const order = [...held].sort((p, q) => p - q);
        const edges: Edge[] = [];
        for (const e of target.edges) {
          const [from, to] = index.endsOf(e);
          if (held.has(from) && held.has(to)) edges.push(edge(e, from, to));
        }
        setShown({ nodes: order.map(node), edges, pending });
      }
      stepAt = pending ? now : 0;
      if (pending) frame = requestAnimationFrame(step);
    };
    const follow = (s: ReactFlowState) => {
      if (s.width === 0 || s.height === 0) return;
      const screen = screenRect(s);
      // Inside the window, and the window not far bigger than the screen (zoomed in a long way): nothing to do.
      if (area && contains(area, screen) && area.width * area.height < 16 * screen.width * screen.height) return;
      area = {
        x: screen.x - screen.width * MARGIN,
        y: screen.y - screen.height * MARGIN,
        width: screen.width * (1 + 2 * MARGIN),
        height: screen.height * (1 + 2 * MARGIN),
      };
      target = index.query(area);
      if (!frame) frame = requestAnimationFrame(step);
    };
    follow(store.getState());
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) follow(s);
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [layout, direction, built, store]);
  return shown;
}
