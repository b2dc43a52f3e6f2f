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
import { NodeHandles } from './node-parts';
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
      style={{
        width: n.width,
        height: n.height,
        background: n.placeholder ? PLACEHOLDER_STYLE.fill : '#ffffff',
        borderStyle: n.placeholder ? 'dashed' : 'solid',
        borderColor: n.placeholder ? PLACEHOLDER_STYLE.border : undefined,
        opacity: n.placeholder ? PLACEHOLDER_STYLE.opacity : 1,
        ...(selected ? { boxShadow: `0 0 0 3px ${BASE_COLOURS.selected}` } : {}),
      }}
      title={n.id}
    >
      <NodeHandles horizontal={data.horizontal} source={false} target />
      <div className="card-stripe" />
      <div className="card-kicker">
        <span>Target group</span>
        {listener && (
          <span className="pill pill-listener" data-testid="target-group-listener">
            {listener}
          </span>
        )}
      </div>
      <div className="card-head">
        <span className="card-title" title={d.name}>
          {d.name}
        </span>
      </div>
      <div className="card-line mono" data-testid="target-group-route" title={targetGroupRoute(d)}>
        {targetGroupRoute(d)}
      </div>
      <div className="card-line muted">{targetGroupDetail(d, n.placeholder)}</div>
    </div>
  );
});
