/**
 * The linked ECS model every part of the app works on. Plain data only: it is
 * structured-clone safe, so it crosses IPC and Web Worker boundaries as is.
 */
import { ENTITY_KINDS } from './entity-kinds';
import type { Finding } from '../findings/types';

/** Where a task runs, inferred as DESIGN.md says (explicit, capacity provider, host, else unknown). */
export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES' | 'UNKNOWN';

/** The overlay class a node is painted with: a launch type, or Fargate Spot told apart from Fargate. */
export type OverlayClass = LaunchType | 'FARGATE_SPOT';

/** How bad a diagnostic is: error = input unusable; warning = used in part; info = placeholder made, file skipped. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found while loading, pointing at a file and, where known, a line/column or JSON path. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `json-syntax`, `unknown-shape`, `wrong-type`, `failure`. */
  code: string;
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** JSON path inside the file, e.g. `$.tasks[0].cpu`. */
  path?: string;
  /** Model id of the object the diagnostic is about, so the UI can select it. */
  objectId?: string;
}

/** The object kinds of the model (also the `data-kind` of diagram nodes). */
export type EntityKind =
  | 'cluster'
  | 'service'
  | 'task'
  | 'container'
  | 'taskDefinition'
  | 'containerInstance'
  | 'capacityProvider'
  | 'targetGroup';

/** How each kind is named in messages and lists ("task definition", not "taskDefinition"): the table's labels. */
export const ENTITY_KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  ...(Object.fromEntries(Object.entries(ENTITY_KINDS).map(([kind, info]) => [kind, info.label])) as Record<
    Entity['kind'],
    string
  >),
  container: 'container',
};

/** What every model object has. */
export interface EntityBase {
  /** Canonical id: equal for the same object whatever ARN format named it. */
  id: string;
  kind: EntityKind;
  /** The ARN as the input gave it (the long format where both were seen). */
  arn?: string;
  /** Short human name (cluster name, service name, task short id, …). */
  name: string;
  /** True when the object is only referenced or listed, never described. */
  placeholder: boolean;
  /** Files that described or referenced it. */
  sources: string[];
  region?: string;
  accountId?: string;
  /** The described object as AWS returned it (merged across files; wrong-typed fields dropped). Absent for placeholders. */
  raw?: Record<string, unknown>;
  /**
   * Recovered from a broken file: the files (invalid JSON) it was read from all the same, because its only
   * defects there were missing or trailing commas. Absent when every file describing it was valid JSON.
   */
  recoveredFrom?: string[];
}

/** One entry of a capacity provider strategy. */
export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

/** An ECS cluster. */
export interface Cluster extends EntityBase {
  kind: 'cluster';
  status?: string;
  runningTasksCount?: number;
  pendingTasksCount?: number;
  activeServicesCount?: number;
  registeredContainerInstancesCount?: number;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
}

/** A deployment (or CODE_DEPLOY / EXTERNAL task set) of a service. */
export interface Deployment {
  id: string;
  /** `deployment` for `deployments[]`, `taskSet` for `taskSets[]`. */
  source: 'deployment' | 'taskSet';
  status?: string;
  taskDefinitionId?: string;
  desiredCount?: number;
  runningCount?: number;
  pendingCount?: number;
  failedTasks?: number;
  rolloutState?: string;
  rolloutStateReason?: string;
  launchType?: string;
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  /** This deployment's Service Connect configuration, with the Cloud Map services ECS made for it. */
  serviceConnect?: ServiceConnect;
  createdAt?: string;
  updatedAt?: string;
}

/** A service event message ("has reached a steady state", "unable to place a task", …). */
export interface ServiceEvent {
  id?: string;
  createdAt?: string;
  message: string;
}

/** A load balancer attachment of a service. */
export interface ServiceLoadBalancer {
  targetGroupId?: string;
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName?: string;
  containerPort?: number;
}

/** A name and port that clients of a Service Connect endpoint connect to (`clientAliases[]`). */
export interface ServiceConnectAlias {
  port?: number;
  /** Absent when the service left it to ECS, which then uses `discoveryName.namespace`. */
  dnsName?: string;
}

/** One endpoint a service publishes in its Service Connect namespace (a `services[]` entry). */
export interface ServiceConnectEndpoint {
  /** The port mapping name in the task definition. */
  portName?: string;
  /** The Cloud Map service name; ECS uses `portName` when it is absent. */
  discoveryName?: string;
  /** The Cloud Map service ECS made for it (a deployment's `serviceConnectResources`). */
  discoveryArn?: string;
  clientAliases: ServiceConnectAlias[];
  ingressPortOverride?: number;
}

/** The Service Connect configuration of a service or of one of its deployments. */
export interface ServiceConnect {
  enabled: boolean;
  /** The Cloud Map namespace, as the input named it: a name or an ARN. */
  namespace?: string;
  /** What the service publishes; empty for a client-only service (it connects to others, publishes nothing). */
  endpoints: ServiceConnectEndpoint[];
  /** Log driver of the Service Connect proxy (awslogs, …). */
  logDriver?: string;
}

/** A Cloud Map service registry a service registers its tasks in (`serviceRegistries[]`). */
export interface ServiceRegistry {
  /** `arn:aws:servicediscovery:<region>:<account>:service/srv-…`. */
  registryArn?: string;
  port?: number;
  containerName?: string;
  containerPort?: number;
}

/** An ECS service. */
export interface Service extends EntityBase {
  kind: 'service';
  clusterId?: string;
  status?: string;
  desiredCount?: number;
  runningCount?: number;
  pendingCount?: number;
  /** Declared launch type, if any. */
  launchType?: string;
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  /** Overlay class derived from launch type, strategy, or its tasks. */
  overlay: OverlayClass;
  taskDefinitionId?: string;
  deploymentController?: string;
  schedulingStrategy?: string;
  deployments: Deployment[];
  events: ServiceEvent[];
  loadBalancers: ServiceLoadBalancer[];
  /**
   * Service Connect in effect: the PRIMARY deployment's configuration (where describe-services puts it),
   * else the service's own (create-service input files). Absent when the input has none.
   */
  serviceConnect?: ServiceConnect;
  /** Cloud Map service registries (`serviceRegistries`); absent on placeholders. */
  serviceRegistries?: ServiceRegistry[];
  createdAt?: string;
}

/** A container of a task. */
export interface Container {
  id: string;
  kind: 'container';
  arn?: string;
  name: string;
  taskId: string;
  image?: string;
  /** The tag or digest part of the image reference, e.g. `2.4` of `httpd:2.4`. */
  imageTag?: string;
  lastStatus?: string;
  healthStatus?: string;
  exitCode?: number;
  reason?: string;
  privateIp?: string;
  cpu?: string;
  memory?: string;
}

/** An ECS task. */
export interface Task extends EntityBase {
  kind: 'task';
  /** Last segment of the task ARN. */
  shortId: string;
  clusterId?: string;
  serviceId?: string;
  /** `service:<name>` or `family:<name>`. */
  group?: string;
  startedBy?: string;
  taskDefinitionId?: string;
  containerInstanceId?: string;
  launchType: LaunchType;
  /** True for Fargate Spot (FARGATE plus capacity provider FARGATE_SPOT). */
  spot: boolean;
  capacityProviderName?: string;
  /** The capacity provider it runs on (`capacityProviderName`); a placeholder when not described, never for FARGATE/FARGATE_SPOT unless described. */
  capacityProviderId?: string;
  lastStatus?: string;
  desiredStatus?: string;
  healthStatus?: string;
  availabilityZone?: string;
  privateIp?: string;
  subnetId?: string;
  cpu?: string;
  memory?: string;
  platformVersion?: string;
  stopCode?: string;
  stoppedReason?: string;
  createdAt?: string;
  startedAt?: string;
  stoppedAt?: string;
  containers: Container[];
}

/** A container definition of a task definition, without environment values. */
export interface ContainerDefinitionSummary {
  name: string;
  image?: string;
  cpu?: number;
  memory?: number;
  essential?: boolean;
  /** Names only: values are never carried outside `raw`. */
  environmentNames: string[];
  secretNames: string[];
}

/** A task definition revision. */
export interface TaskDefinition extends EntityBase {
  kind: 'taskDefinition';
  family: string;
  revision?: number;
  status?: string;
  cpu?: string;
  memory?: string;
  networkMode?: string;
  requiresCompatibilities: string[];
  containerDefinitions: ContainerDefinitionSummary[];
  registeredAt?: string;
}

/** CPU and memory units of a container instance. */
export interface ResourceUnits {
  cpu?: number;
  memory?: number;
}

/** An EC2 (or external) host registered with a cluster. */
export interface ContainerInstance extends EntityBase {
  kind: 'containerInstance';
  clusterId?: string;
  ec2InstanceId?: string;
  status?: string;
  agentConnected?: boolean;
  instanceType?: string;
  availabilityZone?: string;
  capacityProviderName?: string;
  runningTasksCount?: number;
  pendingTasksCount?: number;
  registered: ResourceUnits;
  remaining: ResourceUnits;
}

/** A capacity provider (ASG-backed, FARGATE, FARGATE_SPOT or managed instances). */
export interface CapacityProvider extends EntityBase {
  kind: 'capacityProvider';
  providerType: 'ASG' | 'FARGATE' | 'FARGATE_SPOT' | 'MANAGED_INSTANCES' | 'UNKNOWN';
  status?: string;
  autoScalingGroupArn?: string;
}

/** An Elastic Load Balancing target group. */
export interface TargetGroup extends EntityBase {
  kind: 'targetGroup';
  protocol?: string;
  port?: number;
  targetType?: string;
  vpcId?: string;
  loadBalancerArns: string[];
  healthCheckPath?: string;
}

/** What a loaded file was recognised as. */
/**
 * A model object that stands alone in a Topology list, told apart by `kind`: narrowing on `kind` gives the
 * kind's own fields, no cast. (A Container lives inside its Task.) Per-kind facts: `ENTITY_KINDS`.
 */
export type Entity = Cluster | Service | Task | TaskDefinition | ContainerInstance | CapacityProvider | TargetGroup;

/** The entity of kind `K`: `EntityOfKind<'task'>` is `Task`. */
export type EntityOfKind<K extends Entity['kind']> = Extract<Entity, { kind: K }>;

export interface LoadedFile {
  name: string;
  /** Shapes found in it, e.g. `describe-tasks`, `list-services`, `bundle`; empty when unusable. */
  shapes: string[];
}

/** The whole linked model of one load. */
export interface Topology {
  clusters: Cluster[];
  services: Service[];
  tasks: Task[];
  taskDefinitions: TaskDefinition[];
  containerInstances: ContainerInstance[];
  capacityProviders: CapacityProvider[];
  targetGroups: TargetGroup[];
  diagnostics: Diagnostic[];
  files: LoadedFile[];
  /** A snapshot's fetch time (ISO-8601), when the input was a bundle that had one. */
  fetchedAt?: string;
  /**
   * How many objects (services, task definitions, container instances, target groups, tasks) of this load
   * are still on their way to the page: web mode sends a big load's objects in parts after the layout,
   * and the complete topology follows. Absent (or 0) on a complete topology.
   */
  arriving?: number;
  /**
   * What the findings rules say about this load (shared/findings), computed where it was loaded (the ingest
   * worker; the CLI in its own process), never on the page. Absent when nobody computed them.
   */
  findings?: Finding[];
}
