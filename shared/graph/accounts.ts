/**
 * The account level: when a load spans more than one (account, region)
 * pair, a card per pair ("111122223333 · eu-west-1") sits above its
 * clusters, since cluster and service names repeat across accounts and a
 * flat row of same-named clusters would mislead. One pair draws as before.
 */
import type { Cluster, Topology } from '../model/types';
import { SIZES, STATUS_ORDER, type StatusClass } from '../theme/theme';
import { inc, pushEdge } from './node-builders';
import { taskStatus } from './status';
import type { Graph, GraphNode, StatusCounts } from './types';
import type { ViewState } from './view';

const ACCOUNT_PREFIX = 'group:account:';
const REFERENCED_PREFIX = 'group:referenced:';

/** Id of the card that folds the referenced-only clusters of one (account, region) pair. */
export function referencedGroupId(accountId: string | undefined, region: string | undefined): string {
  return `${REFERENCED_PREFIX}${accountId ?? '?'}|${region ?? '?'}`;
}

/** Fewest referenced-only clusters of one pair that fold into a card: one card for one cluster saves nothing. */
export const FOLD_REFERENCED_MIN = 2;

/** "11 referenced-only clusters". */
export function referencedLabel(count: number): string {
  return `${count} referenced-only cluster${count === 1 ? '' : 's'}`;
}

/**
 * Folds, per (account, region) pair, the clusters that are only referenced
 * (a container instance or task ARN named them, nothing described them) and
 * hold nothing drawn into one "N referenced-only clusters" card: eleven
 * dashed cards saying "not described" made a real load a tall column. The
 * card opens on click (its id in `view.expanded`): the clusters then hang
 * below it. `filters.showReferencedOnly` draws them as before.
 */
export function foldReferencedOnly(graph: Graph, topology: Topology, view: ViewState): Graph {
  if (view.filters.showReferencedOnly) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const below = new Map<string, string[]>();
  const link = (from: string, to: string): void => {
    const list = below.get(from);
    if (list) list.push(to);
    else below.set(from, [to]);
  };
  for (const e of graph.edges) if (!e.cross) link(e.source, e.target);
  for (const n of graph.nodes) if (n.parentId) link(n.parentId, n.id);
  /** What a cluster holds, or null when it holds something drawn: in the placement view a referenced cluster
   * brings its listed container instances, placeholders without tasks, which say no more than the cluster. */
  const emptyBelow = (id: string): string[] | null => {
    const out: string[] = [];
    const work = [...(below.get(id) ?? [])];
    while (work.length > 0) {
      const next = work.pop()!;
      const n = byId.get(next);
      if (!n || n.kind !== 'host' || !n.placeholder) return null;
      out.push(next);
      work.push(...(below.get(next) ?? []));
    }
    return out;
  };
  const clusterById = new Map(topology.clusters.map((c) => [c.id, c]));
  const byPair = new Map<string, { cluster: GraphNode; under: string[] }[]>();
  for (const n of graph.nodes) {
    if (n.kind !== 'cluster' || !n.placeholder) continue;
    const under = emptyBelow(n.id);
    if (!under) continue;
    const c = clusterById.get(n.id);
    const key = referencedGroupId(c?.accountId, c?.region);
    const list = byPair.get(key) ?? [];
    list.push({ cluster: n, under });
    byPair.set(key, list);
  }
  // Node id → the card it is folded into (clusters and what hangs below them).
  const folded = new Map<string, string>();
  const cards: GraphNode[] = [];
  const edges: Graph['edges'] = [];
  const opened = new Set(view.expanded ?? []);
  for (const [id, members] of [...byPair.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (members.length < FOLD_REFERENCED_MIN) continue;
    const open = opened.has(id) && !view.collapsed.includes(id);
    const names = members.map(({ cluster }) => (cluster.kind === 'cluster' ? cluster.data.name : cluster.id));
    const hidden = members.reduce((sum, m) => sum + 1 + m.under.length, 0);
    cards.push({
      id,
      kind: 'group',
      placeholder: true,
      statusClass: 'unknown',
      collapsed: !open,
      hiddenCount: open ? 0 : hidden,
      collapsible: true,
      width: SIZES.stack.width,
      height: SIZES.stack.height,
      data: {
        variant: 'referenced-clusters',
        label: referencedLabel(members.length),
        taskCount: 0,
        tasksByStatus: {},
        // The names say which clusters these are without opening the card (the card clamps the line).
        ...(open ? {} : { stackLabel: names.join(', ') }),
      },
    });
    for (const { cluster, under } of members) {
      folded.set(cluster.id, id);
      for (const u of under) folded.set(u, id);
      if (open) pushEdge(edges, id, cluster.id);
    }
  }
  if (cards.length === 0) return graph;
  const opens = new Set(cards.filter((c) => !c.collapsed).map((c) => c.id));
  const shown = (nodeId: string): boolean => !folded.has(nodeId) || opens.has(folded.get(nodeId)!);
  // The card, then what it folds when open, after the described clusters: what was described reads first.
  const tail: GraphNode[] = [];
  for (const card of cards) {
    tail.push(card);
    if (!card.collapsed) tail.push(...graph.nodes.filter((n) => folded.get(n.id) === card.id));
  }
  return {
    nodes: [...graph.nodes.filter((n) => !folded.has(n.id)), ...tail],
    edges: [...graph.edges.filter((e) => shown(e.source) && shown(e.target)), ...edges],
    legend: graph.legend,
  };
}

/** Id of the account card of one (account, region) pair. */
export function accountGroupId(accountId: string | undefined, region: string | undefined): string {
  return `${ACCOUNT_PREFIX}${accountId ?? '?'}|${region ?? '?'}`;
}

/** Whether a node id is an account card's. */
export function isAccountGroupId(id: string): boolean {
  return id.startsWith(ACCOUNT_PREFIX);
}

/** "111122223333 · eu-west-1", with "unknown account/region" for a part the ARN did not carry. */
export function accountLabel(accountId: string | undefined, region: string | undefined): string {
  return `${accountId ?? 'unknown account'} · ${region ?? 'unknown region'}`;
}

/** What the details panel says about one account card: its pair, and what its clusters hold, by status. */
export interface AccountSummary {
  id: string;
  label: string;
  accountId?: string;
  region?: string;
  /** Its clusters, by name. */
  clusters: { id: string; name: string; status?: string; placeholder: boolean }[];
  /** Clusters per ECS status (ACTIVE, INACTIVE, …; "referenced only" for placeholders). */
  clustersByStatus: Record<string, number>;
  /** Described services per ECS status (ACTIVE, DRAINING, …). */
  servicesByStatus: Record<string, number>;
  /** Described tasks per status class (running, pending, stopped, unhealthy), as the cards count them. */
  tasksByStatus: StatusCounts;
  containerInstances: number;
}

/** The summary of the account card `id`, or null when no cluster of the load is in that pair. */
export function accountSummary(topology: Topology, id: string): AccountSummary | null {
  const clusters = topology.clusters
    .filter((c) => accountGroupId(c.accountId, c.region) === id)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  if (clusters.length === 0) return null;
  const ids = new Set(clusters.map((c) => c.id));
  const clustersByStatus: Record<string, number> = {};
  for (const c of clusters) inc(clustersByStatus, c.placeholder ? 'referenced only' : (c.status ?? 'unknown'));
  const servicesByStatus: Record<string, number> = {};
  for (const s of topology.services)
    if (!s.placeholder && s.clusterId && ids.has(s.clusterId)) inc(servicesByStatus, s.status ?? 'unknown');
  const tasksByStatus: StatusCounts = {};
  for (const t of topology.tasks)
    if (!t.placeholder && t.clusterId && ids.has(t.clusterId)) inc(tasksByStatus, taskStatus(t));
  const { accountId, region } = clusters[0];
  return {
    id,
    label: accountLabel(accountId, region),
    accountId,
    region,
    clusters: clusters.map((c) => ({ id: c.id, name: c.name, status: c.status, placeholder: c.placeholder })),
    clustersByStatus,
    servicesByStatus,
    tasksByStatus,
    containerInstances: topology.containerInstances.filter(
      (ci) => !ci.placeholder && ci.clusterId && ids.has(ci.clusterId),
    ).length,
  };
}

/** An account card: two lines more than SIZES.account, so the region is never cut and the counts say what they count. */
export const ACCOUNT_CARD = { width: SIZES.account.width, height: SIZES.account.height + 36 };

/**
 * Running tasks of one pair as AWS counted them: the described services' runningCount, else the described
 * clusters' runningTasksCount. The loaded tasks are often a few of them (or none): the card says which is which.
 */
function runningAsReported(
  topology: Topology,
  pairId: string,
): { count: number; from: 'services' | 'clusters' } | undefined {
  const inPair = (c: Cluster) => accountGroupId(c.accountId, c.region) === pairId;
  const clusterIds = new Set(topology.clusters.filter(inPair).map((c) => c.id));
  const services = topology.services.filter(
    (s) => !s.placeholder && s.clusterId && clusterIds.has(s.clusterId) && s.runningCount !== undefined,
  );
  if (services.length > 0) return { count: services.reduce((n, s) => n + (s.runningCount ?? 0), 0), from: 'services' };
  const clusters = topology.clusters.filter((c) => inPair(c) && !c.placeholder && c.runningTasksCount !== undefined);
  if (clusters.length > 0)
    return { count: clusters.reduce((n, c) => n + (c.runningTasksCount ?? 0), 0), from: 'clusters' };
  return undefined;
}

/**
 * The account card's two lines, on screen and in exports: the account id, then the whole region ("111122223333"
 * / "eu-west-1"); and the counts, saying what they count ("1 running (service counts) · 0 tasks loaded").
 */
export function accountCardText(d: {
  label: string;
  taskCount: number;
  tasksByStatus: StatusCounts;
  reportedRunning?: { count: number; from: 'services' | 'clusters' };
}): { account: string; region: string; reported?: string; loaded: { text: string; status?: StatusClass }[] } {
  const [account, region = ''] = d.label.split(' · ');
  const reported = d.reportedRunning
    ? `${d.reportedRunning.count} running (${d.reportedRunning.from === 'services' ? 'service' : 'cluster'} counts)`
    : undefined;
  const loaded: { text: string; status?: StatusClass }[] = [
    { text: `${d.taskCount} ${d.taskCount === 1 ? 'task' : 'tasks'} loaded` },
  ];
  for (const s of STATUS_ORDER)
    if (s !== 'running' && d.tasksByStatus[s]) loaded.push({ text: ` · ${d.tasksByStatus[s]} ${s}`, status: s });
  return { account, region, ...(reported ? { reported } : {}), loaded };
}

// Made once per list of clusters (a load's never changes): ancestorIds asks for it per search hit, and a
// one-letter search of the 100,000-node account has 93,000 hits (263 ms of building this map again and again).
const accountsOfClusters = new WeakMap<object, ReadonlyMap<string, string>>();

/** Account card id per cluster id, or an empty map when every cluster shares one pair (no account level then). */
export function accountOfCluster(
  clusters: readonly Pick<Cluster, 'id' | 'accountId' | 'region'>[],
): ReadonlyMap<string, string> {
  let known = accountsOfClusters.get(clusters);
  if (!known) {
    const of = new Map(clusters.map((c) => [c.id, accountGroupId(c.accountId, c.region)]));
    known = new Set(of.values()).size > 1 ? of : new Map<string, string>();
    accountsOfClusters.set(clusters, known);
  }
  return known;
}

/**
 * Puts the account level above the clusters of a built graph (either view)
 * when the whole load — not just what filters keep, so filtering never
 * reshapes the tree — spans several pairs. A collapsed account card hides
 * everything below it. Account cards come first, so parents still precede
 * their children.
 */
export function withAccounts(graph: Graph, topology: Topology, view: ViewState): Graph {
  const accountOf = accountOfCluster(topology.clusters);
  if (accountOf.size === 0) return graph;
  const clusterById = new Map(topology.clusters.map((c) => [c.id, c]));
  const clustersOf = new Map<string, string[]>();
  // A cluster under a referenced-only card hangs from the card, and the card from the account.
  const underCard = new Set(graph.edges.filter((e) => e.source.startsWith(REFERENCED_PREFIX)).map((e) => e.target));
  for (const n of graph.nodes) {
    const account =
      n.kind === 'cluster' && !underCard.has(n.id)
        ? accountOf.get(n.id)
        : n.id.startsWith(REFERENCED_PREFIX)
          ? ACCOUNT_PREFIX + n.id.slice(REFERENCED_PREFIX.length)
          : undefined;
    if (!account) continue;
    const list = clustersOf.get(account) ?? [];
    list.push(n.id);
    clustersOf.set(account, list);
  }
  if (clustersOf.size === 0) return graph;

  // What each node leads to (edges across ranks, parent links inside boxes), for hiding a collapsed account's subtree.
  const below = new Map<string, string[]>();
  const link = (from: string, to: string): void => {
    const list = below.get(from);
    if (list) list.push(to);
    else below.set(from, [to]);
  };
  for (const e of graph.edges) link(e.source, e.target);
  for (const n of graph.nodes) if (n.parentId) link(n.parentId, n.id);

  const collapsed = new Set(view.collapsed);
  const hidden = new Set<string>();
  const accounts: GraphNode[] = [];
  const edges: Graph['edges'] = [];
  for (const [id, clusterIds] of [...clustersOf.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const first = clusterById.get(clusterIds[0]);
    const isCollapsed = collapsed.has(id);
    let hiddenCount = 0;
    if (isCollapsed) {
      const work = [...clusterIds];
      while (work.length > 0) {
        const next = work.pop()!;
        if (hidden.has(next)) continue;
        hidden.add(next);
        hiddenCount++;
        work.push(...(below.get(next) ?? []));
      }
    } else {
      for (const c of clusterIds) pushEdge(edges, id, c);
    }
    const ids = new Set(clusterIds);
    const reportedRunning = runningAsReported(topology, id);
    const tasksByStatus: StatusCounts = {};
    let taskCount = 0;
    for (const t of topology.tasks) {
      if (t.placeholder || !t.clusterId || !ids.has(t.clusterId)) continue;
      taskCount++;
      inc(tasksByStatus, taskStatus(t));
    }
    accounts.push({
      id,
      kind: 'group',
      placeholder: false,
      statusClass: tasksByStatus.unhealthy ? 'unhealthy' : 'running',
      collapsed: isCollapsed,
      hiddenCount,
      collapsible: true,
      width: ACCOUNT_CARD.width,
      height: ACCOUNT_CARD.height,
      data: {
        variant: 'account',
        label: accountLabel(first?.accountId, first?.region),
        taskCount,
        tasksByStatus,
        ...(reportedRunning ? { reportedRunning } : {}),
      },
    });
  }
  const keep = (id: string): boolean => !hidden.has(id);
  return {
    nodes: [...accounts, ...graph.nodes.filter((n) => keep(n.id))],
    edges: [...edges, ...graph.edges.filter((e) => keep(e.source) && keep(e.target))],
    legend: graph.legend,
  };
}
