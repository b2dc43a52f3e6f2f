/**
 * The interactive diagram: React Flow with the custom nodes, pan/zoom,
 * controls, minimap and the legend; fits the view on each new load.
 */
import { useCallback, useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  getViewportForBounds,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Node,
  type NodeMouseHandler,
} from '@xyflow/react';
import type { LaidOutGraph } from '../../shared/graph/types';
import { BASE_COLOURS, overlayStyle, STOPPED_FILL } from '../../shared/theme/theme';
import { MARKED_NODE_TYPES } from '../diff/diff-marks';
import type { DiagramFlowNode } from '../nodes/node-types';
import { Legend } from '../panels/legend-panel';
import { useDiagramStore } from '../store/diagram-store';
import { saveView, type SavedViewport } from '../store/view-persistence';
import { detailBand, LARGE_DIAGRAM_NODES } from './level-of-detail';
import { OverviewLayer, prepareOverview } from './overview-layer';
import { emphasisPaint, keptPaint } from './overview-paint';
import { absolutePositions } from '../../shared/layout/positions';
import { toFlowEdges, toFlowNodes } from './to-flow';
import { idleSlice, useEmphasis, warmDrawnHolders, type Emphasis } from './use-emphasis';
import { useIdleWarmUp } from '../store/use-idle-warm-up';
import { useLayoutWindow } from './use-layout-window';
import { layoutIndexSteps } from './layout-index';

const MIN_ZOOM = 0.03;
// Width of the legend panel plus its margin (styles.css .legend).
const LEGEND_INSET = 256;
// React Flow's minimap: 200 × 150 px in a panel 15 px from the bottom-right corner.
const MINIMAP = { width: 200, height: 150, margin: 15 };

/**
 * Whether the pane has room for the minimap: three times its size each way. In a small window with the lens or
 * the findings open (a 600 × 250 px pane at 1024 × 700) it covered a third of the diagram, in the middle of it.
 */
export function minimapFits(paneWidth: number, paneHeight: number): boolean {
  return paneWidth >= 3 * MINIMAP.width && paneHeight >= 3 * MINIMAP.height;
}
// A glide short enough not to wait for, long enough to see where things went.
const GLIDE_MS = 300;

/** The part of the pane nothing floats over: right of the legend when it is open on a wide pane. */
export function freeArea(paneWidth: number, paneHeight: number, legendOpen: boolean) {
  const left = legendOpen && paneWidth > 900 ? LEGEND_INSET : 0;
  return { left, top: 0, width: paneWidth - left, height: paneHeight };
}

/**
 * Screen pixels kept clear above a fitted drawing: far out, the overview paints each cluster's name above its box
 * at a fixed size (overview-paint.ts), and the top row's names were cut in half by the pane's edge.
 */
const NAME_ROOM = 16;

/** The viewport that shows the whole drawing (`size`) in the free part of the pane, however far out that is. */
export function fitViewport(
  size: { width: number; height: number },
  paneWidth: number,
  paneHeight: number,
  legendOpen: boolean,
) {
  const free = freeArea(paneWidth, paneHeight, legendOpen);
  const height = Math.max(1, free.height - NAME_ROOM);
  const viewport = getViewportForBounds({ x: 0, y: 0, ...size }, free.width, height, 0, 1.2, 0.04);
  return { ...viewport, x: viewport.x + free.left, y: viewport.y + NAME_ROOM };
}

/**
 * How far out the user may zoom: MIN_ZOOM, or further when the whole drawing needs it to fit the pane. A big
 * load in a short pane (the Findings panel open under a 20,000-node account) needed less than MIN_ZOOM, and
 * Fit clamped there showed the middle of the drawing with its top and bottom cut off.
 */
export function minZoomFor(
  size: { width: number; height: number } | null,
  paneWidth: number,
  paneHeight: number,
  legendOpen: boolean,
): number {
  if (!size || paneWidth === 0 || paneHeight === 0) return MIN_ZOOM;
  return Math.min(MIN_ZOOM, fitViewport(size, paneWidth, paneHeight, legendOpen).zoom);
}

/**
 * The viewport that shows `box` (flow coordinates) at `zoom` centred in the free part of the pane, lifted
 * clear of the minimap when it would sit under it.
 */
export function centredViewport(
  box: { x: number; y: number; width: number; height: number },
  zoom: number,
  pane: { width: number; height: number },
  legendOpen: boolean,
  minimapShown: boolean,
): { x: number; y: number; zoom: number } {
  const free = freeArea(pane.width, pane.height, legendOpen);
  const x = free.left + free.width / 2 - (box.x + box.width / 2) * zoom;
  let y = free.top + free.height / 2 - (box.y + box.height / 2) * zoom;
  if (minimapShown) {
    const mapLeft = pane.width - MINIMAP.margin - MINIMAP.width;
    const mapTop = pane.height - MINIMAP.margin - MINIMAP.height;
    const right = x + (box.x + box.width) * zoom;
    const bottom = y + (box.y + box.height) * zoom;
    // Lift it, but never past the top of the pane.
    if (right > mapLeft && bottom > mapTop) y -= Math.min(bottom - mapTop + 8, Math.max(0, y + box.y * zoom - 8));
  }
  return { x, y, zoom };
}

function FitOnRequest({
  layout,
  size,
  done,
}: {
  layout: LaidOutGraph | null;
  size: { width: number; height: number } | null;
  done: MutableRefObject<{ fit: number; focus: number; keep: number; atFit: boolean; pane: string }>;
}) {
  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  const { setViewport, getInternalNode, getViewport, getZoom } = useReactFlow();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const fitRequest = useDiagramStore((s) => s.fitRequest);
  const focusRequest = useDiagramStore((s) => s.focusRequest);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const focusFrame = useDiagramStore((s) => s.focusFrame);
  const keepInView = useDiagramStore((s) => s.keepInView);
  const keepFrom = useRef<LaidOutGraph | null>(null);
  // Where the last fit put the viewport: a resize glides from there only once it has landed.
  const fitTarget = useRef<{ x: number; y: number; zoom: number } | null>(null);
  const recentFocus = useRef<{
    box: { x: number; y: number; width: number; height: number };
    zoom: number;
    at: number;
    /** Several nodes framed together: a pane that changes size zooms to frame them again. */
    framed: boolean;
  }>(null);
  useEffect(() => {
    if (width === 0 || paneWidth === 0 || paneHeight === 0) return;
    const pane = `${paneWidth}x${paneHeight}`;
    // A new request fits; so does a pane that changed size (a panel opened or folded) while the view was still at fit.
    const resized = done.current.atFit && done.current.pane !== pane;
    const requested = done.current.fit !== fitRequest;
    if (!requested && !resized) return;
    done.current.fit = fitRequest;
    done.current.pane = pane;
    done.current.atFit = true;
    // The layout knows the drawing's bounds, so fit from them rather than from React Flow's measured
    // nodes: those lag a frame behind a new layout, and a fit on them frames the old one.
    const { restoreViewport: restore, legendOpen, fitAnimated } = useDiagramStore.getState();
    if (restore) {
      // Reopening an input goes back to where the user left it; the Fit button (a later request) fits.
      // Not a fit: a pane resize must not throw the restored view away.
      done.current.atFit = false;
      useDiagramStore.setState({ restoreViewport: null });
      void setViewport(restore);
      return;
    }
    // Keep the fitted drawing clear of the legend, which floats over the canvas's left edge.
    const target = fitViewport({ width, height }, paneWidth, paneHeight, legendOpen);
    // A panel opening or folding glides the fit along; a new load jumps straight to it, even when the pane changed
    // size since the last fit (the last load's Findings panel folded away): that glide started from the last load's
    // viewport, so a big load's first frame showed a corner of it at that zoom and took ~550 ms to come out. A
    // resize before the last fit has landed (React Flow moves even a jump on the next frame) is the app settling
    // around a new load, and jumps too: a glide would start from where the pane was before that fit (zoom 1 on a
    // first load) and, on a big load, mount its cards on the way down (an 850 ms task on the 20k-node account).
    const last = fitTarget.current;
    const now = getViewport();
    const landed =
      last !== null &&
      Math.abs(now.zoom - last.zoom) < 1e-6 &&
      Math.abs(now.x - last.x) < 1 &&
      Math.abs(now.y - last.y) < 1;
    fitTarget.current = target;
    void setViewport(target, { duration: fitAnimated || (resized && landed && !requested) ? GLIDE_MS : 0 });
  }, [width, height, paneWidth, paneHeight, fitRequest, setViewport, getViewport, done]);
  useEffect(() => {
    // An expand or collapse: keep the toggled node where it was on screen once its new layout lands.
    if (!keepInView || done.current.keep === keepInView.request || !layout) return;
    if (keepFrom.current === null) {
      // The layout on screen when the toggle came; the next one is the toggle's.
      keepFrom.current = layout;
      return;
    }
    if (layout === keepFrom.current) return;
    done.current.keep = keepInView.request;
    keepFrom.current = null;
    const now = absolutePositions(layout.nodes).get(keepInView.id);
    if (!now) return;
    const vp = getViewport();
    const dx = (now.x - keepInView.x) * vp.zoom;
    const dy = (now.y - keepInView.y) * vp.zoom;
    if (Math.abs(dx) > 0.5 || Math.abs(dy) > 0.5)
      void setViewport({ x: vp.x - dx, y: vp.y - dy, zoom: vp.zoom }, { duration: 0 });
  }, [keepInView, layout, getViewport, setViewport, done]);
  useEffect(() => {
    if (focusRequest === done.current.focus || !selectedId) return;
    // The node may only appear with the next layout (its parent was collapsed): retry when that lands.
    const frame = requestAnimationFrame(() => {
      const framed = focusFrame !== null;
      // Far out on a big diagram React Flow holds no nodes (overview band): the layout knows where it is.
      const node = framed ? undefined : getInternalNode(selectedId);
      // Nodes to frame that the layout on screen does not draw (the view they are in is still being laid out) wait.
      const box = framed
        ? layout && unionBox(layout, focusFrame)
        : node
          ? { ...node.internals.positionAbsolute, width: node.width ?? 0, height: node.height ?? 0 }
          : layout && absoluteBox(layout, selectedId);
      if (!box) return;
      done.current.focus = focusRequest;
      done.current.atFit = false;
      const pane = { width: paneWidth, height: paneHeight };
      const legendOpen = useDiagramStore.getState().legendOpen;
      const zoom = framed ? framingZoom(box, pane, legendOpen) : Math.max(getZoom(), 0.9);
      recentFocus.current = { box, zoom, at: performance.now(), framed };
      const whole = layout ? wholeDrawingVisible(layout, { x: 0, y: 0, zoom }, paneWidth, paneHeight) : false;
      const viewport = centredViewport(box, zoom, pane, legendOpen, !whole && minimapFits(paneWidth, paneHeight));
      void setViewport(viewport, { duration: GLIDE_MS });
    });
    return () => cancelAnimationFrame(frame);
  }, [
    focusRequest,
    focusFrame,
    selectedId,
    layout,
    getInternalNode,
    setViewport,
    getZoom,
    paneWidth,
    paneHeight,
    done,
  ]);
  useEffect(() => {
    // Selecting opens the details panel, which narrows the pane just after the node was centred: centre it again.
    const recent = recentFocus.current;
    if (!recent || performance.now() - recent.at > 1500 || paneWidth === 0) return;
    const pane = { width: paneWidth, height: paneHeight };
    const legendOpen = useDiagramStore.getState().legendOpen;
    const zoom = recent.framed ? framingZoom(recent.box, pane, legendOpen) : recent.zoom;
    const whole = layout ? wholeDrawingVisible(layout, { x: 0, y: 0, zoom }, paneWidth, paneHeight) : false;
    void setViewport(
      centredViewport(recent.box, zoom, pane, legendOpen, !whole && minimapFits(paneWidth, paneHeight)),
      { duration: GLIDE_MS },
    );
  }, [paneWidth, paneHeight, layout, setViewport]);
  return null;
}

/**
 * Whether the whole drawing is on screen at `viewport`: the minimap then adds nothing and would only cover
 * part of the drawing, so it is hidden (issue #14 point 6). Zoomed in, it shows where the view is.
 */
export function wholeDrawingVisible(
  drawing: { width: number; height: number },
  viewport: { x: number; y: number; zoom: number },
  paneWidth: number,
  paneHeight: number,
): boolean {
  const slack = 2;
  return (
    viewport.x >= -slack &&
    viewport.y >= -slack &&
    viewport.x + drawing.width * viewport.zoom <= paneWidth + slack &&
    viewport.y + drawing.height * viewport.zoom <= paneHeight + slack
  );
}

/** Screen pixels kept around nodes framed together. */
const FRAME_MARGIN = 32;

/** The zoom that shows `box` whole in the free part of the pane with a margin, never closer than 1. */
export function framingZoom(
  box: { width: number; height: number },
  pane: { width: number; height: number },
  legendOpen: boolean,
): number {
  const free = freeArea(pane.width, pane.height, legendOpen);
  const across = (free.width - 2 * FRAME_MARGIN) / Math.max(1, box.width);
  const down = (free.height - 2 * FRAME_MARGIN) / Math.max(1, box.height);
  return Math.max(0.02, Math.min(1, across, down));
}

/** The box around every node of `ids` the layout draws (flow coordinates); null when it draws none of them. */
export function unionBox(
  layout: LaidOutGraph,
  ids: readonly string[],
): { x: number; y: number; width: number; height: number } | null {
  const wanted = new Set(ids);
  const nodes = layout.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return null;
  const at = absolutePositions(layout.nodes);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of nodes) {
    const p = at.get(n.id);
    if (!p) continue;
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + n.width);
    bottom = Math.max(bottom, p.y + n.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** Where node `id` is drawn on the canvas: layout positions are relative to the parent box. */
function absoluteBox(layout: LaidOutGraph, id: string): { x: number; y: number; width: number; height: number } | null {
  const node = layout.nodes.find((n) => n.id === id);
  const at = node && absolutePositions(layout.nodes).get(id);
  return node && at ? { x: at.x, y: at.y, width: node.width, height: node.height } : null;
}

function minimapColour(overlayOn: boolean) {
  return (node: Node): string => {
    const n = (node as DiagramFlowNode).data.graph;
    if (n.kind === 'task' || n.kind === 'service')
      return n.statusClass === 'stopped' ? STOPPED_FILL : overlayStyle(n.data.overlay, overlayOn).accent;
    if (n.kind === 'cluster') return BASE_COLOURS.clusterAccent;
    if (n.kind === 'group') return 'rgba(148,163,184,0.25)';
    return '#cbd5e1';
  };
}

const NO_NODES: DiagramFlowNode[] = [];
const NO_EDGES: ReturnType<typeof toFlowEdges> = [];

/** The node with its emphasis class: dimmed outside the focus or search, ringed when a search hit. */
function withEmphasis(n: DiagramFlowNode, e: Emphasis): DiagramFlowNode {
  const classes = [
    e.lit && !e.lit.has(n.id) ? 'dimmed' : '',
    e.hits.has(n.id) ? 'search-hit' : '',
    e.current === n.id ? 'search-current' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return classes ? { ...n, className: classes } : n;
}

/** The canvas; expects a layout in the store. */
export function DiagramCanvas() {
  const layout = useDiagramStore((s) => s.layout);
  // Until the layout of a big load arrives, its preview (the store drops it when the layout lands).
  const preview = useDiagramStore((s) => s.preview);
  const shape = layout ?? preview;
  // The layout's own direction: a switch shows the layout in hand as it was drawn until the new one comes.
  const direction = useDiagramStore((s) => (s.layout ? s.layoutDirection : s.view.direction));
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const mode = useDiagramStore((s) => s.view.mode) ?? 'hierarchy';
  const selectedId = useDiagramStore((s) => s.selectedId);
  const select = useDiagramStore((s) => s.select);
  // Level of detail: far out, a big diagram is one painted canvas and React Flow holds no nodes at all.
  // A fit about to run decides the band, so a fresh 20,000-node load never mounts its nodes at zoom 1 first.
  const count = layout?.nodes.length ?? preview?.nodeCount ?? 0;
  const fitDone = useRef({ fit: -1, focus: 0, keep: 0, atFit: false, pane: '' });
  const fitRequest = useDiagramStore((s) => s.fitRequest);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const zoomBand = useStore((s) => detailBand(s.transform[2], count));
  // A boolean, so panning re-renders the canvas only when the minimap comes or goes.
  const showMinimap = useStore(
    (s) =>
      minimapFits(s.width, s.height) &&
      (!shape ||
        !wholeDrawingVisible(shape, { x: s.transform[0], y: s.transform[1], zoom: s.transform[2] }, s.width, s.height)),
  );
  const setPaneAspect = useDiagramStore((s) => s.setPaneAspect);
  const legendOpen = useDiagramStore((s) => s.legendOpen);
  const topology = useDiagramStore((s) => s.topology);
  const minZoom = minZoomFor(shape, paneWidth, paneHeight, legendOpen);
  useEffect(() => {
    // The load is packed to the free part of the pane (see diagram-store packedTo).
    if (paneWidth === 0 || paneHeight === 0) return;
    const free = freeArea(paneWidth, paneHeight, legendOpen);
    setPaneAspect(free.width / free.height);
  }, [paneWidth, paneHeight, legendOpen, topology, setPaneAspect]);
  const fitPending = shape !== null && fitDone.current.fit !== fitRequest && paneWidth > 0;
  const band =
    fitPending && shape ? detailBand(Math.min(paneWidth / shape.width, paneHeight / shape.height), count) : zoomBand;
  const large = count > LARGE_DIAGRAM_NODES;
  // React Flow's nodes and edges are made when it shows them: a big load opens in the overview band, and
  // closer in React Flow holds only the part near the screen (use-layout-window).
  const flowLayout = band === 'overview' ? null : layout;
  const near = useLayoutWindow(large ? flowLayout : null, direction);
  const whole = useMemo(
    () => (flowLayout && !large ? toFlowNodes(flowLayout, direction) : NO_NODES),
    [flowLayout, large, direction],
  );
  const base = large ? (flowLayout ? near.nodes : NO_NODES) : whole;
  // Far out, and while the cards near the screen are still being handed over, the canvas paints the boxes.
  const overview = band === 'overview' || (large && near.pending);
  const emphasis = useEmphasis();
  useIdleWarmUp();
  // The same empty array each time: React Flow takes a new array as new nodes and updates its store.
  const nodes = useMemo(
    () =>
      base === NO_NODES
        ? NO_NODES
        : base.map((n) => withEmphasis(n.id === selectedId ? { ...n, selected: true } : n, emphasis)),
    [base, selectedId, emphasis],
  );
  const wholeEdges = useMemo(
    () => (flowLayout && !large ? toFlowEdges(flowLayout, direction) : NO_EDGES),
    [flowLayout, large, direction],
  );
  const edges = large ? (flowLayout ? near.edges : NO_EDGES) : wholeEdges;
  const onNodeClick: NodeMouseHandler = useCallback(
    (_, node) => (node.type === 'group' ? undefined : select(node.id)),
    [select],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
  // A pan or zoom by the user (an event; a programmatic move has none) leaves the fit: resizes no longer refit.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) fitDone.current.atFit = false;
  }, []);
  // Pan and zoom are part of the view saved per input (view-persistence), kept when the user stops moving.
  const onMoveEnd = useCallback((_: unknown, viewport: SavedViewport) => {
    const { topology, sourceLabel, view, restoreViewport } = useDiagramStore.getState();
    if (topology && !restoreViewport) saveView(topology, sourceLabel, view, viewport);
  }, []);
  const nodeColor = useMemo(() => minimapColour(overlayOn), [overlayOn]);
  // The canvas is mounted (hidden) while the app waits for a file: get the overview ready then, at the pane's size.
  useEffect(() => {
    if (paneWidth === 0 || paneHeight === 0 || typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => prepareOverview(paneWidth, paneHeight), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [paneWidth, paneHeight]);
  // A big layout's index is made while the page is idle, before the first zoom into the cards needs it, once
  // the load's objects have all arrived: made between their parts it held them back (20-80 ms). In steps, each
  // callback at most IDLE_STEP_MS: in one go it was a 60-90 ms task at 100,000 nodes.
  const arriving = (topology?.arriving ?? 0) > 0;
  useEffect(() => {
    if (!layout || !large || arriving || typeof requestIdleCallback !== 'function') return;
    const step = layoutIndexSteps(layout, direction);
    let idle = 0;
    const work = (deadline: IdleDeadline) => {
      const goOn = idleSlice(deadline);
      let done = step();
      while (!done && goOn()) done = step();
      if (!done) idle = requestIdleCallback(work, { timeout: 5000 });
    };
    idle = requestIdleCallback(work, { timeout: 5000 });
    return () => cancelIdleCallback(idle);
  }, [layout, large, arriving, direction]);
  // And where each task and container is drawn in it, which a search's emphasis reads (use-emphasis).
  useEffect(() => {
    if (!layout || !topology || !large || arriving || typeof requestIdleCallback !== 'function') return;
    return warmDrawnHolders(layout, topology, mode);
  }, [layout, topology, large, arriving, mode]);
  // The overview's picture: the preview's until the layout lands, then the same paint, kept for the layout.
  const previewPaint =
    preview && preview.direction === direction && preview.overlayOn === overlayOn ? preview.paint : undefined;
  const overviewSource = (layout ? keptPaint(layout, direction, overlayOn) : previewPaint) ?? layout;
  // Far out, a search or a selection dims the rest and rings the hits as the cards do (a search at fit lit
  // nothing on a big diagram before).
  const overviewEmphasis = useMemo(
    () => (overview && layout ? emphasisPaint(layout, overlayOn, emphasis) : null),
    [overview, layout, overlayOn, emphasis],
  );
  return (
    <div
      className="canvas"
      data-testid="canvas"
      data-layout={layout ? 'ready' : preview ? 'preview' : 'none'}
      // The drawing's size in flow units (what Fit frames), for the e2e to check that it is all on screen.
      data-drawing={shape ? `${Math.round(shape.width)}x${Math.round(shape.height)}` : undefined}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={MARKED_NODE_TYPES}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements={large}
        minZoom={minZoom}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ type: 'smoothstep' }}
      >
        {/* The dotted grid is a full-pane SVG repainted on every pan frame: on a big diagram it halved the
            pan frame rate at zoom 1 (26–31 fps with it, 39–50 without, software raster). Decoration only. */}
        {!large && <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color={BASE_COLOURS.grid} />}
        <Controls showInteractive={false} position="bottom-left" />
        {overview && overviewSource && (
          <OverviewLayer
            source={overviewSource}
            direction={direction}
            overlayOn={overlayOn}
            emphasis={overviewEmphasis}
            pictures={layout !== null}
          />
        )}
        {/* A big diagram's minimap would be 20,000 SVG rects repainted on every pan; its overview band is the map. */}
        {layout && !large && showMinimap && (
          <MiniMap
            pannable
            zoomable
            nodeColor={nodeColor}
            nodeStrokeWidth={0}
            maskColor="rgba(241,245,249,0.7)"
            position="bottom-right"
            ariaLabel="Minimap"
          />
        )}
        {/* Kept clear of the zoom controls below it: on a short pane (a laptop with Findings open) it covered them. */}
        <Panel position="top-left" className="legend-float">
          <Legend />
        </Panel>
        <FitOnRequest layout={layout} size={shape} done={fitDone} />
      </ReactFlow>
    </div>
  );
}
