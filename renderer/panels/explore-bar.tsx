/**
 * The strip above the canvas: breadcrumbs of the selection (cluster ›
 * service › task › container, each clickable) and the active filters as
 * chips, each removable, with "Clear filters" to drop them all in one click.
 */
import { useMemo } from 'react';
import { breadcrumbPath, graphNode } from '../../shared/graph/emphasis';
import type { PositionedNode } from '../../shared/graph/types';
import type { ViewFilters } from '../../shared/graph/view';
import { filtersActive } from '../../shared/graph/filters';
import { clampText, revealBidi } from '../../shared/render/text';
import { OVERLAY_STYLES } from '../../shared/theme/theme';
import { useDiagramStore } from '../store/diagram-store';

/** The crumb's full name, before clamping. */
function crumbName(n: PositionedNode): string {
  switch (n.kind) {
    case 'cluster':
    case 'service':
    case 'container':
      return n.data.name;
    case 'task':
      return n.data.shortId;
    case 'group':
    case 'host':
      return n.data.label;
    case 'targetGroup':
    case 'namespace':
      return n.data.name;
  }
}

/** What a crumb shows: the app's one truncation (ids and names keep both ends; bidi controls shown as codes). */
function crumbLabel(n: PositionedNode): string {
  return clampText(crumbName(n), CRUMB_MAX_PX, 12, n.kind === 'task' ? 'mono' : 'sans', 'middle');
}

/** How wide a crumb's name may grow before its middle gives way (the strip holds four or five). */
const CRUMB_MAX_PX = 180;

/** The kind word before a crumb's name ("cluster", "target group", "namespace", …). */
function crumbKind(n: PositionedNode): string {
  if (n.kind === 'group' && n.data.variant === 'account') return 'account';
  if (n.kind === 'targetGroup') return 'target group';
  if (n.kind === 'namespace') return n.data.variant === 'service-connect' ? 'namespace' : 'cloud map';
  return n.kind;
}

/** One removable chip per active filter value. */
function filterChips(
  filters: ViewFilters,
  names: Map<string, string>,
): { key: string; label: string; without: ViewFilters }[] {
  const chips: { key: string; label: string; without: ViewFilters }[] = [];
  const drop = <K extends keyof ViewFilters>(key: K, value: unknown): ViewFilters => {
    const list = (filters[key] as unknown[] | undefined)?.filter((v) => v !== value);
    return { ...filters, [key]: list && list.length > 0 ? list : undefined };
  };
  if (filters.problemsOnly)
    chips.push({ key: 'problems', label: 'problems only', without: { ...filters, problemsOnly: undefined } });
  for (const o of filters.overlays ?? [])
    chips.push({ key: `o:${o}`, label: OVERLAY_STYLES[o].label, without: drop('overlays', o) });
  for (const s of filters.statuses ?? []) chips.push({ key: `s:${s}`, label: s, without: drop('statuses', s) });
  for (const h of filters.health ?? [])
    chips.push({ key: `h:${h}`, label: h.toLowerCase(), without: drop('health', h) });
  for (const c of filters.clusterIds ?? [])
    chips.push({ key: `c:${c}`, label: `cluster ${names.get(c) ?? c}`, without: drop('clusterIds', c) });
  for (const s of filters.serviceIds ?? [])
    chips.push({ key: `v:${s}`, label: `service ${names.get(s) ?? s}`, without: drop('serviceIds', s) });
  if (filters.text)
    chips.push({ key: 'text', label: `text “${filters.text}”`, without: { ...filters, text: undefined } });
  return chips;
}

/** The breadcrumb and filter strip. */
export function ExploreBar() {
  const topology = useDiagramStore((s) => s.topology);
  const layout = useDiagramStore((s) => s.layout);
  const selectedId = useDiagramStore((s) => s.selectedId);
  const filters = useDiagramStore((s) => s.view.filters);
  const setFilters = useDiagramStore((s) => s.setFilters);
  const select = useDiagramStore((s) => s.select);
  const crumbs = useMemo(() => {
    if (!layout || !selectedId) return [];
    return breadcrumbPath(layout, selectedId)
      .map((id) => graphNode(layout, id))
      .filter(
        (n): n is PositionedNode =>
          n !== undefined &&
          !(n.kind === 'group' && n.data.variant !== 'unknown-cluster' && n.data.variant !== 'account'),
      );
  }, [layout, selectedId]);
  // The names of the filtered clusters and services only: a map of every one was ~18 ms of the task that shows
  // a complete 100,000-node load, made while no filter was on and the strip not even drawn.
  const names = useMemo(() => {
    const wanted = new Set([...(filters.clusterIds ?? []), ...(filters.serviceIds ?? [])]);
    const found = new Map<string, string>();
    if (wanted.size === 0) return found;
    for (const e of [...(topology?.clusters ?? []), ...(topology?.services ?? [])])
      if (wanted.has(e.id)) found.set(e.id, e.name);
    return found;
  }, [topology, filters.clusterIds, filters.serviceIds]);
  const chips = filterChips(filters, names);
  if (crumbs.length === 0 && !filtersActive(filters)) return null;
  return (
    <div className="explore-bar" data-testid="explore-bar">
      <nav className="breadcrumbs" aria-label="Selection path" data-testid="breadcrumbs">
        {crumbs.map((n, i) => (
          <span key={n.id} className="crumb">
            {i > 0 && (
              <span className="crumb-sep" aria-hidden="true">
                ›
              </span>
            )}
            <button
              type="button"
              className={`crumb-btn${n.id === selectedId ? ' current' : ''}`}
              aria-current={n.id === selectedId ? 'location' : undefined}
              onClick={() => select(n.id, { focus: true })}
              title={revealBidi(crumbName(n))}
            >
              <span className="crumb-kind">{crumbKind(n)}</span> {crumbLabel(n)}
            </button>
          </span>
        ))}
      </nav>
      {chips.length > 0 && (
        <div className="filter-chips" data-testid="filter-chips">
          {chips.map((c) => (
            <button
              key={c.key}
              type="button"
              className="chip"
              data-testid="filter-chip"
              title="Remove this filter"
              onClick={() => setFilters(c.without)}
            >
              {c.label} <span aria-hidden="true">×</span>
            </button>
          ))}
          <button type="button" className="btn btn-small" data-testid="clear-filters" onClick={() => setFilters({})}>
            Clear filters
          </button>
        </div>
      )}
    </div>
  );
}
