// Data-processing forms: and eor sub rsb add adc sbc rsc orr bic (rd, rn, op2),
// mov mvn (rd, op2), tst teq cmp cmn (rn, op2); op2 is a modified immediate, a
// register, a register shifted by an immediate, or shifted by a register.
import { condBits, immAsm, mnemonic, type A32Form } from '../form.ts';
import { encodeModifiedImmediate } from '../modified-immediate.ts';
import {
  ALL_REGS,
  REGS_NO_PC,
  SHIFT_CODE,
  SHIFT_TYPES,
  regName,
  spec,
  type Cond,
  type OperandSpec,
  type Operands,
  type Reg,
  type ShiftType,
} from '../operands.ts';

export const DP_OPCODES = {
  and: 0,
  eor: 1,
  sub: 2,
  rsb: 3,
  add: 4,
  adc: 5,
  sbc: 6,
  rsc: 7,
  tst: 8,
  teq: 9,
  cmp: 10,
  cmn: 11,
  orr: 12,
  mov: 13,
  bic: 14,
  mvn: 15,
} as const;
export type DpOp = keyof typeof DP_OPCODES;

/** Which of rd / rn an operation has. */
type DpShape = 'binary' | 'move' | 'compare';

export function dpShape(op: DpOp): DpShape {
  if (op === 'mov' || op === 'mvn') return 'move';
  if (op === 'tst' || op === 'teq' || op === 'cmp' || op === 'cmn') return 'compare';
  return 'binary';
}

/** How the second operand is formed; each is a separate form. */
type Operand2 =
  | { readonly kind: 'imm' }
  | { readonly kind: 'reg' }
  | { readonly kind: 'shift-imm'; readonly shift: ShiftType }
  | { readonly kind: 'rrx' }
  | { readonly kind: 'shift-reg'; readonly shift: ShiftType };

/** Shift-by-immediate amounts: 0 would be plain `reg`; lsr/asr reach 32 (encoded as 0). */
const SHIFT_AMOUNT_RANGE: Readonly<Record<ShiftType, readonly [number, number]>> = {
  lsl: [1, 31],
  lsr: [1, 32],
  asr: [1, 32],
  ror: [1, 31],
};

const OPERAND2_VARIANTS: readonly Operand2[] = [
  { kind: 'imm' },
  { kind: 'reg' },
  ...SHIFT_TYPES.map((shift): Operand2 => ({ kind: 'shift-imm', shift })),
  { kind: 'rrx' },
  ...SHIFT_TYPES.map((shift): Operand2 => ({ kind: 'shift-reg', shift })),
];

function variantSuffix(operand2: Operand2): string {
  switch (operand2.kind) {
    case 'imm':
      return 'imm';
    case 'reg':
      return 'reg';
    case 'shift-imm':
      return `reg.${operand2.shift}`;
    case 'rrx':
      return 'reg.rrx';
    case 'shift-reg':
      return `reg.${operand2.shift}.rs`;
  }
}

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

function operand2Specs(operand2: Operand2): Record<string, OperandSpec> {
  // pc is UNPREDICTABLE in every register-shifted-register position.
  const sourceRegs = operand2.kind === 'shift-reg' ? REGS_NO_PC : ALL_REGS;
  switch (operand2.kind) {
    case 'imm':
      return { imm: spec.modimm() };
    case 'reg':
    case 'rrx':
      return { rm: spec.reg(sourceRegs) };
    case 'shift-imm': {
      const [min, max] = SHIFT_AMOUNT_RANGE[operand2.shift];
      return { rm: spec.reg(sourceRegs), amount: spec.int(min, max) };
    }
    case 'shift-reg':
      return { rm: spec.reg(sourceRegs), rs: spec.reg(REGS_NO_PC) };
  }
}

function encodeOperand2(operand2: Operand2, ops: Operands): number {
  switch (operand2.kind) {
    case 'imm':
      return (1 << 25) | encodeModifiedImmediate(num(ops, 'imm'))!;
    case 'reg':
      return num(ops, 'rm');
    case 'shift-imm':
      return ((num(ops, 'amount') & 31) << 7) | (SHIFT_CODE[operand2.shift] << 5) | num(ops, 'rm');
    case 'rrx':
      return (SHIFT_CODE.ror << 5) | num(ops, 'rm');
    case 'shift-reg':
      return (num(ops, 'rs') << 8) | (SHIFT_CODE[operand2.shift] << 5) | (1 << 4) | num(ops, 'rm');
  }
}

function operand2Asm(operand2: Operand2, ops: Operands): string {
  switch (operand2.kind) {
    case 'imm':
      return immAsm(num(ops, 'imm') >>> 0);
    case 'reg':
      return regName(num(ops, 'rm'));
    case 'shift-imm':
      return `${regName(num(ops, 'rm'))}, ${operand2.shift} #${num(ops, 'amount')}`;
    case 'rrx':
      return `${regName(num(ops, 'rm'))}, rrx`;
    case 'shift-reg':
      return `${regName(num(ops, 'rm'))}, ${operand2.shift} ${regName(num(ops, 'rs'))}`;
  }
}

function dataProcessingForm(op: DpOp, setFlags: boolean, operand2: Operand2): A32Form {
  const shape = dpShape(op);
  const flagBit = setFlags || shape === 'compare';
  const base = setFlags ? `${op}s` : op;
  // rd = pc would be a branch (and with S, an exception return): the JIT never wants that.
  // rn = pc is left out too: GNU as turns `add/sub rd, pc, #imm` into an adr-style fixup
  // and rejects some immediates that the instruction itself can encode.
  const destRegs = REGS_NO_PC;
  const firstSourceRegs = REGS_NO_PC;
  const operands: Record<string, OperandSpec> = { cond: spec.cond() };
  if (shape !== 'compare') operands['rd'] = spec.reg(destRegs);
  if (shape !== 'move') operands['rn'] = spec.reg(firstSourceRegs);
  Object.assign(operands, operand2Specs(operand2));
  return {
    name: `${base}.${variantSuffix(operand2)}`,
    operands,
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      (DP_OPCODES[op] << 21) |
      ((flagBit ? 1 : 0) << 20) |
      ((shape === 'move' ? 0 : num(ops, 'rn')) << 16) |
      ((shape === 'compare' ? 0 : num(ops, 'rd')) << 12) |
      encodeOperand2(operand2, ops),
    toAsm: (ops) => {
      const regs: Reg[] = [];
      if (shape !== 'compare') regs.push(num(ops, 'rd'));
      if (shape !== 'move') regs.push(num(ops, 'rn'));
      const operandsAsm = [...regs.map(regName), operand2Asm(operand2, ops)].join(', ');
      return `${mnemonic(base, num(ops, 'cond') as Cond)} ${operandsAsm}`;
    },
  };
}

function formsFor(op: DpOp): A32Form[] {
  const flagVariants = dpShape(op) === 'compare' ? [false] : [false, true];
  return flagVariants.flatMap((setFlags) =>
    OPERAND2_VARIANTS.map((operand2) => dataProcessingForm(op, setFlags, operand2)),
  );
}

export const DATA_PROCESSING_FORMS: readonly A32Form[] = (Object.keys(DP_OPCODES) as DpOp[]).flatMap(formsFor);
