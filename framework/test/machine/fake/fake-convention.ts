// The fake target's internal convention: its register lists, over the machine layer's
// shared argument assignment (the same one armv7 uses).
import type { ValType } from '../../../src/ir/types.ts';
import { assignArgs as assignWith, resultReg as resultWith, type ArgLoc } from '../../../src/machine/convention.ts';
import { F0, FLOAT_ARG_REGS, INT_ARG_REGS, R0 } from './fake-isa.ts';

export type { ArgLoc };

const FAKE_CONVENTION = { intArgs: INT_ARG_REGS, floatArgs: FLOAT_ARG_REGS, intResult: R0, floatResult: F0 };

/** Where each argument of a call goes, and how many bytes of stack arguments it needs. */
export function assignArgs(types: readonly ValType[]): { locs: ArgLoc[]; stackBytes: number } {
  return assignWith(FAKE_CONVENTION, types);
}

export function resultReg(t: ValType): number {
  return resultWith(FAKE_CONVENTION, t);
}
