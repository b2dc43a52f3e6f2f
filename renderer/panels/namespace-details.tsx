/**
 * Service discovery in the details panel: a namespace node's own panel (its
 * name, id, ARN and every service using it, in any cluster) and the Service
 * Connect and Cloud Map sections of a service's panel, each linking to the
 * namespace node it draws.
 */
import {
  clusterKeyOf,
  discoveryIndex,
  discoveryLinks,
  endpointText,
  namespaceKicker,
  namespaceNodeId,
  type namespaceDetails,
} from '../../shared/graph/namespace';
import type { Service, Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { DetailsFrame, FieldList, Section } from './panel-parts';

/** What `namespaceDetails` found for the selected node. */
export type NamespaceDetailsData = NonNullable<ReturnType<typeof namespaceDetails>>;

/** The namespace node's details panel. */
export function NamespaceDetails({
  topology,
  details,
  onClose,
}: {
  topology: Topology;
  details: NamespaceDetailsData;
  onClose: () => void;
}) {
  const select = useDiagramStore((s) => s.select);
  const { node, rows } = details;
  const t = node.target;
  const serviceConnect = t.variant === 'service-connect';
  const clusterName = new Map(topology.clusters.map((c) => [c.id, c.name]));
  const elsewhere = rows.filter((r) => !r.here).length;
  return (
    <DetailsFrame
      kicker={serviceConnect ? 'Service Connect namespace' : namespaceKicker(t.variant)}
      title={t.name}
      label="Namespace details"
      onClose={onClose}
    >
      {t.arn && (
        <div className="arn-row">
          <code className="arn" data-testid="details-arn">
            {t.arn}
          </code>
        </div>
      )}
      <Section title="Fields">
        <FieldList
          rows={[
            ['Name', t.nameFromAlias ? `${t.name} (read off the client alias ${t.nameFromAlias})` : t.name],
            [serviceConnect ? 'Namespace ID' : 'Cloud Map service ID', t.resourceId],
            ['Cluster', clusterName.get(node.clusterKey) ?? 'unknown'],
            [
              'Services',
              `${rows.length - elsewhere} in this cluster${elsewhere > 0 ? `, ${elsewhere} in other clusters` : ''}`,
            ],
          ]}
        />
      </Section>
      <Section title={`Services (${rows.length})`}>
        <table className="mini-table" data-testid="namespace-services">
          <thead>
            <tr>
              <th>Service</th>
              {elsewhere > 0 && <th>Cluster</th>}
              <th>{serviceConnect ? 'Publishes' : 'Resolves to'}</th>
              {serviceConnect && <th>Cloud Map</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.serviceId}>
                <td>
                  <button type="button" className="link" onClick={() => select(r.serviceId, { focus: true })}>
                    {r.serviceName}
                  </button>
                </td>
                {elsewhere > 0 && <td>{clusterName.get(r.clusterKey) ?? 'unknown'}</td>}
                <td className="mono">
                  {r.endpoints.length > 0 ? r.endpoints.map(endpointText).join(', ') : 'client only'}
                </td>
                {serviceConnect && <td className="mono">{r.cloudMapServices.join(', ')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </DetailsFrame>
  );
}

/** A service's Service Connect configuration and Cloud Map registries, each with a link to the namespace node drawn for it. */
export function ServiceDiscovery({ topology, service }: { topology: Topology; service: Service }) {
  const select = useDiagramStore((s) => s.select);
  const sc = service.serviceConnect;
  const registries = service.serviceRegistries ?? [];
  if (!sc && registries.length === 0) return null;
  const clusterKey = clusterKeyOf(service, new Set(topology.clusters.map((c) => c.id)));
  const links = discoveryLinks(service);
  const show = (key: string | undefined, label: string) =>
    key ? (
      <button type="button" className="link" onClick={() => select(namespaceNodeId(clusterKey, key), { focus: true })}>
        {label}
      </button>
    ) : (
      label
    );
  const scLink = links.find((l) => l.variant === 'service-connect');
  // The namespace as its node is titled ("shop (ns-…)"), not as a bare ARN.
  const scTarget = scLink ? discoveryIndex(topology).get(scLink.key) : undefined;
  const scName = scTarget
    ? `${scTarget.name}${scTarget.resourceId && scTarget.resourceId !== scTarget.name ? ` (${scTarget.resourceId})` : ''}`
    : sc?.namespace;
  return (
    <>
      {sc && (
        <Section title="Service Connect">
          <p className="hint" data-testid="service-connect-namespace">
            {sc.enabled ? 'Namespace ' : 'Turned off · namespace '}
            {show(scLink?.key, scName ?? 'the cluster’s default')}
            {sc.logDriver ? ` · proxy logs: ${sc.logDriver}` : ''}
          </p>
          {sc.endpoints.length === 0 ? (
            <p className="hint">Client only: connects to services in the namespace, publishes nothing.</p>
          ) : (
            <table className="mini-table">
              <thead>
                <tr>
                  <th>Port name</th>
                  <th>Discovery</th>
                  <th>Client aliases</th>
                  <th>Cloud Map</th>
                </tr>
              </thead>
              <tbody>
                {sc.endpoints.map((e, i) => (
                  <tr key={`${e.portName ?? ''}-${i}`}>
                    <td className="mono">{e.portName ?? ''}</td>
                    <td className="mono">{e.discoveryName ?? ''}</td>
                    <td className="mono">
                      {e.clientAliases
                        .map((a) => endpointText({ name: a.dnsName ?? e.discoveryName ?? e.portName, port: a.port }))
                        .join(', ')}
                    </td>
                    <td className="mono">{e.discoveryArn?.slice(e.discoveryArn.lastIndexOf('/') + 1) ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      )}
      {registries.length > 0 && (
        <Section title={`Cloud Map registries (${registries.length})`}>
          <ul className="sources" data-testid="service-registries">
            {registries.map((r, i) => {
              const id = r.registryArn?.slice(r.registryArn.lastIndexOf('/') + 1) ?? 'registry ARN missing';
              const link = links.find((l) => l.variant === 'cloud-map' && l.arn === r.registryArn);
              const target = [r.containerName, r.containerPort ?? r.port].filter((v) => v !== undefined).join(':');
              return (
                <li key={`${r.registryArn ?? ''}-${i}`} className="mono">
                  {show(link?.key, id)}
                  {target ? ` → ${target}` : ''}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
    </>
  );
}
