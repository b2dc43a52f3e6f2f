/**
 * The state of "Compare with…" and the timeline: the host that computes diffs off the page (the ingest
 * worker), the timeline of the bundles opened together and its chosen step, and the last comparison's log.
 */
import { create } from 'zustand';
import type { CompareAnswer, TimelineAnswer } from '../../shared/diff/compare-answer';
import type { Topology } from '../../shared/model/types';

/** Where diffs are computed: the ingest worker that holds the load's raw JSON. */
export interface HistoryHost {
  compare(topology: Topology, older: { name: string; file: Blob }[]): Promise<CompareAnswer>;
  timeline(files: { name: string; file: Blob }[]): Promise<TimelineAnswer>;
}

/** What the history panel shows. */
export interface HistoryState {
  /** Null until the app's hosts set it (component tests without one): the buttons are not offered. */
  host: HistoryHost | null;
  timeline: TimelineAnswer | null;
  /** The step shown: the diff from `step - 1` to `step` (1 … steps.length - 1). */
  step: number;
  /** The last "Compare with…": what was compared with the load on screen. */
  comparison: { names: string[]; answer: CompareAnswer } | null;
  busy: boolean;
  error: string | null;
  setHost(host: HistoryHost | null): void;
  showTimeline(timeline: TimelineAnswer): void;
  setStep(step: number): void;
  showComparison(names: string[], answer: CompareAnswer): void;
  setBusy(busy: boolean, error?: string | null): void;
  close(): void;
}

/** The store hook. */
export const useHistoryStore = create<HistoryState>()((set) => ({
  host: null,
  timeline: null,
  step: 1,
  comparison: null,
  busy: false,
  error: null,
  setHost: (host) => set({ host }),
  showTimeline: (timeline) => set({ timeline, step: 1, comparison: null, busy: false, error: null }),
  setStep: (step) => set((s) => (s.timeline ? { step: Math.max(1, Math.min(step, s.timeline.steps.length - 1)) } : {})),
  showComparison: (names, answer) => set({ comparison: { names, answer }, timeline: null, busy: false, error: null }),
  setBusy: (busy, error = null) => set({ busy, error }),
  close: () => set({ timeline: null, comparison: null, error: null }),
}));
