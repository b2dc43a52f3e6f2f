/**
 * The Findings panel's own state: whether it is open, which rules are folded, and which placement finding the
 * placement view is explaining (its hosts highlighted, each with its reason).
 */
import { create } from 'zustand';
import type { Finding } from '../../shared/findings/types';

/** Findings panel state. */
export interface FindingsState {
  /**
   * Whether the panel is open, once the user has said; null until then: open when the load has an error finding,
   * folded to its counts otherwise, so warnings and notes do not take a third of the pane from the drawing.
   */
  open: boolean | null;
  /** Rules whose rows are folded away. */
  folded: ReadonlySet<string>;
  /** Object id of the placement-blocked finding whose hosts the placement view highlights; null for none. */
  explaining: string | null;
  /** The finding shown in full under the list (its message, evidence and the hosts it tried). */
  chosen: Finding | null;
  setOpen(open: boolean): void;
  toggleRule(rule: string): void;
  explain(objectId: string | null): void;
  choose(finding: Finding | null): void;
  /** Bumped when findings arrive after their load (the ingest worker sends them after the first frame). */
  arrivals: number;
  arrived(): void;
}

/** The one Findings store. */
export const useFindingsStore = create<FindingsState>((set) => ({
  open: null,
  folded: new Set(),
  explaining: null,
  chosen: null,
  setOpen: (open) => set({ open }),
  toggleRule: (rule) =>
    set((s) => {
      const folded = new Set(s.folded);
      if (!folded.delete(rule)) folded.add(rule);
      return { folded };
    }),
  explain: (explaining) => set({ explaining }),
  choose: (chosen) => set({ chosen }),
  arrivals: 0,
  arrived: () => set((s) => ({ arrivals: s.arrivals + 1 })),
}));
