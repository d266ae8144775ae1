// Conversions between doubles and 32-bit integers (held in s registers) and
// between doubles and singles. `vcvt` to an integer rounds toward zero (C casts);
// `vcvtr` uses the FPSCR rounding mode. Both saturate, and NaN gives 0.
import { condBits, mnemonic, type A32Form } from '../form.ts';
import { spec, type Operands } from '../operands.ts';
import { dregName, sregName, vfpField } from './vfp-fields.ts';

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

/** vcvt.f64.<s32|u32|f32> dd, sm */
function toDoubleForm(mnemonicBase: string, types: string, fixed: number): A32Form {
  return {
    name: `${mnemonicBase}${types}`,
    operands: { cond: spec.cond(), dd: spec.dreg(), sm: spec.sreg() },
    encode: (ops) => condBits(num(ops, 'cond')) | fixed | vfpField.dd(num(ops, 'dd')) | vfpField.sm(num(ops, 'sm')),
    toAsm: (ops) =>
      `${mnemonic(mnemonicBase, num(ops, 'cond'), types)} ${dregName(num(ops, 'dd'))}, ${sregName(num(ops, 'sm'))}`,
  };
}

/** vcvt{r}.<s32|u32|f32>.f64 sd, dm */
function fromDoubleForm(mnemonicBase: string, types: string, fixed: number): A32Form {
  return {
    name: `${mnemonicBase}${types}`,
    operands: { cond: spec.cond(), sd: spec.sreg(), dm: spec.dreg() },
    encode: (ops) => condBits(num(ops, 'cond')) | fixed | vfpField.sd(num(ops, 'sd')) | vfpField.dm(num(ops, 'dm')),
    toAsm: (ops) =>
      `${mnemonic(mnemonicBase, num(ops, 'cond'), types)} ${sregName(num(ops, 'sd'))}, ${dregName(num(ops, 'dm'))}`,
  };
}

export const VFP_CONVERT_FORMS: readonly A32Form[] = [
  toDoubleForm('vcvt', '.f64.s32', 0x0eb80bc0),
  toDoubleForm('vcvt', '.f64.u32', 0x0eb80b40),
  toDoubleForm('vcvt', '.f64.f32', 0x0eb70ac0),
  fromDoubleForm('vcvt', '.s32.f64', 0x0ebd0bc0),
  fromDoubleForm('vcvtr', '.s32.f64', 0x0ebd0b40),
  fromDoubleForm('vcvt', '.u32.f64', 0x0ebc0bc0),
  fromDoubleForm('vcvtr', '.u32.f64', 0x0ebc0b40),
  fromDoubleForm('vcvt', '.f32.f64', 0x0eb70bc0),
];
