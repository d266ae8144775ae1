// Random programs compute on armv7 × semispace exactly what they compute on the interpreter
// (itself over semispace), with collections at every allocation: every live object moves at
// each one, so a root the native stack maps or the interpreter's frames miss shows up as a
// wrong result, a poisoned header or a heap-verifier failure.
import test from 'ava';
import { checkBackendAgainstInterpreter } from '#conformance';
import { armv7Backend } from '../../plugins/backend-armv7/src/backend.ts';
import { semispaceCollector } from '../../plugins/gc-semispace/src/index.ts';

const armv7Semispace = { backend: armv7Backend, gc: () => semispaceCollector() };

// 160 cases in all.
for (const [jitThreshold, gcStress, runs, what] of [
  [0, 1, 60, 'threshold 0'],
  [1, 1, 60, 'threshold 1'],
  [10, 3, 40, 'threshold 10: mixed tiers, every third allocation'],
] as const) {
  test(`armv7 × semispace matches the interpreter on random programs under GC stress (${what})`, (t) =>
    checkBackendAgainstInterpreter(t, { ...armv7Semispace, jitThreshold, gcStress, runs }));
}
