import {
  BufferedOutput,
  MiB,
  prepareModule,
  Program,
  Trap,
  type EngineOptions,
  type Module,
  type Pass,
} from '#framework';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import { reachableHeapChecksum } from '../oracle/heap-checksum.ts';
import type { Outcome } from '../oracle/outcome.ts';
import { RANDOM_STRESS_MEAN, type Cell } from './cells.ts';

export interface CellRun {
  outcome: Outcome;
  collections: number;
}

/**
 * Runs the recipe's entry on one cell of the matrix, as the command would: the module
 * optimized at the cell's level and lowered for its collector when the cell lowers,
 * with its stress mode and JIT threshold. Random stress draws its intervals from `seed`,
 * so a case replays exactly. The program terminates by construction (its reference run
 * did, within fuel). Anything but a trap thrown on the way (a corrupt heap found by the
 * verifier, a crash in a backend) is an outcome too: `host_error` with its message.
 */
export function runOnCell(module: Module, recipe: Recipe, cell: Cell, seed: number, passes: readonly Pass[]): CellRun {
  const gc = cell.gc.create();
  try {
    prepareModule(module, { optLevel: cell.optLevel, passes, lowerWith: cell.lowered ? gc : null, verifyPasses: true });
  } catch (err) {
    return { outcome: crashed(err, ''), collections: 0 };
  }
  const out = new BufferedOutput();
  const program = new Program(module, {
    gc,
    out,
    heapSize: 4 * MiB,
    stackSize: MiB,
    gcStress: cell.stress === 'off' ? 0 : cell.stress === 'every' ? 1 : RANDOM_STRESS_MEAN,
    gcStressSeed: cell.stress === 'random' ? seed >>> 0 : undefined,
  });
  const name = entryName(recipe);
  const type = module.func(name)?.sig.result ?? null;
  const done = (outcome: Outcome): CellRun => ({ outcome, collections: program.heap.stats.collections });
  let engine: ReturnType<Cell['backend']['createEngine']> | undefined;
  try {
    engine = cell.backend.createEngine(program, engineOptions(cell));
    const value = engine.call(name, entryArguments(recipe));
    return done({ kind: 'value', type, value, out: out.text(), instructions: 0, heap: reachableHeapChecksum(program) });
  } catch (err) {
    if (err instanceof Trap)
      return done({ kind: 'trap', trap: err.kind, detail: err.describe(), out: out.text(), instructions: 0 });
    return done(crashed(err, out.text()));
  } finally {
    engine?.dispose();
  }
}

/** Bounds on a run that should end (its reference did) but may not on a broken cell: fuel
 *  for the interpreter, a time limit for native code (fuel there would change the code). */
const INTERPRETER_FUEL = 100_000_000;
const NATIVE_TIME_LIMIT_MS = 10_000;

function engineOptions(cell: Cell): EngineOptions {
  if (cell.backend.name === 'interp') return { fuel: INTERPRETER_FUEL };
  const limit = { timeLimitMs: NATIVE_TIME_LIMIT_MS };
  return cell.threshold === undefined ? limit : { ...limit, jitThreshold: cell.threshold };
}

function crashed(err: unknown, out: string): Outcome {
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { kind: 'trap', trap: 'host_error', detail, out, instructions: 0 };
}
