// Operand vocabulary of the A32 encoder: registers, conditions, shifts, and the
// operand specs each instruction form declares. The specs drive both the
// encoder's operand checks and the property tests' random operand generators.

/** A core register number, 0..15 (13 = sp, 14 = lr, 15 = pc). */
export type Reg = number;
/** A VFP double register number, 0..15 (VFPv3-D16). */
export type DReg = number;
/** A VFP single register number, 0..31. */
export type SReg = number;

export const R = {
  r0: 0,
  r1: 1,
  r2: 2,
  r3: 3,
  r4: 4,
  r5: 5,
  r6: 6,
  r7: 7,
  r8: 8,
  r9: 9,
  r10: 10,
  r11: 11,
  r12: 12,
  sp: 13,
  lr: 14,
  pc: 15,
} as const;

export const SP = 13;
export const LR = 14;
export const PC = 15;

export const CONDITIONS = [
  'eq',
  'ne',
  'cs',
  'cc',
  'mi',
  'pl',
  'vs',
  'vc',
  'hi',
  'ls',
  'ge',
  'lt',
  'gt',
  'le',
  'al',
] as const;
export type CondName = (typeof CONDITIONS)[number];
/** A condition code, 0..14 (14 = AL, always). */
export type Cond = number;

export const COND = Object.fromEntries(CONDITIONS.map((name, code) => [name, code])) as Readonly<
  Record<CondName, Cond>
>;
export const AL: Cond = 14;

/** The opposite condition (eq ↔ ne, ...); AL has none. */
export function invertCond(cond: Cond): Cond {
  if (cond === AL) throw new RangeError('the always condition has no inverse');
  return cond ^ 1;
}

export const SHIFT_TYPES = ['lsl', 'lsr', 'asr', 'ror'] as const;
export type ShiftType = (typeof SHIFT_TYPES)[number];
export const SHIFT_CODE: Readonly<Record<ShiftType, number>> = { lsl: 0, lsr: 1, asr: 2, ror: 3 };

export function regName(reg: Reg): string {
  return reg === SP ? 'sp' : reg === LR ? 'lr' : reg === PC ? 'pc' : `r${reg}`;
}

export function condSuffix(cond: Cond): string {
  return cond === AL ? '' : CONDITIONS[cond]!;
}

/** Register lists are written as ascending arrays of register numbers. */
export function regListMask(regs: readonly Reg[]): number {
  return regs.reduce((mask, reg) => mask | (1 << reg), 0);
}

export function regListAsm(regs: readonly Reg[]): string {
  return `{${[...regs]
    .sort((a, b) => a - b)
    .map(regName)
    .join(', ')}}`;
}

// ---- operand specs --------------------------------------------------------------

export type OperandValue = number | boolean | readonly number[];
export type Operands = Readonly<Record<string, OperandValue>>;

export type OperandSpec =
  | { readonly kind: 'cond'; readonly always?: boolean }
  | { readonly kind: 'reg'; readonly allowed: readonly Reg[] }
  | { readonly kind: 'dreg' }
  | { readonly kind: 'sreg' }
  | { readonly kind: 'int'; readonly min: number; readonly max: number; readonly multipleOf?: number }
  | { readonly kind: 'flag' }
  /** A 32-bit value that has an A32 modified-immediate encoding. */
  | { readonly kind: 'modimm' }
  /** A double that has a VFPv3 8-bit immediate encoding. */
  | { readonly kind: 'vfpimm' }
  /** A non-empty ascending list of distinct registers drawn from `allowed`. */
  | { readonly kind: 'reglist'; readonly allowed: readonly Reg[]; readonly maxLength?: number };

export const ALL_REGS: readonly Reg[] = Array.from({ length: 16 }, (_, i) => i);
/** r0..lr: every register but pc. */
export const REGS_NO_PC: readonly Reg[] = ALL_REGS.filter((r) => r !== PC);
/** r0..r12 and lr: the registers a load/store-multiple list may hold besides pc. */
export const REGS_NO_SP_PC: readonly Reg[] = ALL_REGS.filter((r) => r !== SP && r !== PC);

export const spec = {
  cond: (): OperandSpec => ({ kind: 'cond' }),
  /** Unconditional instructions (udf, bkpt) still take a cond operand, fixed to AL. */
  alwaysCond: (): OperandSpec => ({ kind: 'cond', always: true }),
  reg: (allowed: readonly Reg[] = REGS_NO_PC): OperandSpec => ({ kind: 'reg', allowed }),
  dreg: (): OperandSpec => ({ kind: 'dreg' }),
  sreg: (): OperandSpec => ({ kind: 'sreg' }),
  int: (min: number, max: number, multipleOf?: number): OperandSpec =>
    multipleOf === undefined ? { kind: 'int', min, max } : { kind: 'int', min, max, multipleOf },
  flag: (): OperandSpec => ({ kind: 'flag' }),
  modimm: (): OperandSpec => ({ kind: 'modimm' }),
  vfpimm: (): OperandSpec => ({ kind: 'vfpimm' }),
  reglist: (allowed: readonly Reg[], maxLength?: number): OperandSpec =>
    maxLength === undefined ? { kind: 'reglist', allowed } : { kind: 'reglist', allowed, maxLength },
} as const;

export const DREG_COUNT = 16;
export const SREG_COUNT = 32;
