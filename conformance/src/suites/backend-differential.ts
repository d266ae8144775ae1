import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import { freshSeed } from '../matrix/from-registry.ts';
import {
  BufferedOutput,
  corePasses,
  MiB,
  Program,
  printModule,
  runPipeline,
  Trap,
  type Backend,
  type GarbageCollector,
} from '#framework';
import { recipeArbitraries } from '../gen/arbitrary.ts';
import { lowerRecipe } from '../gen/lower-recipe.ts';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import { outcomeDifference, type Outcome } from '../oracle/outcome.ts';
import { runOnInterpreter } from '../oracle/run-interp.ts';

/** One configuration native backends × a collector are held to. */
export interface BackendsDifferentialCase {
  /** Every one runs each program; a failure names the first that differs. */
  backends: readonly Backend[];
  /** A fresh collector per program and run. */
  gc: () => GarbageCollector;
  /** undefined: each backend's own default. */
  jitThreshold: number | undefined;
  /** Collect every N allocations (0: never), on every side. */
  gcStress: number;
  runs: number;
  /** The backends run the program after this pipeline (the interpreter runs it as built). */
  optLevel?: 0 | 2;
}

/** The same for one backend. */
export interface BackendDifferentialCase extends Omit<BackendsDifferentialCase, 'backends'> {
  backend: Backend;
}

const FUEL = 2_000_000;

/** The seed of one property run: JITC_PROPERTY_SEED replays a failure. */
function propertySeed(): number {
  return Number(process.env.JITC_PROPERTY_SEED ?? freshSeed());
}

/**
 * The backend differential: random well-formed programs (recipes) compute on every native
 * backend given, with the collector's lowering, exactly what they compute on the reference
 * interpreter — results, output and trap kinds. Each program runs once on the interpreter
 * and then on each backend, so the backends are compared on the same programs. Programs
 * that exhaust the interpreter's fuel are discarded. A failure names the backend that
 * differed and the seed to replay it with (JITC_PROPERTY_SEED).
 */
export function checkBackendsAgainstInterpreter(t: ExecutionContext, c: BackendsDifferentialCase): void {
  const { recipe } = recipeArbitraries();
  const seed = propertySeed();
  let discarded = 0;
  const patterns = new Map<string, Map<string, number>>();
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
      for (const backend of c.backends) {
        const diff = outcomeDifference(expected, runOnBackend(r, backend, c, patternsOf(patterns, backend.name)));
        if (diff !== null) throw new Error(`${backend.name}: ${diff}\n--- IR\n${printModule(lowerRecipe(r))}`);
      }
    }),
    { numRuns: c.runs, seed },
  );
  const names = c.backends.map((b) => b.name).join(', ');
  if (details.failed) {
    // fast-check 4's report leaves the error out: it names the backend and holds the IR.
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const replay = `replay with JITC_PROPERTY_SEED=${seed} (backends: ${names})`;
    t.fail(`${fc.defaultReportMessage(details) ?? ''}\n${error}\n${replay}`);
  } else {
    t.log(`${details.numRuns} runs on ${names} (seed ${seed}), ${discarded} discarded for running out of fuel`);
    for (const [backend, counts] of patterns) {
      if (counts.size === 0) continue;
      const listed = [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`);
      t.log(`${backend} isel patterns: ${listed.join(', ')}`);
    }
    t.pass();
  }
}

/** One backend against the interpreter (checkBackendsAgainstInterpreter of one). */
export function checkBackendAgainstInterpreter(t: ExecutionContext, c: BackendDifferentialCase): void {
  const { backend, ...rest } = c;
  checkBackendsAgainstInterpreter(t, { ...rest, backends: [backend] });
}

function patternsOf(all: Map<string, Map<string, number>>, backend: string): Map<string, number> {
  let counts = all.get(backend);
  if (!counts) all.set(backend, (counts = new Map()));
  return counts;
}

function runOnBackend(
  recipe: Recipe,
  backend: Backend,
  c: BackendsDifferentialCase,
  patterns: Map<string, number>,
): Outcome {
  const m = lowerRecipe(recipe);
  if (c.optLevel) runPipeline(m, c.optLevel, corePasses());
  const gc = c.gc();
  if (backend.requiresLowering) gc.lower(m);
  const out = new BufferedOutput();
  const program = new Program(m, { gc, out, heapSize: 4 * MiB, stackSize: MiB, gcStress: c.gcStress });
  const engine = backend.createEngine(program, c.jitThreshold === undefined ? {} : { jitThreshold: c.jitThreshold });
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
    for (const [name, n] of engine.stats.selectedPatterns?.() ?? []) patterns.set(name, (patterns.get(name) ?? 0) + n);
    engine.dispose();
  }
}
