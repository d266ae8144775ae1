import type { Func, Module } from './module.ts';
import { verifyDecls } from './verify/decls.ts';
import { ErrorSink, VerifyError, VerifyFailure } from './verify/errors.ts';
import { verifyFunctionInto } from './verify/function.ts';
import { SymbolIndex } from './verify/symbols.ts';

export { VerifyError, VerifyFailure };

/**
 * Checks everything the opcode table and docs/ir.md require of a module: declarations,
 * block structure, operand and result types, call signatures, edges and their arguments,
 * GC-lowering phase, and SSA dominance. Returns every error found (empty when valid).
 */
export function verifyModule(m: Module): VerifyError[] {
  const sink = new ErrorSink();
  const syms = new SymbolIndex(m);
  verifyDecls(m, syms, sink);
  for (const f of m.funcs) verifyFunctionInto(m, syms, f, sink);
  return sink.errors;
}

/** Checks one function of `m` (for passes that rewrite a single function). */
export function verifyFunction(m: Module, f: Func): VerifyError[] {
  return verifyFunctions(m, [f]);
}

/** Checks some of `m`'s functions (code loaded into a running program), which may still
 *  be unlowered in a lowered module. */
export function verifyFunctions(m: Module, funcs: readonly Func[], lowered = m.lowered): VerifyError[] {
  return new FunctionVerifier(m).verify(funcs, lowered);
}

/**
 * Checks functions of `m` one call at a time (functions whose bodies are read lazily) with
 * one symbol index, made again only when declarations were added since: a fresh index per
 * call would make reading n functions cost n times the module.
 */
export class FunctionVerifier {
  private syms: SymbolIndex | undefined;
  private size = -1;

  constructor(private readonly m: Module) {}

  verify(funcs: readonly Func[], lowered = this.m.lowered): VerifyError[] {
    const m = this.m;
    const size = m.funcs.length + m.externs.length + m.globals.length + m.consts.length + m.types.length;
    if (!this.syms || size !== this.size) {
      this.syms = new SymbolIndex(m);
      this.size = size;
    }
    const sink = new ErrorSink();
    for (const f of funcs) verifyFunctionInto(m, this.syms, f, sink, lowered);
    return sink.errors;
  }
}

/** Checks the declarations and some of the functions: a program linked to a prepared
 *  runtime library, whose functions were checked when the library was prepared. */
export function verifyDeclsAndFunctions(m: Module, funcs: readonly Func[], lowered = m.lowered): VerifyError[] {
  const sink = new ErrorSink();
  const syms = new SymbolIndex(m);
  verifyDecls(m, syms, sink);
  for (const f of funcs) verifyFunctionInto(m, syms, f, sink, lowered);
  return sink.errors;
}

/** Throws a `VerifyFailure` listing every error when the module is invalid. */
export function assertValid(m: Module): void {
  const errors = verifyModule(m);
  if (errors.length > 0) throw new VerifyFailure(errors);
}
