// The A32 internal convention's registers (AAPCS-compatible for i32/ref arguments, so the
// entry and the host trampolines see the same registers); the machine layer assigns them
// (assignArgs) and lowers calls with them (CallLowering).
import type { CallConvention } from '#framework';
import { D0, FLOAT_ARG_REGS, INT_ARG_REGS, R0, STATUS_REG } from './arm-regs.ts';

export const ARM_CONVENTION: CallConvention = {
  intArgs: INT_ARG_REGS,
  floatArgs: FLOAT_ARG_REGS,
  intResult: R0,
  floatResult: D0,
  status: STATUS_REG,
  minArgArea: 32,
};
