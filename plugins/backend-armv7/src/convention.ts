// The A32 internal convention's registers (AAPCS-compatible for i32/ref arguments, so the
// entry and the host trampolines see the same registers); the machine layer assigns them.
import { assignArgs as assignWith, resultReg as resultWith, type ArgLoc, type CallConvention, type PReg, type ValType } from '#framework';
import { D0, FLOAT_ARG_REGS, INT_ARG_REGS, R0, STATUS_REG } from './arm-regs.ts';

export type { ArgLoc };

export const ARM_CONVENTION: CallConvention = {
  intArgs: INT_ARG_REGS,
  floatArgs: FLOAT_ARG_REGS,
  intResult: R0,
  floatResult: D0,
  status: STATUS_REG,
  minArgArea: 32,
};

export const MIN_ARG_AREA = ARM_CONVENTION.minArgArea;

export function assignArgs(types: readonly ValType[]): { locs: ArgLoc[]; stackBytes: number } {
  return assignWith(ARM_CONVENTION, types);
}

export function resultReg(t: ValType): PReg {
  return resultWith(ARM_CONVENTION, t);
}
