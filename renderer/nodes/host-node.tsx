/**
 * A host card of the placement view: an EC2 / Managed / External container
 * instance with its status, agent and *reserved* CPU and memory bars
 * (registered − remaining, not live usage); Fargate in one AZ; or the tasks
 * with no known host and why.
 */
import { clampText } from '../../shared/render/text';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import {
  hostDetail,
  hostKicker,
  hostOverlay,
  hostTasksLine,
  reservedShare,
  reservedText,
} from '../../shared/graph/placement';
import type { ReservedResource } from '../../shared/graph/types';
import { overlayStyle } from '../../shared/theme/theme';
import { useDiagramStore } from '../store/diagram-store';
import { cardStateAttributes, nodeCardStyle } from './node-style';
import { CollapseToggle, NodeHandles, RecoveredBadge } from './node-parts';
import type { HostFlowNode } from './node-types';
import { FindingBadge, HostVerdictLine, useHostVerdict } from '../findings/finding-badge';
import { HostCostLine } from '../cost/cost-badge';

function ReservedBar({
  resource,
  value,
  colour,
}: {
  resource: 'cpu' | 'memory';
  value: ReservedResource;
  colour: string;
}) {
  const share = reservedShare(value);
  return (
    <div className="reserved" data-testid={`reserved-${resource}`}>
      <div className="reserved-label">{reservedText(resource, value)}</div>
      <div
        className="reserved-track"
        role="meter"
        aria-label={`${resource === 'cpu' ? 'CPU' : 'Memory'} reserved`}
        aria-valuemin={0}
        aria-valuemax={value.registered}
        aria-valuenow={value.reserved}
      >
        <div
          className="reserved-fill"
          style={{ width: `${Math.round(share * 100)}%`, background: share > 0.9 ? '#dc2626' : colour }}
        />
      </div>
    </div>
  );
}

/** Host card. */
export const HostNode = memo(function HostNode({ data, selected }: NodeProps<HostFlowNode>) {
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const n = data.graph;
  const d = n.data;
  const overlay = hostOverlay(d.variant);
  const active = d.status?.toUpperCase() === 'ACTIVE';
  // Highlighted when the placement explainer tried this host for the finding being explained.
  const verdict = useHostVerdict(n.entityId);
  return (
    <div
      className={`card host-card host-${d.variant} status-${n.statusClass}${verdict ? ' host-explained' : ''}`}
      data-testid="node"
      data-kind="host"
      data-id={n.id}
      data-host={d.variant}
      data-launch-type={overlay}
      {...(d.status ? { 'data-host-status': d.status } : {})}
      {...cardStateAttributes(n)}
      style={{ ...nodeCardStyle(n, overlay, overlayOn, selected), opacity: 1 }}
    >
      <NodeHandles horizontal={data.horizontal} source target />
      <div className="card-stripe" />
      <div className="card-kicker">
        <span>{hostKicker(d.variant)}</span>
        <RecoveredBadge recovered={n.recovered} />
        <FindingBadge entityId={n.entityId} />
        {d.status && (
          <span className={`pill ${active ? 'pill-ok' : 'pill-warn'}`} data-testid="host-status">
            {d.status}
          </span>
        )}
      </div>
      <div className="card-head">
        <span
          className={`card-title${d.variant === 'fargate' || d.variant === 'unplaced' ? '' : ' mono'}`}
          title={d.label}
        >
          {clampText(d.label, n.width - 60, 14, 'bold', 'middle')}
        </span>
        {n.collapsible && <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />}
      </div>
      <div className={`card-line${d.agentConnected === false ? ' event-trouble' : ' muted'}`} title={hostDetail(d)}>
        {hostDetail(d)}
      </div>
      {d.cpu && <ReservedBar resource="cpu" value={d.cpu} colour={overlayStyle(overlay, true).accent} />}
      {d.memory && <ReservedBar resource="memory" value={d.memory} colour={overlayStyle(overlay, true).accent} />}
      <div className="card-line muted host-tasks">{hostTasksLine(d)}</div>
      <HostVerdictLine entityId={n.entityId} />
      <HostCostLine entityId={n.entityId} />
    </div>
  );
});
