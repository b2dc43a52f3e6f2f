/**
 * The launch-type lens: what each service costs now, what it would cost on Fargate, Fargate Spot,
 * Graviton and packed EC2, what blocks a move, and one verdict line. Pure: Topology + prices in, report out.
 *
 * Now, on EC2: AWS's split cost allocation rule (AWS Data Exports User Guide, "Example of split cost
 * allocation data"): unit = host hourly price ÷ (1 × memory GiB + 9 × vCPUs) of the instance type; a task
 * costs (9 × its vCPUs + 1 × its GiB) × unit; idle = host cost − Σ its tasks. Amounts are summed in integer
 * micro-dollars per month so that tasks + idle = host exactly.
 */
import { compareText } from '../model/compare-text';
import type {
  CapacityProviderStrategyItem,
  ContainerInstance,
  Diagnostic,
  Service,
  Task,
  TaskDefinition,
  Topology,
} from '../model/types';
import { roundToFargate } from '../pricing/fargate-sizes';
import { OS_AGENT_MEMORY_RESERVE, type InstanceTypeInfo } from '../pricing/instance-types';
import {
  priceSources,
  type CpuArch,
  type FargateRates,
  type PriceTable,
  type RegionPrices,
} from '../pricing/price-table';
import { fargateBlockers, type CostIssue } from './blockers';
import { packFirstFitDecreasing, type PackCapacity, type PackItem } from './packing';
import { taskShape, type TaskShape } from './task-size';

export type { CostIssue } from './blockers';

/** Hours in a month, as AWS's pricing calculator counts them. */
export const HOURS_PER_MONTH = 730;
const MICRO = 1_000_000;
/** Ephemeral storage every Fargate task has for free, GiB. */
const FREE_EPHEMERAL_GIB = 20;

/** One row of the lens: a service, or a standalone task group (tasks of one family not run by a service). */
export interface CostRow {
  /** Entity id of the service (or `standalone:<cluster id>:<group>`), for selecting it in the app. */
  id: string;
  kind: 'service' | 'standalone';
  serviceArn: string | null;
  accountId: string | null;
  region: string | null;
  clusterId: string | null;
  cluster: string;
  service: string;
  launchType: string;
  tasks: number;
  nowMonthly: number | null;
  idleAllocatedMonthly: number | null;
  fargateMonthly: number | null;
  fargateSpotMonthly: number | null;
  fargateSpotStrategyMonthly: number | null;
  gravitonMonthly: number | null;
  ec2Monthly: number | null;
  ec2InstanceType: string | null;
  ec2Instances: number | null;
  blockers: CostIssue[];
  changesNeeded: CostIssue[];
  verdict: string;
}

/** One cluster's totals; packing for `ec2Monthly` puts all its services together. */
export interface ClusterCost {
  clusterId: string;
  clusterArn: string | null;
  cluster: string;
  nowMonthly: number | null;
  idleMonthly: number | null;
  fargateMonthly: number | null;
  fargateSpotMonthly: number | null;
  ec2Monthly: number | null;
}

/** One EC2 host: its price and the part no task reserves. */
export interface HostCost {
  /** Container-instance entity id. */
  id: string;
  clusterId: string | null;
  instanceId: string | null;
  instanceType: string | null;
  monthly: number | null;
  /** Idle share of the host's cost, 0..1. */
  idleShare: number | null;
  idleMonthly: number | null;
}

/** A price the table lacks. */
export interface MissingPrice {
  region: string;
  item: string;
}

/** The whole lens of one load. */
export interface CostReport {
  currency: 'USD';
  hoursPerMonth: number;
  prices: { retrieved: string; sources: { region: string; source: string; retrieved: string }[] };
  services: CostRow[];
  standalone: CostRow[];
  clusters: ClusterCost[];
  hosts: HostCost[];
  totals: {
    nowMonthly: number | null;
    fargateMonthly: number | null;
    fargateSpotMonthly: number | null;
    ec2Monthly: number | null;
  };
  missingPrices: MissingPrice[];
  diagnostics: Diagnostic[];
}

/** Inputs besides the topology. */
export interface CostInputs {
  prices: PriceTable;
  instanceTypes: Record<string, InstanceTypeInfo>;
}

const COUNTED = new Set(['RUNNING', 'PENDING']);

/** Integer micro-dollars a month of an hourly rate. */
function monthlyMicro(hourly: number): number {
  return Math.round(hourly * HOURS_PER_MONTH * MICRO);
}
const dollars = (micro: number | null): number | null => (micro === null ? null : micro / MICRO);
const addOrNull = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/** ⌊a × b ÷ c⌋ for non-negative integers, exactly: in doubles when the product is exact, else in BigInt. */
function mulDiv(a: number, b: number, c: number): number {
  const p = a * b;
  return p <= Number.MAX_SAFE_INTEGER ? Math.floor(p / c) : Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** Formats an amount the way a person reads a monthly bill line: `$41`, `$8.42`, `$1,234`. */
export function formatDollars(value: number): string {
  const abs = Math.abs(value);
  const text =
    abs >= 100
      ? Math.round(abs)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
      : abs.toFixed(2);
  return `${value < 0 ? '−' : ''}$${text}`;
}

function describeSize(cpu: number, memoryMiB: number): string {
  const gb = memoryMiB / 1024;
  return `${cpu / 1024} vCPU/${Number.isInteger(gb) ? gb : Number(gb.toFixed(2))} GB`;
}

/** One counted (or assumed) task of a group, with what it costs now. */
interface GroupTask {
  shape: TaskShape;
  /** Micro-dollars a month now (its share of its host on EC2); null when a price is missing. */
  nowMicro: number | null;
  host?: ContainerInstance;
}

interface Group {
  id: string;
  kind: 'service' | 'standalone';
  service?: Service;
  td?: TaskDefinition;
  region?: string;
  accountId?: string;
  clusterId?: string;
  name: string;
  launchType: string;
  tasks: GroupTask[];
  strategy: CapacityProviderStrategyItem[];
}

/** Computes the lens for `topology` at `inputs`' prices. */
export function computeCost(topology: Topology, inputs: CostInputs): CostReport {
  const { prices, instanceTypes } = inputs;
  const missing = new Map<string, MissingPrice>();
  const diagnostics: Diagnostic[] = [];
  const noteMissing = (region: string | undefined, item: string, why?: string): void => {
    const r = region ?? 'unknown region';
    const key = `${r}\u0000${item}`;
    if (missing.has(key)) return;
    missing.set(key, { region: r, item });
    diagnostics.push({
      severity: 'warning',
      code: 'missing-price',
      file: 'prices',
      message: why ? `${item} in ${r}: ${why}` : `no price for ${item} in ${r} — add it with --prices`,
    });
  };
  const regionPrices = (region: string | undefined): RegionPrices | undefined =>
    region ? prices.regions[region] : undefined;

  const tds = new Map(topology.taskDefinitions.map((t) => [t.id, t]));
  const clusters = new Map(topology.clusters.map((c) => [c.id, c]));
  const services = new Map(topology.services.map((s) => [s.id, s]));
  const instances = new Map(topology.containerInstances.map((c) => [c.id, c]));

  // Tasks of one task definition almost always share one shape: read it once per definition, size and host
  // architecture, and let equal shapes be one object (the what-ifs below are computed once per shape).
  // Keyed by objects and short strings, never by long id strings built per task: hashing those per task was
  // most of this function's time on a 20,000-node account.
  const shapeCache = new Map<
    TaskDefinition | Task | undefined,
    { key: { cpu?: string; memory?: string; onEc2: boolean; hostArch?: CpuArch; eph: unknown }; shape: TaskShape }[]
  >();
  const shapeOf = (
    td: TaskDefinition | undefined,
    t: Task | undefined,
    onEc2: boolean,
    hostArch?: CpuArch,
  ): TaskShape => {
    const owner = td ?? t;
    let list = shapeCache.get(owner);
    if (!list) shapeCache.set(owner, (list = []));
    const storage = t?.raw?.ephemeralStorage as { sizeInGiB?: unknown } | undefined;
    const eph = storage?.sizeInGiB;
    for (const e of list)
      if (
        e.key.cpu === t?.cpu &&
        e.key.memory === t?.memory &&
        e.key.onEc2 === onEc2 &&
        e.key.hostArch === hostArch &&
        e.key.eph === eph
      )
        return e.shape;
    const shape = taskShape(td, t, onEc2);
    if (hostArch && !shape.archStated) shape.arch = hostArch;
    list.push({ key: { cpu: t?.cpu, memory: t?.memory, onEc2, hostArch, eph }, shape });
    return shape;
  };

  // --- EC2 hosts: price, tasks on each, split by the rule. ---
  const counted = topology.tasks.filter(
    (t) => !t.placeholder && t.lastStatus !== undefined && COUNTED.has(t.lastStatus),
  );
  const tasksByHost = new Map<string, Task[]>();
  for (const t of counted)
    if (t.containerInstanceId) {
      const l = tasksByHost.get(t.containerInstanceId) ?? [];
      l.push(t);
      tasksByHost.set(t.containerInstanceId, l);
    }
  // By task object, not id: ids are long strings, and comparing them per task cost more than the pricing.
  // A task on a priced host: its share, and the shape and host the split used, which the task loop below
  // takes as the group's entry (no second shape lookup, no second object); null on an unpriced host.
  const taskOnHost = new Map<Task, (GroupTask & { host: ContainerInstance; td?: TaskDefinition }) | null>();
  const hosts: HostCost[] = [];
  const hostMicro = new Map<ContainerInstance, { monthly: number; idle: number; tasksTotal: number }>();
  const hostMicroById = new Map<string, { monthly: number; idle: number; tasksTotal: number }>();
  for (const ci of topology.containerInstances) {
    if (ci.placeholder) continue;
    const onIt = tasksByHost.get(ci.id) ?? [];
    const type = ci.instanceType;
    const info = type ? instanceTypes[type] : undefined;
    const hourly = type ? regionPrices(ci.region)?.ec2?.[type] : undefined;
    if (!type)
      noteMissing(
        ci.region,
        `host ${ci.ec2InstanceId ?? ci.name}`,
        'its instance type is unknown (no ecs.instance-type attribute), so it is not priced',
      );
    else if (hourly === undefined) noteMissing(ci.region, type);
    else if (!info)
      noteMissing(
        ci.region,
        type,
        'not in instance-types.json: its vCPUs and memory are unknown, so its tasks cannot be split',
      );
    if (!type || hourly === undefined || !info) {
      for (const t of onIt) taskOnHost.set(t, null);
      hosts.push({
        id: ci.id,
        clusterId: ci.clusterId ?? null,
        instanceId: ci.ec2InstanceId ?? null,
        instanceType: type ?? null,
        monthly: hourly !== undefined ? hourly * HOURS_PER_MONTH : null,
        idleShare: null,
        idleMonthly: null,
      });
      continue;
    }
    const monthly = monthlyMicro(hourly);
    // Weights in integers: 9 × CPU units + memory MiB is (9 × vCPUs + GiB) × 1,024.
    const hostWeight = 9 * info.vcpus * 1024 + info.memoryMiB;
    const entries = onIt.map((t) => {
      const td = t.taskDefinitionId ? tds.get(t.taskDefinitionId) : undefined;
      return { shape: shapeOf(td, t, true, info.architecture), nowMicro: 0 as number | null, host: ci, td };
    });
    const weights = entries.map((e) => 9 * e.shape.cpu + e.shape.memoryMiB);
    const sumW = weights.reduce((a, b) => a + b, 0);
    // Reservations beyond the instance's size (stale or odd data) split the whole host, nothing idle.
    const denom = Math.max(hostWeight, sumW);
    let tasksTotal = 0;
    onIt.forEach((t, i) => {
      const share = mulDiv(monthly, Math.round(weights[i]), denom);
      entries[i].nowMicro = share;
      taskOnHost.set(t, entries[i]);
      tasksTotal += share;
    });
    const idle = monthly - tasksTotal;
    hostMicro.set(ci, { monthly, idle, tasksTotal });
    hostMicroById.set(ci.id, { monthly, idle, tasksTotal });
    hosts.push({
      id: ci.id,
      clusterId: ci.clusterId ?? null,
      instanceId: ci.ec2InstanceId ?? null,
      instanceType: type,
      monthly: monthly / MICRO,
      idleShare: monthly > 0 ? idle / monthly : 0,
      idleMonthly: idle / MICRO,
    });
  }

  // --- Fargate rates of a region/arch/OS, noting what is missing. ---
  const fargateRatesUncached = (
    region: string | undefined,
    shape: TaskShape,
    spot: boolean,
  ): (FargateRates & { os: number }) | null => {
    const p = regionPrices(region);
    if (shape.windows) {
      if (spot) {
        noteMissing(region, 'Fargate Spot Windows', 'Fargate Spot runs Linux tasks only');
        return null;
      }
      const w = p?.fargateWindows?.x86_64;
      if (!w) {
        noteMissing(region, 'Fargate Windows x86_64');
        return null;
      }
      return { vcpuHour: w.vcpuHour, gbHour: w.gbHour, os: w.osLicenseVcpuHour };
    }
    const r = (spot ? p?.fargateSpot : p?.fargate)?.[shape.arch];
    if (!r) {
      noteMissing(region, `${spot ? 'Fargate Spot' : 'Fargate'} ${shape.arch}`);
      return null;
    }
    return { vcpuHour: r.vcpuHour, gbHour: r.gbHour, os: 0 };
  };
  // Rates per region, architecture, Spot and OS, looked up (and a missing one noted) once each.
  // Per region, a slot per architecture × Spot × Windows: no key string built per task.
  const ratesCache = new Map<string | undefined, ((FargateRates & { os: number }) | null | undefined)[]>();
  const fargateRates = (region: string | undefined, shape: TaskShape, spot: boolean) => {
    let slots = ratesCache.get(region);
    if (!slots) ratesCache.set(region, (slots = new Array(8)));
    const i = (shape.arch === 'arm64' ? 4 : 0) + (spot ? 2 : 0) + (shape.windows ? 1 : 0);
    let r = slots[i];
    if (r === undefined) slots[i] = r = fargateRatesUncached(region, shape, spot);
    return r;
  };

  /** Micro-dollars a month of one Fargate task of `size` (its CPU units and memory) and `shape`'s storage. */
  const fargateTaskMicro = (
    region: string | undefined,
    shape: TaskShape,
    size: { cpu: number; memoryMiB: number },
    spot: boolean,
  ): number | null => {
    const r = fargateRates(region, shape, spot);
    if (!r) return null;
    let hourly = (size.cpu / 1024) * (r.vcpuHour + r.os) + (size.memoryMiB / 1024) * r.gbHour;
    const extra = Math.max(0, shape.ephemeralGiB - FREE_EPHEMERAL_GIB);
    if (extra > 0) {
      const e = regionPrices(region)?.fargateEphemeralGbHour;
      if (e === undefined) {
        noteMissing(region, 'Fargate ephemeral storage');
        return null;
      }
      hourly += extra * e;
    }
    return monthlyMicro(hourly);
  };

  // --- Groups: services and standalone task groups. ---
  const groups = new Map<string, Group>();
  const groupByService = new Map<Service, Group>();
  const standaloneByCluster = new Map<string | undefined, Map<string, Group>>();
  const groupOf = (t: Task, td: TaskDefinition | undefined): Group => {
    const service = t.serviceId ? services.get(t.serviceId) : undefined;
    if (service) {
      const known = groupByService.get(service);
      if (known) return known;
    }
    // Standalone tasks: by cluster, then group (no per-task key string).
    const groupName = t.group ?? `family:${td?.family ?? t.taskDefinitionId ?? 'unknown'}`;
    let inCluster: Map<string, Group> | undefined;
    if (!service) {
      inCluster = standaloneByCluster.get(t.clusterId);
      if (!inCluster) standaloneByCluster.set(t.clusterId, (inCluster = new Map()));
      const known = inCluster.get(groupName);
      if (known) return known;
    }
    const key = service ? service.id : `standalone:${t.clusterId ?? ''}:${groupName}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        id: key,
        kind: service ? 'service' : 'standalone',
        service,
        td: service?.taskDefinitionId ? (tds.get(service.taskDefinitionId) ?? td) : td,
        region: service?.region ?? t.region,
        accountId: service?.accountId ?? t.accountId,
        clusterId: service?.clusterId ?? t.clusterId,
        name: service ? service.name : (t.group ?? `family:${td?.family ?? 'unknown'}`),
        launchType: '',
        tasks: [],
        strategy: service ? strategyOf(service) : [],
      };
      groups.set(key, g);
      if (service) groupByService.set(service, g);
      else inCluster?.set(groupName, g);
    }
    return g;
  };
  const strategyOf = (s: Service): CapacityProviderStrategyItem[] =>
    s.capacityProviderStrategy.length > 0
      ? s.capacityProviderStrategy
      : !s.launchType && s.clusterId
        ? (clusters.get(s.clusterId)?.defaultCapacityProviderStrategy ?? [])
        : [];

  const launchCounts = new Map<Group, Map<string, number>>();
  // The bill per cluster: its loaded non-EC2 tasks (hosts are added below, idle included).
  const billByCluster = new Map<string, number | null>();
  // With unique container-instance ids, the host the split saw is the one the id map gives.
  const uniqueHostIds = instances.size === topology.containerInstances.length;
  for (const t of counted) {
    const onEc2 = t.launchType === 'EC2';
    const onHost = onEc2 ? taskOnHost.get(t) : undefined;
    const split = uniqueHostIds ? onHost : undefined;
    let td: TaskDefinition | undefined;
    let host: ContainerInstance | undefined;
    let shape: TaskShape;
    if (split) {
      ({ td, host, shape } = split);
    } else {
      td = t.taskDefinitionId ? tds.get(t.taskDefinitionId) : undefined;
      host = onEc2 && t.containerInstanceId ? instances.get(t.containerInstanceId) : undefined;
      shape = shapeOf(td, t, onEc2, host?.instanceType ? instanceTypes[host.instanceType]?.architecture : undefined);
    }
    const g = groupOf(t, td);
    let now: number | null;
    if (t.launchType === 'FARGATE') now = fargateTaskMicro(g.region ?? t.region, shape, shape, t.spot);
    else if (onEc2) {
      now = t.containerInstanceId ? (onHost?.nowMicro ?? null) : null;
      if (!t.containerInstanceId || !host || host.placeholder)
        noteMissing(
          t.region,
          `the EC2 host of task ${t.shortId}`,
          'its container instance is not loaded, so its share is unknown',
        );
    } else {
      now = null;
      noteMissing(t.region, `${t.launchType} tasks`, 'this launch type is not priced by the lens');
    }
    g.tasks.push(split ?? { shape, nowMicro: now, host });
    if (t.launchType !== 'EC2') {
      const k = t.clusterId ?? '';
      billByCluster.set(k, addOrNull(billByCluster.has(k) ? billByCluster.get(k)! : 0, now));
    }
    const lt = t.launchType === 'FARGATE' && t.spot ? 'FARGATE_SPOT' : t.launchType;
    let m = launchCounts.get(g);
    if (!m) launchCounts.set(g, (m = new Map<string, number>()));
    m.set(lt, (m.get(lt) ?? 0) + 1);
  }
  // Services with no loaded task: their running count, at their task definition's size.
  for (const s of topology.services) {
    if (s.placeholder || groups.has(s.id)) continue;
    const td = s.taskDefinitionId ? tds.get(s.taskDefinitionId) : undefined;
    const lt =
      s.launchType ?? (strategyOf(s).some((i) => i.capacityProvider.startsWith('FARGATE')) ? 'FARGATE' : 'EC2');
    const g: Group = {
      id: s.id,
      kind: 'service',
      service: s,
      td,
      region: s.region,
      accountId: s.accountId,
      clusterId: s.clusterId,
      name: s.name,
      launchType: lt,
      tasks: [],
      strategy: strategyOf(s),
    };
    const shape = taskShape(td, undefined, lt === 'EC2');
    const count = s.runningCount ?? 0;
    for (let i = 0; i < count; i++) {
      const now = lt === 'FARGATE' ? fargateTaskMicro(s.region, shape, shape, false) : null;
      g.tasks.push({ shape, nowMicro: now });
      if (lt === 'FARGATE') {
        const k = s.clusterId ?? '';
        billByCluster.set(k, addOrNull(billByCluster.has(k) ? billByCluster.get(k)! : 0, now));
      }
    }
    if (count > 0 && lt !== 'FARGATE')
      noteMissing(
        s.region,
        `the EC2 hosts of service ${s.name}`,
        'no task of it is loaded, so its share of its hosts is unknown',
      );
    groups.set(s.id, g);
  }
  for (const g of groups.values()) {
    if (g.launchType) continue;
    const m = launchCounts.get(g);
    g.launchType = m ? [...m.keys()].sort().join('+') : (g.service?.launchType ?? 'UNKNOWN');
  }

  // --- EC2 packing candidates per region and architecture, cheapest first. ---
  const candidateCache = new Map<
    string,
    { type: string; info: InstanceTypeInfo; hourly: number; cap: PackCapacity }[]
  >();
  /** Priced instance types of `arch` in `region`, cheapest first (computed once per region and architecture). */
  const candidates = (region: string | undefined, arch: CpuArch) => {
    const key = `${region}|${arch}`;
    const cached = candidateCache.get(key);
    if (cached) return cached;
    const ec2 = regionPrices(region)?.ec2 ?? {};
    const out: { type: string; info: InstanceTypeInfo; hourly: number; cap: PackCapacity }[] = [];
    for (const [type, hourly] of Object.entries(ec2)) {
      const info = instanceTypes[type];
      if (info && info.architecture === arch)
        out.push({
          type,
          info,
          hourly,
          cap: {
            cpu: info.vcpus * 1024,
            memoryMiB: Math.floor(info.memoryMiB * (1 - OS_AGENT_MEMORY_RESERVE)),
            enis: info.maxEnis - 1,
          },
        });
    }
    out.sort((a, b) => a.hourly - b.hourly || compareText(a.type, b.type));
    candidateCache.set(key, out);
    return out;
  };

  /** Cheapest packing of `shapes` on hosts of their own: per architecture, the cheapest type. */
  // Services of equal task shapes and counts pack the same: one packing per distinct (region, shapes) set.
  const shapeKeys = new Map<TaskShape, string>();
  const shapeKey = (x: TaskShape): string => {
    let k = shapeKeys.get(x);
    if (k === undefined)
      shapeKeys.set(
        x,
        (k = `${x.arch}:${x.cpu}:${x.memoryMiB}:${x.networkMode === 'awsvpc' ? 1 : 0}:${x.windows ? 1 : 0}`),
      );
    return k;
  };
  const packMemo = new Map<string, { micro: number | null; type: string | null; count: number | null }>();
  const packCheapest = (
    region: string | undefined,
    shapes: TaskShape[],
  ): { micro: number | null; type: string | null; count: number | null } => {
    if (shapes.length === 0) return { micro: 0, type: null, count: 0 };
    let key: string | undefined;
    if (shapes.length <= 64) {
      // A group's tasks nearly always share one shape: its key is then that shape's and the count.
      const first = shapes[0];
      const key1 = shapeKey(first);
      if (shapes.every((x) => x === first)) key = `${region}|${key1}*${shapes.length}`;
      else {
        const parts = shapes.map(shapeKey);
        parts.sort();
        key = `${region}|${parts.join(',')}`;
      }
      const known = packMemo.get(key);
      if (known) return known;
    }
    const result = packCheapestUncached(region, shapes);
    if (key) packMemo.set(key, result);
    return result;
  };
  const packCheapestUncached = (
    region: string | undefined,
    shapes: TaskShape[],
  ): { micro: number | null; type: string | null; count: number | null } => {
    if (shapes.some((s) => s.windows)) {
      noteMissing(region, 'EC2 Windows hosts', 'the EC2 prices are Linux; add Windows prices with --prices');
      return { micro: null, type: null, count: null };
    }
    const byArch = new Map<CpuArch, TaskShape[]>();
    for (const s of shapes) {
      const l = byArch.get(s.arch);
      if (l) l.push(s);
      else byArch.set(s.arch, [s]);
    }
    let micro = 0;
    const types: string[] = [];
    let count = 0;
    for (const [arch, list] of byArch) {
      const items: PackItem[] = list.map((s) => ({
        cpu: s.cpu,
        memoryMiB: s.memoryMiB,
        enis: s.networkMode === 'awsvpc' ? 1 : 0,
      }));
      let best: { micro: number; type: string; count: number } | undefined;
      let sumCpu = 0;
      let sumMem = 0;
      let sumEni = 0;
      for (const it of items) {
        sumCpu += it.cpu;
        sumMem += it.memoryMiB;
        sumEni += it.enis;
      }
      // Each type's lower bound (hosts perfectly full on the scarcest resource) × its price; pack in that order
      // and stop once a bound reaches the best real packing: usually one to three packings instead of one per type.
      const bounded = candidates(region, arch)
        .map((c) => {
          const hosts = Math.max(
            1,
            Math.ceil(
              Math.max(
                sumCpu / c.cap.cpu,
                sumMem / c.cap.memoryMiB,
                c.cap.enis > 0 ? sumEni / c.cap.enis : sumEni > 0 ? Infinity : 0,
              ),
            ),
          );
          return { c, bound: hosts * monthlyMicro(c.hourly) };
        })
        .filter((b) => Number.isFinite(b.bound))
        .sort((a, b) => a.bound - b.bound || a.c.hourly - b.c.hourly || compareText(a.c.type, b.c.type));
      for (const { c, bound } of bounded) {
        if (best && bound >= best.micro) break;
        const p = packFirstFitDecreasing(items, c.cap);
        if (!p) continue;
        const m = p.bins.length * monthlyMicro(c.hourly);
        if (!best || m < best.micro) best = { micro: m, type: c.type, count: p.bins.length };
      }
      if (!best) {
        noteMissing(
          region,
          `EC2 ${arch} instance types`,
          'no priced type of this architecture holds these tasks — add prices with --prices',
        );
        return { micro: null, type: null, count: null };
      }
      micro += best.micro;
      types.push(best.type);
      count += best.count;
    }
    return { micro, type: types.join('+'), count };
  };

  /** A shape's Fargate what-ifs (on demand, Spot, Graviton) and its rounding, once per shape and region. */
  const whatIfCache = new Map<
    TaskShape,
    Map<string, { od: number | null; sp: number | null; gr: number | null; rounding?: string }>
  >();
  const whatIf = (region: string | undefined, shape: TaskShape) => {
    let byRegion = whatIfCache.get(shape);
    if (!byRegion) whatIfCache.set(shape, (byRegion = new Map()));
    const cached = byRegion.get(region ?? '');
    if (cached) return cached;
    const size = roundToFargate(Math.max(shape.cpu, 1), Math.max(shape.memoryMiB, 1), shape.windows);
    let w: { od: number | null; sp: number | null; gr: number | null; rounding?: string };
    if (!size) w = { od: null, sp: null, gr: null };
    else
      w = {
        od: fargateTaskMicro(region, shape, size, false),
        sp: shape.windows ? null : fargateTaskMicro(region, shape, size, true),
        gr: shape.windows ? null : fargateTaskMicro(region, { ...shape, arch: 'arm64' }, size, false),
        rounding:
          size.cpu !== shape.cpu || size.memoryMiB !== shape.memoryMiB
            ? `${describeSize(shape.cpu, shape.memoryMiB)} to ${describeSize(size.cpu, size.memoryMiB)}`
            : undefined,
      };
    byRegion.set(region ?? '', w);
    return w;
  };

  // Services of one task definition mostly share their blockers: those of the definition are read once.
  const blockerCache = new Map<TaskDefinition | undefined, Map<TaskShape, ReturnType<typeof fargateBlockers>>>();
  const blockersOf = (td: TaskDefinition | undefined, service: Service | undefined, shape: TaskShape) => {
    const own =
      service?.schedulingStrategy === 'DAEMON' ||
      (Array.isArray(service?.raw?.placementConstraints) && (service.raw.placementConstraints as unknown[]).length > 0);
    if (own) return fargateBlockers(td, service, shape);
    let byShape = blockerCache.get(td);
    if (!byShape) blockerCache.set(td, (byShape = new Map()));
    let found = byShape.get(shape);
    if (!found) byShape.set(shape, (found = fargateBlockers(td, service, shape)));
    return found;
  };

  // --- Rows. ---
  const rows: CostRow[] = [];
  const clusterAgg = new Map<
    string,
    { now: number | null; fargate: number | null; spot: number | null; shapes: TaskShape[]; region?: string }
  >();
  const idleToGroup = new Map<Group, number>();
  // Each host's idle, pro rata to the task cost each group has on it.
  const byHostGroup = new Map<ContainerInstance, Map<Group, number>>();
  for (const g of groups.values())
    for (const t of g.tasks)
      if (t.host && t.nowMicro !== null) {
        let m = byHostGroup.get(t.host);
        if (!m) byHostGroup.set(t.host, (m = new Map()));
        m.set(g, (m.get(g) ?? 0) + t.nowMicro);
      }
  for (const [host, m] of byHostGroup) {
    const h = hostMicro.get(host);
    if (!h || h.tasksTotal <= 0) continue;
    for (const [g, c] of m) idleToGroup.set(g, (idleToGroup.get(g) ?? 0) + mulDiv(h.idle, c, h.tasksTotal));
  }

  for (const g of groups.values()) {
    const shape0 = g.tasks[0]?.shape ?? taskShape(g.td, undefined, g.launchType === 'EC2');
    let now: number | null = 0;
    for (const t of g.tasks) now = addOrNull(now, t.nowMicro);
    const hostIds = new Set<ContainerInstance>();
    for (const t of g.tasks) if (t.host) hostIds.add(t.host);
    const idle = hostIds.size > 0 ? (now === null ? null : (idleToGroup.get(g) ?? 0)) : 0;
    // What-if on Fargate: each task rounded up to a valid size.
    let fargate: number | null = 0;
    let spot: number | null = 0;
    let graviton: number | null = 0;
    const rounding = new Map<string, number>();
    // Per-task figures only matter to a capacity-provider strategy; without one it is the on-demand sum.
    const perTask = g.strategy.length > 0;
    const perTaskOnDemand: (number | null)[] = [];
    const perTaskSpot: (number | null)[] = [];
    // A group's tasks nearly always share one shape object: its what-ifs are looked up once.
    let lastShape: TaskShape | undefined;
    let w!: ReturnType<typeof whatIf>;
    for (const t of g.tasks) {
      if (t.shape !== lastShape) {
        w = whatIf(g.region, t.shape);
        lastShape = t.shape;
      }
      if (perTask) {
        perTaskOnDemand.push(w.od);
        perTaskSpot.push(w.sp);
      }
      fargate = addOrNull(fargate, w.od);
      spot = addOrNull(spot, w.sp);
      graviton = addOrNull(graviton, w.gr);
      if (w.rounding) rounding.set(w.rounding, (rounding.get(w.rounding) ?? 0) + 1);
    }
    // followStrategy with no strategy adds the on-demand figures in task order: exactly `fargate`.
    const strategyMicro =
      g.tasks.length === 0 ? 0 : perTask ? followStrategy(g.strategy, perTaskOnDemand, perTaskSpot) : fargate;
    const packed = packCheapest(
      g.region,
      g.tasks.map((t) => t.shape),
    );
    const { blockers, changesNeeded } = blockersOf(g.td, g.service, shape0);
    const cluster = g.clusterId ? clusters.get(g.clusterId) : undefined;
    const packedShare = (() => {
      let tasksTotal = 0;
      let monthly = 0;
      for (const h of hostIds) {
        const m = hostMicro.get(h);
        if (m) {
          tasksTotal += m.tasksTotal;
          monthly += m.monthly;
        }
      }
      return monthly > 0 ? tasksTotal / monthly : null;
    })();
    const row: CostRow = {
      id: g.id,
      kind: g.kind,
      serviceArn: g.service?.arn ?? null,
      accountId: g.accountId ?? null,
      region: g.region ?? null,
      clusterId: g.clusterId ?? null,
      cluster: cluster?.name ?? g.clusterId?.split('/').pop() ?? '',
      service: g.name,
      launchType: g.launchType,
      tasks: g.tasks.length,
      nowMonthly: dollars(now),
      idleAllocatedMonthly: dollars(idle),
      fargateMonthly: dollars(fargate),
      fargateSpotMonthly: dollars(spot),
      fargateSpotStrategyMonthly: dollars(strategyMicro),
      gravitonMonthly: dollars(graviton),
      ec2Monthly: dollars(packed.micro),
      ec2InstanceType: packed.type,
      ec2Instances: packed.count,
      blockers,
      changesNeeded,
      verdict: '',
    };
    row.verdict = verdictOf(row, packedShare, rounding);
    rows.push(row);
    const ck = g.clusterId ?? '';
    const agg = clusterAgg.get(ck) ?? { now: 0, fargate: 0, spot: 0, shapes: [], region: g.region };
    agg.now = addOrNull(agg.now, now);
    agg.fargate = addOrNull(agg.fargate, fargate);
    agg.spot = addOrNull(agg.spot, spot);
    for (const t of g.tasks) agg.shapes.push(t.shape);
    clusterAgg.set(ck, agg);
  }

  // --- Clusters: Fargate tasks + hosts (idle included) = Σ groups' now + Σ idle. ---
  const clusterRows: ClusterCost[] = [];
  const idleByCluster = new Map<string, number | null>();
  for (const h of hosts) {
    const k = h.clusterId ?? '';
    const m = hostMicroById.get(h.id);
    idleByCluster.set(k, addOrNull(idleByCluster.get(k) ?? 0, m ? m.idle : null));
    billByCluster.set(k, addOrNull(billByCluster.has(k) ? billByCluster.get(k)! : 0, m ? m.monthly : null));
  }
  const clusterKeys = new Set([...clusterAgg.keys(), ...idleByCluster.keys(), ...billByCluster.keys()]);
  let totalNow: number | null = 0;
  let totalFargate: number | null = 0;
  let totalSpot: number | null = 0;
  let totalEc2: number | null = 0;
  for (const k of [...clusterKeys].sort()) {
    const agg = clusterAgg.get(k) ?? { now: 0, fargate: 0, spot: 0, shapes: [], region: clusters.get(k)?.region };
    const idle = idleByCluster.get(k) ?? 0;
    const c = clusters.get(k);
    const ec2 = packCheapest(agg.region ?? c?.region, agg.shapes).micro;
    // The bill: Fargate (and other non-EC2) tasks plus whole hosts, idle included. Equal to Σ groups' now +
    // Σ idle whenever every EC2 task's host is loaded.
    const now = billByCluster.has(k) ? billByCluster.get(k)! : 0;
    clusterRows.push({
      clusterId: k,
      clusterArn: c?.arn ?? null,
      cluster: c?.name ?? (k ? k.split('/').pop()! : '(no cluster)'),
      nowMonthly: dollars(now),
      idleMonthly: dollars(idle),
      fargateMonthly: dollars(agg.fargate),
      fargateSpotMonthly: dollars(agg.spot),
      ec2Monthly: dollars(ec2),
    });
    totalNow = addOrNull(totalNow, now);
    totalFargate = addOrNull(totalFargate, agg.fargate);
    totalSpot = addOrNull(totalSpot, agg.spot);
    totalEc2 = addOrNull(totalEc2, ec2);
  }
  const byName = (a: CostRow, b: CostRow) =>
    compareText(a.cluster, b.cluster) || compareText(a.service, b.service) || compareText(a.id, b.id);
  return {
    currency: 'USD',
    hoursPerMonth: HOURS_PER_MONTH,
    prices: { retrieved: prices.retrieved, sources: priceSources(prices) },
    services: rows.filter((r) => r.kind === 'service').sort(byName),
    standalone: rows.filter((r) => r.kind === 'standalone').sort(byName),
    clusters: clusterRows,
    hosts,
    totals: {
      nowMonthly: dollars(totalNow),
      fargateMonthly: dollars(totalFargate),
      fargateSpotMonthly: dollars(totalSpot),
      ec2Monthly: dollars(totalEc2),
    },
    missingPrices: [...missing.values()],
    diagnostics,
  };
}

/**
 * Splits a group's tasks by its capacity-provider strategy as ECS does: `base` tasks on the provider that
 * has one, the rest by weight. FARGATE_SPOT shares are priced at Spot, every other provider at Fargate.
 */
export function followStrategy(
  strategy: CapacityProviderStrategyItem[],
  onDemand: (number | null)[],
  spot: (number | null)[],
): number | null {
  const n = onDemand.length;
  let spotCount = 0;
  if (strategy.length > 0) {
    const baseItem = strategy.find((s) => (s.base ?? 0) > 0);
    const base = Math.min(n, baseItem?.base ?? 0);
    if (baseItem?.capacityProvider === 'FARGATE_SPOT') spotCount += base;
    const rest = n - base;
    const totalWeight = strategy.reduce((s, i) => s + (i.weight ?? 0), 0);
    const spotWeight = strategy
      .filter((s) => s.capacityProvider === 'FARGATE_SPOT')
      .reduce((s, i) => s + (i.weight ?? 0), 0);
    if (totalWeight > 0) spotCount += Math.round((rest * spotWeight) / totalWeight);
  }
  let micro: number | null = 0;
  // The Spot share goes to the last tasks (after the base), in order.
  for (let i = 0; i < n; i++) micro = addOrNull(micro, i >= n - spotCount ? spot[i] : onDemand[i]);
  return micro;
}

/** One line a person reads, computed from the row's figures. */
function verdictOf(row: CostRow, packedShare: number | null, rounding: Map<string, number>): string {
  const blocked = row.blockers.length > 0 ? `, but it cannot move: ${row.blockers.map((b) => b.code).join(', ')}` : '';
  const roundingText = (() => {
    const top = [...rounding.entries()].sort((a, b) => b[1] - a[1])[0];
    return top ? `; on Fargate ${top[1]} task${top[1] === 1 ? ' rounds' : 's round'} up from ${top[0]}` : '';
  })();
  if (row.tasks === 0) return 'No running task to price.';
  const isEc2 = row.launchType.split('+').every((l) => l === 'EC2');
  if (isEc2) {
    if (row.nowMonthly === null || row.idleAllocatedMonthly === null || row.fargateMonthly === null)
      return 'Cannot compare: a price is missing (see missing prices).';
    const current = row.nowMonthly + row.idleAllocatedMonthly;
    const diff = row.fargateMonthly - current;
    const packed = packedShare === null ? '' : ` hosts are ${Math.round(packedShare * 100)}% packed`;
    const stays =
      row.blockers.length > 0 ? `; it cannot move anyway: ${row.blockers.map((b) => b.code).join(', ')}` : '';
    if (diff >= 0.005)
      return `EC2 saves ${formatDollars(diff)}/month here because${packed || ' of its hosts'}${roundingText}${stays}.`;
    return `Fargate would save ${formatDollars(-diff)}/month:${packed || ' its hosts are idle'}${roundingText}${blocked}.`;
  }
  if (row.nowMonthly === null) return 'Cannot compare: a price is missing (see missing prices).';
  if (row.ec2Monthly === null)
    return `No EC2 packing priced for these tasks; now ${formatDollars(row.nowMonthly)}/month.`;
  const diff = row.nowMonthly - row.ec2Monthly;
  const hostsText = `${row.ec2Instances}× ${row.ec2InstanceType}`;
  if (diff >= 0.005) return `EC2 would save ${formatDollars(diff)}/month: the tasks pack onto ${hostsText}.`;
  return `Fargate saves ${formatDollars(-diff)}/month here over ${hostsText} packed.`;
}
