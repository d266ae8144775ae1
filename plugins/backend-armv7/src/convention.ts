// Where arguments go under the internal convention (also what the entry and the host
// trampolines see: AAPCS-compatible for i32/ref arguments).
import type { PReg, ValType } from '#framework';
import { D0, FLOAT_ARG_REGS, INT_ARG_REGS, R0 } from './arm-regs.ts';

export type ArgLoc = { readonly kind: 'reg'; readonly preg: PReg } | { readonly kind: 'stack'; readonly offset: number };

export function assignArgs(types: readonly ValType[]): { locs: ArgLoc[]; stackBytes: number } {
  let ints = 0, floats = 0, stack = 0;
  const locs = types.map((t): ArgLoc => {
    if (t === 'f64') {
      if (floats < FLOAT_ARG_REGS.length) return { kind: 'reg', preg: FLOAT_ARG_REGS[floats++]! };
      stack = Math.ceil(stack / 8) * 8;
      const offset = stack;
      stack += 8;
      return { kind: 'stack', offset };
    }
    if (ints < INT_ARG_REGS.length) return { kind: 'reg', preg: INT_ARG_REGS[ints++]! };
    const offset = stack;
    stack += 4;
    return { kind: 'stack', offset };
  });
  return { locs, stackBytes: Math.ceil(stack / 8) * 8 };
}

/**
 * Every caller reserves at least this much outgoing argument space (and the entry leaves
 * it above the first frame), so a tail call may pass up to this many bytes of stack
 * arguments whatever its own caller passed.
 */
export const MIN_ARG_AREA = 32;

export function resultReg(t: ValType): PReg {
  return t === 'f64' ? D0 : R0;
}
