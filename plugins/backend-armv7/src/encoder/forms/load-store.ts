// ldr str ldrb strb: 12-bit immediate offsets and (shifted) register offsets,
// each as offset, pre-indexed with writeback, and post-indexed forms.
import { condBits, mnemonic, type A32Form } from '../form.ts';
import { ALL_REGS, REGS_NO_PC, regName, spec, type OperandSpec, type Operands } from '../operands.ts';
import {
  INDEX_MODES,
  addBit,
  immAddressAsm,
  indexBits,
  indexModeSuffix,
  regAddressAsm,
  writebackProblem,
  type IndexMode,
} from './addressing.ts';

type WordByteOp = 'ldr' | 'str' | 'ldrb' | 'strb';

const OP_BITS: Readonly<Record<WordByteOp, number>> = {
  str: 0,
  ldr: 1 << 20,
  strb: 1 << 22,
  ldrb: (1 << 22) | (1 << 20),
};

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

/** Without writeback the base may be pc (literal loads); with it, never. */
function baseRegs(mode: IndexMode): readonly number[] {
  return mode === 'offset' ? ALL_REGS : REGS_NO_PC;
}

function immediateForm(op: WordByteOp, mode: IndexMode): A32Form {
  return {
    name: `${op}.imm${indexModeSuffix(mode)}`,
    operands: { cond: spec.cond(), rt: spec.reg(), rn: spec.reg(baseRegs(mode)), offset: spec.int(-4095, 4095) },
    constraint: (ops) => writebackProblem(mode, ops, ['rt']),
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      0x04000000 |
      indexBits(mode) |
      addBit(num(ops, 'offset')) |
      OP_BITS[op] |
      (num(ops, 'rn') << 16) |
      (num(ops, 'rt') << 12) |
      Math.abs(num(ops, 'offset')),
    toAsm: (ops) => {
      const address = immAddressAsm(mode, num(ops, 'rn'), num(ops, 'offset'));
      return `${mnemonic(op, num(ops, 'cond'))} ${regName(num(ops, 'rt'))}, ${address}`;
    },
  };
}

/** Register offset, optionally scaled by `lsl #amount` (offset mode only). */
function registerForm(op: WordByteOp, mode: IndexMode, scaled: boolean): A32Form {
  const operands: Record<string, OperandSpec> = {
    cond: spec.cond(),
    rt: spec.reg(),
    rn: spec.reg(REGS_NO_PC),
    rm: spec.reg(REGS_NO_PC),
    subtract: spec.flag(),
  };
  if (scaled) operands['amount'] = spec.int(1, 31);
  const amount = (ops: Operands): number => (scaled ? num(ops, 'amount') : 0);
  return {
    name: `${op}.reg${scaled ? '.lsl' : ''}${indexModeSuffix(mode)}`,
    operands,
    constraint: (ops) => writebackProblem(mode, ops, ['rt']),
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      0x06000000 |
      indexBits(mode) |
      addBit(ops['subtract'] as boolean) |
      OP_BITS[op] |
      (num(ops, 'rn') << 16) |
      (num(ops, 'rt') << 12) |
      (amount(ops) << 7) |
      num(ops, 'rm'),
    toAsm: (ops) => {
      const shift = scaled ? `, lsl #${amount(ops)}` : '';
      const address = regAddressAsm(mode, num(ops, 'rn'), num(ops, 'rm'), ops['subtract'] as boolean, shift);
      return `${mnemonic(op, num(ops, 'cond'))} ${regName(num(ops, 'rt'))}, ${address}`;
    },
  };
}

export const LOAD_STORE_FORMS: readonly A32Form[] = (['ldr', 'str', 'ldrb', 'strb'] as const).flatMap((op) => [
  ...INDEX_MODES.map((mode) => immediateForm(op, mode)),
  ...INDEX_MODES.map((mode) => registerForm(op, mode, false)),
  registerForm(op, 'offset', true),
]);
