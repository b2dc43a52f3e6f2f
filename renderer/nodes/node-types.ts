/**
 * React Flow node types of the diagram: one per graph node kind, each
 * carrying the positioned graph node it draws.
 */
import type { Node } from '@xyflow/react';
import type { GraphNodeKind, PositionedNode } from '../../shared/graph/types';

/** Data of a diagram node: the graph node, and whether ranks run left-to-right (handle sides). */
export type DiagramNodeData<K extends GraphNodeKind> = {
  graph: Extract<PositionedNode, { kind: K }>;
  horizontal: boolean;
};

/** A cluster node. */
export type ClusterFlowNode = Node<DiagramNodeData<'cluster'>, 'cluster'>;
/** A service node. */
export type ServiceFlowNode = Node<DiagramNodeData<'service'>, 'service'>;
/** A task card. */
export type TaskFlowNode = Node<DiagramNodeData<'task'>, 'task'>;
/** A container chip inside a task card. */
export type ContainerFlowNode = Node<DiagramNodeData<'container'>, 'container'>;
/** A group box (tasks of a service or family, unknown cluster). */
export type GroupFlowNode = Node<DiagramNodeData<'group'>, 'group'>;

/** A host card (placement view). */
export type HostFlowNode = Node<DiagramNodeData<'host'>, 'host'>;

/** A load balancer target group beside its service. */
export type TargetGroupFlowNode = Node<DiagramNodeData<'targetGroup'>, 'targetGroup'>;

/** A Service Connect namespace or Cloud Map service beside the services that use it. */
export type NamespaceFlowNode = Node<DiagramNodeData<'namespace'>, 'namespace'>;

/** Any diagram node. */
export type DiagramFlowNode =
  | ClusterFlowNode
  | ServiceFlowNode
  | TaskFlowNode
  | ContainerFlowNode
  | GroupFlowNode
  | HostFlowNode
  | TargetGroupFlowNode
  | NamespaceFlowNode;
