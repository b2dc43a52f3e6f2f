/**
 * Finds the model object behind a selected id (a node id, a diagnostic's
 * objectId): any entity kind, containers included.
 */
import { topologyIndex } from '../../shared/model/topology-index';
import type { Cluster, Container, Entity, Task, Topology } from '../../shared/model/types';

/** A selected object: an entity, or a container with the task it belongs to. */
export type Selected = { kind: 'entity'; entity: Entity } | { kind: 'container'; container: Container; task: Task };

/** The object with this id, or null when the load has none. */
export function findEntity(topology: Topology, id: string): Selected | null {
  const index = topologyIndex(topology);
  const entity = index.entity(id);
  if (entity) return { kind: 'entity', entity };
  const found = index.container(id);
  return found ? { kind: 'container', ...found } : null;
}

/** The cluster an object belongs to, when known. */
export function clusterOf(topology: Topology, entity: Entity): Cluster | undefined {
  const clusterId = 'clusterId' in entity ? entity.clusterId : undefined;
  return topologyIndex(topology).entityOfKind(clusterId, 'cluster');
}

// encodeURIComponent throws URIError on a lone surrogate, and `"web\ud800x"` is a valid JSON name: one such service
// crashed the details panel on every selection. A name like that has no console page anyway; U+FFFD keeps it a link.
const encodeName = (name: string): string =>
  encodeURIComponent(name.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** The AWS console page of a cluster, service or task, when region and names are known. */
export function consoleUrl(topology: Topology, entity: Entity): string | null {
  const region = entity.region;
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return null;
  const base = `https://${region}.console.aws.amazon.com/ecs/v2/clusters`;
  const q = `?region=${region}`;
  if (entity.kind === 'cluster') return `${base}/${encodeName(entity.name)}/services${q}`;
  const cluster = clusterOf(topology, entity);
  if (!cluster) return null;
  if (entity.kind === 'service')
    return `${base}/${encodeName(cluster.name)}/services/${encodeName(entity.name)}/health${q}`;
  if (entity.kind === 'task')
    return `${base}/${encodeName(cluster.name)}/tasks/${encodeName(entity.shortId)}/configuration${q}`;
  return null;
}
