/** LaidOutGraph → React Flow nodes and edges. */
import type { Edge } from '@xyflow/react';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import type { DiagramFlowNode } from '../nodes/node-types';
import { DISCOVERY_STYLE } from '../../shared/theme/theme';

/** React Flow nodes for a laid-out graph (parents before children, as React Flow requires). */
export function toFlowNodes(layout: LaidOutGraph, direction: Direction): DiagramFlowNode[] {
  const horizontal = direction === 'LR';
  return layout.nodes.map(
    (n) =>
      ({
        id: n.id,
        type: n.kind,
        position: { x: n.x, y: n.y },
        ...(n.parentId ? { parentId: n.parentId } : {}),
        data: { graph: n, horizontal },
        width: n.width,
        height: n.height,
        draggable: false,
        connectable: false,
        // Task boxes are frames, not objects: clicks go through to the canvas.
        selectable: n.kind !== 'group',
      }) as DiagramFlowNode,
  );
}

/**
 * React Flow edges: smooth steps along the rank direction. Where the layout
 * says an edge turns (`bend`, in the gap before a wrapped line of children),
 * the step is put there, so the edge runs in gaps rather than across boxes.
 */
export function toFlowEdges(layout: LaidOutGraph, direction: Direction = 'LR'): Edge[] {
  const horizontal = direction === 'LR';
  const byId = new Map<string, LaidOutGraph['nodes'][number]>();
  for (const n of layout.nodes) if (!n.parentId) byId.set(n.id, n);
  return layout.edges.map((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    // Links into a namespace say "discovered through", not "holds": dashed, so they read apart from the tree.
    const edge: Edge = {
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
  });
}
