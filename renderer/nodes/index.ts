/** The node component of each diagram node kind, as React Flow's `nodeTypes`. */
import type { NodeTypes } from '@xyflow/react';
import { ClusterNode } from './cluster-node';
import { ContainerNode } from './container-node';
import { GroupNode } from './group-node';
import { HostNode } from './host-node';
import { NamespaceNode } from './namespace-node';
import { ServiceNode } from './service-node';
import { TargetGroupNode } from './target-group-node';
import { TaskNode } from './task-node';

/** Kept at module level: a new object each render would remount every node. */
export const NODE_TYPES: NodeTypes = {
  cluster: ClusterNode,
  service: ServiceNode,
  task: TaskNode,
  container: ContainerNode,
  group: GroupNode,
  host: HostNode,
  targetGroup: TargetGroupNode,
  namespace: NamespaceNode,
};
