/**
 * The state of "Compare with…" and the timeline: the host that computes diffs off the page (the ingest
 * worker), the timeline of the bundles opened together and its chosen step, and the last comparison's log.
 */
import { create } from 'zustand';
import type { CompareAnswer, TimelineAnswer } from '../../shared/diff/compare-answer';
import type { Topology } from '../../shared/model/types';

/** One file of a comparison or a timeline: its name as shown, and its content. */
export interface HistoryFile {
  name: string;
  file: Blob;
}

/** Where diffs are computed: the ingest worker that holds the load's raw JSON. */
export interface HistoryHost {
  compare(topology: Topology, older: HistoryFile[]): Promise<CompareAnswer>;
  timeline(files: HistoryFile[]): Promise<TimelineAnswer>;
  /** Opens `file` (a timeline step) as the load on screen, its canvas marked with what changed since `before`. */
  draw(file: HistoryFile, before: HistoryFile): Promise<void>;
}

/** What the history panel shows. */
export interface HistoryState {
  /** Null until the app's hosts set it (component tests without one): the buttons are not offered. */
  host: HistoryHost | null;
  timeline: TimelineAnswer | null;
  /** The files the timeline was made of, by the names its steps give (what "Show on the diagram" opens). */
  files: HistoryFile[];
  /** The step shown: the diff from `step - 1` to `step` (1 … steps.length - 1). */
  step: number;
  /** The last "Compare with…": what was compared with the load on screen. */
  comparison: { names: string[]; answer: CompareAnswer } | null;
  busy: boolean;
  error: string | null;
  setHost(host: HistoryHost | null): void;
  showTimeline(timeline: TimelineAnswer, files?: HistoryFile[]): void;
  setStep(step: number): void;
  showComparison(names: string[], answer: CompareAnswer): void;
  setBusy(busy: boolean, error?: string | null): void;
  close(): void;
}

/** The store hook. */
export const useHistoryStore = create<HistoryState>()((set) => ({
  host: null,
  timeline: null,
  files: [],
  step: 1,
  comparison: null,
  busy: false,
  error: null,
  setHost: (host) => set({ host }),
  showTimeline: (timeline, files = []) => set({ timeline, files, step: 1, comparison: null, busy: false, error: null }),
  setStep: (step) => set((s) => (s.timeline ? { step: Math.max(1, Math.min(step, s.timeline.steps.length - 1)) } : {})),
  showComparison: (names, answer) =>
    set({ comparison: { names, answer }, timeline: null, files: [], busy: false, error: null }),
  setBusy: (busy, error = null) => set({ busy, error }),
  close: () => set({ timeline: null, files: [], comparison: null, error: null }),
}));
