/**
 * The words around an exported diagram: its title (cluster names or the
 * user's) and the time of the data. The time comes from the data, never from
 * the clock, so exporting the same input twice gives the same file.
 */
import type { Topology } from '../model/types';

/** The time an export shows: a snapshot's fetch time, or the newest timestamp found in the data. */
export interface DataTime {
  /** ISO-8601 instant. */
  iso: string;
  source: 'fetched' | 'newest-in-data';
}

/** How many cluster names a title spells out before it says "and N more". */
const TITLE_CLUSTERS = 3;

/** The data's own time: `fetchedAt` of a snapshot, else the newest createdAt/startedAt/stoppedAt/event/registration time; undefined when the input has none. */
export function dataTime(topology: Topology): DataTime | undefined {
  if (topology.fetchedAt && Number.isFinite(Date.parse(topology.fetchedAt)))
    return { iso: new Date(Date.parse(topology.fetchedAt)).toISOString(), source: 'fetched' };
  let newest = Number.NEGATIVE_INFINITY;
  const see = (value: string | undefined): void => {
    if (!value) return;
    const t = Date.parse(value);
    if (Number.isFinite(t) && t > newest) newest = t;
  };
  for (const t of topology.tasks) {
    see(t.createdAt);
    see(t.startedAt);
    see(t.stoppedAt);
  }
  for (const s of topology.services) {
    see(s.createdAt);
    for (const e of s.events) see(e.createdAt);
    for (const d of s.deployments) {
      see(d.createdAt);
      see(d.updatedAt);
    }
  }
  for (const td of topology.taskDefinitions) see(td.registeredAt);
  return Number.isFinite(newest) ? { iso: new Date(newest).toISOString(), source: 'newest-in-data' } : undefined;
}

/** "2026-11-28 09:30 UTC": minutes are enough for documentation and read the same everywhere. */
export function formatDataTime(time: DataTime): string {
  return `${time.iso.slice(0, 10)} ${time.iso.slice(11, 16)} UTC`;
}

/** The default title: the described clusters' names ("prod-web · prod-batch"), shortened past three. */
export function defaultTitle(topology: Topology): string {
  const names = [...new Set(topology.clusters.filter((c) => !c.placeholder).map((c) => c.name))].sort((a, b) =>
    a.localeCompare(b),
  );
  if (names.length === 0) {
    const referenced = [...new Set(topology.clusters.map((c) => c.name))].sort((a, b) => a.localeCompare(b));
    if (referenced.length === 0) return 'ECS diagram';
    names.push(...referenced);
  }
  const shown = names.slice(0, TITLE_CLUSTERS).join(' · ');
  const more = names.length - TITLE_CLUSTERS;
  return more > 0 ? `${shown} and ${more} more cluster${more === 1 ? '' : 's'}` : shown;
}

/** The line under the title: data time, what is drawn, regions and accounts. */
export function defaultSubtitle(topology: Topology): string {
  const time = dataTime(topology);
  const when = time
    ? `${time.source === 'fetched' ? 'Snapshot of' : 'Data as of'} ${formatDataTime(time)}`
    : 'Data time unknown';
  const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
  const described = <T extends { placeholder: boolean }>(list: T[]): T[] => list.filter((e) => !e.placeholder);
  const parts = [
    when,
    count(described(topology.clusters).length, 'cluster'),
    count(described(topology.services).length, 'service'),
    count(described(topology.tasks).length, 'task'),
  ];
  const regions = [
    ...new Set(
      [...topology.clusters, ...topology.services, ...topology.tasks]
        .map((e) => e.region)
        .filter((r): r is string => Boolean(r)),
    ),
  ].sort();
  if (regions.length > 0) parts.push(regions.length <= 3 ? regions.join(', ') : `${regions.length} regions`);
  const accounts = [
    ...new Set(topology.clusters.map((e) => e.accountId).filter((a): a is string => Boolean(a))),
  ].sort();
  if (accounts.length > 0)
    parts.push(accounts.length <= 2 ? `account ${accounts.join(', ')}` : `${accounts.length} accounts`);
  return parts.join(' · ');
}

/** A file name to suggest when saving an export: title and data date, e.g. `prod-web-2026-11-28.png`. */
export function exportFileName(topology: Topology, extension: 'png' | 'svg', title?: string): string {
  const base =
    (title?.trim() || defaultTitle(topology))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'ecs-diagram';
  const time = dataTime(topology);
  return `${base}${time ? `-${time.iso.slice(0, 10)}` : ''}.${extension}`;
}
