// Random programs compute on armv7 × generational exactly what they compute on the interpreter
// (itself over generational), collecting at every allocation (minor collections, every fourth
// a major one), with the heap verified and the remembered set checked at each.
import test from 'ava';
import { checkBackendAgainstInterpreter } from '#conformance';
import { armv7Backend } from '../../plugins/backend-armv7/src/backend.ts';
import { generationalCollector } from '../../plugins/gc-generational/src/index.ts';

const armv7Generational = { backend: armv7Backend, gc: () => generationalCollector() };

// 160 cases in all.
for (const [jitThreshold, gcStress, runs, what] of [
  [0, 1, 60, 'threshold 0'],
  [1, 1, 60, 'threshold 1'],
  [10, 3, 40, 'threshold 10: mixed tiers, every third allocation'],
] as const) {
  test(`armv7 × generational matches the interpreter on random programs under GC stress (${what})`, (t) =>
    checkBackendAgainstInterpreter(t, { ...armv7Generational, jitThreshold, gcStress, runs }));
}
