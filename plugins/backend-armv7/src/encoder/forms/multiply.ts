// Multiplies and divides: mul mla mls, the 64-bit umull umlal smull smlal, sdiv udiv.
// pc is UNPREDICTABLE in all of them.
import { condBits, mnemonic, type A32Form } from '../form.ts';
import { regName, spec, type Operands } from '../operands.ts';

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

function asm(base: string, ops: Operands, names: readonly string[]): string {
  return `${mnemonic(base, num(ops, 'cond'))} ${names.map((n) => regName(num(ops, n))).join(', ')}`;
}

/** mul rd, rn, rm */
function mulForm(setFlags: boolean): A32Form {
  const base = setFlags ? 'muls' : 'mul';
  return {
    name: base,
    operands: { cond: spec.cond(), rd: spec.reg(), rn: spec.reg(), rm: spec.reg() },
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      ((setFlags ? 1 : 0) << 20) |
      (num(ops, 'rd') << 16) |
      (num(ops, 'rm') << 8) |
      0x90 |
      num(ops, 'rn'),
    toAsm: (ops) => asm(base, ops, ['rd', 'rn', 'rm']),
  };
}

/** mla/mls rd, rn, rm, ra: rd = ra ± rn × rm */
function accumulateForm(base: 'mla' | 'mlas' | 'mls', opBits: number): A32Form {
  return {
    name: base,
    operands: { cond: spec.cond(), rd: spec.reg(), rn: spec.reg(), rm: spec.reg(), ra: spec.reg() },
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      (opBits << 20) |
      (num(ops, 'rd') << 16) |
      (num(ops, 'ra') << 12) |
      (num(ops, 'rm') << 8) |
      0x90 |
      num(ops, 'rn'),
    toAsm: (ops) => asm(base, ops, ['rd', 'rn', 'rm', 'ra']),
  };
}

/** umull/smull/umlal/smlal rdlo, rdhi, rn, rm */
function longForm(op: 'umull' | 'umlal' | 'smull' | 'smlal', setFlags: boolean): A32Form {
  const opBits = { umull: 0b100, umlal: 0b101, smull: 0b110, smlal: 0b111 }[op];
  const base = setFlags ? `${op}s` : op;
  return {
    name: base,
    operands: { cond: spec.cond(), rdlo: spec.reg(), rdhi: spec.reg(), rn: spec.reg(), rm: spec.reg() },
    constraint: (ops) => (ops['rdlo'] === ops['rdhi'] ? 'rdlo and rdhi must differ' : undefined),
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      (opBits << 21) |
      ((setFlags ? 1 : 0) << 20) |
      (num(ops, 'rdhi') << 16) |
      (num(ops, 'rdlo') << 12) |
      (num(ops, 'rm') << 8) |
      0x90 |
      num(ops, 'rn'),
    toAsm: (ops) => asm(base, ops, ['rdlo', 'rdhi', 'rn', 'rm']),
  };
}

/** sdiv/udiv rd, rn, rm (ARMv7VE: Cortex-A15 has them, Cortex-A8 does not). */
function divideForm(base: 'sdiv' | 'udiv'): A32Form {
  const fixed = base === 'sdiv' ? 0x0710f010 : 0x0730f010;
  return {
    name: base,
    operands: { cond: spec.cond(), rd: spec.reg(), rn: spec.reg(), rm: spec.reg() },
    encode: (ops) =>
      condBits(num(ops, 'cond')) | fixed | (num(ops, 'rd') << 16) | (num(ops, 'rm') << 8) | num(ops, 'rn'),
    toAsm: (ops) => asm(base, ops, ['rd', 'rn', 'rm']),
  };
}

export const MULTIPLY_FORMS: readonly A32Form[] = [
  mulForm(false),
  mulForm(true),
  accumulateForm('mla', 0b0010),
  accumulateForm('mlas', 0b0011),
  accumulateForm('mls', 0b0110),
  ...(['umull', 'umlal', 'smull', 'smlal'] as const).flatMap((op) => [longForm(op, false), longForm(op, true)]),
  divideForm('sdiv'),
  divideForm('udiv'),
];
