/**
 * What the task definitions and capacity providers of a load are to the rest
 * of it: which services and tasks use a task definition, which clusters,
 * services and tasks a capacity provider serves, and the settings of each as
 * the Definitions list and the details panel show them. Pure: no React.
 */
import type {
  CapacityProvider,
  Cluster,
  EntityBase,
  Service,
  Task,
  TaskDefinition,
  Topology,
} from '../../shared/model/types';
import { formatCpu, formatMemory } from '../nodes/node-style';

/** `family:revision`, as ECS names a revision. */
export function taskDefinitionLabel(td: Pick<TaskDefinition, 'family' | 'revision'>): string {
  return `${td.family}:${td.revision ?? '?'}`;
}

/** The described task definitions of a load, by family then revision (newest last). */
export function describedTaskDefinitions(topology: Topology): TaskDefinition[] {
  return topology.taskDefinitions
    .filter((td) => !td.placeholder)
    .sort((a, b) => a.family.localeCompare(b.family) || (a.revision ?? 0) - (b.revision ?? 0));
}

/** The described capacity providers of a load, by name. */
export function describedCapacityProviders(topology: Topology): CapacityProvider[] {
  return topology.capacityProviders
    .filter((cp) => !cp.placeholder)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Who uses a task definition: services that run or deploy it, tasks started from it. */
export interface TaskDefinitionUse {
  services: Service[];
  tasks: Task[];
}

// Who uses each task definition, made once per topology: read per row, a filter over every service and task made
// the list of the 100,000-node account's 9,091 revisions 9,091 × 45,536 comparisons (the page froze for minutes).
const usesByTopology = new WeakMap<Topology, Map<string, TaskDefinitionUse>>();

function taskDefinitionUses(topology: Topology): Map<string, TaskDefinitionUse> {
  let uses = usesByTopology.get(topology);
  if (uses) return uses;
  uses = new Map();
  const of = (id: string): TaskDefinitionUse => {
    let use = uses!.get(id);
    if (!use) uses!.set(id, (use = { services: [], tasks: [] }));
    return use;
  };
  for (const s of topology.services) {
    // A service once per revision it runs or deploys, in the topology's order.
    const ids = new Set([s.taskDefinitionId, ...s.deployments.map((d) => d.taskDefinitionId)]);
    for (const id of ids) if (id) of(id).services.push(s);
  }
  for (const t of topology.tasks) if (t.taskDefinitionId) of(t.taskDefinitionId).tasks.push(t);
  usesByTopology.set(topology, uses);
  return uses;
}

/** The services (current task definition or any deployment's) and tasks that use task definition `id`. */
export function taskDefinitionUse(topology: Topology, id: string): TaskDefinitionUse {
  return taskDefinitionUses(topology).get(id) ?? { services: [], tasks: [] };
}

/** "0.25 vCPU · 0.5 GB · awsvpc": a task definition's size and network mode, as far as it says. */
export function taskDefinitionShape(td: TaskDefinition): string {
  return [formatCpu(td.cpu), formatMemory(td.memory), td.networkMode ? `${td.networkMode} network` : undefined]
    .filter(Boolean)
    .join(' · ');
}

/** Who a capacity provider serves: clusters that list it, services whose strategy names it, tasks placed through it. */
export interface CapacityProviderUse {
  clusters: Cluster[];
  services: Service[];
  tasks: Task[];
}

// Capacity provider names are unique per account and region only: never link across either when both sides know it.
function sameScope(a: EntityBase, b: EntityBase): boolean {
  return (
    (!a.accountId || !b.accountId || a.accountId === b.accountId) && (!a.region || !b.region || a.region === b.region)
  );
}

// The services and tasks naming each capacity provider, made once per topology: read per row, a filter over
// every service and task made opening the Definitions list of the 100,000-node account one 178 ms task.
const namingByTopology = new WeakMap<Topology, { services: Map<string, Service[]>; tasks: Map<string, Task[]> }>();

function namingCapacityProviders(topology: Topology): { services: Map<string, Service[]>; tasks: Map<string, Task[]> } {
  let naming = namingByTopology.get(topology);
  if (naming) return naming;
  naming = { services: new Map(), tasks: new Map() };
  const add = <T>(map: Map<string, T[]>, name: string, item: T) => {
    const list = map.get(name);
    if (list) list.push(item);
    else map.set(name, [item]);
  };
  for (const s of topology.services)
    // A service once, however many times its strategy names the provider, in the topology's order.
    for (const name of new Set(s.capacityProviderStrategy.map((i) => i.capacityProvider)))
      add(naming.services, name, s);
  for (const t of topology.tasks) if (t.capacityProviderName) add(naming.tasks, t.capacityProviderName, t);
  namingByTopology.set(topology, naming);
  return naming;
}

/**
 * The indexes the Definitions list reads per row (who uses each task definition and names each capacity
 * provider), a step each, for a caller to build in idle time: ~35 ms of opening the list at 100,000 nodes.
 */
export function definitionsWarmUp(topology: Topology): (() => void)[] {
  return [() => taskDefinitionUses(topology), () => namingCapacityProviders(topology)];
}

/** The clusters, services and tasks of the load that use capacity provider `cp` (by name, in its account and region). */
export function capacityProviderUse(topology: Topology, cp: CapacityProvider): CapacityProviderUse {
  const named = (strategy: readonly { capacityProvider: string }[]) =>
    strategy.some((i) => i.capacityProvider === cp.name);
  const naming = namingCapacityProviders(topology);
  return {
    clusters: topology.clusters.filter(
      (c) => sameScope(cp, c) && (c.capacityProviders.includes(cp.name) || named(c.defaultCapacityProviderStrategy)),
    ),
    services: (naming.services.get(cp.name) ?? []).filter((s) => sameScope(cp, s)),
    tasks: (naming.tasks.get(cp.name) ?? []).filter((t) => sameScope(cp, t)),
  };
}

/** The Auto Scaling group's name out of its ARN (`…:autoScalingGroupName/NAME`), else the ARN. */
export function autoScalingGroupName(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const at = arn.indexOf('autoScalingGroupName/');
  return at >= 0 ? arn.slice(at + 'autoScalingGroupName/'.length) : arn;
}

/** What kind of capacity a provider gives, in words. */
export function capacityProviderKind(cp: CapacityProvider): string {
  switch (cp.providerType) {
    case 'ASG':
      return 'EC2 Auto Scaling group';
    case 'FARGATE':
      return 'Fargate';
    case 'FARGATE_SPOT':
      return 'Fargate Spot';
    case 'MANAGED_INSTANCES':
      return 'ECS Managed Instances';
    default:
      return 'unknown';
  }
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The Auto Scaling settings of a capacity provider from its describe-capacity-providers JSON
 * (`autoScalingGroupProvider`): managed scaling with its target capacity and step sizes, managed
 * termination protection, managed draining. Rows without a value are left out; none for Fargate.
 */
export function capacityProviderSettings(raw: Record<string, unknown> | undefined): [string, string][] {
  const asg = obj(raw?.autoScalingGroupProvider);
  if (!asg) return [];
  const rows: [string, string][] = [];
  const scaling = obj(asg.managedScaling);
  if (scaling) {
    const status = str(scaling.status);
    const target = num(scaling.targetCapacity);
    const min = num(scaling.minimumScalingStepSize);
    const max = num(scaling.maximumScalingStepSize);
    const detail = [
      target !== undefined ? `target capacity ${target}%` : undefined,
      min !== undefined && max !== undefined ? `step ${min}–${max} instances` : undefined,
    ].filter(Boolean);
    rows.push(['Managed scaling', `${status ?? 'unknown'}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}`]);
  }
  const protection = str(asg.managedTerminationProtection);
  if (protection) rows.push(['Managed termination protection', protection]);
  const draining = str(asg.managedDraining);
  if (draining) rows.push(['Managed draining', draining]);
  return rows;
}

/** "2 services, 5 tasks" / "no service or task in this load". */
export function usageSummary(parts: readonly [number, string][]): string {
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
  return said.length > 0 ? said.join(', ') : `no ${parts.map(([, what]) => what).join(' or ')} in this load`;
}
