/**
 * Service discovery around the services: Service Connect namespaces and the
 * Cloud Map services of `serviceRegistries`, drawn as `namespace` nodes, and
 * the text both painters and the details panel show on them.
 *
 * Service Connect spans clusters, but a namespace is drawn once per cluster
 * that uses it: one node for a whole account would pull an edge across the
 * drawing from every cluster. Inside a cluster the first service (by name)
 * that uses it holds it in the layout tree, beside its task box like a
 * target group; every other service links to it with a cross-link, which the
 * compact layout ignores, so a big account keeps its fast layout.
 */
import type { Service, Topology } from '../model/types';
import { parseArn } from '../model/arn';
import { SIZES } from '../theme/theme';
import { byName, pushEdge, UNKNOWN_CLUSTER_ID } from './node-builders';
import { targetText } from './target-group';
import type {
  AroundServicesCounts,
  DiscoveryEndpoint,
  DiscoveryVariant,
  GraphEdge,
  GraphNode,
  NamespaceData,
} from './types';

/** One way a service is discovered: a namespace or Cloud Map service, and what the service publishes there. */
export interface DiscoveryLink {
  /** Identity over the whole load: variant, region, account, and the ns-/srv- id or the namespace name. */
  key: string;
  variant: DiscoveryVariant;
  arn?: string;
  /** `ns-…` / `srv-…` from the ARN. */
  resourceId?: string;
  /** The namespace name, when the input named it rather than giving its ARN. */
  givenName?: string;
  endpoints: DiscoveryEndpoint[];
}

/** A namespace or Cloud Map service over the whole load, with every service that uses it. */
export interface DiscoveryTarget {
  key: string;
  variant: DiscoveryVariant;
  /** The name to show: given, read off a default client alias (`<discoveryName>.<namespace>`), else the id. */
  name: string;
  /** The client alias the name was read off, when the input gave only the ARN. */
  nameFromAlias?: string;
  resourceId?: string;
  arn?: string;
  /** Services using it in any cluster, by name. */
  services: Service[];
  /** How many of them each cluster (by cluster key) holds. */
  perCluster: Map<string, number>;
}

/** Where a service is discovered: its Service Connect namespace (when enabled and named), then its Cloud Map registries. */
export function discoveryLinks(service: Service): DiscoveryLink[] {
  const links: DiscoveryLink[] = [];
  const sc = service.serviceConnect;
  // Most services use neither: no key to make (every build asks this of every service).
  if (!(sc?.enabled && sc.namespace) && !service.serviceRegistries?.length) return links;
  const scope = `${service.region ?? '?'}|${service.accountId ?? '?'}`;
  if (sc?.enabled && sc.namespace) {
    const arn = parseArn(sc.namespace);
    const resourceId = arn?.segments[0];
    const endpoints: DiscoveryEndpoint[] = [];
    for (const e of sc.endpoints) {
      const fallback = e.discoveryName ?? e.portName;
      if (e.clientAliases.length === 0) endpoints.push({ name: fallback });
      for (const a of e.clientAliases) endpoints.push({ name: a.dnsName ?? fallback, port: a.port });
    }
    links.push(
      arn && resourceId
        ? {
            key: `sc|${arn.region}|${arn.accountId}|${resourceId}`,
            variant: 'service-connect',
            arn: sc.namespace,
            resourceId,
            endpoints,
          }
        : { key: `sc|${scope}|${sc.namespace}`, variant: 'service-connect', givenName: sc.namespace, endpoints },
    );
  }
  for (const r of service.serviceRegistries ?? []) {
    if (!r.registryArn) continue;
    const arn = parseArn(r.registryArn);
    const resourceId = arn?.segments[0];
    const key = arn && resourceId ? `cm|${arn.region}|${arn.accountId}|${resourceId}` : `cm|${scope}|${r.registryArn}`;
    if (links.some((l) => l.key === key)) continue;
    links.push({
      key,
      variant: 'cloud-map',
      arn: r.registryArn,
      resourceId,
      endpoints: [{ name: r.containerName, port: r.containerPort ?? r.port }],
    });
  }
  return links;
}

/** The namespace name a default client alias gives away (ECS names it `<discoveryName>.<namespace>` when the service set none), and that alias. */
function nameFromAliases(services: readonly Service[]): { name: string; alias: string } | undefined {
  for (const s of services) {
    for (const e of s.serviceConnect?.endpoints ?? []) {
      const stem = e.discoveryName ?? e.portName;
      for (const a of e.clientAliases)
        if (stem && a.dnsName?.startsWith(`${stem}.`) && a.dnsName.length > stem.length + 1)
          return { name: a.dnsName.slice(stem.length + 1), alias: a.dnsName };
    }
  }
  return undefined;
}

/** Every namespace and Cloud Map service of the load, by key, with the services using it (by name). */
export function discoveryIndex(topology: Pick<Topology, 'services' | 'clusters'>): Map<string, DiscoveryTarget> {
  const clusterIds = new Set(topology.clusters.map((c) => c.id));
  const index = new Map<string, DiscoveryTarget>();
  // Only the services that use discovery need their order: most accounts have few or none, and a sort of thousands costs.
  const using: { s: Service; links: DiscoveryLink[] }[] = [];
  for (const s of topology.services) {
    const links = discoveryLinks(s);
    if (links.length > 0) using.push({ s, links });
  }
  for (const { s, links } of using.sort((a, b) => byName(a.s, b.s))) {
    const clusterKey = clusterKeyOf(s, clusterIds);
    for (const link of links) {
      let target = index.get(link.key);
      if (!target) {
        target = {
          key: link.key,
          variant: link.variant,
          name: link.givenName ?? link.resourceId ?? link.key,
          resourceId: link.resourceId,
          arn: link.arn,
          services: [],
          perCluster: new Map(),
        };
        index.set(link.key, target);
      }
      target.services.push(s);
      target.perCluster.set(clusterKey, (target.perCluster.get(clusterKey) ?? 0) + 1);
    }
  }
  for (const target of index.values()) {
    if (target.variant !== 'service-connect' || !target.arn) continue;
    const read = nameFromAliases(target.services);
    if (read) Object.assign(target, { name: read.name, nameFromAlias: read.alias });
  }
  return index;
}

/** The legend's counts of what sits beside the services: distinct target groups in use, namespaces and Cloud Map services. */
export function aroundServicesCounts(
  topology: Pick<Topology, 'services'>,
  index: ReadonlyMap<string, DiscoveryTarget>,
): AroundServicesCounts {
  const targets = [...index.values()];
  return {
    targetGroups: new Set(
      topology.services.flatMap((s) => s.loadBalancers.map((lb) => lb.targetGroupId).filter(Boolean)),
    ).size,
    namespaces: targets.filter((t) => t.variant === 'service-connect').length,
    cloudMapServices: targets.filter((t) => t.variant === 'cloud-map').length,
  };
}

/** Id of the node of namespace (or Cloud Map service) `key` in the cluster of `clusterKey`. */
export function namespaceNodeId(clusterKey: string, key: string): string {
  return `namespace|${clusterKey}|${key}`;
}

/** Whether a node id is a namespace node's. */
export function isNamespaceNodeId(id: string): boolean {
  return id.startsWith('namespace|');
}

/** The cluster a service is drawn under: its own when loaded, else the unknown-cluster box (as buildGraph does). */
export function clusterKeyOf(service: Pick<Service, 'clusterId'>, clusterIds: ReadonlySet<string>): string {
  return service.clusterId && clusterIds.has(service.clusterId) ? service.clusterId : UNKNOWN_CLUSTER_ID;
}

/** A namespace node as search and the details panel see it: its id, cluster, and the load-wide target. */
export interface NamespaceNodeRef {
  id: string;
  clusterKey: string;
  target: DiscoveryTarget;
  /** Services of this cluster that use it, by name. */
  services: Service[];
  /** The names they publish there (client alias DNS names, discovery names, container names). */
  endpointNames: string[];
}

/** Every namespace node the hierarchy can draw (one per cluster and namespace), ordered by cluster and name. */
export function namespaceNodes(
  topology: Pick<Topology, 'services' | 'clusters'>,
  index = discoveryIndex(topology),
): NamespaceNodeRef[] {
  const clusterIds = new Set(topology.clusters.map((c) => c.id));
  const refs = new Map<string, NamespaceNodeRef>();
  for (const target of index.values()) {
    for (const s of target.services) {
      const clusterKey = clusterKeyOf(s, clusterIds);
      const id = namespaceNodeId(clusterKey, target.key);
      let ref = refs.get(id);
      if (!ref) refs.set(id, (ref = { id, clusterKey, target, services: [], endpointNames: [] }));
      ref.services.push(s);
      for (const e of discoveryLinks(s).find((l) => l.key === target.key)?.endpoints ?? [])
        if (e.name && !ref.endpointNames.includes(e.name)) ref.endpointNames.push(e.name);
    }
  }
  return [...refs.values()].sort(
    (a, b) =>
      a.clusterKey.localeCompare(b.clusterKey) ||
      a.target.name.localeCompare(b.target.name) ||
      a.id.localeCompare(b.id),
  );
}

/** One service of a namespace as the details panel lists it. */
export interface NamespaceMemberRow {
  serviceId: string;
  serviceName: string;
  clusterKey: string;
  /** In the cluster of the node the panel is about (those come first). */
  here: boolean;
  /** Names and ports it publishes there (Service Connect), or its container and port (Cloud Map); empty for a client only. */
  endpoints: DiscoveryEndpoint[];
  /** `srv-…` ids of the Cloud Map services ECS made for its Service Connect endpoints. */
  cloudMapServices: string[];
}

/** The namespace node `id` with every service that uses it in any cluster, that node's cluster first; null when the load has no such node. */
export function namespaceDetails(
  topology: Pick<Topology, 'services' | 'clusters'>,
  id: string,
): { node: NamespaceNodeRef; rows: NamespaceMemberRow[] } | null {
  const node = namespaceNodes(topology).find((n) => n.id === id);
  if (!node) return null;
  const clusterIds = new Set(topology.clusters.map((c) => c.id));
  const rows = node.target.services.map((s): NamespaceMemberRow => {
    const clusterKey = clusterKeyOf(s, clusterIds);
    const made =
      node.target.variant === 'service-connect' ? (s.serviceConnect?.endpoints ?? []).map((e) => e.discoveryArn) : [];
    return {
      serviceId: s.id,
      serviceName: s.name,
      clusterKey,
      here: clusterKey === node.clusterKey,
      endpoints: discoveryLinks(s).find((l) => l.key === node.target.key)?.endpoints ?? [],
      cloudMapServices: made
        .map((arn) => (arn ? parseArn(arn)?.segments[0] : undefined))
        .filter((v): v is string => v !== undefined),
    };
  });
  // Stable sort: services stay by name inside each part.
  rows.sort((a, b) => Number(b.here) - Number(a.here));
  return { node, rows };
}

/** Distinct namespace nodes a cluster's `services` add (for the "+N" of a collapsed cluster). */
export function countNamespaceNodes(services: readonly Service[]): number {
  return new Set(services.flatMap((s) => discoveryLinks(s).map((l) => l.key))).size;
}

/**
 * Pushes the namespace nodes of `service` (its Service Connect namespace and
 * Cloud Map services) in the cluster of `clusterKey`. A node this cluster
 * already drew for another service gets this service as a member and a
 * cross-link; a new one is wired from this service as its tree parent.
 */
export function pushNamespaces(
  nodes: GraphNode[],
  edges: GraphEdge[],
  service: Service,
  clusterKey: string,
  index: ReadonlyMap<string, DiscoveryTarget>,
  drawn: Map<string, GraphNode>,
): void {
  for (const link of discoveryLinks(service)) {
    const id = namespaceNodeId(clusterKey, link.key);
    const member = { serviceId: service.id, serviceName: service.name, endpoints: link.endpoints };
    const existing = drawn.get(id);
    if (existing?.kind === 'namespace') {
      existing.data.members.push(member);
      pushEdge(edges, service.id, id, true);
      continue;
    }
    const target = index.get(link.key);
    const node: GraphNode = {
      id,
      kind: 'namespace',
      placeholder: false,
      statusClass: 'unknown',
      collapsed: false,
      hiddenCount: 0,
      collapsible: false,
      width: SIZES.namespace.width,
      height: SIZES.namespace.height,
      data: {
        variant: link.variant,
        name: target?.name ?? link.givenName ?? link.resourceId ?? link.key,
        resourceId: link.resourceId,
        arn: link.arn,
        members: [member],
        elsewhere: target ? target.services.length - (target.perCluster.get(clusterKey) ?? 0) : 0,
      },
    };
    drawn.set(id, node);
    nodes.push(node);
    pushEdge(edges, service.id, id);
  }
}

/** "Service Connect" or "Cloud Map": the card's kicker. */
export function namespaceKicker(variant: DiscoveryVariant): string {
  return variant === 'service-connect' ? 'Service Connect' : 'Cloud Map service';
}

/** "orders.shop:8080" — a name and port clients use ("orders" when no port is set). */
export function endpointText(e: DiscoveryEndpoint): string {
  return `${e.name ?? '?'}${e.port !== undefined ? `:${e.port}` : ''}`;
}

/**
 * What the card's second line says: the names and ports published in the
 * namespace ("orders.shop:8080 · catalog.shop:80", "clients only" when no
 * member publishes), or for a Cloud Map service where it sends lookups
 * ("→ web:8080", with service names when several register).
 */
export function namespaceRoute(d: Pick<NamespaceData, 'variant' | 'members'>): string {
  if (d.variant === 'cloud-map') {
    const services = new Set(d.members.map((m) => m.serviceName));
    const parts = d.members.flatMap((m) =>
      m.endpoints.map((e) =>
        services.size > 1
          ? `${targetText({ containerName: e.name, containerPort: e.port })} (${m.serviceName})`
          : targetText({ containerName: e.name, containerPort: e.port }),
      ),
    );
    return `→ ${[...new Set(parts)].join(' · ')}`;
  }
  const published = [...new Set(d.members.flatMap((m) => m.endpoints.map(endpointText)))];
  return published.length > 0 ? published.join(' · ') : 'clients only';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 services · 1 client only · +2 in other clusters" (Service Connect), "1 service registers tasks" (Cloud Map). */
export function namespaceDetail(d: Pick<NamespaceData, 'variant' | 'members' | 'elsewhere'>): string {
  const parts: string[] = [];
  if (d.variant === 'service-connect') {
    parts.push(plural(d.members.length, 'service'));
    const clients = d.members.filter((m) => m.endpoints.length === 0).length;
    if (clients > 0) parts.push(`${clients} client only`);
  } else {
    parts.push(`${plural(d.members.length, 'service')} ${d.members.length === 1 ? 'registers' : 'register'} tasks`);
  }
  if (d.elsewhere > 0) parts.push(`+${d.elsewhere} in other clusters`);
  return parts.join(' · ');
}
