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
import { keptPaint } from './overview-paint';
import { absolutePositions } from '../../shared/layout/positions';
import { toFlowEdges, toFlowNodes } from './to-flow';
import { useEmphasis, type Emphasis } from './use-emphasis';

const MIN_ZOOM = 0.03;
// Width of the legend panel plus its margin (styles.css .legend).
const LEGEND_INSET = 256;

function FitOnRequest({
  layout,
  size,
  done,
}: {
  layout: LaidOutGraph | null;
  size: { width: number; height: number } | null;
  done: MutableRefObject<{ fit: number; focus: number }>;
}) {
  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  const { setViewport, getInternalNode, setCenter, getZoom } = useReactFlow();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const fitRequest = useDiagramStore((s) => s.fitRequest);
  const focusRequest = useDiagramStore((s) => s.focusRequest);
  const selectedId = useDiagramStore((s) => s.selectedId);
  useEffect(() => {
    if (width === 0 || paneWidth === 0 || paneHeight === 0 || done.current.fit === fitRequest) return;
    done.current.fit = fitRequest;
    // The layout knows the drawing's bounds, so fit from them rather than from React Flow's measured
    // nodes: those lag a frame behind a new layout, and a fit on them frames the old one.
    // Keep the fitted drawing clear of the legend, which floats over the canvas's left edge.
    const restore = useDiagramStore.getState().restoreViewport;
    if (restore) {
      // Reopening an input goes back to where the user left it; the Fit button (a later request) fits.
      useDiagramStore.setState({ restoreViewport: null });
      void setViewport(restore);
      return;
    }
    const inset = useDiagramStore.getState().legendOpen && paneWidth > 900 ? LEGEND_INSET : 0;
    const viewport = getViewportForBounds(
      { x: 0, y: 0, width, height },
      paneWidth - inset,
      paneHeight,
      MIN_ZOOM,
      1.2,
      0.04,
    );
    void setViewport({ ...viewport, x: viewport.x + inset });
  }, [width, height, paneWidth, paneHeight, fitRequest, setViewport, done]);
  useEffect(() => {
    if (focusRequest === done.current.focus || !selectedId) return;
    // The node may only appear with the next layout (its parent was collapsed): retry when that lands.
    const frame = requestAnimationFrame(() => {
      // Far out on a big diagram React Flow holds no nodes (overview band): the layout knows where it is.
      const node = getInternalNode(selectedId);
      const box = node
        ? { ...node.internals.positionAbsolute, width: node.width ?? 0, height: node.height ?? 0 }
        : layout && absoluteBox(layout, selectedId);
      if (!box) return;
      done.current.focus = focusRequest;
      void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, selectedId, layout, getInternalNode, setCenter, getZoom, done]);
  return null;
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
  const direction = useDiagramStore((s) => s.view.direction);
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const select = useDiagramStore((s) => s.select);
  // Level of detail: far out, a big diagram is one painted canvas and React Flow holds no nodes at all.
  // A fit about to run decides the band, so a fresh 20,000-node load never mounts its nodes at zoom 1 first.
  const count = layout?.nodes.length ?? preview?.nodeCount ?? 0;
  const fitDone = useRef({ fit: -1, focus: 0 });
  const fitRequest = useDiagramStore((s) => s.fitRequest);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const zoomBand = useStore((s) => detailBand(s.transform[2], count));
  const fitPending = shape !== null && fitDone.current.fit !== fitRequest && paneWidth > 0;
  const band =
    fitPending && shape ? detailBand(Math.min(paneWidth / shape.width, paneHeight / shape.height), count) : zoomBand;
  const overview = band === 'overview';
  // React Flow's nodes and edges are made when it shows them: a big load opens in the overview band.
  const flowLayout = overview ? null : layout;
  const base = useMemo(() => (flowLayout ? toFlowNodes(flowLayout, direction) : NO_NODES), [flowLayout, direction]);
  const emphasis = useEmphasis();
  // The same empty array each time: React Flow takes a new array as new nodes and updates its store.
  const nodes = useMemo(
    () =>
      base === NO_NODES
        ? NO_NODES
        : base.map((n) => withEmphasis(n.id === selectedId ? { ...n, selected: true } : n, emphasis)),
    [base, selectedId, emphasis],
  );
  const edges = useMemo(() => (flowLayout ? toFlowEdges(flowLayout, direction) : NO_EDGES), [flowLayout, direction]);
  const onNodeClick: NodeMouseHandler = useCallback(
    (_, node) => (node.type === 'group' ? undefined : select(node.id)),
    [select],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
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
  // The overview's picture: the preview's until the layout lands, then the same paint, kept for the layout.
  const previewPaint =
    preview && preview.direction === direction && preview.overlayOn === overlayOn ? preview.paint : undefined;
  const overviewSource = (layout ? keptPaint(layout, direction, overlayOn) : previewPaint) ?? layout;
  return (
    <div className="canvas" data-testid="canvas" data-layout={layout ? 'ready' : preview ? 'preview' : 'none'}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={MARKED_NODE_TYPES}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onMoveEnd={onMoveEnd}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements={count > LARGE_DIAGRAM_NODES}
        minZoom={MIN_ZOOM}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ type: 'smoothstep' }}
      >
        {/* The dotted grid is a full-pane SVG repainted on every pan frame: on a big diagram it halved the
            pan frame rate at zoom 1 (26–31 fps with it, 39–50 without, software raster). Decoration only. */}
        {count <= LARGE_DIAGRAM_NODES && (
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color={BASE_COLOURS.grid} />
        )}
        <Controls showInteractive={false} position="bottom-left" />
        {overview && overviewSource && (
          <OverviewLayer source={overviewSource} direction={direction} overlayOn={overlayOn} />
        )}
        {/* A big diagram's minimap would be 20,000 SVG rects repainted on every pan; its overview band is the map. */}
        {layout && count <= LARGE_DIAGRAM_NODES && (
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
        <Panel position="top-left">
          <Legend />
        </Panel>
        <FitOnRequest layout={layout} size={shape} done={fitDone} />
      </ReactFlow>
    </div>
  );
}
