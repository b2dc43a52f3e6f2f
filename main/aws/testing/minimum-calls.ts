/**
 * The fewest ECS calls that can fetch a given account, worked out from the
 * account itself and the API's page and batch limits. Tests hold the fetch to
 * it and the benchmark divides it by the rate limit for its floor.
 */
import type { Bundle } from '../../../shared/ingest/bundle';

type Raw = Record<string, unknown>;

const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
const batches = (n: number, size: number) => Math.ceil(n / size);

/** Minimum calls per operation to fetch `account` (RUNNING tasks, plus STOPPED when asked). */
export function minimumCalls(account: Bundle, includeStopped: boolean): Record<string, number> {
  const clusters = (account.clusters ?? []) as Raw[];
  const services = (account.services ?? []) as Raw[];
  const tasks = ((account.tasks ?? []) as Raw[]).filter((t) => includeStopped || t.desiredStatus === 'RUNNING');
  const instances = (account.containerInstances ?? []) as Raw[];
  const calls: Record<string, number> = {
    ListClusters: pages(clusters.length, 100),
    DescribeClusters: batches(clusters.length, 100),
    ListServices: 0,
    DescribeServices: 0,
    ListTasks: 0,
    DescribeTasks: 0,
    ListContainerInstances: 0,
    DescribeContainerInstances: 0,
  };
  for (const c of clusters) {
    const arn = c.clusterArn as string;
    const s = services.filter((x) => x.clusterArn === arn).length;
    const inCluster = tasks.filter((t) => t.clusterArn === arn);
    const running = inCluster.filter((t) => t.desiredStatus === 'RUNNING').length;
    const stopped = inCluster.length - running;
    const ci = instances.filter((i) =>
      (i.containerInstanceArn as string).includes(`/${c.clusterName as string}/`),
    ).length;
    calls.ListServices += pages(s, 100);
    calls.DescribeServices += batches(s, 10);
    calls.ListTasks += pages(running, 100) + (includeStopped ? pages(stopped, 100) : 0);
    calls.DescribeTasks += batches(inCluster.length, 100);
    calls.ListContainerInstances += pages(ci, 100);
    calls.DescribeContainerInstances += batches(ci, 100);
  }
  const tdArns = new Set<string>();
  for (const s of services) {
    tdArns.add(s.taskDefinition as string);
    for (const d of (s.deployments ?? []) as Raw[]) tdArns.add(d.taskDefinition as string);
  }
  for (const t of tasks) tdArns.add(t.taskDefinitionArn as string);
  calls.DescribeTaskDefinition = tdArns.size;
  const providers = new Set(clusters.flatMap((c) => (c.capacityProviders ?? []) as string[]));
  calls.DescribeCapacityProviders = batches(providers.size, 10);
  for (const k of Object.keys(calls)) if (calls[k] === 0) delete calls[k];
  return calls;
}
