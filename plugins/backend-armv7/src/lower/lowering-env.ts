import type { ExternDecl, Module, Signature, TypeTable } from '#framework';

/** Program facts lowering needs: addresses, indices, signature ids and who may raise. */
export interface LoweringEnv {
  readonly module: Module;
  readonly types: TypeTable;
  readonly tableBase: number;
  /** Where static data starts: the static-base register's value. */
  readonly staticBase: number;
  readonly fuel: boolean;
  /** The CPU has sdiv/udiv (Cortex-A15); otherwise division is an inline loop. */
  readonly hardwareDivide: boolean;
  funcIndex(name: string): number;
  signatureId(sig: Signature): number;
  globalAddress(name: string): number;
  constAddress(name: string): number;
  extern(name: string): ExternDecl | undefined;
  /** A direct callee (function or extern) may return with an exception status. */
  mayRaise(name: string): boolean;
}
