/** LaidOutGraph → React Flow nodes and edges. */
import type { Edge } from '@xyflow/react';
import type { LaidOutGraph } from '../../shared/graph/types';
import type { Direction } from '../../shared/graph/view';
import type { DiagramFlowNode } from '../nodes/node-types';

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

/** React Flow edges: smooth steps along the rank direction. */
export function toFlowEdges(layout: LaidOutGraph): Edge[] {
  return layout.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: 'smoothstep', selectable: false, focusable: false, className: 'diagram-edge' }));
}
