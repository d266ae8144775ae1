import type fc from 'fast-check';
import { freshSeed } from '#conformance';

/**
 * Property-run parameters: `JITC_PROPERTY_RUNS` scales the run count (for long soak runs)
 * and `JITC_PROPERTY_SEED` replays a reported seed. Without them each run draws a fresh
 * seed, which the failure report prints.
 */
export function propertyParameters<Ts>(defaultRuns: number): fc.Parameters<Ts> & { numRuns: number; seed: number } {
  const runs = Number(process.env.JITC_PROPERTY_RUNS ?? defaultRuns);
  const seed = process.env.JITC_PROPERTY_SEED !== undefined ? Number(process.env.JITC_PROPERTY_SEED) : freshSeed();
  return { numRuns: runs, seed, maxSkipsPerRun: 1 };
}
