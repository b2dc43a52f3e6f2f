import type { Diagnostic } from '../model/types';
import type { RecordKind } from './detect';
import { toIso } from './normalise';
import type { RawDeployment, RawService, RawTask } from './schemas';

/**
 * When was a file captured? Only a few times move with the present: the newest service event, a deployment's
 * `updatedAt`, a stopped task's `stoppedAt` (ECS shows stopped tasks for about an hour), the `pullStoppedAt`
 * of a task still starting, and a bundle's fetch time. A task definition's `registeredAt` or a running task's
 * `startedAt` (or `pullStoppedAt`: it is when the task started) can be months old in a capture taken today,
 * so they say nothing about when the file was written.
 */

/** Files whose newest moving times are further apart than this are told apart in one info diagnostic. */
export const CAPTURE_SPREAD_MS = 24 * 60 * 60 * 1000;

/** At most this many files are named one by one in the diagnostic. */
const NAMED_FILES = 8;

/** Milliseconds of a timestamp as the schemas allow it, or NaN. */
function ms(value: number | string | undefined): number {
  const iso = toIso(value);
  return iso === undefined ? Number.NaN : Date.parse(iso);
}

const STARTING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/** The newest moving time of one validated record, or NaN when it has none. */
export function movingTime(kind: RecordKind, value: unknown): number {
  let newest = Number.NaN;
  // NaN compares false both ways: a time is taken when it is a number and not older than the newest so far.
  const take = (t: number) => {
    if (!Number.isNaN(t) && !(t <= newest)) newest = t;
  };
  if (kind === 'service') {
    const s = value as RawService;
    for (const e of s.events ?? []) take(ms(e.createdAt));
    for (const d of s.deployments ?? []) take(ms(d.updatedAt));
    for (const d of s.taskSets ?? []) take(ms(d.updatedAt));
  } else if (kind === 'task') {
    const t = value as RawTask;
    take(ms(t.stoppedAt));
    if (typeof t.lastStatus === 'string' && STARTING.has(t.lastStatus.toUpperCase())) take(ms(t.pullStoppedAt));
  }
  return newest;
}

/** The newest moving time of a task set printed on its own. */
export function taskSetMovingTime(value: RawDeployment): number {
  return ms(value.updatedAt);
}

/** Keeps each file's newest moving time and says, once, when the files disagree by more than a day. */
export class CaptureTimes {
  private readonly newest = new Map<string, number>();

  /** Notes a moving time seen in a file (NaN is ignored). */
  see(file: string, time: number | string | undefined): void {
    const t = typeof time === 'number' ? time : ms(time);
    if (Number.isNaN(t)) return;
    const prev = this.newest.get(file);
    if (prev === undefined || t > prev) this.newest.set(file, t);
  }

  /** The info diagnostic naming the files and their dates, oldest first, or null when the load is one moment. */
  diagnostic(): Diagnostic | null {
    if (this.newest.size < 2) return null;
    const files = [...this.newest.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    const oldest = files[0][1];
    const latest = files[files.length - 1][1];
    if (latest - oldest <= CAPTURE_SPREAD_MS) return null;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const shown = files.slice(0, NAMED_FILES).map(([f, t]) => `${f} (${day(t)})`);
    const more = files.length > NAMED_FILES ? `, and ${files.length - NAMED_FILES} more` : '';
    const days = Math.round((latest - oldest) / CAPTURE_SPREAD_MS);
    return {
      severity: 'info',
      code: 'mixed-capture-times',
      message:
        `files captured ${days} day${days === 1 ? '' : 's'} apart are drawn as one moment: ${shown.join(', ')}${more} ` +
        `(each file's newest service event, deployment update, task stop or fetch time)`,
    };
  }
}
