import type { Block, Func, Inst, Module } from '../module.ts';
import type { ValType } from '../types.ts';
import type { ErrorSink } from './errors.ts';
import type { SymbolIndex } from './symbols.ts';

/** Everything a per-function check needs. */
export interface FuncContext {
  readonly m: Module;
  readonly syms: SymbolIndex;
  readonly f: Func;
  readonly sink: ErrorSink;
  /** The function's own blocks: targets must name one of these. */
  readonly blocks: ReadonlySet<Block>;
  /** The GC-lowering phase the function must be in (the module's, unless told). */
  readonly lowered: boolean;
}

/** One instruction and where it sits. */
export interface InstSite {
  readonly block: Block;
  readonly index: number;
  readonly inst: Inst;
}

export function reportAt(ctx: FuncContext, site: InstSite, message: string): void {
  ctx.sink.inst(ctx.f, site.block, site.index, message);
}

/** The value's type, or undefined when the id names no value (the SSA check reports that,
 *  so type checks skip it instead of piling up follow-on errors). */
export function valueType(f: Func, id: number): ValType | undefined {
  return Number.isInteger(id) && id >= 0 ? f.values[id]?.type : undefined;
}

export function valueName(f: Func, id: number): string {
  const info = Number.isInteger(id) && id >= 0 ? f.values[id] : undefined;
  return info ? `%${info.name}` : `value #${id}`;
}

/** `void` for a missing result, so messages about signatures read naturally. */
export function resultName(t: ValType | null): string {
  return t ?? 'void';
}
