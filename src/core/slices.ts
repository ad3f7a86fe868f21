/**
 * Long jobs (reading and indexing a large help centre) written as generators that `yield`
 * between small steps, so one driver can run them to the end at once (node, tests, small
 * content) and another in slices that give the page its main thread back every few ms.
 */
export type Job<T> = Generator<void, T, void>;

/** Runs a job to its end in one go. */
export function runNow<T>(job: Job<T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

/** Gives the main thread back: to input and rendering first where the browser can say so. */
export const pause = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** Runs a job in slices of about `budget` ms, so no task it causes comes near the 50 ms of a long task. */
export async function runInSlices<T>(job: Job<T>, budget = 8, aborted?: AbortSignal): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    if (performance.now() - started > budget) {
      await pause();
      if (aborted?.aborted) throw new Error('stopped');
      started = performance.now();
    }
  }
}
