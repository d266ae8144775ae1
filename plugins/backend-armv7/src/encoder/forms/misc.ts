// movw movt clz, and the system odds and ends a JIT needs: nop, udf (traps),
// svc, bkpt, and reading/writing the flags with mrs/msr.
import { condBits, immAsm, mnemonic, type A32Form } from '../form.ts';
import { AL, regName, spec, type Operands } from '../operands.ts';

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

/** A 16-bit immediate split as imm4:imm12 (movw, movt). */
function wideMoveForm(base: 'movw' | 'movt', fixed: number): A32Form {
  return {
    name: base,
    operands: { cond: spec.cond(), rd: spec.reg(), imm: spec.int(0, 0xffff) },
    encode: (ops) => {
      const imm = num(ops, 'imm');
      return condBits(num(ops, 'cond')) | fixed | ((imm >> 12) << 16) | (num(ops, 'rd') << 12) | (imm & 0xfff);
    },
    toAsm: (ops) =>
      `${mnemonic(base, num(ops, 'cond'))} ${regName(num(ops, 'rd'))}, #0x${num(ops, 'imm').toString(16)}`,
  };
}

/** A 16-bit immediate split as imm12:imm4 around bits 7..4 (udf, bkpt). These are unconditional. */
function split16(imm: number): number {
  return ((imm >> 4) << 8) | (imm & 0xf);
}

export const MISC_FORMS: readonly A32Form[] = [
  wideMoveForm('movw', 0x03000000),
  wideMoveForm('movt', 0x03400000),
  {
    name: 'clz',
    operands: { cond: spec.cond(), rd: spec.reg(), rm: spec.reg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x016f0f10 | (num(ops, 'rd') << 12) | num(ops, 'rm'),
    toAsm: (ops) => `${mnemonic('clz', num(ops, 'cond'))} ${regName(num(ops, 'rd'))}, ${regName(num(ops, 'rm'))}`,
  },
  {
    name: 'nop',
    operands: { cond: spec.cond() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0320f000,
    toAsm: (ops) => mnemonic('nop', num(ops, 'cond')),
  },
  {
    name: 'udf',
    operands: { cond: spec.alwaysCond(), imm: spec.int(0, 0xffff) },
    encode: (ops) => condBits(AL) | 0x07f000f0 | split16(num(ops, 'imm')),
    toAsm: (ops) => `udf #${num(ops, 'imm')}`,
  },
  {
    name: 'bkpt',
    operands: { cond: spec.alwaysCond(), imm: spec.int(0, 0xffff) },
    encode: (ops) => condBits(AL) | 0x01200070 | split16(num(ops, 'imm')),
    toAsm: (ops) => `bkpt #${num(ops, 'imm')}`,
  },
  {
    name: 'svc',
    operands: { cond: spec.cond(), imm: spec.int(0, 0xffffff) },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0f000000 | num(ops, 'imm'),
    toAsm: (ops) => `${mnemonic('svc', num(ops, 'cond'))} ${immAsm(num(ops, 'imm'))}`,
  },
  {
    name: 'mrs.apsr',
    operands: { cond: spec.cond(), rd: spec.reg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x010f0000 | (num(ops, 'rd') << 12),
    toAsm: (ops) => `${mnemonic('mrs', num(ops, 'cond'))} ${regName(num(ops, 'rd'))}, APSR`,
  },
  {
    name: 'msr.apsr-nzcvq',
    operands: { cond: spec.cond(), rn: spec.reg() },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0128f000 | num(ops, 'rn'),
    toAsm: (ops) => `${mnemonic('msr', num(ops, 'cond'))} APSR_nzcvq, ${regName(num(ops, 'rn'))}`,
  },
];
