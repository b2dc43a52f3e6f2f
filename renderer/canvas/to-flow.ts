/** LaidOutGraph → React Flow nodes and edges. */
import type { Edge } from '@xyflow/react';
import type { LaidOutEdge, LaidOutGraph, PositionedNode } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import type { DiagramFlowNode } from '../nodes/node-types';
import { DISCOVERY_STYLE } from '../../shared/theme/theme';

/** The React Flow node of one laid-out node. */
export function toFlowNode(n: PositionedNode, direction: Direction): DiagramFlowNode {
  return {
    id: n.id,
    type: n.kind,
    position: { x: n.x, y: n.y },
    ...(n.parentId ? { parentId: n.parentId } : {}),
    data: { graph: n, horizontal: direction === 'LR' },
    width: n.width,
    height: n.height,
    draggable: false,
    connectable: false,
    // Task boxes are frames, not objects: clicks go through to the canvas.
    selectable: n.kind !== 'group',
  } as DiagramFlowNode;
}

/** React Flow nodes for a laid-out graph (parents before children, as React Flow requires). */
export function toFlowNodes(layout: LaidOutGraph, direction: Direction): DiagramFlowNode[] {
  return layout.nodes.map((n) => toFlowNode(n, direction));
}

/**
 * The React Flow edge of one laid-out edge from `s` to `t` (top-level nodes; undefined when not found): a
 * smooth step along the rank direction. Where the layout says the edge turns (`bend`, in the gap before a
 * wrapped line of children), the step is put there, so the edge runs in gaps rather than across boxes.
 */
export function toFlowEdge(
  e: LaidOutEdge,
  s: PositionedNode | undefined,
  t: PositionedNode | undefined,
  direction: Direction,
): Edge & { pathOptions?: { stepPosition: number } } {
  const horizontal = direction === 'LR';
  // Links into a namespace say "discovered through", not "holds": dashed, so they read apart from the tree.
  const edge: Edge & { pathOptions?: { stepPosition: number } } = {
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'smoothstep',
    selectable: false,
    focusable: false,
    className: 'diagram-edge',
  };
  if (t?.kind === 'namespace')
    Object.assign(edge, {
      className: 'diagram-edge discovery-edge',
      style: { stroke: DISCOVERY_STYLE.edge, strokeDasharray: DISCOVERY_STYLE.dash },
    });
  if (e.bend === undefined || !s || !t) return edge;
  // Handles sit on the source's far side and the target's near side along the rank axis.
  const from = horizontal ? s.x + s.width : s.y + s.height;
  const to = horizontal ? t.x : t.y;
  if (to - from <= 0) return edge;
  return { ...edge, pathOptions: { stepPosition: Math.min(1, Math.max(0, (e.bend - from) / (to - from))) } };
}

/** React Flow edges of a laid-out graph: see toFlowEdge. */
export function toFlowEdges(layout: LaidOutGraph, direction: Direction = 'LR'): Edge[] {
  const byId = new Map<string, PositionedNode>();
  for (const n of layout.nodes) if (!n.parentId) byId.set(n.id, n);
  return layout.edges.map((e) => toFlowEdge(e, byId.get(e.source), byId.get(e.target), direction));
}
