/** A box of task cards (a service's tasks, a standalone family), the synthetic "unknown cluster", or the card of one account and region above its clusters. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { accountCardText } from '../../shared/graph/accounts';
import { groupHeaderLabel } from '../../shared/render/paint-nodes';
import { textWidth } from '../../shared/render/text';
import { STATUS_ORDER, STATUS_STYLES } from '../../shared/theme/theme';
import { useDiagramStore } from '../store/diagram-store';
import { CollapseToggle, NodeHandles } from './node-parts';
import type { GroupFlowNode } from './node-types';

/** Room a frame's header keeps beside its label: paddings, the task counts (as the export measures them), the toggle. */
function headerAllowance(d: GroupFlowNode['data']['graph']['data']): number {
  const counts = `${d.taskCount} ${d.taskCount === 1 ? 'task' : 'tasks'}${STATUS_ORDER.filter(
    (s) => s !== 'running' && d.tasksByStatus[s],
  )
    .map((s) => ` · ${d.tasksByStatus[s]} ${s}`)
    .join('')}`;
  return 24 + textWidth(counts, 11) + 16 + 30;
}

/** Group box. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<GroupFlowNode>) {
  const n = data.graph;
  const d = n.data;
  const unknownCluster = d.variant === 'unknown-cluster';
  const toggle = useDiagramStore((s) => s.toggleCollapsed);
  const select = useDiagramStore((s) => s.select);
  if (d.variant === 'account') {
    const lines = accountCardText(d);
    // A card, not a frame: it stands above its clusters (edges), it does not enclose them, and a click opens its details
    // (the canvas leaves clicks on group nodes alone, since the other variants are frames).
    return (
      <div
        className={`card account-card status-${n.statusClass}`}
        data-testid="node"
        data-kind="group"
        data-group="account"
        data-id={n.id}
        onClick={() => select(n.id)}
        style={{ width: n.width, height: n.height, ...(selected ? { boxShadow: '0 0 0 3px #2563eb' } : {}) }}
      >
        <NodeHandles horizontal={data.horizontal} source target={false} />
        <div className="card-stripe" />
        <div className="card-kicker">
          <span>Account · region</span>
        </div>
        <div className="card-head">
          <span className="card-title mono" title={d.label}>
            {lines.account}
          </span>
          <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />
        </div>
        <div className="card-line mono" data-testid="account-region" title={lines.region}>
          {lines.region}
        </div>
        {lines.reported && (
          <div className="card-line muted" data-testid="account-reported">
            {lines.reported}
          </div>
        )}
        <div className="card-line muted" data-testid="account-counts">
          {lines.loaded.map((c) => (
            <span key={c.text} className={c.status ? `status-text-${c.status}` : undefined}>
              {c.text}
            </span>
          ))}
        </div>
      </div>
    );
  }
  if (n.collapsed && d.stackLabel) {
    // A stack: the whole card opens it, since it stands for the cards it hides.
    return (
      <div
        className={`group-box group-stack nodrag${d.stackTrouble ? ' stack-has-trouble' : ''}`}
        data-testid="node"
        data-kind="group"
        data-group={d.variant}
        data-stack="true"
        data-id={n.id}
        style={{ width: n.width, height: n.height }}
        role="button"
        tabIndex={0}
        title={d.variant === 'referenced-clusters' ? 'Show these clusters' : 'Show these tasks'}
        onClick={(e) => {
          e.stopPropagation();
          toggle(n.id);
        }}
      >
        <NodeHandles horizontal={data.horizontal} source={false} target />
        <div className="group-head">
          <span className="group-label" title={d.label}>
            {groupHeaderLabel(d, n.width - 70)}
          </span>
          <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />
        </div>
        <div className="stack-summary" data-testid="stack-summary">
          {d.stackLabel}
        </div>
        {d.stackTrouble && (
          <div
            className="stack-trouble"
            data-testid="stack-trouble"
            role="img"
            aria-label={`Needs a look: ${d.stackTrouble}`}
          >
            {d.stackTrouble}
          </div>
        )}
      </div>
    );
  }
  return (
    <div
      className={`group-box group-${d.variant}${selected ? ' selected' : ''}`}
      data-testid="node"
      data-kind="group"
      data-group={d.variant}
      data-id={n.id}
      style={{ width: n.width, height: n.height }}
    >
      <NodeHandles
        horizontal={data.horizontal}
        source={unknownCluster || d.variant === 'referenced-clusters'}
        target={!unknownCluster}
      />
      <div className="group-head">
        <span className="group-label" title={d.label}>
          {unknownCluster ? 'Unknown cluster' : groupHeaderLabel(d, n.width - headerAllowance(d))}
        </span>
        {!unknownCluster && d.variant !== 'referenced-clusters' && (
          <span className="group-counts">
            {d.taskCount} {d.taskCount === 1 ? 'task' : 'tasks'}
            {STATUS_ORDER.filter((s) => s !== 'running' && d.tasksByStatus[s]).map((s) => (
              <span key={s} className={`group-count status-text-${s}`} title={STATUS_STYLES[s].label}>
                · {d.tasksByStatus[s]} {s}
              </span>
            ))}
          </span>
        )}
        {n.collapsible && <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />}
      </div>
      {unknownCluster && <div className="group-note">Objects whose cluster is not in the loaded files</div>}
    </div>
  );
});
