// Moving doubles around: between core registers and d/s registers, loads and
// stores with an offset, the VFPv3 immediate, and multiple loads/stores
// (vpush/vpop and vldm/vstm) of a consecutive d-register range.
import { condBits, immAsm, mnemonic, type A32Form } from '../form.ts';
import { ALL_REGS, DREG_COUNT, REGS_NO_PC, SP, regName, spec, type Operands } from '../operands.ts';
import { encodeVfpImmediate } from '../vfp-immediate.ts';
import { dregName, sregName, vfpField } from './vfp-fields.ts';

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

/** A float literal; a bare integer would be read as the raw 8-bit encoding. */
function floatAsm(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Offsets are words: ±1020 in steps of 4. */
const vfpOffset = () => spec.int(-1020, 1020, 4);

function offsetBits(offset: number): number {
  return (offset >= 0 ? 1 << 23 : 0) | (Math.abs(offset) >> 2);
}

function loadStoreForm(op: 'vldr' | 'vstr', size: 'f64' | 'f32'): A32Form {
  const double = size === 'f64';
  const fixed = (op === 'vldr' ? 0x0d100a00 : 0x0d000a00) | (double ? 0x100 : 0);
  const regName_ = double ? dregName : sregName;
  const regOperand = double ? 'dd' : 'sd';
  return {
    name: `${op}.${size}`,
    operands: {
      cond: spec.cond(),
      [regOperand]: double ? spec.dreg() : spec.sreg(),
      rn: spec.reg(op === 'vldr' ? ALL_REGS : REGS_NO_PC),
      offset: vfpOffset(),
    },
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      fixed |
      offsetBits(num(ops, 'offset')) |
      (num(ops, 'rn') << 16) |
      (double ? vfpField.dd(num(ops, 'dd')) : vfpField.sd(num(ops, 'sd'))),
    toAsm: (ops) => {
      const address = `[${regName(num(ops, 'rn'))}, ${immAsm(num(ops, 'offset'))}]`;
      return `${mnemonic(op, num(ops, 'cond'))} ${regName_(num(ops, regOperand))}, ${address}`;
    },
  };
}

function dRangeAsm(first: number, count: number): string {
  return count === 1 ? `{${dregName(first)}}` : `{${dregName(first)}-${dregName(first + count - 1)}}`;
}

const rangeOperands = () => ({ first: spec.dreg(), count: spec.int(1, DREG_COUNT) });

function rangeProblem(ops: Operands): string | undefined {
  return num(ops, 'first') + num(ops, 'count') > DREG_COUNT ? `the range passes d${DREG_COUNT - 1}` : undefined;
}

function rangeBits(ops: Operands): number {
  return vfpField.dd(num(ops, 'first')) | (num(ops, 'count') * 2);
}

/** vpush/vpop {dfirst-dlast}: vstmdb sp! / vldmia sp! */
function stackForm(op: 'vpush' | 'vpop', fixed: number): A32Form {
  return {
    name: op,
    operands: { cond: spec.cond(), ...rangeOperands() },
    constraint: rangeProblem,
    encode: (ops) => condBits(num(ops, 'cond')) | fixed | (SP << 16) | rangeBits(ops),
    toAsm: (ops) => `${mnemonic(op, num(ops, 'cond'))} ${dRangeAsm(num(ops, 'first'), num(ops, 'count'))}`,
  };
}

/** vldmia/vstmia rn{!}, and vldmdb/vstmdb rn! (decrement-before requires writeback). */
function blockForm(op: 'vldm' | 'vstm', mode: 'ia' | 'db', writeback: boolean): A32Form {
  const load = op === 'vldm' ? 1 << 20 : 0;
  const modeBits = mode === 'ia' ? 0x0c800b00 : 0x0d000b00;
  return {
    name: `${op}.${mode}${writeback ? '.wb' : ''}`,
    operands: { cond: spec.cond(), rn: spec.reg(REGS_NO_PC), ...rangeOperands() },
    constraint: rangeProblem,
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      modeBits |
      load |
      ((writeback ? 1 : 0) << 21) |
      (num(ops, 'rn') << 16) |
      rangeBits(ops),
    toAsm: (ops) => {
      const base = `${regName(num(ops, 'rn'))}${writeback ? '!' : ''}`;
      const range = dRangeAsm(num(ops, 'first'), num(ops, 'count'));
      return `${mnemonic(`${op}${mode}`, num(ops, 'cond'))} ${base}, ${range}`;
    },
  };
}

/** The two core registers a vmov moves a double through: "rt, rt2". */
function coreRegPairAsm(ops: Operands): string {
  return `${regName(num(ops, 'rt'))}, ${regName(num(ops, 'rt2'))}`;
}

export const VFP_TRANSFER_FORMS: readonly A32Form[] = [
  {
    name: 'vmov.core-to-d',
    operands: { cond: spec.cond(), dm: spec.dreg(), rt: spec.reg(), rt2: spec.reg() },
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      0x0c400b10 |
      (num(ops, 'rt2') << 16) |
      (num(ops, 'rt') << 12) |
      vfpField.dm(num(ops, 'dm')),
    toAsm: (ops) => `${mnemonic('vmov', num(ops, 'cond'))} ${dregName(num(ops, 'dm'))}, ${coreRegPairAsm(ops)}`,
  },
  {
    name: 'vmov.d-to-core',
    operands: { cond: spec.cond(), rt: spec.reg(), rt2: spec.reg(), dm: spec.dreg() },
    constraint: (ops) => (ops['rt'] === ops['rt2'] ? 'rt and rt2 must differ' : undefined),
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      0x0c500b10 |
      (num(ops, 'rt2') << 16) |
      (num(ops, 'rt') << 12) |
      vfpField.dm(num(ops, 'dm')),
    toAsm: (ops) => `${mnemonic('vmov', num(ops, 'cond'))} ${coreRegPairAsm(ops)}, ${dregName(num(ops, 'dm'))}`,
  },
  {
    name: 'vmov.core-to-s',
    operands: { cond: spec.cond(), sn: spec.sreg(), rt: spec.reg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0e000a10 | vfpField.sn(num(ops, 'sn')) | (num(ops, 'rt') << 12),
    toAsm: (ops) => `${mnemonic('vmov', num(ops, 'cond'))} ${sregName(num(ops, 'sn'))}, ${regName(num(ops, 'rt'))}`,
  },
  {
    name: 'vmov.s-to-core',
    operands: { cond: spec.cond(), rt: spec.reg(), sn: spec.sreg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0e100a10 | vfpField.sn(num(ops, 'sn')) | (num(ops, 'rt') << 12),
    toAsm: (ops) => `${mnemonic('vmov', num(ops, 'cond'))} ${regName(num(ops, 'rt'))}, ${sregName(num(ops, 'sn'))}`,
  },
  {
    name: 'vmov.f64.imm',
    operands: { cond: spec.cond(), dd: spec.dreg(), value: spec.vfpimm() },
    encode: (ops) => {
      const imm8 = encodeVfpImmediate(num(ops, 'value'))!;
      return condBits(num(ops, 'cond')) | 0x0eb00b00 | ((imm8 >> 4) << 16) | vfpField.dd(num(ops, 'dd')) | (imm8 & 0xf);
    },
    toAsm: (ops) =>
      `${mnemonic('vmov', num(ops, 'cond'), '.f64')} ${dregName(num(ops, 'dd'))}, #${floatAsm(num(ops, 'value'))}`,
  },
  loadStoreForm('vldr', 'f64'),
  loadStoreForm('vstr', 'f64'),
  loadStoreForm('vldr', 'f32'),
  loadStoreForm('vstr', 'f32'),
  stackForm('vpush', 0x0d200b00 | (1 << 21)),
  stackForm('vpop', 0x0c900b00 | (1 << 21)),
  blockForm('vldm', 'ia', false),
  blockForm('vldm', 'ia', true),
  blockForm('vldm', 'db', true),
  blockForm('vstm', 'ia', false),
  blockForm('vstm', 'ia', true),
  blockForm('vstm', 'db', true),
];
