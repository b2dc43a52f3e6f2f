/**
 * A load balancer target group beside the service(s) that register into it:
 * listener protocol and port, where traffic goes (container name and port
 * from the service's `loadBalancers`), target type and health check path.
 * Dashed when only named by a service and never described.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { targetGroupDetail, targetGroupListener, targetGroupRoute } from '../../shared/graph/target-group';
import { PLACEHOLDER_STYLE, BASE_COLOURS } from '../../shared/theme/theme';
import { NodeHandles, SideCardBody } from './node-parts';
import type { TargetGroupFlowNode } from './node-types';

/** Target group card. */
export const TargetGroupNode = memo(function TargetGroupNode({ data, selected }: NodeProps<TargetGroupFlowNode>) {
  const n = data.graph;
  const d = n.data;
  const listener = targetGroupListener(d);
  return (
    <div
      className={`card target-group-card${n.placeholder ? ' placeholder' : ''}`}
      data-testid="node"
      data-kind="targetGroup"
      data-id={n.id}
      {...(n.placeholder ? { 'data-placeholder': 'true' } : {})}
      {...(n.recovered ? { 'data-recovered': 'true' } : {})}
      style={{
        width: n.width,
        height: n.height,
        background: n.placeholder ? PLACEHOLDER_STYLE.fill : '#ffffff',
        borderStyle: n.placeholder ? 'dashed' : n.recovered ? 'dotted' : 'solid',
        borderColor: n.placeholder ? PLACEHOLDER_STYLE.border : undefined,
        opacity: n.placeholder ? PLACEHOLDER_STYLE.opacity : 1,
        ...(selected ? { boxShadow: `0 0 0 3px ${BASE_COLOURS.selected}` } : {}),
      }}
      title={n.id}
    >
      <NodeHandles horizontal={data.horizontal} source={false} target />
      <SideCardBody
        kind="target-group"
        kicker="Target group"
        pill={listener ? { text: listener, className: 'pill-listener', testId: 'target-group-listener' } : undefined}
        name={d.name}
        route={targetGroupRoute(d)}
        detail={targetGroupDetail(d, n.placeholder)}
      />
    </div>
  );
});
