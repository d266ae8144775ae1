// The backend suite from #conformance on armv7 alone, with the framework's arena collector:
// random programs compute natively what they compute on the interpreter. armv7 × boehm,
// GC stress included, is run with the landed configurations in conformance/test.
import test from 'ava';
import { checkBackendAgainstInterpreter } from '#conformance';
import { arenaCollector } from '#framework/testing';
import { armv7Backend } from '../src/backend.ts';

test('armv7 × arena matches the interpreter on random programs (threshold 0)', (t) =>
  checkBackendAgainstInterpreter(t, {
    backend: armv7Backend,
    gc: arenaCollector,
    jitThreshold: 0,
    gcStress: 0,
    runs: 40,
  }));
