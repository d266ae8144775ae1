// Public surface of the A32 + VFPv3 encoder.
export {
  a32,
  type BinaryOp,
  type BlockMode,
  type CompareOp,
  type HalfDualOp,
  type ImmediateShift,
  type MoveOp,
  type WordByteOp,
} from './a32.ts';
export { A32_FORMS, A32_FORM_BY_NAME, a32Asm, a32Form, encodeA32 } from './a32-forms.ts';
export {
  branchOffsetOf,
  branchOffsetWords,
  isBranchInRange,
  isRelativeBranch,
  withBranchOffset,
} from './branch-patch.ts';
export { disassembleA32, isDisassemblerAvailable, type DisassembledInstruction } from './disasm.ts';
export { EncodingError, encodeChecked, operandProblem, type A32Form } from './form.ts';
export type { IndexMode } from './forms/addressing.ts';
export { DP_OPCODES, type DpOp } from './forms/data-processing.ts';
export { decodeModifiedImmediate, encodeModifiedImmediate, isModifiedImmediate } from './modified-immediate.ts';
export * from './operands.ts';
export { decodeVfpImmediate, encodeVfpImmediate, isVfpImmediate, vfpImmediateValues } from './vfp-immediate.ts';
