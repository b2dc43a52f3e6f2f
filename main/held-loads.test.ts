/** The loads main keeps for the page: numbered in order, written on the load, only the newest HELD_LOADS kept. */
import { describe, expect, it } from 'vitest';
import { HELD_LOADS, HeldLoads } from './held-loads';
import { emptyTopology } from '../shared/graph/testing/make-topology';

describe('HeldLoads', () => {
  it('numbers each load it keeps, marks it, and lets the oldest go beyond the last few', () => {
    const held = new HeldLoads();
    const loads = Array.from({ length: HELD_LOADS + 2 }, () => held.keep(emptyTopology()));
    expect(loads.map((l) => l.heldAs)).toEqual(loads.map((_, k) => k + 1));
    for (const [k, load] of loads.entries())
      expect(held.get(k + 1)).toBe(k >= loads.length - HELD_LOADS ? load : undefined);
    expect(held.get(99)).toBeUndefined();
  });
});
