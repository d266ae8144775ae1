import { BufferedOutput, MiB, Program, Trap, type Module } from '#framework';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import type { Outcome } from '../oracle/outcome.ts';
import { RANDOM_STRESS_MEAN, type Cell } from './cells.ts';

export interface CellRun {
  outcome: Outcome;
  collections: number;
}

/**
 * Runs the recipe's entry on one cell of the matrix: the cell's backend and collector
 * (with the collector's lowering when the backend compiles), stress mode and JIT
 * threshold. Random stress draws its intervals from `seed`, so a case replays exactly.
 * The program terminates by construction (its reference run did, within fuel).
 */
export function runOnCell(module: Module, recipe: Recipe, cell: Cell, seed: number): CellRun {
  const gc = cell.gc.create();
  if (cell.backend.requiresLowering) gc.lower(module);
  const out = new BufferedOutput();
  const program = new Program(module, {
    gc,
    out,
    heapSize: 4 * MiB,
    stackSize: MiB,
    gcStress: cell.stress === 'off' ? 0 : cell.stress === 'every' ? 1 : RANDOM_STRESS_MEAN,
    gcStressSeed: cell.stress === 'random' ? seed >>> 0 : undefined,
  });
  const engine = cell.backend.createEngine(
    program,
    cell.threshold === undefined ? {} : { jitThreshold: cell.threshold },
  );
  const name = entryName(recipe);
  const type = module.func(name)?.sig.result ?? null;
  const done = (outcome: Outcome): CellRun => ({ outcome, collections: program.heap.stats.collections });
  try {
    const value = engine.call(name, entryArguments(recipe));
    return done({ kind: 'value', type, value, out: out.text(), instructions: 0 });
  } catch (err) {
    if (err instanceof Trap)
      return done({ kind: 'trap', trap: err.kind, detail: err.describe(), out: out.text(), instructions: 0 });
    throw err;
  } finally {
    engine.dispose();
  }
}
