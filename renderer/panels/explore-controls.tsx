/**
 * The explore controls of the toolbar: the search box (hit count, Enter and
 * Shift+Enter walk the hits, Esc clears), "problems only", the filter menu
 * (launch type, status, health, cluster, service) and the view switch
 * (hierarchy / placement).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { OverlayClass } from '../../shared/model/types';
import type { HealthFilter, LifecycleFilter, ViewFilters } from '../../shared/graph/view';
import { OVERLAY_ORDER, OVERLAY_STYLES } from '../../shared/theme/theme';
import { useSearchHits } from '../canvas/use-emphasis';
import { useDiagramStore } from '../store/diagram-store';

const STATUSES: LifecycleFilter[] = ['running', 'pending', 'stopped'];
const HEALTH: HealthFilter[] = ['HEALTHY', 'UNHEALTHY', 'UNKNOWN'];

/** Adds or removes `value` in a filter list; an empty list is no filter. */
function toggled<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length > 0 ? next : undefined;
}

/** The search box with its hit count. */
export function SearchBox({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const search = useDiagramStore((s) => s.search);
  const searchIndex = useDiagramStore((s) => s.searchIndex);
  const setSearch = useDiagramStore((s) => s.setSearch);
  const stepSearch = useDiagramStore((s) => s.stepSearch);
  const hits = useSearchHits();
  const query = search.trim() !== '';
  return (
    <div className="search-box">
      <input
        ref={searchRef}
        className="search"
        type="search"
        placeholder="Find service, task, image, IP, i-…"
        aria-label="Find"
        data-testid="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            stepSearch(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setSearch('');
            useDiagramStore.getState().select(null);
            e.currentTarget.blur();
          }
        }}
      />
      {query && (
        <span
          className={`search-count${hits.length === 0 ? ' none' : ''}`}
          data-testid="search-count"
          aria-live="polite"
          title="Enter: next match · Shift+Enter: previous"
        >
          {hits.length === 0
            ? 'no matches'
            : searchIndex >= 0
              ? `${searchIndex + 1} / ${hits.length}`
              : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'}`}
        </span>
      )}
    </div>
  );
}

/** The filter menu: every filter as a checkbox, grouped. */
export function FilterMenu() {
  const [open, setOpen] = useState(false);
  const topology = useDiagramStore((s) => s.topology);
  const filters = useDiagramStore((s) => s.view.filters);
  const setFilters = useDiagramStore((s) => s.setFilters);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  if (!topology) return null;
  const set = (patch: Partial<ViewFilters>) => setFilters({ ...filters, ...patch });
  // Only while open: on a big load, sorting thousands of services on every toolbar render cost tens of ms.
  const overlaysPresent = open
    ? OVERLAY_ORDER.filter((o) => topology.tasks.some((t) => (t.spot ? 'FARGATE_SPOT' : t.launchType) === o))
    : [];
  const clusters = open
    ? [...topology.clusters].filter((c) => !c.placeholder).sort((a, b) => a.name.localeCompare(b.name))
    : [];
  const services = open
    ? [...topology.services]
        .filter(
          (s) =>
            !s.placeholder &&
            (!filters.clusterIds?.length || (s.clusterId && filters.clusterIds.includes(s.clusterId))),
        )
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  const check = (label: string, checked: boolean, onChange: () => void, testId?: string) => (
    <label key={label} className="check">
      <input type="checkbox" checked={checked} onChange={onChange} {...(testId ? { 'data-testid': testId } : {})} />{' '}
      {label}
    </label>
  );
  return (
    <div className="filter-menu" ref={ref}>
      <button
        type="button"
        className={`btn${open ? ' active' : ''}`}
        aria-expanded={open}
        data-testid="filters-button"
        onClick={() => setOpen(!open)}
      >
        Filters ▾
      </button>
      {open && (
        <div className="filter-popover" role="dialog" aria-label="Filters" data-testid="filter-menu">
          <fieldset>
            <legend>Launch type</legend>
            {overlaysPresent.map((o) =>
              check(
                OVERLAY_STYLES[o].label,
                filters.overlays?.includes(o) ?? false,
                () => set({ overlays: toggled<OverlayClass>(filters.overlays, o) }),
                `filter-launch-${o}`,
              ),
            )}
          </fieldset>
          <fieldset>
            <legend>Status</legend>
            {STATUSES.map((st) =>
              check(
                st,
                filters.statuses?.includes(st) ?? false,
                () => set({ statuses: toggled(filters.statuses, st) }),
                `filter-status-${st}`,
              ),
            )}
          </fieldset>
          <fieldset>
            <legend>Health</legend>
            {HEALTH.map((h) =>
              check(
                h.toLowerCase(),
                filters.health?.includes(h) ?? false,
                () => set({ health: toggled(filters.health, h) }),
                `filter-health-${h}`,
              ),
            )}
          </fieldset>
          {clusters.length > 1 && (
            <fieldset>
              <legend>Cluster</legend>
              {clusters.map((c) =>
                check(c.name, filters.clusterIds?.includes(c.id) ?? false, () =>
                  set({ clusterIds: toggled(filters.clusterIds, c.id) }),
                ),
              )}
            </fieldset>
          )}
          <fieldset className="filter-services">
            <legend>Service</legend>
            {services.map((s) =>
              check(s.name, filters.serviceIds?.includes(s.id) ?? false, () =>
                set({ serviceIds: toggled(filters.serviceIds, s.id) }),
              ),
            )}
          </fieldset>
        </div>
      )}
    </div>
  );
}

/** Hierarchy / placement switch. */
export function ViewSwitch() {
  const mode = useDiagramStore((s) => s.view.mode ?? 'hierarchy');
  const setMode = useDiagramStore((s) => s.setMode);
  return (
    <div className="segmented" role="group" aria-label="View">
      <button
        type="button"
        className={`btn${mode === 'hierarchy' ? ' active' : ''}`}
        aria-pressed={mode === 'hierarchy'}
        data-testid="view-hierarchy"
        onClick={() => setMode('hierarchy')}
        title="Cluster → Service → Task → Container"
      >
        Hierarchy
      </button>
      <button
        type="button"
        className={`btn${mode === 'placement' ? ' active' : ''}`}
        aria-pressed={mode === 'placement'}
        data-testid="view-placement"
        onClick={() => setMode('placement')}
        title="Tasks by where they run: EC2 host, Fargate AZ"
      >
        Placement
      </button>
    </div>
  );
}

/** Everything the toolbar shows for exploring a load. */
export function ExploreControls({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const filters = useDiagramStore((s) => s.view.filters);
  const setFilters = useDiagramStore((s) => s.setFilters);
  return (
    <>
      <SearchBox searchRef={searchRef} />
      <label
        className="check"
        title="Unhealthy tasks or containers, stopped tasks with a reason, services short of tasks or with a failed or rolling deployment, draining hosts"
      >
        <input
          type="checkbox"
          data-testid="problems-only"
          checked={filters.problemsOnly ?? false}
          onChange={(e) => setFilters({ ...filters, problemsOnly: e.target.checked || undefined })}
        />{' '}
        Problems only
      </label>
      <FilterMenu />
      <ViewSwitch />
    </>
  );
}
