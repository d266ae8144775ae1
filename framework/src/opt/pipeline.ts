import type { Func, Module } from '../ir/module.ts';
import type { OptLevel } from '../run-config.ts';
import type { Pass, PassHints } from './pass.ts';

/**
 * The optimization pipelines, named in one place: `once` runs first, a single time (the
 * inliner must not run to a fixpoint: each round would copy the copies), then `repeat`
 * runs up to `rounds` times, until no pass changes anything. `repeat` holds passes that
 * transform one function at a time (Pass.run with one function), so each function goes to
 * its own fixpoint. -O2 inlines first: cleaning up before would measure callees at their
 * optimized size, but costs start-up time on every function for the few inlined ones (a
 * prepared library's callees are optimized already).
 */
export interface PipelineSpec {
  readonly once: readonly string[];
  readonly repeat: readonly string[];
  readonly rounds: number;
  /** Runs last, once: passes whose work the repeated ones would undo. */
  readonly finish?: readonly string[];
}

const CORE = ['constfold', 'copyprop', 'dce', 'simplifycfg'];

export const PIPELINES: Readonly<Record<OptLevel, PipelineSpec>> = {
  0: { once: [], repeat: [], rounds: 0 },
  1: { once: [], repeat: CORE, rounds: 1 },
  2: {
    once: ['inline'],
    repeat: ['constfold', 'knownbits', 'copyprop', 'gvn', 'globalloads', 'branchfold', 'licm', 'dce', 'simplifycfg'],
    rounds: 3,
    finish: ['sinkconditions', 'dce'],
  },
};

export interface PipelineOptions {
  /** Pass names after which `print` is called (`--print-after`); 'all' for every pass. */
  printAfter?: readonly string[];
  print?: (passName: string, m: Module) => void;
  /** Only these functions (code loaded into a running program); all by default. */
  funcs?: readonly Func[];
  /** What the running program knows (code prepared while it runs). */
  hints?: PassHints;
}

export function runPipeline(m: Module, level: OptLevel, passes: readonly Pass[], opts: PipelineOptions = {}): void {
  const byName = new Map(passes.map((p) => [p.name, p]));
  const spec = PIPELINES[level];
  for (const n of [...spec.once, ...spec.repeat, ...(spec.finish ?? [])])
    if (!byName.has(n)) throw new Error(`pipeline -O${level} names pass '${n}', which no plugin provides`);
  const runAll = (names: readonly string[]): boolean => {
    let changed = false;
    for (const n of names) {
      const pass = byName.get(n)!;
      if (pass.run(m, opts.funcs, opts.hints)) changed = true;
      if (opts.print && opts.printAfter && (opts.printAfter.includes(n) || opts.printAfter.includes('all')))
        opts.print(n, m);
    }
    return changed;
  };
  runAll(spec.once);
  if (opts.print && opts.printAfter && opts.printAfter.length > 0) {
    for (let round = 0; round < spec.rounds; round++) if (!runAll(spec.repeat)) break;
    runAll(spec.finish ?? []);
    return;
  }
  // The repeated passes transform each function on its own, so each function goes to its
  // own fixpoint: one that settles at once is not visited again for the others' sake.
  const repeat = spec.repeat.map((n) => byName.get(n)!);
  for (const f of opts.funcs ?? m.funcs) {
    const one = [f];
    for (let round = 0; round < spec.rounds; round++) {
      let changed = false;
      for (const pass of repeat) if (pass.run(m, one, opts.hints)) changed = true;
      if (!changed) break;
    }
  }
  runAll(spec.finish ?? []);
}
