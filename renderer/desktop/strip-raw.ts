/** Takes the raw AWS JSON out of a topology, for sending it across a thread boundary without it. */
import { ENTITY_LISTS, type EntityList } from '../../shared/model/entity-kinds';
import type { Topology } from '../../shared/model/types';
import { PART_LISTS } from './ingest-worker-protocol';

/** The lists of a topology whose objects carry `raw`: every entity list. */
export const RAW_LISTS = ENTITY_LISTS;
type RawList = EntityList;

/** The lists that are not sent in parts (see PART_LISTS): a big load's first answer carries them. */
export const HEAD_LISTS = RAW_LISTS.filter((l) => !(PART_LISTS as readonly string[]).includes(l));

/** Removes `raw` from every object of `topology`'s `lists` (in place; all of them by default) and returns it by object id. */
export function stripRaw(
  topology: Topology,
  lists: readonly RawList[] = RAW_LISTS,
): Map<string, Record<string, unknown>> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const list of lists) {
    for (const entity of topology[list]) {
      if (entity.raw === undefined) continue;
      byId.set(entity.id, entity.raw);
      // `= undefined`, not delete: deleting a key from the middle of an object turns it into a slow
      // dictionary in V8 (stripping a 20k-node account took 40-100 ms that way, ~10 ms like this), and an
      // undefined key costs the clone to the page next to nothing.
      entity.raw = undefined;
    }
  }
  return byId;
}
