// VFP double-precision arithmetic and comparison: vadd vsub vmul vdiv vmla vmls
// vnmul vnmla vnmls (dd, dn, dm); vabs vneg vsqrt vmov (dd, dm); vcmp/vcmpe
// against a register or #0; vmrs/vmsr to move the FP flags and FPSCR.
import { condBits, mnemonic, type A32Form } from '../form.ts';
import { regName, spec, type Operands } from '../operands.ts';
import { dregName, vfpField } from './vfp-fields.ts';

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

function threeOperandForm(op: string, fixed: number): A32Form {
  return {
    name: `${op}.f64`,
    operands: { cond: spec.cond(), dd: spec.dreg(), dn: spec.dreg(), dm: spec.dreg() },
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      fixed |
      vfpField.dd(num(ops, 'dd')) |
      vfpField.dn(num(ops, 'dn')) |
      vfpField.dm(num(ops, 'dm')),
    toAsm: (ops) => {
      const regs = ['dd', 'dn', 'dm'].map((name) => dregName(num(ops, name)));
      return `${mnemonic(op, num(ops, 'cond'), '.f64')} ${regs.join(', ')}`;
    },
  };
}

function twoOperandForm(op: string, fixed: number): A32Form {
  return {
    name: `${op}.f64`,
    operands: { cond: spec.cond(), dd: spec.dreg(), dm: spec.dreg() },
    encode: (ops) => condBits(num(ops, 'cond')) | fixed | vfpField.dd(num(ops, 'dd')) | vfpField.dm(num(ops, 'dm')),
    toAsm: (ops) =>
      `${mnemonic(op, num(ops, 'cond'), '.f64')} ${dregName(num(ops, 'dd'))}, ${dregName(num(ops, 'dm'))}`,
  };
}

/** vcmp/vcmpe dd, #0 (the only immediate a compare takes). */
function compareZeroForm(op: 'vcmp' | 'vcmpe', fixed: number): A32Form {
  return {
    name: `${op}.f64.zero`,
    operands: { cond: spec.cond(), dd: spec.dreg() },
    encode: (ops) => condBits(num(ops, 'cond')) | fixed | vfpField.dd(num(ops, 'dd')),
    toAsm: (ops) => `${mnemonic(op, num(ops, 'cond'), '.f64')} ${dregName(num(ops, 'dd'))}, #0`,
  };
}

export const VFP_ARITHMETIC_FORMS: readonly A32Form[] = [
  threeOperandForm('vadd', 0x0e300b00),
  threeOperandForm('vsub', 0x0e300b40),
  threeOperandForm('vmul', 0x0e200b00),
  threeOperandForm('vdiv', 0x0e800b00),
  threeOperandForm('vmla', 0x0e000b00),
  threeOperandForm('vmls', 0x0e000b40),
  threeOperandForm('vnmul', 0x0e200b40),
  threeOperandForm('vnmla', 0x0e100b40),
  threeOperandForm('vnmls', 0x0e100b00),
  twoOperandForm('vabs', 0x0eb00bc0),
  twoOperandForm('vneg', 0x0eb10b40),
  twoOperandForm('vsqrt', 0x0eb10bc0),
  twoOperandForm('vmov', 0x0eb00b40),
  twoOperandForm('vcmp', 0x0eb40b40),
  twoOperandForm('vcmpe', 0x0eb40bc0),
  compareZeroForm('vcmp', 0x0eb50b40),
  compareZeroForm('vcmpe', 0x0eb50bc0),
  {
    name: 'vmrs.apsr-nzcv',
    operands: { cond: spec.cond() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0ef1fa10,
    toAsm: (ops) => `${mnemonic('vmrs', num(ops, 'cond'))} APSR_nzcv, fpscr`,
  },
  {
    name: 'vmrs.fpscr',
    operands: { cond: spec.cond(), rt: spec.reg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0ef10a10 | (num(ops, 'rt') << 12),
    toAsm: (ops) => `${mnemonic('vmrs', num(ops, 'cond'))} ${regName(num(ops, 'rt'))}, fpscr`,
  },
  {
    name: 'vmsr.fpscr',
    operands: { cond: spec.cond(), rt: spec.reg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0ee10a10 | (num(ops, 'rt') << 12),
    toAsm: (ops) => `${mnemonic('vmsr', num(ops, 'cond'))} fpscr, ${regName(num(ops, 'rt'))}`,
  },
];
