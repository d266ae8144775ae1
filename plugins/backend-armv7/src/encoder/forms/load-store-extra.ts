// The "extra" loads and stores: ldrh strh ldrsb ldrsh ldrd strd, with an 8-bit
// immediate offset or a plain register offset, in offset/pre/post modes.
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

type ExtraOp = 'ldrh' | 'strh' | 'ldrsb' | 'ldrsh' | 'ldrd' | 'strd';

/** L (bit 20) and bits 7..4 of each operation. */
const OP_BITS: Readonly<Record<ExtraOp, number>> = {
  strh: 0xb0,
  ldrh: (1 << 20) | 0xb0,
  ldrsb: (1 << 20) | 0xd0,
  ldrsh: (1 << 20) | 0xf0,
  ldrd: 0xd0,
  strd: 0xf0,
};

/** ldrd/strd move rt and rt+1: rt must be even and rt+1 not pc. */
const EVEN_PAIR_FIRST_REGS = [0, 2, 4, 6, 8, 10, 12];

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

function isDual(op: ExtraOp): boolean {
  return op === 'ldrd' || op === 'strd';
}

function transferAsm(op: ExtraOp, ops: Operands): string {
  const rt = num(ops, 'rt');
  return isDual(op) ? `${regName(rt)}, ${regName(rt + 1)}` : regName(rt);
}

function transferSpec(op: ExtraOp): OperandSpec {
  return isDual(op) ? spec.reg(EVEN_PAIR_FIRST_REGS) : spec.reg(REGS_NO_PC);
}

function transferred(op: ExtraOp): string[] {
  return isDual(op) ? ['rt', 'rt+1'] : ['rt'];
}

function immediateForm(op: ExtraOp, mode: IndexMode): A32Form {
  return {
    name: `${op}.imm${indexModeSuffix(mode)}`,
    operands: {
      cond: spec.cond(),
      rt: transferSpec(op),
      rn: spec.reg(mode === 'offset' ? ALL_REGS : REGS_NO_PC),
      offset: spec.int(-255, 255),
    },
    constraint: (ops) => writebackProblem(mode, ops, transferred(op)),
    encode: (ops) => {
      const magnitude = Math.abs(num(ops, 'offset'));
      return (
        condBits(num(ops, 'cond')) |
        indexBits(mode) |
        addBit(num(ops, 'offset')) |
        (1 << 22) |
        OP_BITS[op] |
        (num(ops, 'rn') << 16) |
        (num(ops, 'rt') << 12) |
        ((magnitude >> 4) << 8) |
        (magnitude & 0xf)
      );
    },
    toAsm: (ops) => {
      const address = immAddressAsm(mode, num(ops, 'rn'), num(ops, 'offset'));
      return `${mnemonic(op, num(ops, 'cond'))} ${transferAsm(op, ops)}, ${address}`;
    },
  };
}

function registerForm(op: ExtraOp, mode: IndexMode): A32Form {
  return {
    name: `${op}.reg${indexModeSuffix(mode)}`,
    operands: {
      cond: spec.cond(),
      rt: transferSpec(op),
      rn: spec.reg(REGS_NO_PC),
      rm: spec.reg(REGS_NO_PC),
      subtract: spec.flag(),
    },
    constraint: (ops) => {
      if (op === 'ldrd' && (ops['rm'] === ops['rt'] || ops['rm'] === num(ops, 'rt') + 1)) {
        return 'ldrd index register must differ from the loaded registers';
      }
      return writebackProblem(mode, ops, transferred(op));
    },
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      indexBits(mode) |
      addBit(ops['subtract'] as boolean) |
      OP_BITS[op] |
      (num(ops, 'rn') << 16) |
      (num(ops, 'rt') << 12) |
      num(ops, 'rm'),
    toAsm: (ops) => {
      const address = regAddressAsm(mode, num(ops, 'rn'), num(ops, 'rm'), ops['subtract'] as boolean);
      return `${mnemonic(op, num(ops, 'cond'))} ${transferAsm(op, ops)}, ${address}`;
    },
  };
}

export const LOAD_STORE_EXTRA_FORMS: readonly A32Form[] = (
  ['ldrh', 'strh', 'ldrsb', 'ldrsh', 'ldrd', 'strd'] as const
).flatMap((op) => [
  ...INDEX_MODES.map((mode) => immediateForm(op, mode)),
  ...INDEX_MODES.map((mode) => registerForm(op, mode)),
]);
