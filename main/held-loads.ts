/**
 * The loads main has handed to the page (opened files, the demo, reloads, live fetches), kept under a number
 * (`Topology.heldAs`) so the page can ask about the one it shows by number rather than send it back: the
 * launch-type lens prices it here, with its raw JSON. Only the last few are kept; an older number is refused
 * (NOT_HELD) and the page sends the topology instead.
 */
import type { Topology } from '../shared/model/types';

/** How many loads are kept: the one shown and one more (a reload or fetch arriving while the page asks). */
export const HELD_LOADS = 2;

/** Loads by number, the newest HELD_LOADS of them. */
export class HeldLoads {
  private next = 1;
  private readonly held = new Map<number, Topology>();

  /** Keeps `topology` under a new number, written on it as `heldAs`; drops the oldest beyond HELD_LOADS. */
  keep(topology: Topology): Topology {
    const number = this.next++;
    topology.heldAs = number;
    this.held.set(number, topology);
    for (const old of this.held.keys()) if (this.held.size > HELD_LOADS) this.held.delete(old);
    return topology;
  }

  /** The load kept as `number`, if it still is. */
  get(number: number): Topology | undefined {
    return this.held.get(number);
  }
}
