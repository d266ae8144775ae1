// The A32 instruction data of each step of the framework's call protocol (CallLowering):
// after a call that may raise, `cmp status, #0` and `bne` to the handler.
import type { CallRules } from '#framework';
import type { ArmData } from '../arm-data.ts';

const NE = 1;

export const ARM_CALL_RULES: CallRules<ArmData> = {
  incomingArgs: () => ({ op: 'args' }),
  loadIncoming: (type, offset) => ({ op: 'loadIn', type, offset }),
  storeArg: (type, offset, area) => ({ op: 'storeArg', type, offset, area }),
  call: (callee) => ({ op: 'call', callee }),
  callHost: (callee) => ({ op: 'callHost', callee }),
  callIndirect: (sigId, indexOperand, tableBase) => ({ op: 'callIndirect', sigId, indexOperand, tableBase }),
  tailCall: (callee) => ({ op: 'tailCall', callee }),
  tailCallIndirect: (sigId, indexOperand, tableBase) => ({ op: 'tailCallIndirect', sigId, indexOperand, tableBase }),
  testStatus: () => ({ op: 'cmp', imm: 0 }),
  branchIfRaised: () => ({ op: 'branch', cond: NE }),
  jump: () => ({ op: 'jump' }),
  ret: () => ({ op: 'ret' }),
  raise: () => ({ op: 'raise' }),
};
