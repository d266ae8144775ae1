// A landed configuration (two plugins together), so it lives with the conformance suites:
// random well-formed programs compute on armv7 × boehm exactly what they compute on the
// reference interpreter, at --jit-threshold 0 (all native), 1 (the default: native from
// the first call, lazy stubs) and 10 (mixed: the interpreter first, hot functions called
// natively from it), and under GC stress.
import test from 'ava';
import { checkBackendAgainstInterpreter } from '#conformance';
import { armv7Backend, DEFAULT_JIT_THRESHOLD } from '../../plugins/backend-armv7/src/backend.ts';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';

const armv7Boehm = { backend: armv7Backend, gc: () => boehmCollector() };

// 380 cases in all.
for (const [jitThreshold, gcStress, runs, what] of [
  [0, 0, 120, 'threshold 0'],
  [1, 0, 100, 'threshold 1'],
  [DEFAULT_JIT_THRESHOLD, 0, 40, 'default threshold'],
  [10, 0, 60, 'threshold 10: mixed tiers'],
  [0, 1, 30, 'threshold 0'],
  [1, 1, 30, 'threshold 1'],
] as const) {
  const stress = gcStress > 0 ? ' under GC stress' : '';
  test(`armv7 × boehm matches the interpreter on random programs${stress} (${what})`, (t) =>
    checkBackendAgainstInterpreter(t, { ...armv7Boehm, jitThreshold, gcStress, runs }));
}
