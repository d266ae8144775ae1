import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import { BufferedOutput, MiB, Program, printModule, Trap, type Backend, type GarbageCollector } from '#framework';
import { recipeArbitraries } from '../gen/arbitrary.ts';
import { lowerRecipe } from '../gen/lower-recipe.ts';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import { outcomeDifference, type Outcome } from '../oracle/outcome.ts';
import { runOnInterpreter } from '../oracle/run-interp.ts';

/** One configuration a backend × collector is held to. */
export interface BackendDifferentialCase {
  backend: Backend;
  /** A fresh collector per program. */
  gc: () => GarbageCollector;
  jitThreshold: number;
  /** Collect every N allocations (0: never), on both sides. */
  gcStress: number;
  runs: number;
}

const FUEL = 2_000_000;

/**
 * The backend suite: random well-formed programs (recipes) compute on the backend, with the
 * collector's lowering, exactly what they compute on the reference interpreter — results,
 * output and trap kinds. Programs that exhaust the interpreter's fuel are discarded. A
 * failure names the seed to replay it with (JITC_PROPERTY_SEED).
 */
export function checkBackendAgainstInterpreter(t: ExecutionContext, c: BackendDifferentialCase): void {
  const { recipe } = recipeArbitraries();
  const seed = Number(process.env.JITC_PROPERTY_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
  let discarded = 0;
  const details = fc.check(
    fc.property(recipe, (r) => {
      const expected = runOnInterpreter(lowerRecipe(r), entryName(r), entryArguments(r), {
        gc: c.gc(),
        fuel: FUEL,
        gcStress: c.gcStress,
      });
      if (expected.kind === 'trap' && expected.trap === 'fuel_exhausted') {
        discarded++;
        fc.pre(false);
      }
      const diff = outcomeDifference(expected, runOnBackend(r, c));
      if (diff !== null) throw new Error(`${diff}\n--- IR\n${printModule(lowerRecipe(r))}`);
    }),
    { numRuns: c.runs, seed },
  );
  if (details.failed) t.fail(`${fc.defaultReportMessage(details) ?? ''}\nreplay with JITC_PROPERTY_SEED=${seed}`);
  else t.pass(`${details.numRuns} runs, ${discarded} discarded`);
}

function runOnBackend(recipe: Recipe, c: BackendDifferentialCase): Outcome {
  const m = lowerRecipe(recipe);
  const gc = c.gc();
  if (c.backend.requiresLowering) gc.lower(m);
  const out = new BufferedOutput();
  const program = new Program(m, { gc, out, heapSize: 4 * MiB, stackSize: MiB, gcStress: c.gcStress });
  const engine = c.backend.createEngine(program, { jitThreshold: c.jitThreshold });
  const name = entryName(recipe);
  const type = m.func(name)?.sig.result ?? null;
  try {
    const value = engine.call(name, entryArguments(recipe));
    return { kind: 'value', type, value, out: out.text(), instructions: 0 };
  } catch (err) {
    if (err instanceof Trap) {
      return { kind: 'trap', trap: err.kind, detail: err.describe(), out: out.text(), instructions: 0 };
    }
    throw err;
  } finally {
    engine.dispose();
  }
}
