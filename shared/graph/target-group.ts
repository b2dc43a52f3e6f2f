/**
 * Load balancer target groups as diagram nodes beside the services that
 * register into them, and the text both painters show on them (container
 * name and port, protocol, target type, health check), so the card and the
 * export say the same thing.
 */
import type { Service } from '../model/types';
import { SIZES } from '../theme/theme';
import { pushEdge, type BuildContext } from './node-builders';
import type { GraphEdge, GraphNode, TargetGroupData } from './types';

/**
 * Pushes the target groups of `service`'s `loadBalancers` (described, or
 * placeholders made from the ARN at ingest), each wired from the service.
 * A target group already drawn for another service gets this service's
 * container and port added and a second edge, a cross-link (see GraphEdge),
 * so it stays one node and the layout tree stays a tree.
 */
export function pushTargetGroups(
  nodes: GraphNode[],
  edges: GraphEdge[],
  service: Service,
  ctx: BuildContext,
  drawn: Map<string, GraphNode>,
): void {
  for (const lb of service.loadBalancers) {
    if (!lb.targetGroupId) continue;
    const target = { serviceName: service.name, containerName: lb.containerName, containerPort: lb.containerPort };
    const existing = drawn.get(lb.targetGroupId);
    if (existing?.kind === 'targetGroup') {
      // A service may list one target group twice (two ports of one container): one edge, every port.
      existing.data.targets.push(target);
      // This service has no edge to it yet, so another service drew it: a cross-link, the group stays in that service's part of the tree.
      if (!edges.some((e) => e.source === service.id && e.target === existing.id))
        pushEdge(edges, service.id, existing.id, true);
      continue;
    }
    const tg = ctx.targetGroupById.get(lb.targetGroupId);
    const node: GraphNode = {
      id: lb.targetGroupId,
      kind: 'targetGroup',
      entityId: lb.targetGroupId,
      placeholder: tg?.placeholder ?? true,
      ...(tg?.recoveredFrom ? { recovered: true } : {}),
      statusClass: 'unknown',
      collapsed: false,
      hiddenCount: 0,
      collapsible: false,
      width: SIZES.targetGroup.width,
      height: SIZES.targetGroup.height,
      data: {
        name: tg?.name ?? lb.targetGroupArn ?? lb.targetGroupId,
        protocol: tg?.protocol,
        port: tg?.port,
        targetType: tg?.targetType,
        healthCheckPath: tg?.healthCheckPath,
        loadBalancerCount: tg?.loadBalancerArns.length ?? 0,
        targets: [target],
      },
    };
    drawn.set(node.id, node);
    nodes.push(node);
    pushEdge(edges, service.id, node.id);
  }
}

/** "web:8080", "web", ":8080" — where a target group sends traffic for one service. */
export function targetText(t: { containerName?: string; containerPort?: number }): string {
  return (
    `${t.containerName ?? ''}${t.containerPort !== undefined ? `:${t.containerPort}` : ''}` || 'container not named'
  );
}

/** "→ web:8080", or with the service names when several services register into it ("→ web:8080 (web) · api:80 (api)"). */
export function targetGroupRoute(d: Pick<TargetGroupData, 'targets'>): string {
  const services = new Set(d.targets.map((t) => t.serviceName));
  const parts = d.targets.map((t) => (services.size > 1 ? `${targetText(t)} (${t.serviceName})` : targetText(t)));
  return `→ ${[...new Set(parts)].join(' · ')}`;
}

/** "HTTP:80" (the badge), or undefined when the group was not described. */
export function targetGroupListener(d: Pick<TargetGroupData, 'protocol' | 'port'>): string | undefined {
  if (!d.protocol && d.port === undefined) return undefined;
  return [d.protocol, d.port].filter((v) => v !== undefined).join(':');
}

/** "ip targets · health /healthz" (plus "no load balancer" when none forwards to it), or the placeholder note. */
export function targetGroupDetail(d: TargetGroupData, placeholder: boolean): string {
  if (placeholder) return 'referenced only: not described';
  // Only the absence of a load balancer is worth the room: registered tasks then get no traffic.
  const parts = [
    d.targetType ? `${d.targetType} targets` : undefined,
    d.healthCheckPath ? `health ${d.healthCheckPath}` : undefined,
    d.loadBalancerCount === 0 ? 'no load balancer' : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}
