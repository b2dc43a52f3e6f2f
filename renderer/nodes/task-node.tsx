/**
 * A task card: short id, launch type, last/desired status, health, AZ, IP, size (a stopped task: its stopCode and
 * stoppedReason instead of AZ/IP; a task with a failed or unhealthy container: that container's name, exit code and
 * reason instead of the size, which moves to the tooltip); its containers nest inside.
 */
import { clampText } from '../../shared/render/text';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useDiagramStore } from '../store/diagram-store';
import { cardStateAttributes, formatCpu, formatMemory, nodeCardStyle } from './node-style';
import { CollapseToggle, OverlayBadge, RecoveredBadge, StatusGlyph } from './node-parts';
import { containerProblemText } from '../../shared/graph/status';
import type { TaskFlowNode } from './node-types';
import { FindingBadge } from '../findings/finding-badge';

// Room a task card's head leaves for the id: padding, the launch-type badge, a status glyph and a pill.
const TASK_ID_ALLOWANCE = 120;
/** Task card. */
export const TaskNode = memo(function TaskNode({ data, selected }: NodeProps<TaskFlowNode>) {
  const overlayOn = useDiagramStore((s) => s.view.overlay);
  const n = data.graph;
  const d = n.data;
  const status = d.lastStatus ?? (n.placeholder ? 'listed only' : 'status unknown');
  const transit = d.desiredStatus && d.desiredStatus !== d.lastStatus ? ` → ${d.desiredStatus}` : '';
  const where = [d.availabilityZone, d.privateIp].filter(Boolean).join(' · ');
  const size = [formatCpu(d.cpu), formatMemory(d.memory), d.taskDefinition].filter(Boolean).join(' · ');
  const problem = d.containerProblem;
  return (
    <div
      className={`card task-card status-${n.statusClass}`}
      data-testid="node"
      data-kind="task"
      data-id={n.id}
      data-launch-type={d.overlay}
      data-status={n.statusClass}
      {...cardStateAttributes(n)}
      style={nodeCardStyle(n, d.overlay, overlayOn, selected)}
      title={n.id}
    >
      <div className="card-stripe" />
      <div className="card-head">
        <span className="task-id mono" title={d.shortId}>
          {/* The one truncation (shared/render/text.ts): both ends of the id stay, as in the export. */}
          {clampText(d.shortId, n.width - TASK_ID_ALLOWANCE, 12.5, 'mono', 'middle')}
        </span>
        <FindingBadge entityId={n.entityId} />
        {d.primaryTaskDefinition && (
          <span
            className="pill pill-warn"
            data-testid="stale-revision"
            title={`Runs ${d.taskDefinition ?? 'another revision'}; the primary deployment runs ${d.primaryTaskDefinition}`}
          >
            old rev
          </span>
        )}
        <RecoveredBadge recovered={n.recovered} />
        <OverlayBadge overlay={d.overlay} overlayOn={overlayOn} />
        <StatusGlyph status={n.statusClass} />
        {n.collapsible && <CollapseToggle id={n.id} collapsed={n.collapsed} hiddenCount={n.hiddenCount} />}
      </div>
      <div className="card-line">
        <span className={`status-text status-text-${n.statusClass}`}>
          {status}
          {transit}
        </span>
        {/* The code says which kind of stop (EssentialContainerExited, TaskFailedToStart, SpotInterruption…) at a glance, the reason line below says why; it comes before health, which matters less once stopped. */}
        {n.statusClass === 'stopped' && d.stopCode && (
          <span className="stop-code mono" data-testid="stop-code">
            {d.stopCode}
          </span>
        )}
        {d.healthStatus && d.healthStatus !== 'UNKNOWN' && (
          <span className={`health health-${d.healthStatus.toLowerCase()}`}>{d.healthStatus}</span>
        )}
      </div>
      {n.statusClass === 'stopped' && d.stoppedReason ? (
        <div
          className="card-line stopped-reason"
          data-testid="stopped-reason"
          title={[d.stopCode, d.stoppedReason].filter(Boolean).join(': ')}
        >
          {d.stoppedReason}
        </div>
      ) : (
        <div className="card-line muted mono">{where || (n.placeholder ? 'referenced only: not described' : ' ')}</div>
      )}
      {problem ? (
        // The cause is usually here, not in stoppedReason ("Task failed to start"): one line, cut at its end by the
        // export's own cut (clampText), all of it on hover.
        <div
          className="card-line container-problem"
          data-testid="container-problem"
          title={`Container ${problem.name}${problem.exitCode !== undefined ? `, exit code ${problem.exitCode}` : ''}${problem.reason ? `: ${problem.reason}` : problem.healthStatus ? ': UNHEALTHY' : ''}${size ? `\n${size}` : ''}`}
        >
          {clampText(containerProblemText(problem), n.width - 24, 11.5, 'bold', 'end')}
        </div>
      ) : (
        <div className="card-line muted">{size || ' '}</div>
      )}
    </div>
  );
});
