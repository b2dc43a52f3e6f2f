/**
 * The details of the selected object: its fields, copy ARN, console link,
 * what the findings say about it, containers (task), events and deployments
 * (service), and the raw JSON with environment values masked until revealed.
 */
import { revealBidi } from '../../shared/render/text';
import { useContext, useEffect, useState } from 'react';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import type {
  CapacityProvider,
  Container,
  EntityBase,
  Service,
  Task,
  TaskDefinition,
  Topology,
} from '../../shared/model/types';
import { taskOverlay } from '../../shared/graph/build-graph';
import { accountSummary, isAccountGroupId } from '../../shared/graph/accounts';
import { isNamespaceNodeId, namespaceDetails } from '../../shared/graph/namespace';
import { containerProblem, containerProblemText, containerStatus, taskStatus } from '../../shared/graph/status';
import { OVERLAY_STYLES, RECOVERED_STYLE } from '../../shared/theme/theme';
import { RawSourceContext } from '../layout/raw-source';
import { topologyIndex } from '../../shared/model/topology-index';
import { useDiagramStore } from '../store/diagram-store';
import { consoleUrl, findEntity } from './find-entity';
import { JsonView } from './json-view';
import { AccountDetails } from './account-details';
import { NamespaceDetails, ServiceDiscovery } from './namespace-details';
import { FieldList, Section } from './panel-parts';
import { CapacityProviderDetails, TaskDefinitionDetails } from './definitions-panel';
import { ObjectFindings } from '../findings/object-findings';

const KIND_LABEL: Record<string, string> = {
  cluster: 'Cluster',
  service: 'Service',
  task: 'Task',
  container: 'Container',
  taskDefinition: 'Task definition',
  containerInstance: 'Container instance',
  capacityProvider: 'Capacity provider',
  targetGroup: 'Target group',
};

// Shown elsewhere in the panel (header, own sections) or internal.
const SKIP = new Set([
  'id',
  'kind',
  'arn',
  'name',
  'raw',
  'placeholder',
  'recoveredFrom',
  'sources',
  'containers',
  'events',
  'deployments',
  'loadBalancers',
  'serviceConnect',
  'serviceRegistries',
  'containerDefinitions',
  'taskId',
]);

// Labels where splitting the camelCase key would read wrong.
const LABELS: Record<string, string> = {
  shortId: 'Task ID',
  clusterId: 'Cluster',
  serviceId: 'Service',
  taskDefinitionId: 'Task definition',
  containerInstanceId: 'Container instance',
  targetGroupId: 'Target group',
  privateIp: 'Private IP',
  cpu: 'CPU',
  ec2InstanceId: 'EC2 instance',
  accountId: 'Account',
  subnetId: 'Subnet',
  vpcId: 'VPC',
  spot: 'Fargate Spot',
};

/** "runningTasksCount" → "Running tasks count". */
function humanize(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function render(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return value
      .map((v) =>
        v && typeof v === 'object' && 'capacityProvider' in v
          ? `${String(v.capacityProvider)}${'weight' in v ? ` ×${String(v.weight)}` : ''}${'base' in v && v.base ? ` (base ${String(v.base)})` : ''}`
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v),
      )
      .join(', ');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${String(v)}`);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

/** Names for ids that point at other objects, so the panel reads "prod-web" not "cluster|eu-west-1|…". */
function resolveRef(topology: Topology, key: string, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const index = topologyIndex(topology);
  if (key === 'clusterId') return index.entityOfKind(value, 'cluster')?.name ?? value;
  if (key === 'serviceId') return index.entityOfKind(value, 'service')?.name ?? value;
  if (key === 'taskDefinitionId') {
    const td = index.entityOfKind(value, 'taskDefinition');
    return td ? `${td.family}:${td.revision ?? '?'}` : value.slice(value.lastIndexOf('|') + 1);
  }
  if (key === 'capacityProviderId') {
    const cp = index.entityOfKind(value, 'capacityProvider');
    return cp ? `${cp.name}${cp.placeholder ? ' (referenced only)' : ''}` : value.slice(value.lastIndexOf('|') + 1);
  }
  if (key === 'containerInstanceId') {
    const ci = index.entityOfKind(value, 'containerInstance');
    return ci?.ec2InstanceId ? `${ci.ec2InstanceId} (${ci.name})` : value.slice(value.lastIndexOf('|') + 1);
  }
  return null;
}

function Fields({ topology, object }: { topology: Topology; object: object }) {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(object)) {
    if (SKIP.has(key)) continue;
    const text = resolveRef(topology, key, value) ?? render(value);
    if (text !== null) rows.push([humanize(key), text]);
  }
  return <FieldList rows={rows} />;
}

function ContainersTable({ containers, onSelect }: { containers: Container[]; onSelect: (id: string) => void }) {
  return (
    <table className="mini-table">
      <thead>
        <tr>
          <th>Container</th>
          <th>Image tag</th>
          <th>Status</th>
          <th>Health</th>
          <th>Exit</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {containers.map((c) => (
          <tr key={c.id} className={`status-row-${containerStatus(c)}`}>
            <td>
              <button type="button" className="link" onClick={() => onSelect(c.id)}>
                {c.name}
              </button>
            </td>
            <td className="mono">{c.imageTag ?? ''}</td>
            <td>{c.lastStatus ?? ''}</td>
            <td>{c.healthStatus ?? ''}</td>
            <td>{c.exitCode ?? ''}</td>
            <td className="reason-cell" title={c.reason} data-testid="container-reason">
              <span className="reason-clamp">{c.reason ?? ''}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ServiceEvents({ service }: { service: Service }) {
  const events = [...service.events].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')).slice(0, 50);
  if (events.length === 0) return <p className="hint">No events in the loaded data.</p>;
  return (
    <ol className="events" data-testid="service-events">
      {events.map((e, i) => (
        <li
          key={e.id ?? i}
          className={/unable to place|failed|unhealthy|insufficient/i.test(e.message) ? 'event-trouble' : undefined}
        >
          {e.createdAt && (
            <time className="mono">
              {e.createdAt
                .replace('T', ' ')
                .replace(/\.\d+/, '')
                .replace(/\+00:00$|Z$/, ' UTC')}
            </time>
          )}
          <span>{e.message}</span>
        </li>
      ))}
    </ol>
  );
}

function Deployments({ service, topology }: { service: Service; topology: Topology }) {
  if (service.deployments.length === 0) return null;
  return (
    <Section title="Deployments">
      <table className="mini-table">
        <thead>
          <tr>
            <th>Status</th>
            <th>Task def</th>
            <th>Run/Des/Pend</th>
            <th>Rollout</th>
          </tr>
        </thead>
        <tbody>
          {service.deployments.map((d) => (
            <tr key={d.id}>
              <td>{d.status ?? d.source}</td>
              <td className="mono">{resolveRef(topology, 'taskDefinitionId', d.taskDefinitionId) ?? ''}</td>
              <td>
                {d.runningCount ?? '?'}/{d.desiredCount ?? '?'}/{d.pendingCount ?? '?'}
              </td>
              <td title={d.rolloutStateReason}>{d.rolloutState ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Asks the host to open an AWS console link; main opens only https://*.console.aws.amazon.com URLs and checks again itself. */
function openConsole(api: DesktopApi, url: string): void {
  // Electronegativity flags every openExternal by name; this is the DesktopApi's, not Electron's shell.openExternal.
  void api.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** An object's raw JSON: carried on it (Electron), or asked of the LayoutHost when the topology came without it (web mode). */
function useRaw(topology: Topology, object: EntityBase | null | undefined): Record<string, unknown> | undefined {
  const [fetched, setFetched] = useState<{ id: string; raw: Record<string, unknown> | undefined } | null>(null);
  const id = object?.id;
  const inline = object?.raw;
  const loadRaw = useContext(RawSourceContext);
  useEffect(() => {
    if (!id || inline) return;
    let current = true;
    // A failed fetch only leaves the section out: the panel's fields do not depend on it.
    loadRaw(topology, id).then(
      (raw) => current && setFetched({ id, raw }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [loadRaw, topology, id, inline]);
  return inline ?? (fetched && fetched.id === id ? fetched.raw : undefined);
}

/** The failing container's cause in full, under the task's own reason ("Task failed to start" says little). */
function TaskContainerCause({ task }: { task: Task }) {
  const problem = containerProblem(task);
  if (!problem?.reason && problem?.exitCode === undefined) return null;
  return (
    <p className="callout callout-stopped" data-testid="task-container-cause">
      {containerProblemText(problem)}
    </p>
  );
}

/** A capacity provider's sections: its settings are in its raw JSON, which web mode fetches on demand. */
function CapacityProviderSection(props: { topology: Topology; provider: CapacityProvider }) {
  const raw = useRaw(props.topology, props.provider);
  return <CapacityProviderDetails topology={props.topology} provider={props.provider} raw={raw} />;
}

function RawJson({
  topology,
  entity,
  container,
  taskDefinition,
}: {
  topology: Topology;
  entity: EntityBase | null;
  container: { task: Task; name: string } | null;
  taskDefinition: TaskDefinition | undefined;
}) {
  const raw = useRaw(topology, entity);
  const taskRaw = useRaw(topology, container?.task);
  const tdRaw = useRaw(topology, taskDefinition);
  const rawContainer =
    container && Array.isArray(taskRaw?.containers)
      ? (taskRaw.containers as Record<string, unknown>[]).find((c) => c.name === container.name)
      : undefined;
  return (
    <>
      {raw && <JsonView value={raw} label="Raw JSON" />}
      {rawContainer && <JsonView value={rawContainer} label="Raw JSON (container)" />}
      {tdRaw && taskDefinition && (
        <JsonView value={tdRaw} label={`Task definition ${taskDefinition.family}:${taskDefinition.revision ?? '?'}`} />
      )}
    </>
  );
}

/** The right-hand details panel; renders nothing when nothing is selected. */
export function DetailsPanel({ api }: { api: DesktopApi }) {
  const topology = useDiagramStore((s) => s.topology);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const select = useDiagramStore((s) => s.select);
  const [copied, setCopied] = useState<string | null>(null);
  if (!topology || !selectedId) return null;
  // Diagram nodes that are no model object have panels of their own.
  const account = isAccountGroupId(selectedId) ? accountSummary(topology, selectedId) : null;
  if (account) return <AccountDetails summary={account} onClose={() => select(null)} />;
  const namespace = isNamespaceNodeId(selectedId) ? namespaceDetails(topology, selectedId) : null;
  if (namespace) return <NamespaceDetails topology={topology} details={namespace} onClose={() => select(null)} />;
  const found = findEntity(topology, selectedId);
  const close = (
    <button type="button" className="btn btn-icon" aria-label="Close details" onClick={() => select(null)}>
      ×
    </button>
  );
  if (!found && topology.arriving) {
    // A big load's objects are still arriving (web mode): it is not missing, just not here yet.
    return (
      <aside className="details-panel" data-testid="details-panel">
        <header className="panel-head">
          <h2>Loading…</h2>
          {close}
        </header>
      </aside>
    );
  }
  if (!found) {
    return (
      <aside className="details-panel" data-testid="details-panel">
        <header className="panel-head">
          <h2>Not in this load</h2>
          {close}
        </header>
        <p className="hint">Nothing in the loaded files has the id {selectedId}.</p>
      </aside>
    );
  }
  const entity = found.kind === 'entity' ? found.entity : null;
  const container = found.kind === 'container' ? found.container : null;
  const kind = entity?.kind ?? 'container';
  const name = entity?.name ?? container?.name ?? '';
  const arn = entity?.arn ?? container?.arn;
  const url = entity ? consoleUrl(topology, entity) : null;
  const task = entity?.kind === 'task' ? entity : found.kind === 'container' ? found.task : null;
  const service = entity?.kind === 'service' ? entity : null;
  const tdId = (task && entity?.kind === 'task' ? task.taskDefinitionId : service?.taskDefinitionId) ?? undefined;
  const described = topologyIndex(topology).entityOfKind(tdId, 'taskDefinition');
  const taskDefinition = described && !described.placeholder ? described : undefined;
  const overlay = entity?.kind === 'task' ? taskOverlay(entity) : service?.overlay;
  const status = entity?.kind === 'task' ? taskStatus(entity) : container ? containerStatus(container) : null;

  const onCopy = async () => {
    if (!arn) return;
    setCopied((await copy(arn)) ? 'Copied' : 'Copy failed: select the ARN and copy it');
    setTimeout(() => setCopied(null), 2000);
  };

  return (
    <aside className="details-panel" data-testid="details-panel" aria-label={`${KIND_LABEL[kind]} details`}>
      <header className="panel-head">
        <div>
          <div className="panel-kicker">
            {KIND_LABEL[kind] ?? kind}
            {overlay && (
              <span
                className="badge badge-overlay"
                style={{ background: OVERLAY_STYLES[overlay].accent, color: OVERLAY_STYLES[overlay].onAccent }}
              >
                {OVERLAY_STYLES[overlay].badge}
              </span>
            )}
            {status && status !== 'running' && <span className={`pill status-text-${status}`}>{status}</span>}
            {entity?.placeholder && <span className="pill">referenced only</span>}
            {entity?.recoveredFrom && (
              <span className="pill" title={RECOVERED_STYLE.title} style={{ borderStyle: 'dotted' }}>
                {RECOVERED_STYLE.label}
              </span>
            )}
          </div>
          <h2 title={revealBidi(name)}>{revealBidi(name)}</h2>
        </div>
        {close}
      </header>
      {arn && (
        <div className="arn-row">
          <code className="arn" data-testid="details-arn">
            {arn}
          </code>
          <div className="arn-actions">
            <button type="button" className="btn btn-small" data-testid="copy-arn" onClick={() => void onCopy()}>
              {copied ?? 'Copy ARN'}
            </button>
            {url && (
              <button type="button" className="btn btn-small" onClick={() => openConsole(api, url)}>
                Open in AWS console
              </button>
            )}
          </div>
        </div>
      )}
      {task?.stoppedReason && entity?.kind === 'task' && (
        <p className="callout callout-stopped">Stopped: {task.stoppedReason}</p>
      )}
      {entity?.kind === 'task' && task && <TaskContainerCause task={task} />}
      {entity?.recoveredFrom && (
        <p
          className="callout"
          data-testid="recovered-note"
          style={{ background: '#fff7ed', borderLeft: '3px dotted #9a3412' }}
        >
          Recovered from a broken file: {entity.recoveredFrom.join(', ')} is not valid JSON (see Diagnostics). This
          object was read all the same because only commas were missing or extra around it; compare it with AWS before
          relying on it.
        </p>
      )}
      {container?.reason && <p className="callout callout-stopped">{container.reason}</p>}
      <ObjectFindings findings={topology.findings} objectId={selectedId} />
      {service && service.events.length > 0 && (
        <Section title={`Events (${service.events.length})`}>
          <ServiceEvents service={service} />
        </Section>
      )}
      <Section title="Fields">
        <Fields topology={topology} object={entity ?? container ?? {}} />
      </Section>
      {entity?.kind === 'task' && task && task.containers.length > 0 && (
        <Section title={`Containers (${task.containers.length})`}>
          <ContainersTable containers={task.containers} onSelect={(id) => select(id)} />
        </Section>
      )}
      {entity?.kind === 'taskDefinition' && <TaskDefinitionDetails topology={topology} td={entity} />}
      {entity?.kind === 'capacityProvider' && <CapacityProviderSection topology={topology} provider={entity} />}
      {service && <Deployments service={service} topology={topology} />}
      {service && <ServiceDiscovery topology={topology} service={service} />}
      {entity?.placeholder && (
        <p className="hint">Only referenced or listed in {entity.sources.join(', ')}; describe it to see its fields.</p>
      )}
      <RawJson
        topology={topology}
        entity={entity}
        container={found.kind === 'container' ? { task: found.task, name: found.container.name } : null}
        taskDefinition={taskDefinition}
      />
      {entity && entity.sources.length > 0 && (
        <Section title="Sources">
          <ul className="sources">
            {entity.sources.map((s) => (
              <li key={s} className="mono">
                {s}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </aside>
  );
}
