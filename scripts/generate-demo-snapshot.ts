/**
 * Writes renderer/demo/demo-snapshot.json: the demo snapshot that ships with
 * the app, as an `ecs-visualizer/v1` bundle of raw describe-* shaped objects
 * (so ingest reads it like any real snapshot). Deterministic: a seeded PRNG,
 * fixed clock. Run: `npm run demo:generate`.
 *
 * Two clusters; EC2, ECS Managed Instances, Fargate, Fargate Spot and External
 * tasks; 10 services, 2 standalone families, 47 tasks; one unhealthy task,
 * one provisioning task, two stopped ones, a rolling deployment and a service
 * that cannot place a task.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}`;
const FETCHED_AT = '2026-11-28T09:30:00.000Z';
const AZS = [`${REGION}a`, `${REGION}b`, `${REGION}c`];
const SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'];
const VPC = 'vpc-0f1e2d3c4b5a69788';

// mulberry32: a tiny seeded PRNG, so regenerating gives the same file.
let seed = 0x5eed1234;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const digits = (n: number): string =>
  Array.from({ length: n }, (_, i) => String(i === 0 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 10))).join('');
const ip = (az: number): string => `10.0.${16 * (az + 1) + Math.floor(rand() * 16)}.${2 + Math.floor(rand() * 250)}`;
const at = (minutesBefore: number): string =>
  new Date(Date.parse(FETCHED_AT) - minutesBefore * 60_000).toISOString().replace('Z', '+00:00');

type Placement =
  | { kind: 'EC2'; provider: string }
  | { kind: 'MANAGED_INSTANCES'; provider: string }
  | { kind: 'EXTERNAL' }
  | { kind: 'FARGATE' }
  | { kind: 'SPOT' }
  | { kind: 'STRATEGY'; strategy: { capacityProvider: string; weight: number; base: number }[] };

interface ContainerSpec {
  name: string;
  image: string;
  port?: number;
  env?: Record<string, string>;
  secrets?: string[];
  health?: boolean;
  /** Tasks (by index) whose copy of this image has another digest: the tag moved between pulls (image drift). */
  digestDriftTasks?: number[];
}

interface ServiceSpec {
  cluster: string;
  name: string;
  placement: Placement;
  tasks: number;
  cpu: string;
  memory: string;
  containers: ContainerSpec[];
  revision: number;
  targetGroup?: string;
  networkMode?: 'awsvpc' | 'bridge';
  /** Per-task overrides by index. */
  special?: Record<number, 'unhealthy' | 'provisioning' | 'old-revision'>;
  desiredExtra?: number;
  events?: string[];
  deploying?: boolean;
  /** The service's own placement constraints (memberOf in the cluster query language, distinctInstance). */
  placementConstraints?: { type: string; expression?: string }[];
}

const clusters = [
  { name: 'prod-web', providers: ['prod-web-asg', 'FARGATE', 'FARGATE_SPOT'] },
  { name: 'data-platform', providers: ['data-asg', 'data-managed', 'FARGATE', 'FARGATE_SPOT'] },
];

const services: ServiceSpec[] = [
  {
    cluster: 'prod-web',
    name: 'web-frontend',
    placement: { kind: 'EC2', provider: 'prod-web-asg' },
    tasks: 6,
    cpu: '512',
    memory: '1024',
    revision: 42,
    targetGroup: 'web-frontend-tg',
    containers: [
      { name: 'nginx', image: 'public.ecr.aws/nginx/nginx:1.27-alpine', port: 80, health: true },
      {
        name: 'app',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web-frontend:v2.14.3`,
        port: 3000,
        env: { NODE_ENV: 'production', SESSION_SECRET: 'demo-not-a-real-secret-7f3a' },
        secrets: ['DATABASE_PASSWORD'],
        health: true,
      },
    ],
    special: { 2: 'unhealthy' },
    events: [
      '(service web-frontend) (task {TASK2}) failed container health checks.',
      '(service web-frontend) has reached a steady state.',
    ],
  },
  {
    cluster: 'prod-web',
    name: 'api-gateway',
    placement: { kind: 'FARGATE' },
    tasks: 6,
    cpu: '1024',
    memory: '2048',
    revision: 88,
    targetGroup: 'api-gateway-tg',
    containers: [
      {
        name: 'api',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api-gateway:2026.11.27-1`,
        port: 8080,
        env: { LOG_LEVEL: 'info', UPSTREAM_TIMEOUT_MS: '3000' },
        secrets: ['JWT_SIGNING_KEY'],
        health: true,
      },
      { name: 'envoy', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.0-prod', port: 9901, health: true },
    ],
    events: ['(service api-gateway) has reached a steady state.'],
  },
  {
    cluster: 'prod-web',
    name: 'checkout',
    placement: {
      kind: 'STRATEGY',
      strategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 2 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
      ],
    },
    tasks: 6,
    cpu: '512',
    memory: '1024',
    revision: 14,
    targetGroup: 'checkout-tg',
    containers: [
      {
        name: 'checkout',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/checkout:v5.2.0`,
        port: 8080,
        env: { PAYMENT_API_URL: 'https://payments.internal.example', FEATURE_FLAGS: 'one-click,apple-pay' },
        secrets: ['STRIPE_API_KEY'],
        health: true,
      },
    ],
    special: { 4: 'old-revision', 5: 'old-revision' },
    deploying: true,
    events: [
      '(service checkout) has started 2 tasks: (task {TASK0}) (task {TASK1}).',
      '(service checkout) has begun draining connections on 1 tasks.',
    ],
  },
  {
    cluster: 'prod-web',
    name: 'image-resizer',
    placement: { kind: 'SPOT' },
    tasks: 5,
    cpu: '2048',
    memory: '4096',
    revision: 7,
    containers: [
      {
        name: 'resizer',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/image-resizer:1.9.1`,
        env: { QUEUE_URL: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/image-jobs` },
        // Drifted: 1.9.1 was pushed again, and two tasks started since run the new build (image drift).
        digestDriftTasks: [3, 4],
      },
    ],
    events: ['(service image-resizer) has reached a steady state.'],
  },
  {
    cluster: 'prod-web',
    name: 'session-cache',
    placement: { kind: 'EC2', provider: 'prod-web-asg' },
    tasks: 3,
    cpu: '256',
    memory: '1536',
    revision: 3,
    networkMode: 'bridge',
    containers: [{ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.4', port: 6379, health: true }],
    events: ['(service session-cache) has reached a steady state.'],
  },
  {
    cluster: 'data-platform',
    name: 'orders-worker',
    placement: { kind: 'FARGATE' },
    tasks: 5,
    cpu: '1024',
    memory: '2048',
    revision: 21,
    containers: [
      {
        name: 'worker',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders-worker:3.8.0`,
        env: { KAFKA_BROKERS: 'b-1.orders.kafka.internal:9092', BATCH_SIZE: '500' },
        secrets: ['DB_PASSWORD'],
      },
      { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3' },
    ],
    special: { 4: 'provisioning' },
    events: ['(service orders-worker) has started 1 tasks: (task {TASK4}).'],
  },
  {
    // Unplaceable: it asks for GPU hosts (memberOf g5.*) and the cluster has only m6i; the findings explain it.
    cluster: 'prod-web',
    name: 'gpu-transcoder',
    placement: { kind: 'EC2', provider: 'prod-web-asg' },
    tasks: 0,
    desiredExtra: 2,
    cpu: '1024',
    memory: '2048',
    revision: 3,
    containers: [{ name: 'transcoder', image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/gpu-transcoder:1.2.0` }],
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g5.*' }],
    events: [
      "(service gpu-transcoder) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance {CI0}) doesn't satisfy the placement constraints. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
    ],
  },
  {
    cluster: 'data-platform',
    name: 'search-indexer',
    placement: { kind: 'EC2', provider: 'data-asg' },
    tasks: 3,
    cpu: '2048',
    memory: '12288',
    revision: 11,
    desiredExtra: 1,
    containers: [
      {
        name: 'indexer',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/search-indexer:0.31.2`,
        env: { OPENSEARCH_URL: 'https://search.internal.example' },
      },
    ],
    events: [
      '(service search-indexer) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance {CI0}) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    ],
  },
  {
    cluster: 'data-platform',
    name: 'report-builder',
    placement: { kind: 'SPOT' },
    tasks: 4,
    cpu: '4096',
    memory: '8192',
    revision: 5,
    containers: [{ name: 'builder', image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/report-builder:2.0.4` }],
    events: ['(service report-builder) has reached a steady state.'],
  },
  {
    cluster: 'data-platform',
    name: 'ml-inference',
    placement: { kind: 'MANAGED_INSTANCES', provider: 'data-managed' },
    tasks: 3,
    cpu: '4096',
    memory: '16384',
    revision: 9,
    containers: [
      {
        name: 'model-server',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/ml-inference:torch-2.5-r9`,
        port: 8501,
        health: true,
      },
    ],
    events: ['(service ml-inference) has reached a steady state.'],
  },
  {
    cluster: 'data-platform',
    name: 'edge-sync',
    placement: { kind: 'EXTERNAL' },
    tasks: 2,
    cpu: '256',
    memory: '512',
    revision: 2,
    networkMode: 'bridge',
    containers: [{ name: 'sync-agent', image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/edge-sync:1.4.0` }],
    events: ['(service edge-sync) has reached a steady state.'],
  },
];

const standalone = [
  {
    cluster: 'data-platform',
    family: 'db-migrate',
    revision: 31,
    placement: { kind: 'FARGATE' } as Placement,
    cpu: '512',
    memory: '1024',
    count: 2,
    stoppedIndex: 0,
    containers: [
      {
        name: 'migrate',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/db-migrate:2026.11.28`,
        env: { MIGRATION_TARGET: 'latest' },
        secrets: ['DB_ADMIN_PASSWORD'],
      },
    ],
  },
  {
    cluster: 'data-platform',
    family: 'nightly-report',
    revision: 4,
    placement: { kind: 'SPOT' } as Placement,
    cpu: '2048',
    memory: '4096',
    count: 1,
    stoppedIndex: -1,
    containers: [{ name: 'report', image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/nightly-report:1.2.0` }],
  },
];

const taskDefinitions: Record<string, unknown>[] = [];
const targetGroupArns = new Map<string, string>();
const tasksOut: Record<string, unknown>[] = [];
const servicesOut: Record<string, unknown>[] = [];
const instancesOut: Record<string, unknown>[] = [];

function tdArn(family: string, revision: number): string {
  return `${ARN}:task-definition/${family}:${revision}`;
}

function makeTaskDefinition(
  family: string,
  revision: number,
  cpu: string,
  memory: string,
  containers: ContainerSpec[],
  placement: Placement,
  networkMode: string,
): void {
  const compat =
    placement.kind === 'EC2'
      ? ['EC2']
      : placement.kind === 'MANAGED_INSTANCES'
        ? ['MANAGED_INSTANCES']
        : placement.kind === 'EXTERNAL'
          ? ['EXTERNAL']
          : ['FARGATE'];
  taskDefinitions.push({
    taskDefinitionArn: tdArn(family, revision),
    containerDefinitions: containers.map((c) => ({
      name: c.name,
      image: c.image,
      cpu: 0,
      portMappings: c.port
        ? [{ containerPort: c.port, hostPort: networkMode === 'bridge' ? 0 : c.port, protocol: 'tcp' }]
        : [],
      essential: true,
      environment: Object.entries(c.env ?? {}).map(([name, value]) => ({ name, value })),
      mountPoints: [],
      volumesFrom: [],
      secrets: (c.secrets ?? []).map((name) => ({
        name,
        valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${family}/${name.toLowerCase()}`,
      })),
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': c.name },
      },
      ...(c.health
        ? {
            healthCheck: {
              command: ['CMD-SHELL', `curl -fs http://localhost:${c.port ?? 80}/health || exit 1`],
              interval: 30,
              timeout: 5,
              retries: 3,
            },
          }
        : {}),
    })),
    family,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${family}-task`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    networkMode,
    revision,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    placementConstraints: [],
    compatibilities: compat.includes('FARGATE') ? ['EC2', 'FARGATE'] : compat,
    requiresCompatibilities: compat,
    cpu,
    memory,
    registeredAt: at(60 * 24 * 3 + revision),
    registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy-pipeline/codebuild`,
  });
}

// Container instances: EC2 hosts per ASG provider, managed instances, one on-prem box.
const hosts: Record<string, { arn: string; az: number; ec2: string }[]> = {};
function makeHosts(
  cluster: string,
  provider: string | undefined,
  count: number,
  instanceType: string,
  cpu: number,
  mem: number,
  external = false,
): void {
  const list: { arn: string; az: number; ec2: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = hex(32);
    const arn = `${ARN}:container-instance/${cluster}/${id}`;
    const ec2 = external ? `mi-0${hex(16)}` : `i-0${hex(16)}`;
    const az = i % 3;
    list.push({ arn, az, ec2 });
    instancesOut.push({
      containerInstanceArn: arn,
      ec2InstanceId: ec2,
      ...(provider ? { capacityProviderName: provider } : {}),
      version: 40 + i,
      // One data-asg host missed the last agent update: agent drift for the findings.
      versionInfo: {
        agentVersion: cluster === 'data-platform' && provider === 'data-asg' && i === 1 ? '1.86.3' : '1.89.2',
        agentHash: 'a1b2c3d4',
        dockerVersion: 'DockerVersion: 25.0.8',
      },
      remainingResources: [
        { name: 'CPU', type: 'INTEGER', doubleValue: 0.0, longValue: 0, integerValue: Math.floor(cpu * 0.3) },
        { name: 'MEMORY', type: 'INTEGER', doubleValue: 0.0, longValue: 0, integerValue: Math.floor(mem * 0.12) },
        {
          name: 'PORTS',
          type: 'STRINGSET',
          doubleValue: 0.0,
          longValue: 0,
          integerValue: 0,
          stringSetValue: ['22', '2376', '2375', '51678', '51679'],
        },
      ],
      registeredResources: [
        { name: 'CPU', type: 'INTEGER', doubleValue: 0.0, longValue: 0, integerValue: cpu },
        { name: 'MEMORY', type: 'INTEGER', doubleValue: 0.0, longValue: 0, integerValue: mem },
        {
          name: 'PORTS',
          type: 'STRINGSET',
          doubleValue: 0.0,
          longValue: 0,
          integerValue: 0,
          stringSetValue: ['22', '2376', '2375', '51678', '51679'],
        },
      ],
      status: 'ACTIVE',
      agentConnected: true,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      attributes: [
        { name: 'ecs.os-type', value: 'linux' },
        // What the agent registers on every host (a few of them): task definitions' requiresAttributes name these.
        { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
        { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.44' },
        { name: 'ecs.capability.execution-role-awslogs' },
        { name: 'ecs.capability.task-eni' },
        ...(external
          ? []
          : [
              { name: 'ecs.instance-type', value: instanceType },
              { name: 'ecs.availability-zone', value: AZS[az] },
            ]),
      ],
      registeredAt: at(60 * 24 * 9 + i * 17),
      attachments: [],
      tags: [],
    });
  }
  hosts[`${cluster}/${provider ?? 'external'}`] = list;
}
makeHosts('prod-web', 'prod-web-asg', 3, 'm6i.xlarge', 4096, 15_722);
makeHosts('data-platform', 'data-asg', 2, 'r6i.large', 2048, 15_722);
makeHosts('data-platform', 'data-managed', 2, 'c7i.2xlarge', 8192, 15_500);
makeHosts('data-platform', undefined, 1, 'external', 4096, 7_680, true);

function hostFor(
  cluster: string,
  placement: Placement,
  index: number,
): { arn: string; az: number; ec2: string } | undefined {
  if (placement.kind === 'EC2' || placement.kind === 'MANAGED_INSTANCES')
    return hosts[`${cluster}/${placement.provider}`][index % hosts[`${cluster}/${placement.provider}`].length];
  if (placement.kind === 'EXTERNAL') return hosts[`${cluster}/external`][0];
  return undefined;
}

interface TaskState {
  last: string;
  desired: string;
  health: string;
  stopped?: { reason: string; code: string; exitCode: number };
}

/** A stable 64-hex digest of an image name (FNV-1a, eight seeds): one digest per image, as a registry gives. */
function stableDigest(image: string): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < image.length; i++) h = Math.imul(h ^ image.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * The digest a task's container runs: the image's one digest, or (for a task in `digestDriftTasks`) the rebuilt
 * image's.
 */
function demoDigest(c: ContainerSpec, index: number): string {
  // The drifted tasks share the one rebuilt digest.
  return `sha256:${stableDigest(c.digestDriftTasks?.includes(index) ? `${c.image}#rebuilt` : c.image)}`;
}

function makeTask(
  cluster: string,
  group: string,
  startedBy: string,
  family: string,
  revision: number,
  placement: Placement,
  containers: ContainerSpec[],
  cpu: string,
  memory: string,
  index: number,
  networkMode: string,
  state: TaskState,
  spotByStrategy: boolean,
): string {
  const id = hex(32);
  const taskArn = `${ARN}:task/${cluster}/${id}`;
  const host = hostFor(cluster, placement, index);
  const az = host?.az ?? index % 3;
  const created = 60 * 24 * 2 - index * 37 - (state.last === 'PROVISIONING' ? 60 * 24 * 2 - 1 : 0);
  const isFargate = placement.kind === 'FARGATE' || placement.kind === 'SPOT' || placement.kind === 'STRATEGY';
  const spot = placement.kind === 'SPOT' || spotByStrategy;
  const awsvpc = networkMode === 'awsvpc';
  const attachmentId = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  const privateIp = ip(az);
  const eni = `eni-0${hex(16)}`;
  const running = state.last === 'RUNNING';
  const stopped = state.last === 'STOPPED';
  const launchType =
    placement.kind === 'EC2'
      ? 'EC2'
      : placement.kind === 'MANAGED_INSTANCES'
        ? 'MANAGED_INSTANCES'
        : placement.kind === 'EXTERNAL'
          ? 'EXTERNAL'
          : 'FARGATE';
  const capacityProviderName =
    placement.kind === 'EC2' || placement.kind === 'MANAGED_INSTANCES'
      ? placement.provider
      : isFargate
        ? spot
          ? 'FARGATE_SPOT'
          : 'FARGATE'
        : undefined;
  tasksOut.push({
    attachments: awsvpc
      ? [
          {
            id: attachmentId,
            type: 'ElasticNetworkInterface',
            status: stopped ? 'DELETED' : state.last === 'PROVISIONING' ? 'PRECREATED' : 'ATTACHED',
            details: [
              { name: 'subnetId', value: SUBNETS[az] },
              { name: 'networkInterfaceId', value: eni },
              { name: 'macAddress', value: `0a:${hex(2)}:${hex(2)}:${hex(2)}:${hex(2)}:${hex(2)}` },
              { name: 'privateDnsName', value: `ip-${privateIp.replaceAll('.', '-')}.${REGION}.compute.internal` },
              { name: 'privateIPv4Address', value: privateIp },
            ],
          },
        ]
      : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: AZS[az],
    ...(capacityProviderName ? { capacityProviderName } : {}),
    clusterArn: `${ARN}:cluster/${cluster}`,
    connectivity: state.last === 'PROVISIONING' ? undefined : 'CONNECTED',
    connectivityAt: state.last === 'PROVISIONING' ? undefined : at(created - 0.2),
    ...(host ? { containerInstanceArn: host.arn } : {}),
    containers: containers.map((c) => {
      const exitCode = stopped ? state.stopped?.exitCode : undefined;
      // Digests were random per task before they were stable per image: still drawn, so every other id stays.
      if (running || stopped) hex(64);
      return {
        containerArn: `${ARN}:container/${cluster}/${id}/${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
        taskArn,
        name: c.name,
        image: c.image,
        ...(running || stopped ? { imageDigest: demoDigest(c, index), runtimeId: `${id}-${digits(10)}` } : {}),
        lastStatus: running ? 'RUNNING' : stopped ? 'STOPPED' : 'PENDING',
        ...(exitCode !== undefined
          ? {
              exitCode,
              reason: exitCode !== 0 ? 'Error: migration 0142_add_order_index failed: lock timeout' : undefined,
            }
          : {}),
        networkBindings:
          !awsvpc && c.port && running
            ? [
                {
                  bindIP: '0.0.0.0',
                  containerPort: c.port,
                  hostPort: 32768 + Math.floor(rand() * 28000),
                  protocol: 'tcp',
                },
              ]
            : [],
        networkInterfaces: awsvpc ? [{ attachmentId, privateIpv4Address: privateIp }] : [],
        healthStatus: c.health
          ? state.health === 'UNHEALTHY' && c.name !== 'nginx'
            ? 'UNHEALTHY'
            : running
              ? 'HEALTHY'
              : 'UNKNOWN'
          : 'UNKNOWN',
        cpu: '0',
      };
    }),
    cpu,
    createdAt: at(created),
    desiredStatus: state.desired,
    enableExecuteCommand: false,
    group,
    healthStatus: state.health,
    lastStatus: state.last,
    launchType,
    memory,
    overrides: { containerOverrides: containers.map((c) => ({ name: c.name })), inferenceAcceleratorOverrides: [] },
    ...(isFargate ? { platformVersion: '1.4.0', platformFamily: 'Linux' } : {}),
    ...(running || stopped
      ? { pullStartedAt: at(created - 0.3), pullStoppedAt: at(created - 0.6), startedAt: at(created - 0.8) }
      : {}),
    startedBy,
    ...(stopped && state.stopped
      ? {
          stopCode: state.stopped.code,
          stoppedReason: state.stopped.reason,
          stoppingAt: at(created - 4),
          stoppedAt: at(created - 4.5),
          executionStoppedAt: at(created - 4.2),
        }
      : {}),
    tags: [],
    taskArn,
    taskDefinitionArn: tdArn(family, revision),
    version: stopped ? 5 : running ? 3 : 1,
    ...(isFargate ? { ephemeralStorage: { sizeInGiB: 20 } } : {}),
  });
  return id;
}

for (const s of services) {
  const networkMode = s.networkMode ?? 'awsvpc';
  makeTaskDefinition(s.name, s.revision, s.cpu, s.memory, s.containers, s.placement, networkMode);
  if (s.special && Object.values(s.special).includes('old-revision'))
    makeTaskDefinition(s.name, s.revision - 1, s.cpu, s.memory, s.containers, s.placement, networkMode);
  const primary = `ecs-svc/${digits(19)}`;
  const previous = `ecs-svc/${digits(19)}`;
  const ids: string[] = [];
  let running = 0;
  let pending = 0;
  let oldCount = 0;
  for (let i = 0; i < s.tasks; i++) {
    const special = s.special?.[i];
    const state: TaskState =
      special === 'unhealthy'
        ? { last: 'RUNNING', desired: 'RUNNING', health: 'UNHEALTHY' }
        : special === 'provisioning'
          ? { last: 'PROVISIONING', desired: 'RUNNING', health: 'UNKNOWN' }
          : { last: 'RUNNING', desired: 'RUNNING', health: s.containers.some((c) => c.health) ? 'HEALTHY' : 'UNKNOWN' };
    if (state.last === 'RUNNING') running++;
    else pending++;
    const old = special === 'old-revision';
    if (old) oldCount++;
    // A capacity provider strategy of FARGATE base 2 + FARGATE_SPOT weight 3 puts most tasks past the base on Spot.
    const spotByStrategy = s.placement.kind === 'STRATEGY' && i >= 2 && i % 4 !== 3;
    ids.push(
      makeTask(
        s.cluster,
        `service:${s.name}`,
        old ? previous : primary,
        s.name,
        old ? s.revision - 1 : s.revision,
        s.placement,
        s.containers,
        s.cpu,
        s.memory,
        i,
        networkMode,
        state,
        spotByStrategy,
      ),
    );
  }
  const placement = s.placement;
  const launch =
    placement.kind === 'STRATEGY'
      ? { capacityProviderStrategy: placement.strategy }
      : placement.kind === 'SPOT'
        ? { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }] }
        : placement.kind === 'EC2'
          ? { capacityProviderStrategy: [{ capacityProvider: placement.provider, weight: 1, base: 0 }] }
          : placement.kind === 'MANAGED_INSTANCES'
            ? { capacityProviderStrategy: [{ capacityProvider: placement.provider, weight: 1, base: 0 }] }
            : { launchType: placement.kind };
  const network =
    networkMode === 'awsvpc'
      ? {
          networkConfiguration: {
            awsvpcConfiguration: { subnets: SUBNETS, securityGroups: [`sg-0${hex(16)}`], assignPublicIp: 'DISABLED' },
          },
        }
      : {};
  const isFargate = placement.kind === 'FARGATE' || placement.kind === 'SPOT' || placement.kind === 'STRATEGY';
  const desired = s.tasks + (s.desiredExtra ?? 0);
  const fill = (m: string): string =>
    m
      .replace(/\{TASK(\d)\}/g, (_, n: string) => ids[Number(n)] ?? '')
      .replace(
        /\{CI(\d)\}/g,
        (_, n: string) =>
          hosts[`${s.cluster}/${(placement as { provider?: string }).provider}`]?.[Number(n)]?.arn.split('/').pop() ??
          '',
      );
  const tg = s.targetGroup
    ? `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${s.targetGroup}/${hex(16)}`
    : undefined;
  if (tg) targetGroupArns.set(s.targetGroup!, tg);
  const deployment = (
    id: string,
    status: string,
    revision: number,
    count: number,
    run: number,
    pend: number,
    rollout: string,
    minutes: number,
  ) => ({
    id,
    status,
    taskDefinition: tdArn(s.name, revision),
    desiredCount: count,
    pendingCount: pend,
    runningCount: run,
    failedTasks: 0,
    createdAt: at(minutes),
    updatedAt: at(minutes - 2),
    ...launch,
    ...(isFargate ? { platformVersion: '1.4.0', platformFamily: 'Linux' } : {}),
    ...network,
    rolloutState: rollout,
    rolloutStateReason:
      rollout === 'COMPLETED' ? 'ECS deployment ecs-svc completed.' : 'ECS deployment ' + id + ' in progress.',
  });
  servicesOut.push({
    serviceArn: `${ARN}:service/${s.cluster}/${s.name}`,
    serviceName: s.name,
    clusterArn: `${ARN}:cluster/${s.cluster}`,
    loadBalancers: tg
      ? [{ targetGroupArn: tg, containerName: s.containers[0].name, containerPort: s.containers[0].port }]
      : [],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: desired,
    runningCount: running,
    pendingCount: pending,
    ...launch,
    ...(isFargate ? { platformVersion: 'LATEST', platformFamily: 'Linux' } : {}),
    taskDefinition: tdArn(s.name, s.revision),
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: s.deploying
      ? [
          deployment(primary, 'PRIMARY', s.revision, desired, s.tasks - oldCount, 0, 'IN_PROGRESS', 14),
          deployment(previous, 'ACTIVE', s.revision - 1, oldCount, oldCount, 0, 'COMPLETED', 60 * 30),
        ]
      : [deployment(primary, 'PRIMARY', s.revision, desired, running, pending, 'COMPLETED', 60 * 26)],
    roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: (s.events ?? []).map((m, i) => ({
      id: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      createdAt: at(3 + i * 45),
      message: fill(m),
    })),
    createdAt: at(60 * 24 * 200),
    placementConstraints: s.placementConstraints ?? [],
    placementStrategy: placement.kind === 'EC2' ? [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] : [],
    ...network,
    healthCheckGracePeriodSeconds: tg ? 60 : 0,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    createdBy: `arn:aws:iam::${ACCOUNT}:role/deploy-pipeline`,
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'ENABLED',
  });
}

for (const f of standalone) {
  makeTaskDefinition(f.family, f.revision, f.cpu, f.memory, f.containers, f.placement, 'awsvpc');
  for (let i = 0; i < f.count; i++) {
    const state: TaskState =
      i === f.stoppedIndex
        ? {
            last: 'STOPPED',
            desired: 'STOPPED',
            health: 'UNKNOWN',
            stopped: { reason: 'Essential container in task exited', code: 'EssentialContainerExited', exitCode: 1 },
          }
        : { last: 'RUNNING', desired: 'RUNNING', health: 'UNKNOWN' };
    makeTask(
      f.cluster,
      `family:${f.family}`,
      'deploy-pipeline',
      f.family,
      f.revision,
      f.placement,
      f.containers,
      f.cpu,
      f.memory,
      i,
      'awsvpc',
      state,
      false,
    );
  }
}

// Per-host task counts and per-cluster totals, from the tasks generated above.
for (const ci of instancesOut) {
  const on = tasksOut.filter((t) => t.containerInstanceArn === ci.containerInstanceArn);
  ci.runningTasksCount = on.filter((t) => t.lastStatus === 'RUNNING').length;
  ci.pendingTasksCount = on.filter((t) => t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING').length;
}
const clustersOut = clusters.map((c) => {
  const arn = `${ARN}:cluster/${c.name}`;
  const mine = tasksOut.filter((t) => t.clusterArn === arn);
  return {
    clusterArn: arn,
    clusterName: c.name,
    configuration: { executeCommandConfiguration: { logging: 'DEFAULT' } },
    status: 'ACTIVE',
    registeredContainerInstancesCount: instancesOut.filter((i) =>
      String(i.containerInstanceArn).includes(`/${c.name}/`),
    ).length,
    runningTasksCount: mine.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasksCount: mine.filter((t) => t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING').length,
    activeServicesCount: servicesOut.filter((s) => s.clusterArn === arn).length,
    statistics: [],
    tags: [{ key: 'team', value: c.name === 'prod-web' ? 'storefront' : 'data' }],
    settings: [{ name: 'containerInsights', value: 'enhanced' }],
    capacityProviders: c.providers,
    defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    attachments: [],
    attachmentsStatus: 'UPDATE_COMPLETE',
  };
});

const asg = (name: string) => ({
  capacityProviderArn: `${ARN}:capacity-provider/${name}`,
  name,
  status: 'ACTIVE',
  autoScalingGroupProvider: {
    autoScalingGroupArn: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}:autoScalingGroupName/${name}`,
    managedScaling: {
      status: 'ENABLED',
      targetCapacity: 90,
      minimumScalingStepSize: 1,
      maximumScalingStepSize: 4,
      instanceWarmupPeriod: 180,
    },
    managedTerminationProtection: 'ENABLED',
    managedDraining: 'ENABLED',
  },
  updateStatus: 'UPDATE_COMPLETE',
  tags: [],
});
const capacityProviders = [
  asg('prod-web-asg'),
  asg('data-asg'),
  {
    capacityProviderArn: `${ARN}:capacity-provider/data-managed`,
    name: 'data-managed',
    status: 'ACTIVE',
    type: 'MANAGED_INSTANCES',
    cluster: 'data-platform',
    updateStatus: 'CREATE_COMPLETE',
    tags: [],
  },
  { capacityProviderArn: `${ARN}:capacity-provider/FARGATE`, name: 'FARGATE', status: 'ACTIVE', tags: [] },
  { capacityProviderArn: `${ARN}:capacity-provider/FARGATE_SPOT`, name: 'FARGATE_SPOT', status: 'ACTIVE', tags: [] },
];

const targetGroups = [...targetGroupArns.entries()].map(([name, arn]) => ({
  TargetGroupArn: arn,
  TargetGroupName: name,
  Protocol: 'HTTP',
  Port: 80,
  VpcId: VPC,
  HealthCheckProtocol: 'HTTP',
  HealthCheckPort: 'traffic-port',
  HealthCheckEnabled: true,
  HealthCheckIntervalSeconds: 15,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 3,
  UnhealthyThresholdCount: 2,
  HealthCheckPath: '/health',
  Matcher: { HttpCode: '200' },
  LoadBalancerArns: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/prod-public/${hex(16)}`],
  TargetType: 'ip',
  ProtocolVersion: 'HTTP1',
  IpAddressType: 'ipv4',
}));

// Launch-type lens (issue #15): one more cluster, in us-east-1, the region the bundled price table covers, so
// the demo's lens shows real list prices. Built without the PRNG (fixed ids), so adding it changes nothing above.
// What it shows: "batch-packed" fills an m5.large (EC2 wins: Fargate would round 0.92 GB up to 1 GB per task),
// "admin-portal" has an m5.xlarge almost to itself (Fargate wins), "log-router" is a privileged bridge-mode
// DAEMON (blocked), "cache-warmer" is memory-heavy on Fargate (EC2 packed on r5.large would save), and
// "checkout-api" is small on Fargate (Fargate wins over packed EC2: awsvpc tasks are limited by ENIs per host).
function costLab(): {
  cluster: Record<string, unknown>;
  services: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  taskDefinitions: Record<string, unknown>[];
  containerInstances: Record<string, unknown>[];
} {
  const region = 'us-east-1';
  const arnOf = (rest: string) => `arn:aws:ecs:${region}:${ACCOUNT}:${rest}`;
  const cluster = 'cost-lab';
  const clusterArn = arnOf(`cluster/${cluster}`);
  let n = 0;
  const id = () => (++n).toString(16).padStart(32, 'c0');
  const hostsOut = [
    { type: 'm5.large', cpu: 2048, memory: 7680, ec2: 'i-0c05a1ab0000000a1' },
    { type: 'm5.xlarge', cpu: 4096, memory: 15576, ec2: 'i-0c05a1ab0000000b2' },
  ].map((h, i) => ({
    containerInstanceArn: arnOf(`container-instance/${cluster}/${id()}`),
    ec2InstanceId: h.ec2,
    version: 12,
    versionInfo: { agentVersion: '1.89.1', agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.8' },
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    registeredResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: h.cpu },
      { name: 'MEMORY', type: 'INTEGER', integerValue: h.memory },
    ],
    remainingResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: h.cpu },
      { name: 'MEMORY', type: 'INTEGER', integerValue: h.memory },
    ],
    attributes: [
      { name: 'ecs.instance-type', value: h.type },
      { name: 'ecs.availability-zone', value: `${region}${'ab'[i]}` },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
    ],
    registeredAt: at(60 * 24 * 5),
    attachments: [],
    tags: [],
  }));
  const td = (family: string, fields: Record<string, unknown>, containers: Record<string, unknown>[]) => ({
    taskDefinitionArn: arnOf(`task-definition/${family}:1`),
    family,
    revision: 1,
    status: 'ACTIVE',
    containerDefinitions: containers.map((c) => ({
      image: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${family}:1.0.0`,
      essential: true,
      ...c,
    })),
    volumes: [],
    placementConstraints: [],
    registeredAt: at(60 * 24 * 4),
    ...fields,
  });
  const taskDefinitionsOut = [
    td('batch-packed', { networkMode: 'bridge', requiresCompatibilities: ['EC2'], cpu: '256', memory: '940' }, [
      { name: 'worker', cpu: 256, memory: 940 },
    ]),
    td('admin-portal', { networkMode: 'awsvpc', requiresCompatibilities: ['EC2'], cpu: '512', memory: '1024' }, [
      { name: 'portal', cpu: 512, memory: 1024, portMappings: [{ containerPort: 8080, protocol: 'tcp' }] },
    ]),
    td('log-router', { networkMode: 'bridge', requiresCompatibilities: ['EC2'] }, [
      {
        name: 'fluent-bit',
        cpu: 0,
        memoryReservation: 64,
        privileged: true,
        mountPoints: [{ sourceVolume: 'varlog', containerPath: '/var/log' }],
      },
    ]),
    td('cache-warmer', { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '1024', memory: '7168' }, [
      { name: 'warmer', cpu: 1024, memory: 7168 },
    ]),
    td('checkout-api', { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '512', memory: '1024' }, [
      { name: 'api', cpu: 512, memory: 1024, portMappings: [{ containerPort: 8080, protocol: 'tcp' }] },
    ]),
  ];
  (taskDefinitionsOut[2].volumes as unknown[]).push({ name: 'varlog', host: { sourcePath: '/var/log' } });
  const specs: {
    name: string;
    launchType?: string;
    strategy?: { capacityProvider: string; weight: number; base: number }[];
    scheduling?: string;
    tasks: { host?: number; spot?: boolean }[];
    cpu: string;
    memory: string;
  }[] = [
    {
      name: 'batch-packed',
      launchType: 'EC2',
      tasks: Array.from({ length: 8 }, () => ({ host: 0 })),
      cpu: '256',
      memory: '940',
    },
    { name: 'admin-portal', launchType: 'EC2', tasks: [{ host: 1 }], cpu: '512', memory: '1024' },
    {
      name: 'log-router',
      launchType: 'EC2',
      scheduling: 'DAEMON',
      tasks: [{ host: 0 }, { host: 1 }],
      cpu: '0',
      memory: '64',
    },
    { name: 'cache-warmer', launchType: 'FARGATE', tasks: [{}, {}], cpu: '1024', memory: '7168' },
    { name: 'checkout-api', launchType: 'FARGATE', tasks: [{}, {}, {}], cpu: '512', memory: '1024' },
  ];
  const tasksOut: Record<string, unknown>[] = [];
  const servicesOut2 = specs.map((sp) => {
    const deploymentId = `ecs-svc/${(9_000_000_000_000_000_000n + BigInt(tasksOut.length)).toString()}`;
    sp.tasks.forEach((t, i) => {
      const host = t.host === undefined ? undefined : hostsOut[t.host];
      const fargate = host === undefined;
      tasksOut.push({
        taskArn: arnOf(`task/${cluster}/${id()}`),
        clusterArn,
        taskDefinitionArn: arnOf(`task-definition/${sp.name}:1`),
        ...(host ? { containerInstanceArn: host.containerInstanceArn } : {}),
        group: `service:${sp.name}`,
        startedBy: deploymentId,
        launchType: fargate ? 'FARGATE' : 'EC2',
        ...(fargate ? { capacityProviderName: t.spot ? 'FARGATE_SPOT' : 'FARGATE', platformVersion: '1.4.0' } : {}),
        availabilityZone: `${region}${'ab'[i % 2]}`,
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        healthStatus: 'UNKNOWN',
        cpu: sp.cpu,
        memory: sp.memory,
        createdAt: at(60 * 24 - i),
        startedAt: at(60 * 24 - i - 1),
        containers: [],
        attachments: [],
        tags: [],
        version: 2,
      });
    });
    const running = sp.tasks.length;
    return {
      serviceArn: arnOf(`service/${cluster}/${sp.name}`),
      serviceName: sp.name,
      clusterArn,
      status: 'ACTIVE',
      desiredCount: running,
      runningCount: running,
      pendingCount: 0,
      ...(sp.launchType ? { launchType: sp.launchType } : { capacityProviderStrategy: sp.strategy }),
      taskDefinition: arnOf(`task-definition/${sp.name}:1`),
      schedulingStrategy: sp.scheduling ?? 'REPLICA',
      deploymentController: { type: 'ECS' },
      deployments: [
        {
          id: deploymentId,
          status: 'PRIMARY',
          taskDefinition: arnOf(`task-definition/${sp.name}:1`),
          desiredCount: running,
          runningCount: running,
          pendingCount: 0,
          failedTasks: 0,
          rolloutState: 'COMPLETED',
          createdAt: at(60 * 24 * 2),
          updatedAt: at(60 * 24),
        },
      ],
      loadBalancers: [],
      placementConstraints: [],
      events: [{ id: id(), createdAt: at(30), message: `(service ${sp.name}) has reached a steady state.` }],
      createdAt: at(60 * 24 * 30),
    };
  });
  for (const h of hostsOut) {
    const on = tasksOut.filter((t) => t.containerInstanceArn === h.containerInstanceArn);
    h.runningTasksCount = on.length;
    const used = on.reduce<{ cpu: number; memory: number }>(
      (a, t) => ({ cpu: a.cpu + Number(t.cpu), memory: a.memory + Number(t.memory) }),
      { cpu: 0, memory: 0 },
    );
    h.remainingResources[0].integerValue -= used.cpu;
    h.remainingResources[1].integerValue -= used.memory;
  }
  return {
    cluster: {
      clusterArn,
      clusterName: cluster,
      status: 'ACTIVE',
      registeredContainerInstancesCount: hostsOut.length,
      runningTasksCount: tasksOut.length,
      pendingTasksCount: 0,
      activeServicesCount: servicesOut2.length,
      statistics: [],
      tags: [{ key: 'team', value: 'platform' }],
      settings: [{ name: 'containerInsights', value: 'enabled' }],
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
      attachments: [],
    },
    services: servicesOut2,
    tasks: tasksOut,
    taskDefinitions: taskDefinitionsOut,
    containerInstances: hostsOut,
  };
}
const lab = costLab();
clustersOut.push(lab.cluster as (typeof clustersOut)[number]);
servicesOut.push(...(lab.services as typeof servicesOut));
tasksOut.push(...(lab.tasks as typeof tasksOut));
taskDefinitions.push(...(lab.taskDefinitions as typeof taskDefinitions));
instancesOut.push(...(lab.containerInstances as typeof instancesOut));

const bundle = {
  format: 'ecs-visualizer/v1',
  fetchedAt: FETCHED_AT,
  source: { regions: [REGION, 'us-east-1'], tool: 'ecs-visualizer demo generator' },
  clusters: clustersOut,
  services: servicesOut,
  tasks: tasksOut,
  taskDefinitions,
  containerInstances: instancesOut,
  capacityProviders,
  targetGroups,
};

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'demo', 'demo-snapshot.json');
writeFileSync(out, JSON.stringify(bundle, null, 2) + '\n');
console.log(`wrote ${out}: ${servicesOut.length} services, ${tasksOut.length} tasks`);
