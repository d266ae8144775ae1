// The internal calling convention's argument assignment, written once for every ISA: an
// ISA supplies its register lists (CallConvention) and gets where each argument goes.
import type { ValType } from '../ir/types.ts';
import type { PReg } from './regs.ts';

/** The registers of a target's internal convention. */
export interface CallConvention {
  /** The first i32/ref arguments, in order. */
  readonly intArgs: readonly PReg[];
  /** The first f64 arguments, in order. */
  readonly floatArgs: readonly PReg[];
  readonly intResult: PReg;
  readonly floatResult: PReg;
  /** Non-zero after a call of a function that may raise when it raised; `intResult` then
   *  holds the exception. Zero otherwise (set by every return of such a function). */
  readonly status: PReg;
  /**
   * Every caller reserves at least this many bytes of outgoing argument space (and an
   * engine leaves it above the first frame), so a tail call may pass up to this many bytes
   * of stack arguments whatever its own caller passed.
   */
  readonly minArgArea: number;
}

export type ArgLoc =
  | { readonly kind: 'reg'; readonly preg: PReg }
  | { readonly kind: 'stack'; readonly offset: number };

/**
 * Where each argument goes: i32/ref arguments in `intArgs` then 4-byte stack slots, f64 in
 * `floatArgs` then 8-byte-aligned stack slots, each class counted apart (so the entry stub
 * and host trampolines of an AAPCS- or SysV-like ABI see the same registers). Stack offsets
 * are from the stack pointer at the call; the area is a multiple of 8.
 */
export function assignArgs(
  conv: Pick<CallConvention, 'intArgs' | 'floatArgs'>,
  types: readonly ValType[],
): { locs: ArgLoc[]; stackBytes: number } {
  let ints = 0,
    floats = 0,
    stack = 0;
  const locs = types.map((t): ArgLoc => {
    if (t === 'f64') {
      if (floats < conv.floatArgs.length) return { kind: 'reg', preg: conv.floatArgs[floats++]! };
      stack = Math.ceil(stack / 8) * 8;
      const offset = stack;
      stack += 8;
      return { kind: 'stack', offset };
    }
    if (ints < conv.intArgs.length) return { kind: 'reg', preg: conv.intArgs[ints++]! };
    const offset = stack;
    stack += 4;
    return { kind: 'stack', offset };
  });
  return { locs, stackBytes: Math.ceil(stack / 8) * 8 };
}

/** The register a result of type `t` comes back in. */
export function resultReg(conv: Pick<CallConvention, 'intResult' | 'floatResult'>, t: ValType): PReg {
  return t === 'f64' ? conv.floatResult : conv.intResult;
}
