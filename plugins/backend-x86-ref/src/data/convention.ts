// The x86-64 internal convention's registers; the machine layer assigns them (assignArgs)
// and lowers calls with them (CallLowering).
import type { CallConvention } from '#framework';
import { FLOAT_ARG_REGS, INT_ARG_REGS, RAX, STATUS_REG, xmmReg } from './x86-regs.ts';

export const X86_CONVENTION: CallConvention = {
  intArgs: INT_ARG_REGS,
  floatArgs: FLOAT_ARG_REGS,
  intResult: RAX,
  floatResult: xmmReg(0),
  status: STATUS_REG,
  minArgArea: 32,
};
