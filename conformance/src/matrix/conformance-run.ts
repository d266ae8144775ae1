import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MiB, OPCODE_LIST, type Module } from '#framework';
import { recipeArbitraries } from '../gen/arbitrary.ts';
import { lowerRecipe } from '../gen/lower-recipe.ts';
import { entryArguments, entryName, type Recipe } from '../gen/recipe.ts';
import { outcomeDifference, type Outcome } from '../oracle/outcome.ts';
import { runOnInterpreter } from '../oracle/run-interp.ts';
import { cellName, matrixCells, type Cell, type CollectorChoice } from './cells.ts';
import { regressionFileText } from './regression-file.ts';
import { runOnCell } from './run-cell.ts';
import type { Backend, Pass } from '#framework';

/** Mismatches shrunk (and saved) per run, and how long one case may spend shrinking. */
const SHRUNK_MISMATCHES = 5;
const SHRINK_TIME_LIMIT_MS = 20_000;
/** Interpreter steps a reference run may take; a program that needs more is discarded. */
const FUEL = 2_000_000;

export interface ConformanceOptions {
  /** Cases in the whole run (over every shard): a case is one program on one cell. */
  runs: number;
  seed: number;
  backends: readonly Backend[];
  collectors: readonly CollectorChoice[];
  /** The interpreter's collector for the reference runs: a non-moving one, unstressed. */
  reference: CollectorChoice;
  /** The optimizer's passes (Registry.passes()): each cell runs its program optimized. */
  passes: readonly Pass[];
  /** Runs only the cases i with i % count === index - 1 (index is 1-based). */
  shard?: { index: number; count: number };
  /** Where shrunk counterexamples are written as `.jir` file tests; none when undefined. */
  regressionsDir?: string;
  /** Called after each case. */
  progress?: (done: number, total: number, mismatches: number) => void;
}

export interface Mismatch {
  caseIndex: number;
  cell: string;
  /** How the shrunk program's outcomes differ, and the program. */
  report: string;
  regressionFile?: string;
}

export interface ConformanceReport {
  seed: number;
  cases: number;
  mismatches: Mismatch[];
  /** Programs drawn and dropped because the reference ran out of fuel. */
  discarded: number;
  /** Cases whose reference run ended in a trap (checked like any other). */
  trapped: number;
  covered: ReadonlySet<string>;
  opcodes: readonly string[];
  /** Mean instructions of a case's program. */
  meanSize: number;
  /** Collections in the cells' runs. */
  collections: number;
  millis: number;
}

/** The seed of case i: a run with the same seed replays every case, a shard any of them. */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

/**
 * The conformance matrix: `runs` generated programs, each on one cell (backend × collector
 * × stress mode × threshold, in turn), compared with the interpreter. A mismatching case is
 * shrunk by fast-check and, with `regressionsDir`, saved as a file test.
 */
export function runConformance(o: ConformanceOptions): ConformanceReport {
  const started = performance.now();
  const cells = matrixCells(o.backends, o.collectors);
  if (cells.length === 0) throw new Error('conformance: no backend or no collector to run');
  const { recipe: recipes } = recipeArbitraries();
  const report: ConformanceReport = {
    seed: o.seed,
    cases: 0,
    mismatches: [],
    discarded: 0,
    trapped: 0,
    covered: new Set<string>(),
    opcodes: OPCODE_LIST.map((d) => d.name),
    meanSize: 0,
    collections: 0,
    millis: 0,
  };
  const covered = report.covered as Set<string>;
  const shard = o.shard ?? { index: 1, count: 1 };
  const total = Math.ceil((o.runs - (shard.index - 1)) / shard.count);
  let sizeSum = 0;
  for (let i = shard.index - 1; i < o.runs; i += shard.count) {
    const cell = cells[i % cells.length]!;
    const seed = caseSeed(o.seed, i);
    // The first call of the property is the case itself; later calls are fast-check
    // shrinking a failure, which must not count in the statistics.
    let first = true;
    const details = fc.check(
      fc.property(recipes, (r) => {
        const reference = lowerRecipe(r);
        const expected = runReference(reference, r, o.reference);
        if (expected.kind === 'trap' && expected.trap === 'fuel_exhausted') {
          if (first) report.discarded++;
          fc.pre(false);
        }
        // Lowered for the cell's collector in place when its backend compiles: the raw
        // memory operations only appear there.
        const ran = lowerRecipe(r);
        const run = runOnCell(ran, r, cell, seed, o.passes);
        if (first) {
          first = false;
          report.cases++;
          if (expected.kind === 'trap') report.trapped++;
          report.collections += run.collections;
          sizeSum += countInstructions(reference, covered);
          countInstructions(ran, covered);
        }
        const diff = outcomeDifference(expected, run.outcome);
        if (diff !== null) throw new Error(diff);
      }),
      // Past a few mismatches the rest are most likely the same bug again: they are counted
      // but not shrunk, which would take minutes each.
      // A shrink whose every step hits the cells' time limit would take an hour: it stops at
      // the smallest program found by then.
      {
        seed,
        numRuns: 1,
        endOnFailure: report.mismatches.length >= SHRUNK_MISMATCHES,
        interruptAfterTimeLimit: SHRINK_TIME_LIMIT_MS,
      },
    );
    if (details.failed && details.counterexample) {
      const [r] = details.counterexample;
      const difference =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const shrunk = report.mismatches.length < SHRUNK_MISMATCHES;
      report.mismatches.push(shrunk ? mismatch(o, i, cell, r, difference) : unshrunk(i, cell, difference));
    }
    o.progress?.(report.cases, total, report.mismatches.length);
  }
  report.meanSize = report.cases === 0 ? 0 : sizeSum / report.cases;
  report.millis = performance.now() - started;
  return report;
}

function runReference(module: Module, r: Recipe, gc: CollectorChoice): Outcome {
  return runOnInterpreter(module, entryName(r), entryArguments(r), {
    gc: gc.create(),
    fuel: FUEL,
    heapSize: 4 * MiB,
  });
}

function mismatch(o: ConformanceOptions, caseIndex: number, cell: Cell, r: Recipe, difference: string): Mismatch {
  const module = lowerRecipe(r);
  const expected = runReference(lowerRecipe(r), r, o.reference);
  const name = cellName(cell);
  const result: Mismatch = { caseIndex, cell: name, report: `${difference}\n--- recipe\n${fc.stringify(r)}` };
  if (o.regressionsDir !== undefined) {
    mkdirSync(o.regressionsDir, { recursive: true });
    const file = join(
      o.regressionsDir,
      `seed${o.seed >>> 0}-case${caseIndex}-${cell.backend.name}-${cell.gc.name}.jir`,
    );
    writeFileSync(file, regressionFileText(module, r, expected, { seed: o.seed, caseIndex, cell: name, difference }));
    result.regressionFile = file;
  }
  return result;
}

function unshrunk(caseIndex: number, cell: Cell, difference: string): Mismatch {
  return { caseIndex, cell: cellName(cell), report: `${difference.split('\n')[0]} (not shrunk)` };
}

/** Instructions of the module, adding each one's opcode to `covered`. */
function countInstructions(m: Module, covered: Set<string>): number {
  let n = 0;
  for (const f of m.funcs)
    for (const b of f.blocks)
      for (const inst of b.insts) {
        covered.add(inst.op.name);
        n++;
      }
  return n;
}

/** The closing line: `conformance: seed S, N cases, M mismatches, D% discarded, T% trapped,
 *  opcodes K/K, C collections`. */
export function summaryLine(r: ConformanceReport): string {
  const drawn = r.cases + r.discarded;
  const pct = (n: number, of: number): string => `${of === 0 ? 0 : Math.round((1000 * n) / of) / 10}%`;
  return (
    `conformance: seed ${r.seed}, ${r.cases} cases, ${r.mismatches.length} mismatches, ` +
    `${pct(r.discarded, drawn)} discarded, ${pct(r.trapped, r.cases)} trapped, ` +
    `opcodes ${r.covered.size}/${r.opcodes.length}, ${r.collections} collections`
  );
}
