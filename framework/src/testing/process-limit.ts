import { availableParallelism } from 'node:os';

/**
 * Runs at most `limit` of the given async jobs at a time. Tests that spawn `jitc` processes
 * go through one of these: ava starts every test of a file at once, and a hundred Node
 * processes on two cores only thrash (and may time out) where a queue finishes sooner.
 */
export function processLimit(limit = Math.max(2, availableParallelism())): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
