/** How the ingest worker cuts a big load into messages the page receives quickly. */
import type { Container, Task, Topology } from '../../shared/model/types';
import { containerId } from '../../shared/model/arn';
import { PART_LISTS, type IngestPart } from './ingest-worker-protocol';

/**
 * Objects' weight per message: about what the page receives in 15–30 ms (600 tasks of 1–2 containers).
 * A load of at most this weight goes in one message.
 */
export const PART_WEIGHT = 1500;

/** The weight of an object: itself and the objects it holds (cloning costs per object). */
function weight(item: object): number {
  // Each list read by its own name: a loop over the names made every read a megamorphic keyed load (28 ms at 100k).
  const o = item as Partial<Record<'containers' | 'events' | 'deployments' | 'containerDefinitions', unknown[]>>;
  return 1 + count(o.containers) + count(o.events) + count(o.deployments) + count(o.containerDefinitions);
}

function count(list: unknown[] | undefined): number {
  return Array.isArray(list) ? list.length : 0;
}

/** Whether a load goes in parts: its PART_LISTS weigh more than one part. Stops counting once they do. */
export function sendsInParts(topology: Topology): boolean {
  let total = 0;
  for (const list of PART_LISTS) {
    for (const item of topology[list]) {
      total += weight(item);
      if (total > PART_WEIGHT) return true;
    }
  }
  return false;
}

/**
 * The PART_LISTS of `topology` as parts of at most PART_WEIGHT (one heavier object is a part alone); none for a
 * light load, unless `always` (the page was told objects are arriving: at least one part, the last, comes).
 */
export function splitIntoParts(topology: Topology, load: number, always = false): IngestPart[] {
  if (!always && !sendsInParts(topology)) return [];
  const parts: IngestPart[] = [];
  for (const list of PART_LISTS) {
    let items: unknown[] = [];
    let w = 0;
    for (const item of topology[list]) {
      const iw = weight(item);
      if (items.length > 0 && w + iw > PART_WEIGHT) {
        parts.push({ part: list, load, items, last: false });
        items = [];
        w = 0;
      }
      items.push(item);
      w += iw;
    }
    if (items.length > 0) parts.push({ part: list, load, items, last: false });
  }
  if (parts.length === 0) parts.push({ part: PART_LISTS[0], load, items: [], last: false });
  parts[parts.length - 1].last = true;
  return parts;
}

/**
 * Sends a part of tasks without what each container repeats of its task (`id`, `taskId`, `kind`: 15 of the
 * 65 MB the 100,000-node account's tasks weigh on the wire, ~80 ms of the worker's structured clone): set to
 * undefined on the worker's own objects while `send` clones them (undefined, not deleted: a deleted key turns
 * the object into a slow dictionary), then put back. The page fills them in again (`fillContainers`). A
 * container whose id is not the one its task and name give (two of one name) keeps it.
 */
export function sendSlim(part: IngestPart, send: (part: IngestPart) => void): void {
  if (part.part !== 'tasks') return send(part);
  const taken: Container[] = [];
  const ids: string[] = [];
  const owners: string[] = [];
  for (const task of part.items as Task[]) {
    for (const c of task.containers) {
      if (c.id !== containerId(task.id, c.name) || c.taskId !== task.id) continue;
      taken.push(c);
      ids.push(c.id);
      owners.push(task.id);
      (c as Partial<Container>).id = undefined;
      (c as Partial<Container>).taskId = undefined;
      (c as Partial<Container>).kind = undefined;
    }
  }
  try {
    send(part);
  } finally {
    for (let k = 0; k < taken.length; k += 1) {
      taken[k].id = ids[k];
      taken[k].taskId = owners[k];
      taken[k].kind = 'container';
    }
  }
}

/** Puts back what `sendSlim` left out of a received part's containers (in place). */
export function fillContainers(part: IngestPart): void {
  if (part.part !== 'tasks') return;
  for (const task of part.items as Task[]) {
    for (const c of task.containers) {
      if (c.id !== undefined) continue;
      c.id = containerId(task.id, c.name);
      c.taskId = task.id;
      c.kind = 'container';
    }
  }
}
