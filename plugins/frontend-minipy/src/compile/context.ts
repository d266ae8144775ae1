import { SourceError, type Module } from '#framework';
import type { Pos } from '../syntax/ast.ts';
import type { FnNode, FnScope } from './closures.ts';
import type { InlineDef } from './inline-calls.ts';

/** What the compiler knows about the whole program while compiling one function. */
export interface ProgramInfo {
  module: Module;
  file: string;
  /** Some class defines __hash__: set and dict displays, set() and hash() go through
   *  runtime/keys.jir, which calls it. */
  definesHash: boolean;
  /** Module-level names (IR globals `@g.<name>`). */
  globals: Set<string>;
  /** Module-level `def`s never rebound otherwise: called directly. */
  directDefs: Map<string, { params: string[]; vararg: string | null; ndefaults: number }>;
  /** Direct defs whose calls are compiled in place (inline-calls.ts). */
  inlineDefs: Map<string, InlineDef>;
  /** Every def's and lambda's names (see closures.ts). */
  scopes: Map<FnNode, FnScope>;
  /** IR names of the nested defs and lambdas compiled so far. */
  nestedNames: Map<FnNode, string>;
  /** Builtins used as values so far (each has one entry function). */
  builtinAdapters: Set<string>;
  /** The program has an `import sys` (sys-module.ts). */
  importsSys: boolean;
  strConst(s: string): string;
  floatConst(x: number): string;
  bigConst(n: bigint): string;
}

export function unsupported(info: ProgramInfo, what: string, at: Pos): never {
  throw new SourceError(`SyntaxError: ${what}`, info.file, at.line, at.col);
}
