/**
 * A Service Connect namespace or Cloud Map service beside the services that
 * are discovered through it: its name (and ns-/srv- id), the names and ports
 * published there (client aliases, or the registry's container and port), and
 * how many services use it here and in other clusters.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { namespaceDetail, namespaceKicker, namespaceRoute } from '../../shared/graph/namespace';
import { BASE_COLOURS, DISCOVERY_STYLE } from '../../shared/theme/theme';
import { NodeHandles, SideCardBody } from './node-parts';
import type { NamespaceFlowNode } from './node-types';

/** Namespace card. */
export const NamespaceNode = memo(function NamespaceNode({ data, selected }: NodeProps<NamespaceFlowNode>) {
  const n = data.graph;
  const d = n.data;
  return (
    <div
      className="card namespace-card"
      data-testid="node"
      data-kind="namespace"
      data-variant={d.variant}
      data-id={n.id}
      style={{
        width: n.width,
        height: n.height,
        borderColor: DISCOVERY_STYLE.border,
        ['--accent' as string]: DISCOVERY_STYLE.accent,
        ...(selected ? { boxShadow: `0 0 0 3px ${BASE_COLOURS.selected}` } : {}),
      }}
      title={d.arn ?? d.name}
    >
      <NodeHandles horizontal={data.horizontal} source={false} target />
      <SideCardBody
        kind="namespace"
        kicker={namespaceKicker(d.variant)}
        pill={
          d.resourceId && d.resourceId !== d.name
            ? { text: d.resourceId, className: 'pill-namespace', testId: 'namespace-id' }
            : undefined
        }
        name={d.name}
        route={namespaceRoute(d)}
        detail={namespaceDetail(d)}
      />
    </div>
  );
});
