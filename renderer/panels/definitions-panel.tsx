/**
 * The objects a load has that the diagram does not draw: its task definitions
 * (family:revision, ACTIVE/INACTIVE, CPU/memory, network mode, containers and
 * images, who uses them) and capacity providers (Auto Scaling group, managed
 * scaling and termination protection, the clusters and tasks they serve). A
 * list beside the canvas (toolbar: Definitions), and a section of each in the
 * details panel when one is selected (from the list or by Find).
 */
import type { ReactNode } from 'react';
import { create } from 'zustand';
import type { CapacityProvider, Task, TaskDefinition, Topology } from '../../shared/model/types';
import { useDiagramStore } from '../store/diagram-store';
import { FieldList, Section } from './panel-parts';
import {
  autoScalingGroupName,
  capacityProviderKind,
  capacityProviderSettings,
  capacityProviderUse,
  describedCapacityProviders,
  describedTaskDefinitions,
  taskDefinitionLabel,
  taskDefinitionShape,
  taskDefinitionUse,
  usageSummary,
} from './definitions';

/** Whether the Definitions list is open (it shows while nothing is selected). */
export const useDefinitionsList = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/** Opens the Definitions list (clearing the selection, which would cover it). */
export function openDefinitionsList(): void {
  useDiagramStore.getState().select(null);
  useDefinitionsList.getState().setOpen(true);
}

/**
 * Rows each list of the panel draws: the 100,000-node account has 9,091 task definitions, and a list of all of
 * them is tens of thousands of elements for the browser to lay out. Find opens any one by name.
 */
export const LIST_ROWS = 200;

// Tasks listed by name in a "used by" list before the rest are counted: a service of 2,000 tasks is one line.
const TASKS_LISTED = 12;

function StatusPill({ status }: { status: string | undefined }) {
  if (!status) return null;
  return <span className={`pill def-status def-status-${status.toLowerCase()}`}>{status}</span>;
}

/** The toolbar button that opens the list; absent when the load has no task definition or capacity provider. */
export function DefinitionsButton() {
  const topology = useDiagramStore((s) => s.topology);
  const open = useDefinitionsList((s) => s.open);
  const setOpen = useDefinitionsList((s) => s.setOpen);
  if (!topology) return null;
  const tds = topology.taskDefinitions.filter((t) => !t.placeholder).length;
  const cps = topology.capacityProviders.filter((c) => !c.placeholder).length;
  if (tds + cps === 0) return null;
  return (
    <button
      type="button"
      className="btn"
      data-testid="definitions-toggle"
      aria-pressed={open}
      title={`${tds} task definition${tds === 1 ? '' : 's'} and ${cps} capacity provider${cps === 1 ? '' : 's'}: not drawn, listed here`}
      onClick={() => (open ? setOpen(false) : openDefinitionsList())}
    >
      Definitions <span className="count-badge def-count">{tds + cps}</span>
    </button>
  );
}

/** One task definition as a row of the list. */
function TaskDefinitionRow({ topology, td }: { topology: Topology; td: TaskDefinition }) {
  const select = useDiagramStore((s) => s.select);
  const use = taskDefinitionUse(topology, td.id);
  const shape = taskDefinitionShape(td);
  return (
    <li className="def-row" data-testid="task-definition-row">
      <div className="def-row-head">
        <button type="button" className="link mono" onClick={() => select(td.id)}>
          {taskDefinitionLabel(td)}
        </button>
        <StatusPill status={td.status} />
      </div>
      {shape && <div className="def-line">{shape}</div>}
      <ul className="def-containers">
        {td.containerDefinitions.map((c) => (
          <li key={c.name}>
            <span className="def-container-name">{c.name}</span>{' '}
            <span className="mono muted" title={c.image}>
              {c.image ?? 'no image'}
            </span>
          </li>
        ))}
      </ul>
      <div className="def-line muted">
        used by{' '}
        {usageSummary([
          [use.services.length, 'service'],
          [use.tasks.length, 'task'],
        ])}
      </div>
    </li>
  );
}

/** One capacity provider as a row of the list. */
function CapacityProviderRow({ topology, cp }: { topology: Topology; cp: CapacityProvider }) {
  const select = useDiagramStore((s) => s.select);
  const use = capacityProviderUse(topology, cp);
  const asg = autoScalingGroupName(cp.autoScalingGroupArn);
  return (
    <li className="def-row" data-testid="capacity-provider-row">
      <div className="def-row-head">
        <button type="button" className="link mono" onClick={() => select(cp.id)}>
          {cp.name}
        </button>
        <StatusPill status={cp.status} />
      </div>
      <div className="def-line">
        {capacityProviderKind(cp)}
        {asg ? ` · ${asg}` : ''}
      </div>
      <div className="def-line muted">
        {use.clusters.length > 0 ? `clusters ${use.clusters.map((c) => c.name).join(', ')} · ` : ''}
        {usageSummary([
          [use.services.length, 'service'],
          [use.tasks.length, 'task'],
        ])}
      </div>
    </li>
  );
}

/** A titled list of the Definitions panel, or a line saying which command gives it when the load has none. */
function ListSection<T>({
  title,
  items,
  none,
  row,
}: {
  title: string;
  items: readonly T[];
  none: string;
  row: (item: T) => ReactNode;
}) {
  return (
    <Section title={`${title} (${items.length})`}>
      {items.length === 0 ? (
        <p className="hint">{none}</p>
      ) : (
        <ul className="def-list">{items.slice(0, LIST_ROWS).map(row)}</ul>
      )}
      {items.length > LIST_ROWS && (
        <p className="hint" data-testid="definitions-more">
          The first {LIST_ROWS.toLocaleString('en')} of {items.length.toLocaleString('en')}: Find (/) a name to open any
          of them.
        </p>
      )}
    </Section>
  );
}

/** The list of the load's task definitions and capacity providers; shows while open and nothing is selected. */
export function DefinitionsPanel() {
  const topology = useDiagramStore((s) => s.topology);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const open = useDefinitionsList((s) => s.open);
  const setOpen = useDefinitionsList((s) => s.setOpen);
  if (!open || !topology || selectedId) return null;
  const tds = describedTaskDefinitions(topology);
  const cps = describedCapacityProviders(topology);
  return (
    <aside className="details-panel definitions-panel" data-testid="definitions-panel" aria-label="Definitions">
      <header className="panel-head">
        <div>
          <div className="panel-kicker">Not drawn</div>
          <h2>Task definitions and capacity providers</h2>
        </div>
        <button type="button" className="btn btn-icon" aria-label="Close definitions" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <ListSection
        title="Task definitions"
        items={tds}
        none="No task definition in this load (aws ecs describe-task-definition)."
        row={(td) => <TaskDefinitionRow key={td.id} topology={topology} td={td} />}
      />
      <ListSection
        title="Capacity providers"
        items={cps}
        none="No capacity provider in this load (aws ecs describe-capacity-providers)."
        row={(cp) => <CapacityProviderRow key={cp.id} topology={topology} cp={cp} />}
      />
    </aside>
  );
}

/** Links to objects of the load (services, clusters, tasks): a click selects and centres one. */
function ObjectLinks({
  items,
  onSelect,
  testId,
}: {
  items: readonly { id: string; label: string; title?: string }[];
  onSelect: (id: string) => void;
  testId: string;
}) {
  const shown = items.slice(0, TASKS_LISTED);
  return (
    <ul className="def-links" data-testid={testId}>
      {shown.map((i) => (
        <li key={i.id}>
          <button type="button" className="link mono" title={i.title} onClick={() => onSelect(i.id)}>
            {i.label}
          </button>
        </li>
      ))}
      {items.length > shown.length && <li className="muted">and {items.length - shown.length} more</li>}
    </ul>
  );
}

const taskLink = (t: Task) => ({ id: t.id, label: `${t.shortId} ${t.lastStatus ?? ''}`.trim(), title: t.arn });

/** "← All task definitions and capacity providers": back to the list, when it is open. */
function BackToList() {
  const open = useDefinitionsList((s) => s.open);
  const select = useDiagramStore((s) => s.select);
  if (!open) return null;
  return (
    <button
      type="button"
      className="btn btn-small def-back"
      data-testid="definitions-back"
      onClick={() => select(null)}
    >
      ← All definitions
    </button>
  );
}

/** The details panel's sections for a task definition: its containers and images, and who uses it. */
export function TaskDefinitionDetails({ topology, td }: { topology: Topology; td: TaskDefinition }) {
  const select = useDiagramStore((s) => s.select);
  const use = taskDefinitionUse(topology, td.id);
  const focus = (id: string) => select(id, { focus: true });
  return (
    <>
      <BackToList />
      <Section title={`Container definitions (${td.containerDefinitions.length})`}>
        <table className="mini-table" data-testid="td-containers">
          <thead>
            <tr>
              <th>Container</th>
              <th>Image</th>
              <th>CPU</th>
              <th>Memory</th>
              <th>Essential</th>
            </tr>
          </thead>
          <tbody>
            {td.containerDefinitions.map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td className="mono" title={c.image}>
                  {c.image ?? ''}
                </td>
                <td>{c.cpu ?? ''}</td>
                <td>{c.memory !== undefined ? `${c.memory} MiB` : ''}</td>
                <td>{c.essential === false ? 'no' : 'yes'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section
        title={`Used by: ${usageSummary([
          [use.services.length, 'service'],
          [use.tasks.length, 'task'],
        ])}`}
      >
        {use.services.length > 0 && (
          <ObjectLinks
            testId="td-services"
            items={use.services.map((s) => ({ id: s.id, label: s.name, title: s.arn }))}
            onSelect={focus}
          />
        )}
        {use.tasks.length > 0 && <ObjectLinks testId="td-tasks" items={use.tasks.map(taskLink)} onSelect={focus} />}
      </Section>
    </>
  );
}

/**
 * The details panel's sections for a capacity provider: its Auto Scaling group and settings (from its
 * describe-capacity-providers JSON, `raw`), and the clusters, services and tasks it serves.
 */
export function CapacityProviderDetails({
  topology,
  provider,
  raw,
}: {
  topology: Topology;
  provider: CapacityProvider;
  raw: Record<string, unknown> | undefined;
}) {
  const select = useDiagramStore((s) => s.select);
  const use = capacityProviderUse(topology, provider);
  const focus = (id: string) => select(id, { focus: true });
  const asg = autoScalingGroupName(provider.autoScalingGroupArn);
  const settings = capacityProviderSettings(raw ?? provider.raw);
  return (
    <>
      <BackToList />
      <Section title="Capacity">
        <FieldList rows={[['Kind', capacityProviderKind(provider)], ['Auto Scaling group', asg], ...settings]} />
      </Section>
      <Section
        title={`Used by: ${usageSummary([
          [use.clusters.length, 'cluster'],
          [use.services.length, 'service'],
          [use.tasks.length, 'task'],
        ])}`}
      >
        {use.clusters.length > 0 && (
          <ObjectLinks
            testId="cp-clusters"
            items={use.clusters.map((c) => ({ id: c.id, label: c.name, title: c.arn }))}
            onSelect={focus}
          />
        )}
        {use.services.length > 0 && (
          <ObjectLinks
            testId="cp-services"
            items={use.services.map((s) => ({ id: s.id, label: s.name, title: s.arn }))}
            onSelect={focus}
          />
        )}
        {use.tasks.length > 0 && <ObjectLinks testId="cp-tasks" items={use.tasks.map(taskLink)} onSelect={focus} />}
      </Section>
    </>
  );
}
