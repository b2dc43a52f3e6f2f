/**
 * The explore controls of the toolbar: the search box (hit count, Enter and
 * Shift+Enter walk the hits, Esc clears), "problems only", the filter menu
 * (launch type, status, health, cluster, service) and the view switch
 * (hierarchy / placement).
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
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

/**
 * A switch of the Filters menu's "Show" group: shows or hides a kind of object (e.g. referenced-only clusters)
 * rather than narrowing by a value. One row of this table is one switch; its test id is `filter-show-<id>`.
 */
export interface ShowSwitch {
  id: string;
  label: string;
  /** What the switch does, on hover. */
  title: string;
  on(filters: ViewFilters): boolean;
  toggled(filters: ViewFilters, on: boolean): ViewFilters;
}

/** The switches of the "Show" group, first in the menu; the group is left out while this is empty. */
export const SHOW_SWITCHES: readonly ShowSwitch[] = [
  {
    id: 'referenced',
    label: 'Show referenced-only',
    title: 'Draw every cluster that is only referenced as its own card, instead of one card per account',
    on: (f) => f.showReferencedOnly ?? false,
    toggled: (f, on) => ({ ...f, showReferencedOnly: on || undefined }),
  },
];

/** One checkbox row of the Filters menu: toggling it keeps the menu open, so several can be ticked in a row. */
export function FilterCheck({
  label,
  checked,
  onToggle,
  testId,
  title,
}: {
  label: string;
  checked: boolean;
  onToggle: () => void;
  testId?: string;
  title?: string;
}) {
  return (
    <DropdownMenu.CheckboxItem
      className="filter-item"
      checked={checked}
      onCheckedChange={onToggle}
      // Radix closes a menu on select; a filter menu stays open until Esc, a click outside or the button.
      onSelect={(e) => e.preventDefault()}
      title={title}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      <span className="filter-box" aria-hidden="true">
        {checked ? '✓' : ''}
      </span>
      {label}
    </DropdownMenu.CheckboxItem>
  );
}

/** A titled group of the Filters menu. */
function FilterGroup({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <DropdownMenu.Group className={`filter-group${className ? ` ${className}` : ''}`} aria-label={title}>
      <DropdownMenu.Label className="filter-group-label">{title}</DropdownMenu.Label>
      {children}
    </DropdownMenu.Group>
  );
}

/**
 * The Filters menu (Radix DropdownMenu): every filter as a checkbox item, grouped. Arrow keys move, Space or
 * Enter toggles, typing jumps to an item, Esc or a click outside closes and focus returns to the button. It
 * opens below the strip of filter chips, so a chip it adds is never under it.
 */
export function FilterMenu() {
  const [open, setOpen] = useState(false);
  const topology = useDiagramStore((s) => s.topology);
  const filters = useDiagramStore((s) => s.view.filters);
  const setFilters = useDiagramStore((s) => s.setFilters);
  const [below, setBelow] = useState(6);
  const trigger = useRef<HTMLButtonElement>(null);
  // Ticking the first filter adds the chips strip under the toolbar while the menu is open: move down past it.
  useLayoutEffect(() => {
    if (open) setBelow(chipsClearance(trigger.current));
  }, [open, filters]);
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
  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenu.Trigger asChild>
        <button ref={trigger} type="button" className={`btn${open ? ' active' : ''}`} data-testid="filters-button">
          Filters ▾
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="filter-popover"
          data-testid="filter-menu"
          aria-label="Filters"
          side="bottom"
          align="start"
          sideOffset={below}
          collisionPadding={8}
          // Esc closes the menu only: the page's Esc (clear the selection and the search) must not fire too.
          onEscapeKeyDown={(e) => e.stopPropagation()}
        >
          {SHOW_SWITCHES.length > 0 && (
            <FilterGroup title="Show">
              {SHOW_SWITCHES.map((sw) => (
                <FilterCheck
                  key={sw.id}
                  label={sw.label}
                  title={sw.title}
                  checked={sw.on(filters)}
                  onToggle={() => setFilters(sw.toggled(filters, !sw.on(filters)))}
                  testId={`filter-show-${sw.id}`}
                />
              ))}
            </FilterGroup>
          )}
          <FilterGroup title="Launch type">
            {overlaysPresent.map((o) => (
              <FilterCheck
                key={o}
                label={OVERLAY_STYLES[o].label}
                checked={filters.overlays?.includes(o) ?? false}
                onToggle={() => set({ overlays: toggled<OverlayClass>(filters.overlays, o) })}
                testId={`filter-launch-${o}`}
              />
            ))}
          </FilterGroup>
          <FilterGroup title="Status">
            {STATUSES.map((st) => (
              <FilterCheck
                key={st}
                label={st}
                checked={filters.statuses?.includes(st) ?? false}
                onToggle={() => set({ statuses: toggled(filters.statuses, st) })}
                testId={`filter-status-${st}`}
              />
            ))}
          </FilterGroup>
          <FilterGroup title="Health">
            {HEALTH.map((h) => (
              <FilterCheck
                key={h}
                label={h.toLowerCase()}
                checked={filters.health?.includes(h) ?? false}
                onToggle={() => set({ health: toggled(filters.health, h) })}
                testId={`filter-health-${h}`}
              />
            ))}
          </FilterGroup>
          {clusters.length > 1 && (
            <FilterGroup title="Cluster">
              {clusters.map((c) => (
                <FilterCheck
                  key={c.id}
                  label={c.name}
                  checked={filters.clusterIds?.includes(c.id) ?? false}
                  onToggle={() => set({ clusterIds: toggled(filters.clusterIds, c.id) })}
                />
              ))}
            </FilterGroup>
          )}
          <FilterGroup title="Service" className="filter-services">
            {services.map((s) => (
              <FilterCheck
                key={s.id}
                label={s.name}
                checked={filters.serviceIds?.includes(s.id) ?? false}
                onToggle={() => set({ serviceIds: toggled(filters.serviceIds, s.id) })}
              />
            ))}
          </FilterGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

// Height of the chips strip (.explore-bar: min-height 34 px and its border) before it exists.
const CHIPS_STRIP = 35;

/**
 * How far below the Filters button the menu opens: past the bottom of the strip of filter chips under the
 * toolbar, or of where that strip will be once a filter is on, so no chip is ever under the menu.
 */
function chipsClearance(button: HTMLElement | null): number {
  if (!button) return 6;
  const bottom = button.getBoundingClientRect().bottom;
  const strip = document.querySelector('[data-testid="explore-bar"]');
  const toolbar = button.closest('.toolbar');
  const stripBottom = strip
    ? strip.getBoundingClientRect().bottom
    : (toolbar?.getBoundingClientRect().bottom ?? bottom) + CHIPS_STRIP;
  return Math.max(6, Math.round(stripBottom - bottom) + 6);
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
