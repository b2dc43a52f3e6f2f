/**
 * Progress of a fetch as text for a terminal: one redrawn bar line on a TTY,
 * plain lines (a phase finished, a periodic status) everywhere else, so a CI
 * log gets a readable record instead of carriage returns.
 */
import { FETCH_PHASES, type FetchPhase, type FetchProgress } from '../../shared/ipc/aws-fetch';

/** Human labels of the phases. */
export const PHASE_LABELS: Record<FetchPhase, string> = {
  clusters: 'clusters',
  services: 'services',
  tasks: 'tasks',
  taskDefinitions: 'task definitions',
  containerInstances: 'container instances',
  capacityProviders: 'capacity providers',
};

const finished = (p: FetchProgress, phase: FetchPhase) =>
  !p.phases[phase].listing && p.phases[phase].done >= p.phases[phase].total;

/** One status line: every phase's done/total (`+` while still listing), calls and retries. */
export function formatProgressLine(p: FetchProgress): string {
  const parts = FETCH_PHASES.map((phase) => {
    const s = p.phases[phase];
    return `${PHASE_LABELS[phase]} ${s.done}/${s.total}${s.listing ? '+' : ''}${s.failed ? ` (${s.failed} failed)` : ''}`;
  });
  return `${parts.join(' · ')} · ${p.calls} calls${p.retries ? `, ${p.retries} retries` : ''} · ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** A bar of `width` cells for the share of known objects described so far. */
export function formatBar(p: FetchProgress, width = 24): string {
  let done = 0;
  let total = 0;
  for (const phase of FETCH_PHASES) {
    done += p.phases[phase].done;
    total += p.phases[phase].total;
  }
  const share = total === 0 ? 0 : Math.min(1, done / total);
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}

/** Writes progress to a stream: a bar redrawn in place on a TTY, plain lines otherwise. Call `end()` once done. */
export function createProgressPrinter(
  write: (text: string) => void,
  isTty: boolean,
  intervalMs = isTty ? 100 : 5_000,
): { update(p: FetchProgress): void; end(): void } {
  let last = 0;
  let drawn = false;
  const reported = new Set<FetchPhase>();
  return {
    update(p) {
      if (isTty) {
        const now = performance.now();
        if (now - last < intervalMs) return;
        last = now;
        // \x1b[K clears what a longer previous line left behind.
        write(`\r${formatBar(p)} ${formatProgressLine(p)}\x1b[K`);
        drawn = true;
        return;
      }
      for (const phase of FETCH_PHASES) {
        if (!reported.has(phase) && finished(p, phase)) {
          reported.add(phase);
          const { done, failed = 0 } = p.phases[phase];
          // Failed ones count as done for the bar, but were not fetched: say so rather than claim them.
          write(`fetched ${done - failed} ${PHASE_LABELS[phase]}${failed ? `; ${failed} could not be fetched` : ''}\n`);
        }
      }
      const now = performance.now();
      if (now - last >= intervalMs) {
        if (last !== 0) write(`progress: ${formatProgressLine(p)}\n`);
        last = now;
      }
    },
    end() {
      if (isTty && drawn) write('\n');
    },
  };
}
