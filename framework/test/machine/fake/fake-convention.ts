import type { ValType } from '../../../src/ir/types.ts';
import { F0, FLOAT_ARG_REGS, INT_ARG_REGS, R0 } from './fake-isa.ts';

export type ArgLoc = { readonly kind: 'reg'; readonly preg: number } | { readonly kind: 'stack'; readonly offset: number };

/** Where each argument of a call goes, and how many bytes of stack arguments it needs. */
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

export function resultReg(t: ValType): number {
  return t === 'f64' ? F0 : R0;
}
