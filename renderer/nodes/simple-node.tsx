/**
 * The level-of-detail wrapper of node components: far out on a big diagram a
 * card is a few pixels wide, so it is drawn as one coloured box with the
 * same data attributes (tests and find still see it) and none of the text.
 */
import { memo, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { BASE_COLOURS, overlayStyle, STATUS_STYLES, STOPPED_FILL } from '../../shared/theme/theme';
import { useSimplified } from '../canvas/level-of-detail';
import { useDiagramStore } from '../store/diagram-store';
import type { DiagramFlowNode } from './node-types';

/** The bare box of any node. */
export const SimpleNode = memo(function SimpleNode({ data, selected }: NodeProps<DiagramFlowNode>) {
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const n = data.graph;
  const s = STATUS_STYLES[n.statusClass];
  const overlay = n.kind === 'task' || n.kind === 'service' ? n.data.overlay : undefined;
  const fill =
    n.kind === 'group'
      ? BASE_COLOURS.groupFill
      : s.greyed
        ? STOPPED_FILL
        : overlay
          ? overlayStyle(overlay, overlayOn).fill
          : '#ffffff';
  return (
    <div
      className={`simple-node simple-${n.kind}`}
      data-testid="node"
      data-kind={n.kind}
      data-id={n.id}
      data-status={n.statusClass}
      data-simple="true"
      {...(n.placeholder ? { 'data-placeholder': 'true' } : {})}
      style={{
        width: n.width,
        height: n.height,
        background: fill,
        // Thick borders so status still reads at a tenth of the size.
        border: `${Math.max(2, s.borderWidth * 2)}px solid ${selected ? BASE_COLOURS.selected : n.kind === 'group' ? BASE_COLOURS.groupBorder : overlay && s.border === STATUS_STYLES.running.border ? overlayStyle(overlay, overlayOn).accent : s.border}`,
        opacity: s.opacity,
      }}
    />
  );
});

/** Wraps a node component so it draws `SimpleNode` while the canvas is zoomed far out on a big diagram. */
export function withLevelOfDetail<P extends NodeProps<DiagramFlowNode>>(Full: ComponentType<P>): ComponentType<P> {
  const Wrapped = memo(function LevelOfDetail(props: P) {
    return useSimplified() ? <SimpleNode {...props} /> : <Full {...props} />;
  });
  Wrapped.displayName = `LevelOfDetail(${Full.displayName ?? Full.name})`;
  return Wrapped;
}
