/** A cluster card: name, region/account, status, service/task/host totals and a launch-type bar. */
import { clampText } from '../../shared/render/text';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { OVERLAY_ORDER, overlayStyle, PLACEHOLDER_STYLE, RECOVERED_STYLE } from '../../shared/theme/theme';
import { useDiagramStore } from '../store/diagram-store';
import { CollapseToggle, NodeHandles, RecoveredBadge, StatusGlyph } from './node-parts';
import type { ClusterFlowNode } from './node-types';
import { FindingBadge } from '../findings/finding-badge';
import { CostBadge } from '../cost/cost-badge';

/** Cluster card. */
export const ClusterNode = memo(function ClusterNode({ data, selected }: NodeProps<ClusterFlowNode>) {
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const n = data.graph;
  const d = n.data;
  const running =
    d.reported.runningTasks ?? d.loaded.tasks - (d.tasksByStatus.stopped ?? 0) - (d.tasksByStatus.pending ?? 0);
  const pending = d.reported.pendingTasks ?? d.tasksByStatus.pending ?? 0;
  const services = d.reported.activeServices ?? d.loaded.services;
  const hosts = d.reported.containerInstances ?? d.loaded.containerInstances;
  const total = OVERLAY_ORDER.reduce((sum, o) => sum + (d.tasksByOverlay[o] ?? 0), 0);
  return (
    <div
      className={`card cluster-card status-${n.statusClass}${selected ? ' selected' : ''}`}
      data-testid="node"
      data-kind="cluster"
      data-id={n.id}
      data-status={n.statusClass}
      {...(n.placeholder ? { 'data-placeholder': 'true' } : {})}
      {...(n.recovered ? { 'data-recovered': 'true' } : {})}
      style={{
        width: n.width,
        height: n.height,
        ...(n.recovered ? { borderStyle: 'dotted', borderWidth: RECOVERED_STYLE.borderWidth } : {}),
        ...(n.placeholder
          ? {
              borderStyle: 'dashed',
              borderColor: PLACEHOLDER_STYLE.border,
              background: PLACEHOLDER_STYLE.fill,
              opacity: PLACEHOLDER_STYLE.opacity,
            }
          : {}),
      }}
    >
      {/* A target too: an account card or a referenced-only card draws its line into the cluster (issue #14 point 4). */}
      <NodeHandles horizontal={data.horizontal} source target />
      <div className="card-kicker">
        <span>Cluster</span>
        <RecoveredBadge recovered={n.recovered} />
        <FindingBadge entityId={n.entityId} />
        <CostBadge entityId={n.entityId} />
        <span className="kicker-right">{d.status ?? (n.placeholder ? 'not described' : '')}</span>
      </div>
      <div className="card-head">
        <span className="card-title cluster-title" title={d.name}>
          {clampText(d.name, n.width - 70, 17, 'bold', 'middle')}
        </span>
        <StatusGlyph status={n.statusClass} />
        {n.collapsible && <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />}
      </div>
      <div className="card-line muted mono">{[d.region, d.accountId].filter(Boolean).join(' · ') || ' '}</div>
      {n.placeholder ? (
        <div className="card-line muted">referenced only: not described</div>
      ) : (
        <div className="card-line totals" data-testid="cluster-totals">
          <span>
            <b>{services}</b> services
          </span>
          <span>
            <b>{running}</b> running
          </span>
          {pending > 0 && (
            <span className="count-pending">
              <b>{pending}</b> pending
            </span>
          )}
          {hosts > 0 && (
            <span>
              <b>{hosts}</b> hosts
            </span>
          )}
        </div>
      )}
      {total > 0 && (
        <div className="overlay-bar" title="Loaded tasks by launch type">
          {OVERLAY_ORDER.filter((o) => d.tasksByOverlay[o]).map((o) => (
            <div
              key={o}
              className="overlay-bar-part"
              style={{ flexGrow: d.tasksByOverlay[o], background: overlayStyle(o, overlayOn).accent }}
              title={`${o}: ${d.tasksByOverlay[o]}`}
            />
          ))}
        </div>
      )}
    </div>
  );
});
