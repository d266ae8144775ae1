// Branches: b and bl with a signed 24-bit word offset, bx and blx to a register.
// The offset counts words from the branch's address + 8 (the A32 PC reads ahead).
import { condBits, mnemonic, type A32Form } from '../form.ts';
import { REGS_NO_PC, ALL_REGS, regName, spec, type Operands } from '../operands.ts';

export const BRANCH_OFFSET_MIN = -(1 << 23);
export const BRANCH_OFFSET_MAX = (1 << 23) - 1;

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

/** GNU as has no syntax for a raw offset; `.` is the branch's own address. */
function targetAsm(offsetWords: number): string {
  const bytes = offsetWords * 4 + 8;
  return bytes < 0 ? `.-${-bytes}` : `.+${bytes}`;
}

function relativeForm(base: 'b' | 'bl', linkBit: number): A32Form {
  return {
    name: base,
    operands: { cond: spec.cond(), offset: spec.int(BRANCH_OFFSET_MIN, BRANCH_OFFSET_MAX) },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x0a000000 | linkBit | (num(ops, 'offset') & 0xffffff),
    toAsm: (ops) => `${mnemonic(base, num(ops, 'cond'))} ${targetAsm(num(ops, 'offset'))}`,
  };
}

export const BRANCH_FORMS: readonly A32Form[] = [
  relativeForm('b', 0),
  relativeForm('bl', 1 << 24),
  {
    name: 'bx',
    operands: { cond: spec.cond(), rm: spec.reg(ALL_REGS) },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x012fff10 | num(ops, 'rm'),
    toAsm: (ops) => `${mnemonic('bx', num(ops, 'cond'))} ${regName(num(ops, 'rm'))}`,
  },
  {
    name: 'blx.reg',
    operands: { cond: spec.cond(), rm: spec.reg(REGS_NO_PC) },
    encode: (ops) => condBits(num(ops, 'cond')) | 0x012fff30 | num(ops, 'rm'),
    toAsm: (ops) => `${mnemonic('blx', num(ops, 'cond'))} ${regName(num(ops, 'rm'))}`,
  },
];
