/**
 * Search: which objects of a load match a query, and in which field. A
 * match set, not a filter: the canvas highlights the hits and dims the rest,
 * and Enter walks through them in this order.
 */
import { capacityProviderId } from '../model/arn';
import type { Container, Task, Topology } from '../model/types';
import { namespaceNodes } from './namespace';
import { topologyIndexSteps } from '../model/topology-index';
import { ancestorIds } from './build-graph';
import type { ViewMode } from './view';

/** The field a search hit matched in. */
export type SearchField =
  | 'cluster'
  | 'service'
  | 'target group'
  | 'namespace'
  | 'DNS name'
  | 'task id'
  | 'ARN'
  | 'container'
  | 'image'
  | 'private IP'
  | 'instance id'
  | 'task definition'
  | 'capacity provider'
  | 'Auto Scaling group';

/** One object that matched: its model id (also its node id), and where. */
export interface SearchHit {
  id: string;
  field: SearchField;
  /** The value that matched, for a tooltip or a list. */
  value: string;
}

/**
 * Whether a value holds `needle` (already lower case), ignoring case. An ASCII needle (ids, names, ARNs, images
 * and IPs are ASCII) is a case-insensitive regular expression, which lowers no copy of the value: lowering ~250,000
 * values per keystroke was most of a search on the 100,000-node account. Any other needle lowers the value.
 */
function substringTest(needle: string): (value: string) => boolean {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(needle)) return (value) => value.toLowerCase().includes(needle);
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return (value) => re.test(value);
}

const byName = <T extends { name: string; id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

/** How each list is ordered for search, one sort per list (see `searchWarmUp`). */
const SORTS = {
  clusters: (t: Topology) => byName(t.clusters),
  services: (t: Topology) => byName(t.services),
  targetGroups: (t: Topology) => byName(t.targetGroups),
  tasks: (t: Topology) => [...t.tasks].sort((a, b) => a.shortId.localeCompare(b.shortId) || a.id.localeCompare(b.id)),
  taskDefinitions: (t: Topology) =>
    [...t.taskDefinitions].sort(
      (a, b) => a.family.localeCompare(b.family) || (a.revision ?? 0) - (b.revision ?? 0) || a.id.localeCompare(b.id),
    ),
  capacityProviders: (t: Topology) => byName(t.capacityProviders),
};
type SearchOrder = { [K in keyof typeof SORTS]: ReturnType<(typeof SORTS)[K]> };
const SORTED_LISTS = Object.keys(SORTS) as (keyof typeof SORTS)[];

const ordersByTopology = new WeakMap<Topology, Partial<SearchOrder>>();

/** Sorts one list of `t` for search, once per load. */
function sortOnce(t: Topology, list: keyof typeof SORTS): void {
  let orders = ordersByTopology.get(t);
  if (!orders) ordersByTopology.set(t, (orders = {}));
  (orders as Record<string, unknown>)[list] ??= SORTS[list](t);
}

/**
 * The lists in the order hits come in, sorted once per load: sorting 36,445 tasks by locale on every keystroke
 * was most of a 365 ms search on the 100,000-node account.
 */
function searchOrder(t: Topology): SearchOrder {
  for (const list of SORTED_LISTS) sortOnce(t, list);
  return ordersByTopology.get(t) as SearchOrder;
}

/**
 * The objects matching `query` (case-insensitive substring), one hit per
 * object, in diagram order: clusters, services, target groups and
 * namespaces, then per task the task itself before its containers. Target
 * groups and namespaces (by name, id, ARN, or a DNS name published there)
 * are hit only in the hierarchy, the view that draws them; a namespace used
 * in two clusters is two hits, one per node. An EC2 instance id matches
 * every task placed on it, and in the placement view (where hosts are
 * drawn) the host too. Described task definitions (by family:revision, ARN
 * or a container image) and capacity providers (by name, ARN or Auto Scaling
 * group) come last: they are not drawn, a hit selects them in the details
 * panel. An empty query matches nothing.
 */
export function searchTopology(topology: Topology, query: string, mode: ViewMode = 'hierarchy'): readonly SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  // The last search of each load, kept: the search box's count and the canvas's emphasis ask for the same one
  // (46 ms each for 'o' on the 100,000-node account), and Enter asks again.
  const kept = lastSearch.get(topology);
  if (kept?.needle === needle && kept.mode === mode) return kept.hits;
  const hits = searchOnce(topology, needle, mode);
  lastSearch.set(topology, { needle, mode, hits });
  return hits;
}

const lastSearch = new WeakMap<Topology, { needle: string; mode: ViewMode; hits: readonly SearchHit[] }>();

function searchOnce(topology: Topology, needle: string, mode: ViewMode): SearchHit[] {
  const hits: SearchHit[] = [];
  const matches = substringTest(needle);
  const hit = (id: string, field: SearchField, value: string | undefined): boolean => {
    if (!value || !matches(value)) return false;
    hits.push({ id, field, value });
    return true;
  };
  const first = (id: string, candidates: [SearchField, string | undefined][]): void => {
    for (const [field, value] of candidates) if (hit(id, field, value)) return;
  };
  const sorted = searchOrder(topology);
  for (const c of sorted.clusters)
    first(c.id, [
      ['cluster', c.name],
      ['ARN', c.arn],
    ]);
  for (const s of sorted.services)
    first(s.id, [
      ['service', s.name],
      ['ARN', s.arn],
    ]);
  if (mode !== 'placement') {
    const drawn = new Set(topology.services.flatMap((s) => s.loadBalancers.map((lb) => lb.targetGroupId)));
    for (const tg of sorted.targetGroups)
      if (drawn.has(tg.id))
        first(tg.id, [
          ['target group', tg.name],
          ['ARN', tg.arn],
        ]);
    for (const ns of namespaceNodes(topology)) {
      const { name, resourceId, arn } = ns.target;
      first(ns.id, [
        ['namespace', name],
        ['namespace', resourceId],
        ['ARN', arn],
        ...ns.endpointNames.map((n): [SearchField, string] => ['DNS name', n]),
      ]);
    }
  }
  const instances = new Map(topology.containerInstances.map((ci) => [ci.id, ci]));
  if (mode === 'placement')
    for (const ci of topology.containerInstances)
      first(ci.id, [
        ['instance id', ci.ec2InstanceId],
        ['ARN', ci.arn],
      ]);
  // Tasks and containers (90,000 at 100k nodes) ask field by field, with no list of candidates made per object.
  const hitTask = (t: Task): boolean => {
    const host = t.containerInstanceId ? instances.get(t.containerInstanceId) : undefined;
    return (
      hit(t.id, 'task id', t.shortId) ||
      hit(t.id, 'ARN', t.arn) ||
      hit(t.id, 'private IP', t.privateIp) ||
      hit(t.id, 'instance id', host?.ec2InstanceId)
    );
  };
  const hitContainer = (c: Container): boolean =>
    hit(c.id, 'container', c.name) || hit(c.id, 'image', c.image) || hit(c.id, 'private IP', c.privateIp);
  for (const t of sorted.tasks) {
    hitTask(t);
    for (const c of t.containers) hitContainer(c);
  }
  for (const td of sorted.taskDefinitions)
    if (!td.placeholder)
      first(td.id, [
        ['task definition', `${td.family}:${td.revision ?? '?'}`],
        ['ARN', td.arn],
        ...td.containerDefinitions.map((c): [SearchField, string | undefined] => ['image', c.image]),
      ]);
  for (const cp of sorted.capacityProviders)
    if (!cp.placeholder)
      first(cp.id, [
        ['capacity provider', cp.name],
        ['ARN', cp.arn],
        ['Auto Scaling group', cp.autoScalingGroupArn],
      ]);
  return hits;
}

const usersByDefinition = new WeakMap<Topology, Map<string, string[]>>();

/**
 * The per-load indexes the first search of `topology` would otherwise build (its sort orders, the model's
 * index the hits' holders are looked up in, who uses each task definition, each task's and container's
 * holders), in steps, for a caller to run in idle time: on the 100,000-node account they were ~100 ms and
 * ~170 ms of the first keystroke in Find.
 */
export function searchWarmUp(topology: Topology): (() => void)[] {
  const steps: (() => void)[] = [
    // A list a step: all six in one idle callback were 67 ms in Chromium at 100k (the first also sets up ICU's collator).
    ...SORTED_LISTS.map((list) => () => sortOnce(topology, list)),
    ...topologyIndexSteps(topology),
    () => definitionUsers(topology),
  ];
  // And what holds each task and container in the hierarchy (ancestorIds keeps it), 3,000 at a time: a hit's
  // holders are what a query lights, and the first one-letter query asks for ~90,000 of them. Each step reads
  // its own run of tasks: listing the 90,000 ids up front was ~50 ms of the task that shows the complete load.
  const tasks = topology.tasks;
  for (let from = 0; from < tasks.length;) {
    let to = from;
    for (let n = 0; to < tasks.length && n < WARM_CHAINS_PER_STEP; to++) n += 1 + tasks[to].containers.length;
    const [first, end] = [from, to];
    steps.push(() => {
      for (let i = first; i < end; i++) {
        ancestorIds(topology, tasks[i].id, 'hierarchy');
        for (const c of tasks[i].containers) ancestorIds(topology, c.id, 'hierarchy');
      }
    });
    from = to;
  }
  return steps;
}

/** Holders looked up per warm-up step (idle tasks of 52-71 ms in Chromium at 5,000 on the 100,000-node account). */
const WARM_CHAINS_PER_STEP = 3000;

/**
 * What the canvas lights for search hits: each hit itself, or, for a task definition or a capacity provider
 * (which have no box of their own), the services and tasks that use it, in one list (a one-letter query of the
 * 100,000-node account has 93,000 hits). A search for a family used to dim the whole drawing: its hits were in
 * the Definitions list only.
 */
export function drawnIdsOf(topology: Topology, hits: readonly { id: string }[]): string[] {
  const users = definitionUsers(topology);
  const ids: string[] = [];
  for (const h of hits) {
    const standIns = users.get(h.id);
    if (standIns) for (const id of standIns) ids.push(id);
    else ids.push(h.id);
  }
  return ids;
}

/** Who uses each task definition and capacity provider of `topology` (by id), made once per topology. */
function definitionUsers(topology: Topology): Map<string, string[]> {
  let users = usersByDefinition.get(topology);
  if (users) return users;
  users = new Map();
  const add = (definitionId: string | undefined, userId: string) => {
    if (!definitionId) return;
    const list = users!.get(definitionId);
    if (list) list.push(userId);
    else users!.set(definitionId, [userId]);
  };
  for (const s of topology.services) {
    add(s.taskDefinitionId, s.id);
    // Named as the linker names them (link.ts referCapacityProvider): the service's account and region.
    const scope = { region: s.region ?? '?', accountId: s.accountId ?? '?' };
    for (const item of s.capacityProviderStrategy) add(capacityProviderId(scope, item.capacityProvider), s.id);
  }
  for (const t of topology.tasks) {
    add(t.taskDefinitionId, t.id);
    add(t.capacityProviderId, t.id);
  }
  usersByDefinition.set(topology, users);
  return users;
}
