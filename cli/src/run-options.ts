import { makeLayout, parseSize } from '#framework';
import { UsageError } from '#framework';
import type { OptLevel, RunConfig } from '#framework';

/** The options of `jitc run` and `jitc test` as yargs hands them over. */
export interface RawRunOptions {
  backend: string;
  gc: string;
  /** undefined: the backend's default (defaultOptLevel). */
  O?: number;
  jitThreshold?: number;
  heap?: string;
  stack?: string;
  fuel?: number;
  gcStress?: number;
  gcStressSeed?: number;
  verifyHeap?: boolean;
  cpu?: string;
  lower?: boolean;
  printAfter?: string | string[];
  stats?: boolean;
  /** --plugin MODULE, once or more. */
  plugin?: string | string[];
}

/** The modules `--plugin` names, in order. */
export function pluginModules(raw: { plugin?: string | string[] }): string[] {
  return raw.plugin === undefined ? [] : Array.isArray(raw.plugin) ? raw.plugin : [raw.plugin];
}

/** Checks the values yargs cannot (integers, sizes) and builds the run configuration. */
export function toRunConfig(raw: RawRunOptions): RunConfig {
  const heapSize = raw.heap === undefined ? undefined : size('--heap', raw.heap);
  const stackSize = raw.stack === undefined ? undefined : size('--stack', raw.stack);
  try {
    makeLayout({ heapSize, stackSize });
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  return {
    backend: raw.backend,
    gc: raw.gc,
    optLevel: (raw.O ?? defaultOptLevel(raw.backend)) as OptLevel,
    heapSize,
    stackSize,
    fuel: count('--fuel', raw.fuel),
    gcStress: count('--gc-stress', raw.gcStress),
    gcStressSeed: count('--gc-stress-seed', raw.gcStressSeed),
    verifyHeap: raw.verifyHeap,
    jitThreshold: count('--jit-threshold', raw.jitThreshold),
    cpu: raw.cpu,
    lower: raw.lower,
    printAfter: raw.printAfter === undefined ? undefined : [raw.printAfter].flat(),
    // Exact guest counts need emulator hooks that slow native code: only when asked.
    countInstructions: raw.stats === true,
  };
}

/** A native backend compiles what it runs, so it gets the inliner and the passes after it
 *  (-O2); the interpreter starts at once and runs most code a few times (-O1). */
export function defaultOptLevel(backend: string): OptLevel {
  return backend === 'interp' ? 1 : 2;
}

function size(flag: string, text: string): number {
  try {
    return parseSize(String(text));
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

function count(flag: string, n: number | undefined): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`${flag} needs a non-negative integer`);
  return n;
}
