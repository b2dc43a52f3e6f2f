/**
 * The diagram as plain data: nodes with known sizes and the edges between
 * them. Built from a Topology by `buildGraph`, positioned by `layoutGraph`,
 * drawn by the React canvas and (later) the SVG renderer.
 */
import type { LaunchType, OverlayClass } from '../model/types';
import type { StatusClass } from '../theme/theme';
import type { ContainerProblem } from './status';

/**
 * Kinds of diagram node; the first four are ECS objects, `group` is a box the diagram adds, `host` a place
 * tasks run (placement view), `targetGroup` a load balancer target group in front of services, `namespace`
 * a Service Connect namespace or Cloud Map service the services are discovered through.
 */
export type GraphNodeKind =
  'cluster' | 'service' | 'task' | 'container' | 'group' | 'host' | 'targetGroup' | 'namespace';

/** What a group box holds: the tasks of a service, of a standalone family, other tasks of a cluster, objects with no known cluster, or (`account`) the clusters of one account and region when a load spans several. */
export type GroupVariant =
  | 'service-tasks'
  | 'family'
  | 'cluster-tasks'
  | 'unknown-cluster'
  | 'host-tasks'
  | 'account'
  /** One card for an account's clusters that are only referenced and hold nothing drawn (see graph/accounts.ts). */
  | 'referenced-clusters';

/** Tasks per overlay class. */
export type OverlayCounts = Partial<Record<OverlayClass, number>>;

/** Per-status task counts. */
export type StatusCounts = Partial<Record<StatusClass, number>>;

/** Data of a cluster node: the totals an operator checks first. */
export interface ClusterData {
  name: string;
  region?: string;
  accountId?: string;
  status?: string;
  /** Counts AWS reported in describe-clusters (authoritative even when not every task was loaded). */
  reported: { activeServices?: number; runningTasks?: number; pendingTasks?: number; containerInstances?: number };
  /** Counts of what was loaded. */
  loaded: { services: number; tasks: number; containerInstances: number };
  tasksByOverlay: OverlayCounts;
  tasksByStatus: StatusCounts;
  capacityProviders: string[];
}

/** Data of a service node. */
export interface ServiceData {
  name: string;
  overlay: OverlayClass;
  status?: string;
  desired?: number;
  running?: number;
  pending?: number;
  /** Declared launch type, or the capacity provider strategy spelled out. */
  placement: string;
  /** `family:revision` of the task definition in use. */
  taskDefinition?: string;
  /** A rolling deployment that has not finished (rolloutState IN_PROGRESS or more than one deployment). */
  deploying: boolean;
  /** Number of service events (shown in the details panel). */
  eventCount: number;
  /** The newest event message, often the whole story ("unable to place a task"). */
  latestEvent?: string;
  loadBalanced: boolean;
  tasksByOverlay: OverlayCounts;
  /** Deployments and task sets, PRIMARY first (health and deployment overlay). */
  deployments?: DeploymentSummary[];
  /** Why the service needs a look (short of tasks, deployment failed or rolling out); empty when fine. */
  problems?: string[];
}

/** One deployment of a service as its card shows it. */
export interface DeploymentSummary {
  id: string;
  /** PRIMARY, ACTIVE, INACTIVE. */
  status?: string;
  /** COMPLETED, IN_PROGRESS, FAILED. */
  rolloutState?: string;
  rolloutStateReason?: string;
  /** `family:revision` it deploys. */
  taskDefinition?: string;
  running?: number;
  desired?: number;
  failedTasks?: number;
}

/** Data of a task node. */
export interface TaskData {
  shortId: string;
  overlay: OverlayClass;
  launchType: LaunchType;
  lastStatus?: string;
  desiredStatus?: string;
  healthStatus?: string;
  availabilityZone?: string;
  privateIp?: string;
  cpu?: string;
  memory?: string;
  taskDefinition?: string;
  stoppedReason?: string;
  stopCode?: string;
  containerCount: number;
  /** The primary deployment's `family:revision` when this task runs another revision (left behind by a rollout). */
  primaryTaskDefinition?: string;
  /** The first stopped-with-a-reason, failed or unhealthy container: the real cause the card shows (see `containerProblem`). */
  containerProblem?: ContainerProblem;
}

/** Data of a container chip. */
export interface ContainerData {
  name: string;
  image?: string;
  imageTag?: string;
  lastStatus?: string;
  healthStatus?: string;
  exitCode?: number;
  reason?: string;
}

/** Data of a group box. */
export interface GroupData {
  variant: GroupVariant;
  label: string;
  /** Tasks inside (all of them, also when collapsed). */
  taskCount: number;
  tasksByStatus: StatusCounts;
  /** Set when the box is a stack (collapsed, over the threshold or by hand): "24 tasks: 22 RUNNING, 2 PENDING · rev 41/42". */
  stackLabel?: string;
  /** Set on a stack some of whose tasks failed or are unhealthy: "2 failed · 1 unhealthy" (the stack is marked). */
  stackTrouble?: string;
  /** Account cards: running tasks as AWS counted them (services' runningCount, else clusters' runningTasksCount). */
  reportedRunning?: { count: number; from: 'services' | 'clusters' };
}

/** Where a placement-view host node's tasks run. */
export type HostVariant = 'ec2' | 'managed' | 'external' | 'fargate' | 'unplaced';

/** Reserved (registered − remaining) against registered units of one resource; not live usage. */
export interface ReservedResource {
  reserved: number;
  registered: number;
}

/** Data of a host node (placement view): an EC2/External container instance, Fargate in one AZ, or unplaced tasks. */
export interface HostData {
  variant: HostVariant;
  /** Instance id (i-…, mi-…), "Fargate · eu-west-1a", "Unplaced". */
  label: string;
  instanceType?: string;
  availabilityZone?: string;
  /** ACTIVE, DRAINING, … (container instances only). */
  status?: string;
  agentConnected?: boolean;
  capacityProvider?: string;
  /** CPU units reserved by tasks vs registered, from describe-container-instances. */
  cpu?: ReservedResource;
  /** Memory (MiB) reserved by tasks vs registered. */
  memory?: ReservedResource;
  taskCount: number;
  /** Tasks on Fargate Spot in this group. */
  spotCount: number;
  tasksByStatus: StatusCounts;
  /** Why these tasks have no known host (unplaced only). */
  reason?: string;
  /** Why the host needs a look (DRAINING, agent disconnected). */
  problems: string[];
}

/** Where a service sends a target group's traffic: its `loadBalancers[]` entry. */
export interface TargetGroupTarget {
  serviceName: string;
  containerName?: string;
  containerPort?: number;
}

/** Data of a target group node (from describe-target-groups, or a placeholder named in a service's `loadBalancers`). */
export interface TargetGroupData {
  name: string;
  /** HTTP, HTTPS, TCP, … (described only). */
  protocol?: string;
  port?: number;
  /** instance, ip, lambda, alb. */
  targetType?: string;
  healthCheckPath?: string;
  /** Load balancers that forward to it. */
  loadBalancerCount: number;
  /** Container name and port per service that registers into it, in service order. */
  targets: TargetGroupTarget[];
}

/** How services are discovered through a namespace node: Service Connect, or a Cloud Map registry (`serviceRegistries`). */
export type DiscoveryVariant = 'service-connect' | 'cloud-map';

/** One name and port a service can be reached at through a namespace node. */
export interface DiscoveryEndpoint {
  /** Service Connect: the client alias DNS name, else the discovery or port name. Cloud Map: the container name. */
  name?: string;
  port?: number;
}

/** A service that uses a namespace node, and what it publishes there. */
export interface DiscoveryMember {
  serviceId: string;
  serviceName: string;
  /** Empty for a Service Connect client that publishes nothing. */
  endpoints: DiscoveryEndpoint[];
}

/** Data of a namespace node: a Service Connect namespace, or a Cloud Map service a service registers its tasks in. */
export interface NamespaceData {
  variant: DiscoveryVariant;
  /** The namespace name (as given, or read off the default client alias), else the ns-… / srv-… id. */
  name: string;
  /** `ns-…` or `srv-…` from the ARN, when the input gave an ARN. */
  resourceId?: string;
  arn?: string;
  /** The services of this cluster that use it, in service order. */
  members: DiscoveryMember[];
  /** Services of other clusters in the same namespace (Service Connect spans clusters; each cluster draws its own node). */
  elsewhere: number;
}

interface NodeBase<K extends GraphNodeKind, D> {
  id: string;
  kind: K;
  /** The model object this node stands for (absent for synthetic groups). */
  entityId?: string;
  /** Enclosing node (task box for a task, task for a container); positions of children are relative to it. */
  parentId?: string;
  placeholder: boolean;
  /** True when its object was recovered from a broken file (`EntityBase.recoveredFrom`): drawn with a dotted outline. */
  recovered?: boolean;
  statusClass: StatusClass;
  /** True when the user collapsed it: its children are not in the graph. */
  collapsed: boolean;
  /** Descendant nodes hidden by collapsing, for the "+N" hint. */
  hiddenCount: number;
  /** True when collapsing it would hide something. */
  collapsible: boolean;
  width: number;
  height: number;
  data: D;
}

/** A diagram node, discriminated by `kind`. */
export type GraphNode =
  | NodeBase<'cluster', ClusterData>
  | NodeBase<'service', ServiceData>
  | NodeBase<'task', TaskData>
  | NodeBase<'container', ContainerData>
  | NodeBase<'group', GroupData>
  | NodeBase<'host', HostData>
  | NodeBase<'targetGroup', TargetGroupData>
  | NodeBase<'namespace', NamespaceData>;

/** An edge of the layered layout (parent → child across ranks). */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /**
   * A link outside the tree: a second service into a target group or namespace node another service already
   * holds. Drawn like any edge, but the compact layout places nodes by the tree edges alone, so shared
   * target groups and namespaces keep a big account on the fast layout.
   */
  cross?: boolean;
}

/** An edge after layout: `bend`, when set, is where it turns (x when ranks run left to right, else y), so it runs in a gap, not across boxes. */
export interface LaidOutEdge extends GraphEdge {
  bend?: number;
}

/** Counts for the legend: over the whole load, not just what filters keep. */
export interface LegendCounts {
  tasksByOverlay: OverlayCounts;
  servicesByOverlay: OverlayCounts;
  tasksByStatus: StatusCounts;
  placeholders: number;
  /** What the hierarchy draws beside the services (absent in the placement view, which does not). */
  aroundServices?: AroundServicesCounts;
}

/** Target groups, Service Connect namespaces and Cloud Map services the services use, each counted once over the load. */
export interface AroundServicesCounts {
  targetGroups: number;
  namespaces: number;
  cloudMapServices: number;
}

/** The output of `buildGraph`. Parents always come before their children in `nodes`. */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  legend: LegendCounts;
}

/** A positioned node: `x`/`y` is the top-left corner, relative to the parent when it has one. */
export type PositionedNode = GraphNode & { x: number; y: number };

/** A graph after layout. */
export interface LaidOutGraph {
  nodes: PositionedNode[];
  edges: LaidOutEdge[];
  legend: LegendCounts;
  /** Size of the whole drawing. */
  width: number;
  height: number;
  /** Which top-level layout placed it: dagre's layered one, or the compact tree for big graphs. */
  algorithm?: 'layered' | 'compact';
}
