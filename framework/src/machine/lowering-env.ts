import type { ExternDecl, Module } from '../ir/module.ts';
import type { Signature } from '../ir/types.ts';
import type { TypeTable } from '../runtime/object-layout.ts';
import type { PatternCounts } from './isel/rule.ts';

/** Program facts lowering needs: addresses, indices, signature ids and who may raise. A
 *  native engine builds one per program; an ISA's lowering may add its own (CPU features). */
export interface LoweringEnv {
  readonly module: Module;
  readonly types: TypeTable;
  readonly tableBase: number;
  /** Where static data starts: the static-base register's value. */
  readonly staticBase: number;
  readonly fuel: boolean;
  funcIndex(name: string): number;
  signatureId(sig: Signature): number;
  globalAddress(name: string): number;
  constAddress(name: string): number;
  extern(name: string): ExternDecl | undefined;
  /** A direct callee (function or extern) may return with an exception status. */
  mayRaise(name: string): boolean;
  /** Counts the instruction-selection patterns lowering matched (for `--stats`). */
  readonly patternCounts?: PatternCounts;
}
