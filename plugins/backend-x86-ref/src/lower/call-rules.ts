// The x86-64 instruction data of each step of the framework's call protocol (CallLowering):
// after a call that may raise, `test edx, edx` and `jne` to the handler.
import type { CallRules } from '#framework';
import { CC } from '../encoder/x64.ts';
import type { X86Data } from '../data/x86-data.ts';

export const X86_CALL_RULES: CallRules<X86Data> = {
  incomingArgs: () => ({ op: 'args' }),
  loadIncoming: (type, offset) => ({ op: 'loadIn', type, offset }),
  storeArg: (type, offset, area) => ({ op: 'storeArg', type, offset, area }),
  call: (callee) => ({ op: 'call', callee }),
  callHost: (callee) => ({ op: 'callHost', callee }),
  callIndirect: (sigId, indexOperand, tableBase) => ({ op: 'callIndirect', sigId, indexOperand, tableBase }),
  tailCall: (callee) => ({ op: 'tailCall', callee }),
  tailCallIndirect: (sigId, indexOperand, tableBase) => ({ op: 'tailCallIndirect', sigId, indexOperand, tableBase }),
  testStatus: () => ({ op: 'cmp', imm: 0 }),
  branchIfRaised: () => ({ op: 'branch', cc: CC.ne }),
  jump: () => ({ op: 'jump' }),
  ret: () => ({ op: 'ret' }),
  raise: () => ({ op: 'raise' }),
};
