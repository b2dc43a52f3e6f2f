/** A topology with its raw JSON put back (shallow copies), for computations in the worker that read it. */
import type { EntityBase, Topology } from '../../shared/model/types';
import { RAW_LISTS } from './strip-raw';

/** `topology`'s objects with `raw` from `rawById` where they carry none; the objects themselves are not changed. */
export function withRaw(topology: Topology, rawById: Map<string, Record<string, unknown>>): Topology {
  const out: Topology = { ...topology };
  for (const list of RAW_LISTS) {
    (out[list] as EntityBase[]) = (topology[list] as EntityBase[]).map((e) =>
      e.raw !== undefined || !rawById.has(e.id) ? e : { ...e, raw: rawById.get(e.id) },
    );
  }
  return out;
}
