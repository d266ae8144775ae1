import type { Backend, GarbageCollector, OptLevel } from '#framework';

/** How a cell's collector is pushed: not at all, at every allocation, or at random
 *  intervals replayable from the case's seed. */
export type StressMode = 'off' | 'every' | 'random';
export const STRESS_MODES: readonly StressMode[] = ['off', 'every', 'random'];
/** JIT thresholds a native backend runs at; undefined is the backend's own default. */
export const THRESHOLDS: readonly (number | undefined)[] = [0, 1, undefined];
/** Optimization levels the cell's program is prepared at (the reference is not optimized). */
export const OPT_LEVELS: readonly OptLevel[] = [1, 2];
/** Mean interval of random stress: short, so that small programs collect at all. */
export const RANDOM_STRESS_MEAN = 3;

export interface CollectorChoice {
  readonly name: string;
  create(): GarbageCollector;
}

/** One configuration a generated program runs on, to be compared with the interpreter. */
export interface Cell {
  readonly backend: Backend;
  readonly gc: CollectorChoice;
  readonly stress: StressMode;
  readonly threshold: number | undefined;
  readonly optLevel: OptLevel;
  /** The program is GC-lowered for the cell's collector: always on a backend that compiles;
   *  on the interpreter, one cell in two (GC-lowered against unlowered on the interpreter). */
  readonly lowered: boolean;
}

/** Every backend × collector × stress mode × threshold × optimization level; the
 *  interpreter has no tiers, so it takes one threshold, and runs the program both unlowered
 *  and GC-lowered. Ordered so that consecutive cases differ in every dimension the matrix
 *  has, which spreads a short run over all of it. */
export function matrixCells(backends: readonly Backend[], collectors: readonly CollectorChoice[]): Cell[] {
  const cells: Cell[] = [];
  for (const optLevel of OPT_LEVELS)
    for (const threshold of THRESHOLDS)
      for (const stress of STRESS_MODES)
        for (const gc of collectors)
          for (const backend of backends) {
            const tiered = backend.name !== 'interp';
            if (tiered) {
              cells.push({ backend, gc, stress, threshold, optLevel, lowered: backend.requiresLowering });
              continue;
            }
            // The interpreter's two thresholds that do not apply are its lowered forms.
            if (threshold === undefined) continue;
            const lowered = threshold === THRESHOLDS[1];
            cells.push({ backend, gc, stress, threshold: undefined, optLevel, lowered });
          }
  return cells;
}

export function cellName(cell: Cell): string {
  const stress = cell.stress === 'off' ? '' : cell.stress === 'every' ? ', stress 1' : ', random stress';
  const threshold =
    cell.backend.name === 'interp' ? '' : `, threshold ${cell.threshold === undefined ? 'default' : cell.threshold}`;
  const lowered = cell.backend.name === 'interp' && cell.lowered ? ', lowered' : '';
  return `${cell.backend.name} × ${cell.gc.name}${stress}${threshold}${lowered}, -O${cell.optLevel}`;
}
