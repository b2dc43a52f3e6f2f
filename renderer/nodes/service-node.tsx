/** A service card: running/desired/pending, launch type or capacity provider strategy, task definition, latest event. */
import { clampText } from '../../shared/render/text';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useDiagramStore } from '../store/diagram-store';
import { cardStateAttributes, nodeCardStyle } from './node-style';
import { CollapseToggle, NodeHandles, OverlayBadge, RecoveredBadge, StatusGlyph } from './node-parts';
import type { ServiceFlowNode } from './node-types';
import type { DeploymentSummary } from '../../shared/graph/types';
import { FindingBadge } from '../findings/finding-badge';
import { CostBadge } from '../cost/cost-badge';

// Event messages that usually explain why a service is short of tasks.
const TROUBLE = /unable to place|failed|unhealthy|insufficient|error|stopped/i;

/** The task definition line, or the deployments when more than one is live or the rollout has not completed. */
function DeploymentLine({
  deployments,
  taskDefinition,
}: {
  deployments: DeploymentSummary[];
  taskDefinition?: string;
}) {
  const primary = deployments[0];
  const settled =
    deployments.length <= 1 && (!primary?.rolloutState || primary.rolloutState.toUpperCase() === 'COMPLETED');
  if (settled)
    return (
      <div className="card-line muted mono" title={taskDefinition}>
        {taskDefinition ? clampText(taskDefinition, 250, 11.5, 'mono', 'middle') : ' '}
      </div>
    );
  const describe = (x: DeploymentSummary) =>
    [
      x.status,
      x.taskDefinition,
      x.rolloutState,
      x.desired !== undefined ? `${x.running ?? 0}/${x.desired}` : undefined,
      x.failedTasks ? `${x.failedTasks} failed` : undefined,
      x.rolloutStateReason,
    ]
      .filter(Boolean)
      .join(' ');
  const failed = deployments.some((x) => x.rolloutState?.toUpperCase() === 'FAILED');
  return (
    <div
      className={`card-line deployments${failed ? ' event-trouble' : ''}`}
      data-testid="deployments"
      title={deployments.map(describe).join('\n')}
    >
      {deployments.map((x, i) => (
        <span key={x.id} className={`deployment deployment-${(x.rolloutState ?? 'unknown').toLowerCase()}`}>
          {i > 0 ? ' · ' : ''}
          {x.status === 'PRIMARY' ? '' : `${x.status ?? ''} `}
          {/* Each revision keeps its family:rev end (middle cut), so two deployments both stay readable. */}
          <span className="mono">
            {x.taskDefinition && clampText(x.taskDefinition, 96, 11.5, 'mono', 'middle')}
          </span>{' '}
          {x.rolloutState ?? ''}
        </span>
      ))}
    </div>
  );
}

/** Service card. */
export const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps<ServiceFlowNode>) {
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const n = data.graph;
  const d = n.data;
  const desired = d.desired ?? 0;
  const running = d.running ?? 0;
  const short = d.desired !== undefined && d.running !== undefined && running < desired;
  const pct = desired > 0 ? Math.min(100, Math.round((running / desired) * 100)) : running > 0 ? 100 : 0;
  return (
    <div
      className={`card service-card status-${n.statusClass}`}
      data-testid="node"
      data-kind="service"
      data-id={n.id}
      data-launch-type={d.overlay}
      data-status={n.statusClass}
      {...cardStateAttributes(n)}
      style={nodeCardStyle(n, d.overlay, overlayOn, selected)}
    >
      <NodeHandles horizontal={data.horizontal} source target />
      <div className="card-stripe" />
      <div className="card-kicker">
        <span>Service</span>
        {d.deploying && (
          <span className="pill pill-info" title="A deployment is rolling out">
            deploying
          </span>
        )}
        {d.loadBalanced && (
          <span className="pill" title="Behind a load balancer target group">
            LB
          </span>
        )}
        <FindingBadge entityId={n.entityId} />
        <CostBadge entityId={n.entityId} />
        <RecoveredBadge recovered={n.recovered} />
        <OverlayBadge overlay={d.overlay} overlayOn={overlayOn} />
      </div>
      <div className="card-head">
        <span className="card-title" title={d.name}>
          {clampText(d.name, n.width - 70, 14.5, 'bold', 'middle')}
        </span>
        <StatusGlyph status={n.statusClass} />
        {n.collapsible && <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />}
      </div>
      {n.placeholder ? (
        <div className="card-line muted">referenced only: not described</div>
      ) : (
        <>
          <div className="card-line counts" data-testid="service-counts">
            <span className={short ? 'count-short' : 'count-ok'}>
              <b>{running}</b>/{desired} running
            </span>
            {(d.pending ?? 0) > 0 && <span className="count-pending">{d.pending} pending</span>}
          </div>
          <div className="progress" aria-hidden="true">
            <div className={`progress-bar${short ? ' short' : ''}`} style={{ width: `${pct}%` }} />
          </div>
          <div className="card-line muted" title={d.placement}>
            {d.placement}
          </div>
          <DeploymentLine deployments={d.deployments ?? []} taskDefinition={d.taskDefinition} />
        </>
      )}
      {d.latestEvent && (
        <div className={`card-line event${TROUBLE.test(d.latestEvent) ? ' event-trouble' : ''}`} title={d.latestEvent}>
          {d.latestEvent.replace(/^\(service [^)]+\)\s*/, '')}
        </div>
      )}
    </div>
  );
});
