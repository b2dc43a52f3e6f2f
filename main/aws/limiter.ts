/**
 * Bounded concurrency for the live fetch: at most `concurrency` jobs run at
 * once, the rest wait in order. A job still waiting when the signal aborts is
 * rejected at once without starting, so Cancel never issues another request.
 */

/** The error a job gets when the fetch was cancelled before or while it ran. */
export class AbortedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('The fetch was cancelled.');
  }
}

/** Runs jobs with at most N at a time. */
export interface Limiter {
  run<T>(job: () => Promise<T>): Promise<T>;
}

/** Makes a limiter that runs at most `concurrency` jobs at once and refuses new ones after `signal` aborts. */
export function createLimiter(concurrency: number, signal: AbortSignal): Limiter {
  let running = 0;
  const waiting: { start: () => void; cancel: () => void }[] = [];
  const next = () => {
    while (running < concurrency && waiting.length > 0) waiting.shift()?.start();
  };
  signal.addEventListener(
    'abort',
    () => {
      for (const w of waiting.splice(0)) w.cancel();
    },
    { once: true },
  );
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      if (signal.aborted) return Promise.reject(new AbortedError());
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running += 1;
          job()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              next();
            });
        };
        waiting.push({ start, cancel: () => reject(new AbortedError()) });
        next();
      });
    },
  };
}
