import type { TestFn } from 'ava';
import type { Backend } from '#framework';
import { checkBackendsAgainstInterpreter } from './backend-differential.ts';
import type { SuiteCollector } from './native-backend-suite.ts';

/** The configurations of the default run: threshold (undefined: each backend's default),
 *  GC stress, cases and the backends' -O level (the interpreter, the oracle, runs the
 *  program as built). 380 programs per collector, each run on every backend. */
const CONFIGURATIONS: readonly (readonly [number | undefined, number, number, 0 | 2, string])[] = [
  [0, 0, 60, 0, 'threshold 0'],
  [0, 0, 60, 2, 'threshold 0, -O2'],
  [1, 0, 100, 0, 'threshold 1'],
  [undefined, 0, 40, 2, 'default threshold, -O2'],
  [10, 0, 60, 0, 'threshold 10: mixed tiers'],
  [0, 1, 30, 2, 'threshold 0, -O2'],
  [1, 1, 30, 0, 'threshold 1'],
];

/** The backends the run compares: JITC_DIFF_BACKENDS (comma-separated names) narrows the list. */
export function selectedBackends(backends: readonly Backend[]): Backend[] {
  const wanted = process.env.JITC_DIFF_BACKENDS?.split(',').map((s) => s.trim());
  if (wanted === undefined || wanted.join('') === '') return [...backends];
  const unknown = wanted.filter((name) => !backends.some((b) => b.name === name));
  if (unknown.length > 0) {
    throw new Error(`JITC_DIFF_BACKENDS names ${unknown.join(', ')}: not among ${backends.map((b) => b.name)}`);
  }
  return backends.filter((b) => wanted.includes(b.name));
}

export interface NativeDifferentialOptions {
  /** The native backends (not the interpreter: it is the oracle). */
  readonly backends: readonly Backend[];
  readonly collectors: readonly SuiteCollector[];
}

/**
 * The differential property over every native backend at once: the same random programs run
 * on the interpreter and on each backend, at thresholds 0, 1, each backend's default and 10
 * (mixed tiers), and under GC stress, with every collector given. A failure names the backend
 * that differed and the seed (JITC_PROPERTY_SEED) to replay it; JITC_DIFF_BACKENDS runs a
 * subset.
 */
export function nativeDifferentialSuite(test: TestFn, o: NativeDifferentialOptions): void {
  const backends = selectedBackends(o.backends);
  const names = backends.map((b) => b.name).join(', ');
  for (const gc of o.collectors) {
    for (const [jitThreshold, gcStress, runs, optLevel, what] of CONFIGURATIONS) {
      const stress = gcStress > 0 ? ' under GC stress' : '';
      test(`interp, ${names} × ${gc.name} agree on random programs${stress} (${what})`, (t) =>
        checkBackendsAgainstInterpreter(t, { backends, gc: gc.create, jitThreshold, gcStress, runs, optLevel }));
    }
  }
}
