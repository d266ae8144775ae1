import type { GarbageCollector } from '../gc/interface.ts';
import { verifyFunctions, VerifyFailure } from '../ir/verify.ts';
import { parseFunctionsInto } from '../ir/text/parser.ts';
import type { Pass } from '../opt/pass.ts';
import { runPipeline } from '../opt/pipeline.ts';
import type { OptLevel } from '../run-config.ts';
import type { CodeLoader } from '../runtime/host.ts';
import type { Program } from '../runtime/program.ts';
import type { Func, Module } from '../ir/module.ts';

/**
 * Code loaded while a program runs (Prolog compiles hot dynamic predicates this way) takes
 * the path the program's own code took in prepareRun: verify, optimize at the run's level,
 * GC-lower when the program is lowered, verify again. Only then does the program give the
 * functions table slots and tell its engines, so a failure at any step changes nothing.
 * Loaded code may call only the externs the program declares: native engines bind extern
 * slots when they start.
 */
export class ProgramCodeLoader implements CodeLoader {
  constructor(
    private readonly program: Program,
    private readonly optLevel: OptLevel,
    private readonly passes: readonly Pass[],
    private readonly gc: GarbageCollector,
  ) {}

  load(text: string, file: string): Map<string, number> {
    const m = this.program.module;
    const before = { funcs: m.funcs.length, externs: m.externs.length };
    let funcs: Func[];
    try {
      funcs = parseFunctionsInto(m, text, file);
      check(m, funcs, false);
      runPipeline(m, this.optLevel, this.passes, { funcs });
      if (m.lowered) {
        this.gc.lower(m, funcs);
        if (m.externs.length !== before.externs) {
          throw new Error(
            `loaded code needs @${m.externs[before.externs]!.name}, which the running program does not declare`,
          );
        }
      }
      if (this.optLevel > 0 || m.lowered) check(m, funcs, m.lowered);
    } catch (e) {
      m.funcs.length = before.funcs;
      m.externs.length = before.externs;
      throw e;
    }
    const first = this.program.addFunctions(funcs);
    return new Map(funcs.map((f, i) => [f.name, first + i]));
  }
}

function check(m: Module, funcs: readonly Func[], lowered: boolean): void {
  const errors = verifyFunctions(m, funcs, lowered);
  if (errors.length > 0) throw new VerifyFailure(errors);
}
