// A landed configuration (two plugins together), so it lives with the conformance suites.
// Random well-formed programs (the conformance recipe generator) compute on armv7 × boehm
// exactly what they compute on the reference interpreter: results, output and trap kinds,
// at --jit-threshold 0 (all native), 1 (the default: native from the first call, lazy
// stubs) and 10 (mixed: the interpreter first, hot functions called natively from it).
import test from 'ava';
import fc from 'fast-check';
import { recipeArbitraries } from '#conformance';
import { lowerRecipe } from '#conformance';
import { entryArguments, entryName, type Recipe } from '#conformance';
import { outcomeDifference, type Outcome } from '#conformance';
import { runOnInterpreter } from '#conformance';
import { boehmCollector } from '../../plugins/gc-boehm/src/index.ts';
import { BufferedOutput, printModule, Program, Trap, MiB } from '#framework';
import { armv7Backend, DEFAULT_JIT_THRESHOLD } from '../../plugins/backend-armv7/src/backend.ts';

const FUEL = 2_000_000;

function runOnArm(recipe: Recipe, gcStress: number, jitThreshold: number): Outcome {
  const m = lowerRecipe(recipe);
  const gc = boehmCollector();
  gc.lower(m);
  const out = new BufferedOutput();
  const program = new Program(m, { gc, out, heapSize: 4 * MiB, stackSize: MiB, gcStress });
  const engine = armv7Backend.createEngine(program, { jitThreshold });
  const name = entryName(recipe);
  const type = m.func(name)?.sig.result ?? null;
  try {
    const value = engine.call(name, entryArguments(recipe));
    return { kind: 'value', type, value, out: out.text(), instructions: 0 };
  } catch (err) {
    if (err instanceof Trap) return { kind: 'trap', trap: err.kind, detail: err.describe(), out: out.text(), instructions: 0 };
    throw err;
  } finally {
    engine.dispose();
  }
}

function check(t: import('ava').ExecutionContext, gcStress: number, jitThreshold: number, runs: number): void {
  const { recipe } = recipeArbitraries();
  const seed = Number(process.env.JITC_PROPERTY_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
  let discarded = 0;
  const details = fc.check(
    fc.property(recipe, (r) => {
      const expected = runOnInterpreter(lowerRecipe(r), entryName(r), entryArguments(r), { gc: boehmCollector(), fuel: FUEL, gcStress });
      if (expected.kind === 'trap' && expected.trap === 'fuel_exhausted') {
        discarded++;
        fc.pre(false);
      }
      const diff = outcomeDifference(expected, runOnArm(r, gcStress, jitThreshold));
      if (diff !== null) throw new Error(`${diff}\n--- IR\n${printModule(lowerRecipe(r))}`);
    }),
    { numRuns: runs, seed },
  );
  if (details.failed) t.fail(`${fc.defaultReportMessage(details) ?? ''}\nreplay with JITC_PROPERTY_SEED=${seed}`);
  else t.pass(`${details.numRuns} runs, ${discarded} discarded`);
}

// 380 cases in all.
test('armv7 × boehm matches the interpreter on random programs (threshold 0)', (t) => check(t, 0, 0, 120));
test('armv7 × boehm matches the interpreter on random programs (threshold 1)', (t) => check(t, 0, 1, 100));
test('armv7 × boehm matches the interpreter on random programs (default threshold)', (t) => check(t, 0, DEFAULT_JIT_THRESHOLD, 40));
test('armv7 × boehm matches the interpreter on random programs (threshold 10: mixed tiers)', (t) => check(t, 0, 10, 60));
test('armv7 × boehm matches the interpreter on random programs under GC stress (threshold 0)', (t) => check(t, 1, 0, 30));
test('armv7 × boehm matches the interpreter on random programs under GC stress (threshold 1)', (t) => check(t, 1, 1, 30));
