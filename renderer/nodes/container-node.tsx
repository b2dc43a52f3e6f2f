/** A container chip inside its task card: name, image tag, status, health, exit code. */
import { clampText } from '../../shared/render/text';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { STATUS_STYLES } from '../../shared/theme/theme';
import { StatusGlyph } from './node-parts';
import type { ContainerFlowNode } from './node-types';

/** Container chip. */
export const ContainerNode = memo(function ContainerNode({ data, selected }: NodeProps<ContainerFlowNode>) {
  const n = data.graph;
  const d = n.data;
  const s = STATUS_STYLES[n.statusClass];
  const exited = d.exitCode !== undefined;
  return (
    <div
      className={`chip status-${n.statusClass}${selected ? ' selected' : ''}`}
      data-testid="node"
      data-kind="container"
      data-id={n.id}
      data-status={n.statusClass}
      {...(n.placeholder ? { 'data-placeholder': 'true' } : {})}
      style={{
        width: n.width,
        height: n.height,
        borderColor: s.border,
        borderWidth: s.borderWidth,
        opacity: s.opacity,
      }}
      title={d.image ?? d.name}
    >
      <div className="chip-line">
        <span className={`dot dot-${n.statusClass}`} />
        {/* The one truncation (shared/render/text.ts), as the export: both ends of a name or tag stay. */}
        <span className="chip-name">{clampText(d.name, n.width - 130, 12, 'bold', 'middle')}</span>
        <span className="chip-tag mono">{d.imageTag ? clampText(d.imageTag, 88, 10, 'mono', 'middle') : ''}</span>
        <StatusGlyph status={n.statusClass} size={12} />
      </div>
      <div className="chip-line chip-meta">
        <span>{d.lastStatus ?? 'status unknown'}</span>
        {d.healthStatus && d.healthStatus !== 'UNKNOWN' && (
          <span className={`health health-${d.healthStatus.toLowerCase()}`}>{d.healthStatus}</span>
        )}
        {exited && <span className={d.exitCode === 0 ? 'exit-ok' : 'exit-bad'}>exit {d.exitCode}</span>}
      </div>
    </div>
  );
});
