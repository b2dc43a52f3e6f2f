/**
 * Builders of small describe-* inputs for cost tests: AWS-shaped JSON that goes through the real ingest,
 * so the cost model is tested on the fields AWS returns (attributes, runtimePlatform, linuxParameters…).
 */
import { ingest } from '../../ingest/index';
import type { Topology } from '../../model/types';
import type { PriceTable } from '../../pricing/price-table';

const ACCOUNT = '111122223333';
/** The region of every builder's objects. */
export const REGION = 'us-east-1';
const arn = (rest: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${rest}`;

/** A test price table (not the bundled one): round figures so expectations can be worked by hand. */
export function testPrices(ec2: Record<string, number> = { 'm5.large': 0.1 }): PriceTable {
  return {
    format: 'ecs-visualizer-prices/v1',
    currency: 'USD',
    retrieved: '2026-01-01',
    source: 'test prices',
    regions: {
      [REGION]: {
        fargate: { x86_64: { vcpuHour: 0.04048, gbHour: 0.004445 }, arm64: { vcpuHour: 0.03238, gbHour: 0.00356 } },
        fargateSpot: {
          x86_64: { vcpuHour: 0.012144, gbHour: 0.0013335 },
          arm64: { vcpuHour: 0.009714, gbHour: 0.001068 },
        },
        fargateWindows: { x86_64: { vcpuHour: 0.09148, gbHour: 0.01005, osLicenseVcpuHour: 0.046 } },
        fargateEphemeralGbHour: 0.000111,
        ec2,
        source: 'test prices',
        retrieved: '2026-01-01',
      },
    },
  };
}

/** A container definition. */
export type ContainerDef = Record<string, unknown> & { name: string };

/** A task definition of `family` (revision 1). */
export function taskDefinition(family: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    taskDefinitionArn: arn(`task-definition/${family}:1`),
    family,
    revision: 1,
    status: 'ACTIVE',
    containerDefinitions: [{ name: 'app', image: 'example/app:1' }],
    ...fields,
  };
}

/** A task of `family` in `cluster`, started by `service` (or standalone when undefined). */
export function task(
  cluster: string,
  id: string,
  family: string,
  service: string | undefined,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    taskArn: arn(`task/${cluster}/${id}`),
    clusterArn: arn(`cluster/${cluster}`),
    taskDefinitionArn: arn(`task-definition/${family}:1`),
    group: service ? `service:${service}` : `family:${family}`,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    containers: [],
    ...fields,
  };
}

/** A container instance (EC2 host) of `type`. */
export function host(cluster: string, id: string, type: string, ec2Id: string): Record<string, unknown> {
  return {
    containerInstanceArn: arn(`container-instance/${cluster}/${id}`),
    ec2InstanceId: ec2Id,
    status: 'ACTIVE',
    agentConnected: true,
    attributes: [{ name: 'ecs.instance-type', value: type }],
    registeredResources: [],
    remainingResources: [],
  };
}

/** The container-instance ARN of `host(cluster, id, …)`, for a task's `containerInstanceArn`. */
export const hostArn = (cluster: string, id: string) => arn(`container-instance/${cluster}/${id}`);

/** A service. */
export function service(
  cluster: string,
  name: string,
  family: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    serviceArn: arn(`service/${cluster}/${name}`),
    serviceName: name,
    clusterArn: arn(`cluster/${cluster}`),
    taskDefinition: arn(`task-definition/${family}:1`),
    status: 'ACTIVE',
    desiredCount: 1,
    runningCount: 1,
    pendingCount: 0,
    ...fields,
  };
}

/** Runs the real ingest over describe-* outputs and returns the topology. */
export function load(parts: {
  clusters?: string[];
  services?: Record<string, unknown>[];
  tasks?: Record<string, unknown>[];
  taskDefinitions?: Record<string, unknown>[];
  containerInstances?: Record<string, unknown>[];
}): Topology {
  const sources = [];
  if (parts.clusters)
    sources.push({
      name: 'clusters.json',
      text: JSON.stringify({
        clusters: parts.clusters.map((c) => ({ clusterArn: arn(`cluster/${c}`), clusterName: c, status: 'ACTIVE' })),
        failures: [],
      }),
    });
  if (parts.services)
    sources.push({ name: 'services.json', text: JSON.stringify({ services: parts.services, failures: [] }) });
  if (parts.tasks) sources.push({ name: 'tasks.json', text: JSON.stringify({ tasks: parts.tasks, failures: [] }) });
  (parts.taskDefinitions ?? []).forEach((td, i) =>
    sources.push({ name: `td-${i}.json`, text: JSON.stringify({ taskDefinition: td }) }),
  );
  if (parts.containerInstances)
    sources.push({
      name: 'hosts.json',
      text: JSON.stringify({ containerInstances: parts.containerInstances, failures: [] }),
    });
  return ingest(sources);
}

/**
 * Issue #15's worked example as describe-* outputs: an m5.large host (2 vCPU, 8 GiB) in cluster `ec2` running two
 * 0.5 vCPU / 1 GiB tasks of service `big` and one 0.25 vCPU / 0.75 GiB task of service `small`.
 */
export function m5LargeExample(): Topology {
  return load({
    clusters: ['ec2'],
    services: [
      service('ec2', 'big', 'big', { launchType: 'EC2', runningCount: 2 }),
      service('ec2', 'small', 'small', { launchType: 'EC2' }),
    ],
    taskDefinitions: [
      taskDefinition('big', { cpu: '512', memory: '1024', networkMode: 'bridge' }),
      taskDefinition('small', { cpu: '256', memory: '768', networkMode: 'bridge' }),
    ],
    containerInstances: [host('ec2', 'h1', 'm5.large', 'i-0aaa')],
    tasks: [
      task('ec2', 'a', 'big', 'big', {
        launchType: 'EC2',
        containerInstanceArn: hostArn('ec2', 'h1'),
        cpu: '512',
        memory: '1024',
      }),
      task('ec2', 'b', 'big', 'big', {
        launchType: 'EC2',
        containerInstanceArn: hostArn('ec2', 'h1'),
        cpu: '512',
        memory: '1024',
      }),
      task('ec2', 'c', 'small', 'small', {
        launchType: 'EC2',
        containerInstanceArn: hostArn('ec2', 'h1'),
        cpu: '256',
        memory: '768',
      }),
    ],
  });
}
