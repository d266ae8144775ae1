import type { TrapKind } from '../ir/traps.ts';
import type { OptLevel } from '../run-config.ts';

/**
 * What a `.jir` file test asks for, as written: the file-wide headers and one entry per
 * `; run:` line. Literals stay untyped here; they get their types from the signature of
 * the function they are passed to (see bind.ts).
 */
export type Literal =
  | { kind: 'int'; text: string; col: number }
  | { kind: 'float'; text: string; col: number }
  | { kind: 'null'; text: string; col: number };

export type Expectation = { kind: 'none' } | { kind: 'value'; literal: Literal } | { kind: 'trap'; trap: TrapKind };

export interface RunLine {
  /** 1-based line of the `; run:` directive. */
  line: number;
  /** Column of the `@name`, for errors about the function. */
  col: number;
  func: string;
  args: Literal[];
  expect: Expectation;
  /** The `; out:` lines that follow, one per line of expected output. */
  out: string[];
}

export interface FileTestHeaders {
  /** `compile precise-output`: the file checks its machine code (`; asm:` lines) on `target`. */
  compile?: { target: string; line: number };
  heapSize?: number;
  stackSize?: number;
  fuel?: number;
  /** Under GC stress, collect at most this often: keeps stress linear on allocation-heavy files. */
  stressEvery?: number;
  /** The optimization level every run uses (`; opt: 2`), whatever the configuration's. */
  optLevel?: OptLevel;
}

export interface FileTestSpec {
  file: string;
  headers: FileTestHeaders;
  runs: RunLine[];
  /** The expected listing of a precise-output test, one `; asm:` line each. */
  asm: string[];
}
