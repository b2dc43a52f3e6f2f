/**
 * What an empty canvas says: a load that draws nothing (only task
 * definitions and capacity providers, only broken files, or filters that
 * hide everything) tells what loaded and why nothing is drawn, with the way
 * to see it, instead of a blank pane.
 */
import { ENTITY_KIND_LABELS, type EntityKind, type Topology } from '../../shared/model/types';
import { filtersActive } from '../../shared/graph/filters';
import type { ViewFilters } from '../../shared/graph/view';
import { useDiagramStore } from '../store/diagram-store';
import { openDefinitionsList } from './definitions-panel';

/** Why the canvas is empty, in words, and what the user can do about it. */
export interface EmptyLoadReason {
  /** "1 task definition and 1 capacity provider loaded; no cluster, service or task to draw". */
  headline: string;
  /** Diagnostics of severity error, when files could not be used. */
  errors: number;
  /** Files read. */
  files: number;
  /** The load has task definitions or capacity providers to list. */
  definitions: boolean;
  /** Everything is hidden by filters, not missing. */
  filtered: boolean;
  /** Container instances are loaded: the placement view draws them as hosts. */
  hosts: boolean;
}

// Kinds that are never drawn on their own, in the order the headline names them.
const UNDRAWN = [
  'taskDefinition',
  'capacityProvider',
  'containerInstance',
  'targetGroup',
] as const satisfies readonly EntityKind[];

function counted(n: number, kind: EntityKind): string {
  const label = ENTITY_KIND_LABELS[kind];
  return `${n} ${label}${n === 1 ? '' : 's'}`;
}

/** "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Why a load with `drawn` nodes draws nothing; null when something is drawn. */
export function emptyLoadReason(topology: Topology, drawn: number, filters: ViewFilters): EmptyLoadReason | null {
  if (drawn > 0) return null;
  const errors = topology.diagnostics.filter((d) => d.severity === 'error').length;
  const files = topology.files.length;
  const described = (list: readonly { placeholder: boolean }[]) => list.filter((e) => !e.placeholder).length;
  const count: Record<(typeof UNDRAWN)[number], number> = {
    taskDefinition: described(topology.taskDefinitions),
    capacityProvider: described(topology.capacityProviders),
    containerInstance: described(topology.containerInstances),
    targetGroup: described(topology.targetGroups),
  };
  const definitions = count.taskDefinition + count.capacityProvider > 0;
  const drawable = topology.clusters.length + topology.services.length + topology.tasks.length;
  const hosts = count.containerInstance > 0;
  if (drawable > 0 && filtersActive(filters))
    return { headline: 'No object matches the filters', errors, files, definitions, filtered: true, hosts };
  const loaded = UNDRAWN.filter((k) => count[k] > 0).map((k) => counted(count[k], k));
  const headline =
    loaded.length > 0
      ? `${listed(loaded)} loaded; no cluster, service or task to draw`
      : files > 0
        ? `Nothing to draw: no ECS object could be read from ${files === 1 ? 'the file' : `the ${files} files`}`
        : 'Nothing to draw: no ECS object in this load';
  return { headline, errors, files, definitions, filtered: false, hosts };
}

/** The message over an empty canvas; nothing while the canvas draws something or the layout is not there yet. */
export function EmptyLoad() {
  const topology = useDiagramStore((s) => s.topology);
  const layout = useDiagramStore((s) => s.layout);
  const filters = useDiagramStore((s) => s.view.filters);
  const setFilters = useDiagramStore((s) => s.setFilters);
  const setDiagnosticsOpen = useDiagramStore((s) => s.setDiagnosticsOpen);
  const mode = useDiagramStore((s) => s.view.mode ?? 'hierarchy');
  const setMode = useDiagramStore((s) => s.setMode);
  if (!topology || !layout || topology.arriving) return null;
  const reason = emptyLoadReason(topology, layout.nodes.length, filters);
  if (!reason) return null;
  return (
    <div className="empty-load" role="status" data-testid="empty-load">
      <div className="empty-load-card">
        <h2 data-testid="empty-load-headline">{reason.headline}</h2>
        {reason.filtered ? (
          <p className="hint">The load has objects; the filters above hide every one of them.</p>
        ) : (
          <p className="hint">
            The diagram draws clusters, services and tasks: add what <code>aws ecs describe-clusters</code>,{' '}
            <code>describe-services</code> or <code>describe-tasks</code> printed.
            {reason.errors > 0 &&
              ` ${reason.errors} ${reason.errors === 1 ? 'problem' : 'problems'} stopped ${reason.errors === 1 ? 'a file' : 'files'} from loading.`}
          </p>
        )}
        <div className="empty-load-actions">
          {reason.filtered && (
            <button type="button" className="btn btn-primary" onClick={() => setFilters({})}>
              Clear filters
            </button>
          )}
          {!reason.filtered && reason.definitions && (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="empty-show-definitions"
              onClick={openDefinitionsList}
            >
              Show task definitions and capacity providers
            </button>
          )}
          {!reason.filtered && reason.hosts && mode !== 'placement' && (
            <button
              type="button"
              className="btn"
              data-testid="empty-show-placement"
              onClick={() => setMode('placement')}
            >
              Show the hosts (Placement view)
            </button>
          )}
          {reason.errors > 0 && (
            <button
              type="button"
              className="btn"
              data-testid="empty-show-diagnostics"
              onClick={() => setDiagnosticsOpen(true)}
            >
              Show diagnostics
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
