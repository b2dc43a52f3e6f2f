/** How the ingest worker cuts a big load into messages the page receives quickly. */
import type { Topology } from '../../shared/model/types';
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

/** The PART_LISTS of `topology` as parts of at most PART_WEIGHT (one heavier object is a part alone); none for a light load. */
export function splitIntoParts(topology: Topology, load: number): IngestPart[] {
  if (!sendsInParts(topology)) return [];
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
  parts[parts.length - 1].last = true;
  return parts;
}
