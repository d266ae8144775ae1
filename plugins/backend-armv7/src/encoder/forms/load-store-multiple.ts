// ldm/stm in the four addressing modes, with and without writeback, and push/pop.
// Like GNU as, push/pop of a single register use the str/ldr encodings (ARM ARM
// encoding A2), which is also what the emulator runs fastest.
import { condBits, mnemonic, type A32Form } from '../form.ts';
import {
  ALL_REGS,
  REGS_NO_PC,
  REGS_NO_SP_PC,
  SP,
  regListAsm,
  regListMask,
  regName,
  spec,
  type Operands,
} from '../operands.ts';

type BlockMode = 'ia' | 'ib' | 'da' | 'db';

/** P (bit 24) and U (bit 23) per mode. */
const MODE_BITS: Readonly<Record<BlockMode, number>> = {
  da: 0,
  ia: 1 << 23,
  db: 1 << 24,
  ib: (1 << 24) | (1 << 23),
};

/** sp in a list is UNPREDICTABLE; pc may be loaded (a return) but storing it is deprecated. */
const LOADABLE_LIST_REGS = ALL_REGS.filter((r) => r !== SP);
const STORABLE_LIST_REGS = REGS_NO_SP_PC;

function num(ops: Operands, name: string): number {
  return ops[name] as number;
}

function list(ops: Operands): readonly number[] {
  return ops['regs'] as readonly number[];
}

function blockForm(load: boolean, mode: BlockMode, writeback: boolean): A32Form {
  const base = `${load ? 'ldm' : 'stm'}${mode}`;
  return {
    name: `${load ? 'ldm' : 'stm'}.${mode}${writeback ? '.wb' : ''}`,
    operands: {
      cond: spec.cond(),
      rn: spec.reg(REGS_NO_PC),
      regs: spec.reglist(load ? LOADABLE_LIST_REGS : STORABLE_LIST_REGS),
    },
    constraint: (ops) =>
      writeback && list(ops).includes(num(ops, 'rn')) ? 'with writeback the base may not be in the list' : undefined,
    encode: (ops) =>
      condBits(num(ops, 'cond')) |
      0x08000000 |
      MODE_BITS[mode] |
      ((writeback ? 1 : 0) << 21) |
      ((load ? 1 : 0) << 20) |
      (num(ops, 'rn') << 16) |
      regListMask(list(ops)),
    toAsm: (ops) =>
      `${mnemonic(base, num(ops, 'cond'))} ${regName(num(ops, 'rn'))}${writeback ? '!' : ''}, ${regListAsm(list(ops))}`,
  };
}

/** push = stmdb sp!, list; one register: str rt, [sp, #-4]! */
const PUSH: A32Form = {
  name: 'push',
  operands: { cond: spec.cond(), regs: spec.reglist(REGS_NO_SP_PC) },
  encode: (ops) => {
    const regs = list(ops);
    if (regs.length === 1) return condBits(num(ops, 'cond')) | 0x052d0004 | (regs[0]! << 12);
    return condBits(num(ops, 'cond')) | 0x092d0000 | regListMask(regs);
  },
  toAsm: (ops) => `${mnemonic('push', num(ops, 'cond'))} ${regListAsm(list(ops))}`,
};

/** pop = ldmia sp!, list; one register: ldr rt, [sp], #4 */
const POP: A32Form = {
  name: 'pop',
  operands: { cond: spec.cond(), regs: spec.reglist(LOADABLE_LIST_REGS) },
  encode: (ops) => {
    const regs = list(ops);
    if (regs.length === 1) return condBits(num(ops, 'cond')) | 0x049d0004 | (regs[0]! << 12);
    return condBits(num(ops, 'cond')) | 0x08bd0000 | regListMask(regs);
  },
  toAsm: (ops) => `${mnemonic('pop', num(ops, 'cond'))} ${regListAsm(list(ops))}`,
};

export const LOAD_STORE_MULTIPLE_FORMS: readonly A32Form[] = [
  ...[true, false].flatMap((load) =>
    (['ia', 'ib', 'da', 'db'] as const).flatMap((mode) => [blockForm(load, mode, false), blockForm(load, mode, true)]),
  ),
  PUSH,
  POP,
];
