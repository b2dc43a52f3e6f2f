import { makeBundle, type Bundle } from '../ingest/bundle';
import type { InspectSummary } from '../ingest/summary';

/**
 * A seeded, deterministic synthetic ECS account at any size, as the raw
 * describe-* objects AWS would return (so it goes through the same ingest as
 * real files). Used by benchmarks, scale tests and the fake ECS endpoint.
 */

/** Knobs of the generator; everything has a default. */
export interface SynthOptions {
  seed?: number;
  region?: string;
  accountId?: string;
  clusters?: number;
  /** Services in the whole account, spread over the clusters. */
  services: number;
  /** Tasks per service, inclusive range. */
  tasksPerService?: [number, number];
  /** Containers per task, inclusive range. */
  containersPerTask?: [number, number];
  /** Share of services on EC2 (the rest on Fargate), 0–1. */
  ec2Share?: number;
  /** Share of Fargate services whose strategy is FARGATE_SPOT only, 0–1. */
  spotShare?: number;
  /** Share of tasks that are unhealthy / stopped, 0–1. */
  unhealthyShare?: number;
  stoppedShare?: number;
  /** Standalone tasks (group family:…) per cluster. */
  standalonePerCluster?: number;
  /** Tasks an EC2 host carries before another host is added. */
  tasksPerHost?: number;
  /** Share of services behind a load balancer target group, 0–1. */
  loadBalancedShare?: number;
  /**
   * Share of services in their cluster's Service Connect namespace (named after the cluster, as the console
   * makes it), 0–1; a quarter of them are clients that publish nothing. Default 0: no random draw is made,
   * so existing seeds give the same accounts.
   */
  serviceConnectShare?: number;
  /** Share of the other services registered in a Cloud Map service (`serviceRegistries`), 0–1. Default 0. */
  cloudMapShare?: number;
}

/** Small fast PRNG (mulberry32): same seed, same account (and, in tests, the same random sequence). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'checkout',
  'cart',
  'search',
  'auth',
  'billing',
  'catalog',
  'orders',
  'payments',
  'profile',
  'inventory',
  'shipping',
  'reviews',
  'gateway',
  'notify',
  'ledger',
  'reports',
  'media',
  'pricing',
  'session',
  'export',
];
const AZS = ['a', 'b', 'c'];
const INSTANCE_TYPES = [
  { type: 'm6i.xlarge', cpu: 4096, memory: 15576 },
  { type: 'c6i.2xlarge', cpu: 8192, memory: 15474 },
  { type: 'r6i.large', cpu: 2048, memory: 15601 },
];

function hex(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += Math.floor(next() * 16).toString(16);
  return s;
}

function between(next: () => number, [lo, hi]: [number, number]): number {
  return lo + Math.floor(next() * (hi - lo + 1));
}

/** What the generator made, in the shape `inspect` counts, for tests that check counts against it. */
export type SynthCounts = InspectSummary['counts'];

/** Counts of described objects in a generated bundle. */
export function countBundle(b: Bundle): SynthCounts {
  const tasks = (b.tasks ?? []) as { containers?: unknown[] }[];
  return {
    clusters: b.clusters?.length ?? 0,
    services: b.services?.length ?? 0,
    tasks: tasks.length,
    containers: tasks.reduce((n, t) => n + (t.containers?.length ?? 0), 0),
    taskDefinitions: b.taskDefinitions?.length ?? 0,
    containerInstances: b.containerInstances?.length ?? 0,
    capacityProviders: b.capacityProviders?.length ?? 0,
    targetGroups: b.targetGroups?.length ?? 0,
  };
}

/** Generates an account as an `ecs-visualizer/v1` bundle. */
export function generateAccount(options: SynthOptions): Bundle {
  const o = {
    seed: 1,
    region: 'eu-west-1',
    accountId: '210987654321',
    clusters: 2,
    tasksPerService: [2, 6] as [number, number],
    containersPerTask: [1, 2] as [number, number],
    ec2Share: 0.4,
    spotShare: 0.25,
    unhealthyShare: 0.02,
    stoppedShare: 0.02,
    standalonePerCluster: 2,
    tasksPerHost: 10,
    loadBalancedShare: 0.5,
    serviceConnectShare: 0,
    cloudMapShare: 0,
    ...options,
  };
  const next = rng(o.seed);
  const base = `arn:aws:ecs:${o.region}:${o.accountId}`;
  // The data's own time, derived from the seed: the same input always gives the same files.
  const epoch = Date.UTC(2026, 10, 1) + (o.seed % 1000) * 60_000;
  const iso = (offsetMin: number) => new Date(epoch + offsetMin * 60_000).toISOString();

  const clusters: Record<string, unknown>[] = [];
  const services: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const taskDefinitions: Record<string, unknown>[] = [];
  const containerInstances: Record<string, unknown>[] = [];
  const targetGroups: Record<string, unknown>[] = [];
  const capacityProviders: Record<string, unknown>[] = [
    { capacityProviderArn: `${base}:capacity-provider/FARGATE`, name: 'FARGATE', status: 'ACTIVE', tags: [] },
    { capacityProviderArn: `${base}:capacity-provider/FARGATE_SPOT`, name: 'FARGATE_SPOT', status: 'ACTIVE', tags: [] },
  ];

  for (let ci = 0; ci < o.clusters; ci += 1) {
    const clusterName =
      o.clusters === 1
        ? 'production'
        : `${['production', 'staging', 'batch', 'platform'][ci % 4]}${ci >= 4 ? `-${Math.floor(ci / 4) + 1}` : ''}`;
    const clusterArn = `${base}:cluster/${clusterName}`;
    const asgName = `${clusterName}-asg`;
    capacityProviders.push({
      capacityProviderArn: `${base}:capacity-provider/${asgName}`,
      name: asgName,
      status: 'ACTIVE',
      autoScalingGroupProvider: {
        autoScalingGroupArn: `arn:aws:autoscaling:${o.region}:${o.accountId}:autoScalingGroup:${hex(next, 8)}:autoScalingGroupName/${asgName}`,
        managedScaling: { status: 'ENABLED', targetCapacity: 100 },
      },
    });
    let running = 0;
    let pending = 0;
    const hosts: {
      arn: string;
      id: string;
      type: (typeof INSTANCE_TYPES)[number];
      az: string;
      used: { cpu: number; memory: number };
      tasks: number;
    }[] = [];
    const hostFor = (cpu: number, memory: number) => {
      let h = hosts[hosts.length - 1];
      if (!h || h.tasks >= o.tasksPerHost || h.used.cpu + cpu > h.type.cpu || h.used.memory + memory > h.type.memory) {
        const id = hex(next, 32);
        h = {
          arn: `${base}:container-instance/${clusterName}/${id}`,
          id,
          type: INSTANCE_TYPES[hosts.length % INSTANCE_TYPES.length],
          az: `${o.region}${AZS[hosts.length % 3]}`,
          used: { cpu: 0, memory: 0 },
          tasks: 0,
        };
        hosts.push(h);
      }
      h.used.cpu += cpu;
      h.used.memory += memory;
      h.tasks += 1;
      return h;
    };

    const serviceCount = Math.floor(o.services / o.clusters) + (ci < o.services % o.clusters ? 1 : 0);
    // The cluster's Service Connect namespace, made with its first member (describe-services prints its ARN).
    let namespaceArn: string | undefined;
    let serviceTotal = 0;
    const makeTask = (
      family: string,
      tdArn: string,
      group: string,
      startedBy: string | undefined,
      placement: 'EC2' | 'FARGATE' | 'FARGATE_SPOT',
      containerNames: string[],
      image: string,
      i: number,
    ) => {
      const id = hex(next, 32);
      const taskArn = `${base}:task/${clusterName}/${id}`;
      const az = `${o.region}${AZS[i % 3]}`;
      const roll = next();
      const stopped = roll < o.stoppedShare;
      const unhealthy = !stopped && roll < o.stoppedShare + o.unhealthyShare;
      const pendingTask = !stopped && !unhealthy && next() < 0.01;
      const cpu = placement === 'EC2' ? 256 : 512;
      const memory = placement === 'EC2' ? 512 : 1024;
      const ip = `10.${ci}.${Math.floor(i / 250) % 250}.${(i % 250) + 2}`;
      const lastStatus = stopped ? 'STOPPED' : pendingTask ? 'PENDING' : 'RUNNING';
      if (lastStatus === 'RUNNING') running += 1;
      if (lastStatus === 'PENDING') pending += 1;
      const eniId = `${hex(next, 8)}-${hex(next, 4)}-${hex(next, 4)}-${hex(next, 4)}-${hex(next, 12)}`;
      const task: Record<string, unknown> = {
        taskArn,
        clusterArn,
        taskDefinitionArn: tdArn,
        group,
        ...(startedBy ? { startedBy } : {}),
        launchType: placement === 'EC2' ? 'EC2' : 'FARGATE',
        ...(placement === 'EC2' ? {} : { capacityProviderName: placement, platformVersion: '1.4.0' }),
        availabilityZone: az,
        lastStatus,
        desiredStatus: stopped ? 'STOPPED' : 'RUNNING',
        healthStatus: unhealthy ? 'UNHEALTHY' : stopped || pendingTask ? 'UNKNOWN' : 'HEALTHY',
        cpu: String(cpu),
        memory: String(memory),
        createdAt: iso(-i),
        ...(stopped
          ? {
              stopCode: 'EssentialContainerExited',
              stoppedReason: 'Essential container in task exited',
              stoppedAt: iso(-1),
            }
          : { startedAt: iso(-i + 1) }),
        attachments:
          placement === 'EC2'
            ? []
            : [
                {
                  id: eniId,
                  type: 'ElasticNetworkInterface',
                  status: 'ATTACHED',
                  details: [
                    { name: 'subnetId', value: `subnet-0${hex(next, 16)}` },
                    { name: 'privateIPv4Address', value: ip },
                  ],
                },
              ],
        containers: containerNames.map((name, k) => ({
          containerArn: `${base}:container/${clusterName}/${id}/${hex(next, 8)}-${hex(next, 4)}`,
          taskArn,
          name,
          image: k === 0 ? image : 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
          lastStatus: stopped ? 'STOPPED' : pendingTask ? 'PENDING' : 'RUNNING',
          healthStatus: unhealthy && k === 0 ? 'UNHEALTHY' : stopped || pendingTask ? 'UNKNOWN' : 'HEALTHY',
          ...(stopped && k === 0
            ? { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }
            : {}),
          ...(placement === 'EC2' ? {} : { networkInterfaces: [{ attachmentId: eniId, privateIpv4Address: ip }] }),
        })),
        version: stopped ? 4 : 3,
        overrides: { containerOverrides: containerNames.map((name) => ({ name })) },
      };
      if (placement === 'EC2' && !stopped) task.containerInstanceArn = hostFor(cpu, memory).arn;
      tasks.push(task);
    };

    for (let si = 0; si < serviceCount; si += 1) {
      const name = `${WORDS[si % WORDS.length]}${si >= WORDS.length ? `-${Math.floor(si / WORDS.length) + 1}` : ''}`;
      const family = `${clusterName}-${name}`;
      const revision = 1 + Math.floor(next() * 60);
      const tdArn = `${base}:task-definition/${family}:${revision}`;
      const ec2 = next() < o.ec2Share;
      const spot = !ec2 && next() < o.spotShare;
      const placement = ec2 ? 'EC2' : spot ? 'FARGATE_SPOT' : 'FARGATE';
      const containerCount = between(next, o.containersPerTask);
      const containerNames = [name, 'log-router', 'envoy', 'xray', 'sidecar'].slice(0, containerCount);
      const image = `${o.accountId}.dkr.ecr.${o.region}.amazonaws.com/${name}:${1 + Math.floor(next() * 3)}.${Math.floor(next() * 20)}.${Math.floor(next() * 10)}`;
      // Draws only when asked for, so accounts without service discovery stay as they were.
      const connect = o.serviceConnectShare > 0 && next() < o.serviceConnectShare;
      const clientOnly = connect && next() < 0.25;
      const registered = !connect && o.cloudMapShare > 0 && next() < o.cloudMapShare;
      if (connect && !namespaceArn)
        namespaceArn = `arn:aws:servicediscovery:${o.region}:${o.accountId}:namespace/ns-${hex(next, 16)}`;
      taskDefinitions.push({
        taskDefinitionArn: tdArn,
        family,
        revision,
        status: 'ACTIVE',
        networkMode: ec2 ? 'bridge' : 'awsvpc',
        requiresCompatibilities: [ec2 ? 'EC2' : 'FARGATE'],
        cpu: ec2 ? '256' : '512',
        memory: ec2 ? '512' : '1024',
        containerDefinitions: containerNames.map((c, k) => ({
          name: c,
          image: k === 0 ? image : 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
          essential: k === 0,
          // Service Connect publishes a named port mapping of the task definition.
          ...(connect && k === 0
            ? { portMappings: [{ name: 'http', containerPort: 8080, protocol: 'tcp', appProtocol: 'http' }] }
            : {}),
          environment: [
            { name: 'DB_PASSWORD', value: `synthetic-secret-${hex(next, 6)}` },
            { name: 'LOG_LEVEL', value: 'info' },
          ],
          secrets: [
            { name: 'API_KEY', valueFrom: `arn:aws:ssm:${o.region}:${o.accountId}:parameter/${family}/api-key` },
          ],
        })),
        registeredAt: iso(-600),
      });
      const desired = between(next, o.tasksPerService);
      const deploymentId = `ecs-svc/${Math.floor(next() * 1e18)
        .toString()
        .padStart(19, '1')}`;
      const serviceArn = `${base}:service/${clusterName}/${name}`;
      const lb = next() < o.loadBalancedShare;
      const tgArn = `arn:aws:elasticloadbalancing:${o.region}:${o.accountId}:targetgroup/${family.slice(0, 24)}/${hex(next, 16)}`;
      if (lb) {
        targetGroups.push({
          TargetGroupArn: tgArn,
          TargetGroupName: family.slice(0, 32),
          Protocol: 'HTTP',
          Port: 8080,
          VpcId: `vpc-0${hex(next, 16)}`,
          TargetType: ec2 ? 'instance' : 'ip',
          HealthCheckPath: '/health',
          LoadBalancerArns: [
            `arn:aws:elasticloadbalancing:${o.region}:${o.accountId}:loadbalancer/app/${clusterName}-alb/${hex(next, 16)}`,
          ],
        });
      }
      const before = tasks.length;
      for (let ti = 0; ti < desired; ti += 1)
        makeTask(family, tdArn, `service:${name}`, deploymentId, placement, containerNames, image, tasks.length);
      const made = tasks.slice(before);
      const runningCount = made.filter((t) => t.lastStatus === 'RUNNING').length;
      const pendingCount = made.filter((t) => t.lastStatus === 'PENDING').length;
      services.push({
        serviceArn,
        serviceName: name,
        clusterArn,
        status: 'ACTIVE',
        desiredCount: desired,
        runningCount,
        pendingCount,
        ...(ec2
          ? { launchType: 'EC2' }
          : {
              capacityProviderStrategy: [{ capacityProvider: spot ? 'FARGATE_SPOT' : 'FARGATE', weight: 1, base: 0 }],
            }),
        taskDefinition: tdArn,
        loadBalancers: lb ? [{ targetGroupArn: tgArn, containerName: name, containerPort: 8080 }] : [],
        ...(registered
          ? {
              serviceRegistries: [
                {
                  registryArn: `arn:aws:servicediscovery:${o.region}:${o.accountId}:service/srv-${hex(next, 16)}`,
                  containerName: name,
                  containerPort: 8080,
                },
              ],
            }
          : {}),
        deployments: [
          {
            id: deploymentId,
            status: 'PRIMARY',
            taskDefinition: tdArn,
            desiredCount: desired,
            runningCount,
            pendingCount,
            failedTasks: 0,
            rolloutState: runningCount < desired ? 'IN_PROGRESS' : 'COMPLETED',
            createdAt: iso(-120),
            updatedAt: iso(-60),
            // As describe-services prints it: on the deployment, the namespace as an ARN, one Cloud Map service per discovery name.
            ...(connect
              ? {
                  serviceConnectConfiguration: {
                    enabled: true,
                    namespace: namespaceArn,
                    ...(clientOnly
                      ? {}
                      : {
                          services: [
                            {
                              portName: 'http',
                              discoveryName: name,
                              clientAliases: [{ port: 8080, dnsName: `${name}.${clusterName}` }],
                            },
                          ],
                        }),
                    logConfiguration: {
                      logDriver: 'awslogs',
                      options: {
                        'awslogs-group': `/ecs/${clusterName}/service-connect`,
                        'awslogs-region': o.region,
                        'awslogs-stream-prefix': name,
                      },
                    },
                  },
                  serviceConnectResources: clientOnly
                    ? []
                    : [
                        {
                          discoveryName: name,
                          discoveryArn: `arn:aws:servicediscovery:${o.region}:${o.accountId}:service/srv-${hex(next, 16)}`,
                        },
                      ],
                }
              : {}),
          },
        ],
        events: [
          {
            id: `${hex(next, 8)}-${hex(next, 4)}`,
            createdAt: iso(-30),
            message:
              runningCount < desired
                ? `(service ${name}) was unable to place a task because no container instance met all of its requirements.`
                : `(service ${name}) has reached a steady state.`,
          },
        ],
        schedulingStrategy: 'REPLICA',
        deploymentController: { type: 'ECS' },
        createdAt: iso(-5000),
      });
      serviceTotal += 1;
    }
    for (let k = 0; k < o.standalonePerCluster; k += 1) {
      const family = `${clusterName}-nightly-job`;
      const tdArn = `${base}:task-definition/${family}:3`;
      if (k === 0)
        taskDefinitions.push({
          taskDefinitionArn: tdArn,
          family,
          revision: 3,
          status: 'ACTIVE',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '512',
          memory: '1024',
          containerDefinitions: [{ name: 'job', image: 'example/nightly-job:3', essential: true }],
        });
      makeTask(
        family,
        tdArn,
        `family:${family}`,
        'events-rule/nightly',
        'FARGATE',
        ['job'],
        'example/nightly-job:3',
        tasks.length,
      );
    }
    hosts.forEach((h, k) => {
      containerInstances.push({
        containerInstanceArn: h.arn,
        ec2InstanceId: `i-0${hex(next, 16)}`,
        status: k === 0 && hosts.length > 2 ? 'DRAINING' : 'ACTIVE',
        agentConnected: true,
        capacityProviderName: asgName,
        runningTasksCount: h.tasks,
        pendingTasksCount: 0,
        registeredResources: [
          { name: 'CPU', type: 'INTEGER', integerValue: h.type.cpu },
          { name: 'MEMORY', type: 'INTEGER', integerValue: h.type.memory },
        ],
        remainingResources: [
          { name: 'CPU', type: 'INTEGER', integerValue: h.type.cpu - h.used.cpu },
          { name: 'MEMORY', type: 'INTEGER', integerValue: h.type.memory - h.used.memory },
        ],
        attributes: [
          { name: 'ecs.instance-type', value: h.type.type },
          { name: 'ecs.availability-zone', value: h.az },
        ],
      });
    });
    clusters.push({
      clusterArn,
      clusterName,
      status: 'ACTIVE',
      registeredContainerInstancesCount: hosts.length,
      runningTasksCount: running,
      pendingTasksCount: pending,
      activeServicesCount: serviceTotal,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT', asgName],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
      ...(namespaceArn ? { serviceConnectDefaults: { namespace: namespaceArn } } : {}),
    });
  }

  return makeBundle({
    fetchedAt: iso(0),
    source: { regions: [o.region], tool: 'ecs-visualizer synthetic account' },
    clusters,
    services,
    tasks,
    taskDefinitions,
    containerInstances,
    capacityProviders,
    targetGroups,
  });
}

/**
 * An account whose fully expanded diagram has about `nodes` nodes
 * (clusters + services + tasks + containers): 4 tasks of 1–2 containers per
 * service on average, so about 11 nodes per service.
 */
export function generateAccountOfSize(nodes: number, seed = 1): Bundle {
  const perService = 1 + 4 * (1 + 1.5);
  const services = Math.max(1, Math.round(nodes / perService));
  const clusters = Math.max(1, Math.min(8, Math.round(services / 150)));
  return generateAccount({
    seed,
    services,
    clusters,
    tasksPerService: [2, 6],
    containersPerTask: [1, 2],
    standalonePerCluster: 0,
  });
}
