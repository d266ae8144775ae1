import type { Func, Module } from '../ir/module.ts';
import type { OptLevel } from '../run-config.ts';
import type { Pass } from './pass.ts';

/** The optimization pipelines, named in one place. -O2 repeats its passes to a fixpoint. */
export const PIPELINES: Readonly<Record<OptLevel, readonly string[]>> = {
  0: [],
  1: ['constfold', 'copyprop', 'dce', 'simplifycfg'],
  2: ['constfold', 'copyprop', 'dce', 'simplifycfg'],
};
const FIXPOINT_ROUNDS: Readonly<Record<OptLevel, number>> = { 0: 0, 1: 1, 2: 8 };

export interface PipelineOptions {
  /** Pass names after which `print` is called (`--print-after`); 'all' for every pass. */
  printAfter?: readonly string[];
  print?: (passName: string, m: Module) => void;
  /** Only these functions (code loaded into a running program); all by default. */
  funcs?: readonly Func[];
}

export function runPipeline(m: Module, level: OptLevel, passes: readonly Pass[], opts: PipelineOptions = {}): void {
  const byName = new Map(passes.map((p) => [p.name, p]));
  const names = PIPELINES[level];
  for (const n of names)
    if (!byName.has(n)) throw new Error(`pipeline -O${level} names pass '${n}', which no plugin provides`);
  for (let round = 0; round < FIXPOINT_ROUNDS[level]; round++) {
    let changed = false;
    for (const n of names) {
      const pass = byName.get(n)!;
      if (pass.run(m, opts.funcs)) changed = true;
      if (opts.print && opts.printAfter && (opts.printAfter.includes(n) || opts.printAfter.includes('all')))
        opts.print(n, m);
    }
    if (!changed) break;
  }
}
