import { SourceError } from '../diagnostics.ts';
import type { Module } from '../ir/module.ts';
import type { TrapKind } from '../ir/traps.ts';
import type { ValType } from '../ir/types.ts';
import { literalValue } from './literal.ts';
import type { Literal, RunLine } from './spec.ts';

/** What a run must produce, typed by the called function's result. */
export type Expected =
  | { kind: 'void' }
  | { kind: 'value'; type: ValType; value: number; nan: boolean }
  | { kind: 'trap'; trap: TrapKind };

/** A `; run:` line checked against the module: arguments as engine numbers. */
export interface BoundRun {
  line: RunLine;
  func: string;
  args: number[];
  resultType: ValType | null;
  expected: Expected;
}

/** Types a run line's literals by the signature of the function it calls; errors point at
 *  the offending literal (file:line:col). */
export function bindRun(run: RunLine, module: Module, file: string): BoundRun {
  const fail = (message: string, col: number): never => {
    throw new SourceError(message, file, run.line, col);
  };
  const f = module.func(run.func) ?? fail(`no function @${run.func} in this module`, run.col);
  const { params, result } = f.sig;
  if (run.args.length !== params.length) {
    fail(`@${run.func} takes ${params.length} argument(s), the run passes ${run.args.length}`, run.col);
  }
  const value = (lit: Literal, type: ValType): number => {
    const v = literalValue(lit, type);
    return typeof v === 'number' ? v : fail(v, lit.col);
  };
  const args = run.args.map((lit, i) => value(lit, params[i]!));
  return { line: run, func: run.func, args, resultType: result, expected: expected(run, result, value, fail) };
}

function expected(
  run: RunLine,
  result: ValType | null,
  value: (lit: Literal, type: ValType) => number,
  fail: (message: string, col: number) => never,
): Expected {
  const e = run.expect;
  switch (e.kind) {
    case 'trap':
      return { kind: 'trap', trap: e.trap };
    case 'none':
      // A forgotten expectation would make the run pass whatever it returns.
      return result === null
        ? { kind: 'void' }
        : fail(`@${run.func} returns ${result}: write '== value' or 'traps kind'`, run.col);
    case 'value': {
      if (result === null) return fail(`@${run.func} returns nothing: drop '== ${e.literal.text}'`, e.literal.col);
      const v = value(e.literal, result);
      return { kind: 'value', type: result, value: v, nan: result === 'f64' && Number.isNaN(v) };
    }
  }
}
