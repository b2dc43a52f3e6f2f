/**
 * Test helpers for the renderer: browser APIs jsdom lacks (React Flow needs
 * them), and rendering one diagram node component outside a full canvas.
 */
import type { ComponentType } from 'react';
import { render } from '@testing-library/react';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { buildGraph } from '../../shared/graph/build-graph';
import type { GraphNodeKind, PositionedNode } from '../../shared/graph/types';
import { DEFAULT_VIEW, type ViewState } from '../../shared/graph/view';
import { layoutGraph } from '../../shared/layout/layout';
import type { Topology } from '../../shared/model/types';
import type { DiagramFlowNode } from '../nodes/node-types';

/** Installs ResizeObserver and DOMMatrixReadOnly stand-ins, which React Flow uses and jsdom lacks. */
export function installFlowEnv(): void {
  const g = globalThis as Record<string, unknown>;
  g.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  g.DOMMatrixReadOnly ??= class {
    m22 = 1;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
      this.m22 = scale !== undefined ? Number(scale) : 1;
    }
  };
}

/** The positioned graph node of `kind` matching `pick`, from a topology laid out like the app does. */
export function laidOutNode<K extends GraphNodeKind>(
  topology: Topology,
  kind: K,
  pick: (n: Extract<PositionedNode, { kind: K }>) => boolean = () => true,
  view: ViewState = DEFAULT_VIEW,
): Extract<PositionedNode, { kind: K }> {
  const layout = layoutGraph(buildGraph(topology, view), view.direction);
  const hit = layout.nodes.find(
    (n): n is Extract<PositionedNode, { kind: K }> =>
      n.kind === kind && pick(n as Extract<PositionedNode, { kind: K }>),
  );
  if (!hit) throw new Error(`no ${kind} node matched`);
  return hit;
}

/** Renders one node component with the props React Flow would give it. */
export function renderNode<P extends NodeProps<DiagramFlowNode>>(
  Component: ComponentType<P>,
  node: PositionedNode,
  selected = false,
) {
  const props = {
    id: node.id,
    type: node.kind,
    data: { graph: node, horizontal: true },
    selected,
    dragging: false,
    draggable: false,
    selectable: true,
    deletable: false,
    isConnectable: false,
    zIndex: 0,
    positionAbsoluteX: node.x,
    positionAbsoluteY: node.y,
    width: node.width,
    height: node.height,
  } as unknown as P;
  return render(
    <ReactFlowProvider>
      <Component {...props} />
    </ReactFlowProvider>,
  );
}
