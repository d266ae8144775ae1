// Typed helpers over the form table, in assembly operand order with the
// condition first: `a32.addImm(AL, rd, rn, 4)`. Each returns the checked word.
import { encodeA32 } from './a32-forms.ts';
import { dpShape, type DpOp } from './forms/data-processing.ts';
import type { IndexMode } from './forms/addressing.ts';
import type { Cond, DReg, Reg, SReg, ShiftType } from './operands.ts';

export type BinaryOp = Exclude<DpOp, 'mov' | 'mvn' | 'tst' | 'teq' | 'cmp' | 'cmn'>;
export type MoveOp = 'mov' | 'mvn';
export type CompareOp = 'tst' | 'teq' | 'cmp' | 'cmn';

/** A shift applied to a register operand; `{ type: 'lsl', amount: 0 }` is no shift. */
export type ImmediateShift = { readonly type: ShiftType; readonly amount: number } | { readonly type: 'rrx' };

export type WordByteOp = 'ldr' | 'str' | 'ldrb' | 'strb';
export type HalfDualOp = 'ldrh' | 'strh' | 'ldrsb' | 'ldrsh' | 'ldrd' | 'strd';
export type BlockMode = 'ia' | 'ib' | 'da' | 'db';

const NO_SHIFT: ImmediateShift = { type: 'lsl', amount: 0 };

function dpBase(op: DpOp, setFlags: boolean): string {
  return setFlags && dpShape(op) !== 'compare' ? `${op}s` : op;
}

/** The form-name suffix and extra operands for a shifted register operand. */
function shiftVariant(shift: ImmediateShift): { suffix: string; extra: { amount?: number } } {
  if (shift.type === 'rrx') return { suffix: 'reg.rrx', extra: {} };
  if (shift.amount === 0 && shift.type === 'lsl') return { suffix: 'reg', extra: {} };
  return { suffix: `reg.${shift.type}`, extra: { amount: shift.amount } };
}

function dpImm(op: DpOp, setFlags: boolean, regs: { rd?: Reg; rn?: Reg }, cond: Cond, imm: number): number {
  return encodeA32(`${dpBase(op, setFlags)}.imm`, { cond, ...regs, imm });
}

function dpReg(
  op: DpOp,
  setFlags: boolean,
  regs: { rd?: Reg; rn?: Reg },
  cond: Cond,
  rm: Reg,
  shift: ImmediateShift,
): number {
  const { suffix, extra } = shiftVariant(shift);
  return encodeA32(`${dpBase(op, setFlags)}.${suffix}`, { cond, ...regs, rm, ...extra });
}

function dpRegShiftReg(
  op: DpOp,
  setFlags: boolean,
  regs: { rd?: Reg; rn?: Reg },
  cond: Cond,
  rm: Reg,
  shift: ShiftType,
  rs: Reg,
): number {
  return encodeA32(`${dpBase(op, setFlags)}.reg.${shift}.rs`, { cond, ...regs, rm, rs });
}

function indexSuffix(mode: IndexMode): string {
  return mode === 'offset' ? '' : `.${mode}`;
}

export const a32 = {
  // ---- data processing ----
  binaryImm: (op: BinaryOp, cond: Cond, rd: Reg, rn: Reg, imm: number, setFlags = false): number =>
    dpImm(op, setFlags, { rd, rn }, cond, imm),
  binaryReg: (
    op: BinaryOp,
    cond: Cond,
    rd: Reg,
    rn: Reg,
    rm: Reg,
    shift: ImmediateShift = NO_SHIFT,
    setFlags = false,
  ): number => dpReg(op, setFlags, { rd, rn }, cond, rm, shift),
  binaryRegShiftReg: (
    op: BinaryOp,
    cond: Cond,
    rd: Reg,
    rn: Reg,
    rm: Reg,
    shift: ShiftType,
    rs: Reg,
    setFlags = false,
  ): number => dpRegShiftReg(op, setFlags, { rd, rn }, cond, rm, shift, rs),
  moveImm: (op: MoveOp, cond: Cond, rd: Reg, imm: number, setFlags = false): number =>
    dpImm(op, setFlags, { rd }, cond, imm),
  moveReg: (op: MoveOp, cond: Cond, rd: Reg, rm: Reg, shift: ImmediateShift = NO_SHIFT, setFlags = false): number =>
    dpReg(op, setFlags, { rd }, cond, rm, shift),
  moveRegShiftReg: (op: MoveOp, cond: Cond, rd: Reg, rm: Reg, shift: ShiftType, rs: Reg, setFlags = false): number =>
    dpRegShiftReg(op, setFlags, { rd }, cond, rm, shift, rs),
  compareImm: (op: CompareOp, cond: Cond, rn: Reg, imm: number): number => dpImm(op, true, { rn }, cond, imm),
  compareReg: (op: CompareOp, cond: Cond, rn: Reg, rm: Reg, shift: ImmediateShift = NO_SHIFT): number =>
    dpReg(op, true, { rn }, cond, rm, shift),

  addImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('add', false, { rd, rn }, cond, imm),
  subImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('sub', false, { rd, rn }, cond, imm),
  addsImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('add', true, { rd, rn }, cond, imm),
  subsImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('sub', true, { rd, rn }, cond, imm),
  rsbImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('rsb', false, { rd, rn }, cond, imm),
  andImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('and', false, { rd, rn }, cond, imm),
  orrImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('orr', false, { rd, rn }, cond, imm),
  eorImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('eor', false, { rd, rn }, cond, imm),
  bicImm: (cond: Cond, rd: Reg, rn: Reg, imm: number): number => dpImm('bic', false, { rd, rn }, cond, imm),
  addReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('add', false, { rd, rn }, cond, rm, NO_SHIFT),
  subReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('sub', false, { rd, rn }, cond, rm, NO_SHIFT),
  addsReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('add', true, { rd, rn }, cond, rm, NO_SHIFT),
  subsReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('sub', true, { rd, rn }, cond, rm, NO_SHIFT),
  rsbReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('rsb', false, { rd, rn }, cond, rm, NO_SHIFT),
  andReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('and', false, { rd, rn }, cond, rm, NO_SHIFT),
  orrReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('orr', false, { rd, rn }, cond, rm, NO_SHIFT),
  eorReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('eor', false, { rd, rn }, cond, rm, NO_SHIFT),
  bicReg: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => dpReg('bic', false, { rd, rn }, cond, rm, NO_SHIFT),
  movImm: (cond: Cond, rd: Reg, imm: number): number => dpImm('mov', false, { rd }, cond, imm),
  mvnImm: (cond: Cond, rd: Reg, imm: number): number => dpImm('mvn', false, { rd }, cond, imm),
  movReg: (cond: Cond, rd: Reg, rm: Reg): number => dpReg('mov', false, { rd }, cond, rm, NO_SHIFT),
  mvnReg: (cond: Cond, rd: Reg, rm: Reg): number => dpReg('mvn', false, { rd }, cond, rm, NO_SHIFT),
  cmpImm: (cond: Cond, rn: Reg, imm: number): number => dpImm('cmp', true, { rn }, cond, imm),
  cmnImm: (cond: Cond, rn: Reg, imm: number): number => dpImm('cmn', true, { rn }, cond, imm),
  tstImm: (cond: Cond, rn: Reg, imm: number): number => dpImm('tst', true, { rn }, cond, imm),
  cmpReg: (cond: Cond, rn: Reg, rm: Reg): number => dpReg('cmp', true, { rn }, cond, rm, NO_SHIFT),
  tstReg: (cond: Cond, rn: Reg, rm: Reg): number => dpReg('tst', true, { rn }, cond, rm, NO_SHIFT),
  /** lsl/lsr/asr/ror by an immediate: `mov rd, rm, <shift> #amount`. */
  shiftImm: (shift: ShiftType, cond: Cond, rd: Reg, rm: Reg, amount: number): number =>
    dpReg('mov', false, { rd }, cond, rm, { type: shift, amount }),
  /** lsl/lsr/asr/ror by a register (only its low byte counts: mask to 5 bits first for IR semantics). */
  shiftReg: (shift: ShiftType, cond: Cond, rd: Reg, rm: Reg, rs: Reg): number =>
    dpRegShiftReg('mov', false, { rd }, cond, rm, shift, rs),

  movw: (cond: Cond, rd: Reg, imm16: number): number => encodeA32('movw', { cond, rd, imm: imm16 }),
  movt: (cond: Cond, rd: Reg, imm16: number): number => encodeA32('movt', { cond, rd, imm: imm16 }),
  clz: (cond: Cond, rd: Reg, rm: Reg): number => encodeA32('clz', { cond, rd, rm }),

  // ---- multiply and divide ----
  mul: (cond: Cond, rd: Reg, rn: Reg, rm: Reg, setFlags = false): number =>
    encodeA32(setFlags ? 'muls' : 'mul', { cond, rd, rn, rm }),
  mla: (cond: Cond, rd: Reg, rn: Reg, rm: Reg, ra: Reg): number => encodeA32('mla', { cond, rd, rn, rm, ra }),
  mls: (cond: Cond, rd: Reg, rn: Reg, rm: Reg, ra: Reg): number => encodeA32('mls', { cond, rd, rn, rm, ra }),
  smull: (cond: Cond, rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg): number =>
    encodeA32('smull', { cond, rdlo, rdhi, rn, rm }),
  umull: (cond: Cond, rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg): number =>
    encodeA32('umull', { cond, rdlo, rdhi, rn, rm }),
  smlal: (cond: Cond, rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg): number =>
    encodeA32('smlal', { cond, rdlo, rdhi, rn, rm }),
  umlal: (cond: Cond, rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg): number =>
    encodeA32('umlal', { cond, rdlo, rdhi, rn, rm }),
  sdiv: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => encodeA32('sdiv', { cond, rd, rn, rm }),
  udiv: (cond: Cond, rd: Reg, rn: Reg, rm: Reg): number => encodeA32('udiv', { cond, rd, rn, rm }),

  // ---- loads and stores ----
  /** `op rt, [rn, #offset]` (or pre/post-indexed); for ldrd/strd rt is the even first register. */
  loadStoreImm: (
    op: WordByteOp | HalfDualOp,
    cond: Cond,
    rt: Reg,
    rn: Reg,
    offset: number,
    mode: IndexMode = 'offset',
  ): number => encodeA32(`${op}.imm${indexSuffix(mode)}`, { cond, rt, rn, offset }),
  /** `op rt, [rn, ±rm{, lsl #n}]`; a scaled index exists for word/byte ops in offset mode only. */
  loadStoreReg: (
    op: WordByteOp | HalfDualOp,
    cond: Cond,
    rt: Reg,
    rn: Reg,
    rm: Reg,
    options: { subtract?: boolean; lsl?: number; mode?: IndexMode } = {},
  ): number => {
    const scaled = options.lsl !== undefined && options.lsl !== 0;
    const name = `${op}.reg${scaled ? '.lsl' : ''}${indexSuffix(options.mode ?? 'offset')}`;
    const ops = { cond, rt, rn, rm, subtract: options.subtract ?? false };
    return encodeA32(name, scaled ? { ...ops, amount: options.lsl! } : ops);
  },
  ldrImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('ldr.imm', { cond, rt, rn, offset }),
  strImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('str.imm', { cond, rt, rn, offset }),
  ldrbImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('ldrb.imm', { cond, rt, rn, offset }),
  strbImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('strb.imm', { cond, rt, rn, offset }),
  ldrhImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('ldrh.imm', { cond, rt, rn, offset }),
  strhImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('strh.imm', { cond, rt, rn, offset }),
  ldrsbImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('ldrsb.imm', { cond, rt, rn, offset }),
  ldrshImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('ldrsh.imm', { cond, rt, rn, offset }),
  ldrdImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('ldrd.imm', { cond, rt, rn, offset }),
  strdImm: (cond: Cond, rt: Reg, rn: Reg, offset: number): number => encodeA32('strd.imm', { cond, rt, rn, offset }),
  ldrReg: (cond: Cond, rt: Reg, rn: Reg, rm: Reg): number =>
    encodeA32('ldr.reg', { cond, rt, rn, rm, subtract: false }),
  strReg: (cond: Cond, rt: Reg, rn: Reg, rm: Reg): number =>
    encodeA32('str.reg', { cond, rt, rn, rm, subtract: false }),
  push: (cond: Cond, regs: readonly Reg[]): number => encodeA32('push', { cond, regs }),
  pop: (cond: Cond, regs: readonly Reg[]): number => encodeA32('pop', { cond, regs }),
  ldm: (mode: BlockMode, cond: Cond, rn: Reg, regs: readonly Reg[], writeback = false): number =>
    encodeA32(`ldm.${mode}${writeback ? '.wb' : ''}`, { cond, rn, regs }),
  stm: (mode: BlockMode, cond: Cond, rn: Reg, regs: readonly Reg[], writeback = false): number =>
    encodeA32(`stm.${mode}${writeback ? '.wb' : ''}`, { cond, rn, regs }),

  // ---- control ----
  /** Branch by a signed word offset from this instruction's address + 8 (see branch-patch.ts). */
  b: (cond: Cond, offsetWords: number): number => encodeA32('b', { cond, offset: offsetWords }),
  bl: (cond: Cond, offsetWords: number): number => encodeA32('bl', { cond, offset: offsetWords }),
  bx: (cond: Cond, rm: Reg): number => encodeA32('bx', { cond, rm }),
  blxReg: (cond: Cond, rm: Reg): number => encodeA32('blx.reg', { cond, rm }),
  nop: (cond: Cond): number => encodeA32('nop', { cond }),
  /** A permanently undefined instruction: the emulator reports it as illegal_instruction at its address. */
  udf: (imm16: number): number => encodeA32('udf', { cond: 14, imm: imm16 }),
  bkpt: (imm16: number): number => encodeA32('bkpt', { cond: 14, imm: imm16 }),
  svc: (cond: Cond, imm24: number): number => encodeA32('svc', { cond, imm: imm24 }),
  mrsApsr: (cond: Cond, rd: Reg): number => encodeA32('mrs.apsr', { cond, rd }),
  msrApsr: (cond: Cond, rn: Reg): number => encodeA32('msr.apsr-nzcvq', { cond, rn }),

  // ---- VFP ----
  vadd: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vadd.f64', { cond, dd, dn, dm }),
  vsub: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vsub.f64', { cond, dd, dn, dm }),
  vmul: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vmul.f64', { cond, dd, dn, dm }),
  vdiv: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vdiv.f64', { cond, dd, dn, dm }),
  vmla: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vmla.f64', { cond, dd, dn, dm }),
  vmls: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vmls.f64', { cond, dd, dn, dm }),
  vnmul: (cond: Cond, dd: DReg, dn: DReg, dm: DReg): number => encodeA32('vnmul.f64', { cond, dd, dn, dm }),
  vabs: (cond: Cond, dd: DReg, dm: DReg): number => encodeA32('vabs.f64', { cond, dd, dm }),
  vneg: (cond: Cond, dd: DReg, dm: DReg): number => encodeA32('vneg.f64', { cond, dd, dm }),
  vsqrt: (cond: Cond, dd: DReg, dm: DReg): number => encodeA32('vsqrt.f64', { cond, dd, dm }),
  vmovF64: (cond: Cond, dd: DReg, dm: DReg): number => encodeA32('vmov.f64', { cond, dd, dm }),
  /** Only for values where isVfpImmediate(value) holds. */
  vmovF64Imm: (cond: Cond, dd: DReg, value: number): number => encodeA32('vmov.f64.imm', { cond, dd, value }),
  vcmp: (cond: Cond, dd: DReg, dm: DReg): number => encodeA32('vcmp.f64', { cond, dd, dm }),
  vcmpe: (cond: Cond, dd: DReg, dm: DReg): number => encodeA32('vcmpe.f64', { cond, dd, dm }),
  vcmpZero: (cond: Cond, dd: DReg): number => encodeA32('vcmp.f64.zero', { cond, dd }),
  vcmpeZero: (cond: Cond, dd: DReg): number => encodeA32('vcmpe.f64.zero', { cond, dd }),
  /** Copies the FP comparison flags to APSR so that ordinary conditions test them. */
  vmrsApsr: (cond: Cond): number => encodeA32('vmrs.apsr-nzcv', { cond }),
  vmrs: (cond: Cond, rt: Reg): number => encodeA32('vmrs.fpscr', { cond, rt }),
  vmsr: (cond: Cond, rt: Reg): number => encodeA32('vmsr.fpscr', { cond, rt }),
  vcvtF64S32: (cond: Cond, dd: DReg, sm: SReg): number => encodeA32('vcvt.f64.s32', { cond, dd, sm }),
  vcvtF64U32: (cond: Cond, dd: DReg, sm: SReg): number => encodeA32('vcvt.f64.u32', { cond, dd, sm }),
  /** Rounds toward zero, saturates, NaN → 0: the IR's f64→i32. */
  vcvtS32F64: (cond: Cond, sd: SReg, dm: DReg): number => encodeA32('vcvt.s32.f64', { cond, sd, dm }),
  vcvtrS32F64: (cond: Cond, sd: SReg, dm: DReg): number => encodeA32('vcvtr.s32.f64', { cond, sd, dm }),
  vcvtU32F64: (cond: Cond, sd: SReg, dm: DReg): number => encodeA32('vcvt.u32.f64', { cond, sd, dm }),
  vcvtrU32F64: (cond: Cond, sd: SReg, dm: DReg): number => encodeA32('vcvtr.u32.f64', { cond, sd, dm }),
  vcvtF64F32: (cond: Cond, dd: DReg, sm: SReg): number => encodeA32('vcvt.f64.f32', { cond, dd, sm }),
  vcvtF32F64: (cond: Cond, sd: SReg, dm: DReg): number => encodeA32('vcvt.f32.f64', { cond, sd, dm }),
  /** vmov dm, rt, rt2 (rt is the low word). */
  vmovDFromCore: (cond: Cond, dm: DReg, rt: Reg, rt2: Reg): number =>
    encodeA32('vmov.core-to-d', { cond, dm, rt, rt2 }),
  /** vmov rt, rt2, dm (rt gets the low word). */
  vmovCoreFromD: (cond: Cond, rt: Reg, rt2: Reg, dm: DReg): number =>
    encodeA32('vmov.d-to-core', { cond, rt, rt2, dm }),
  vmovSFromCore: (cond: Cond, sn: SReg, rt: Reg): number => encodeA32('vmov.core-to-s', { cond, sn, rt }),
  vmovCoreFromS: (cond: Cond, rt: Reg, sn: SReg): number => encodeA32('vmov.s-to-core', { cond, rt, sn }),
  vldr: (cond: Cond, dd: DReg, rn: Reg, offset: number): number => encodeA32('vldr.f64', { cond, dd, rn, offset }),
  vstr: (cond: Cond, dd: DReg, rn: Reg, offset: number): number => encodeA32('vstr.f64', { cond, dd, rn, offset }),
  vldrS: (cond: Cond, sd: SReg, rn: Reg, offset: number): number => encodeA32('vldr.f32', { cond, sd, rn, offset }),
  vstrS: (cond: Cond, sd: SReg, rn: Reg, offset: number): number => encodeA32('vstr.f32', { cond, sd, rn, offset }),
  /** vpush {d<first>-d<first+count-1>} */
  vpush: (cond: Cond, first: DReg, count: number): number => encodeA32('vpush', { cond, first, count }),
  vpop: (cond: Cond, first: DReg, count: number): number => encodeA32('vpop', { cond, first, count }),
  vldmia: (cond: Cond, rn: Reg, first: DReg, count: number, writeback = false): number =>
    encodeA32(writeback ? 'vldm.ia.wb' : 'vldm.ia', { cond, rn, first, count }),
  vstmia: (cond: Cond, rn: Reg, first: DReg, count: number, writeback = false): number =>
    encodeA32(writeback ? 'vstm.ia.wb' : 'vstm.ia', { cond, rn, first, count }),
  vstmdb: (cond: Cond, rn: Reg, first: DReg, count: number): number =>
    encodeA32('vstm.db.wb', { cond, rn, first, count }),
  vldmdb: (cond: Cond, rn: Reg, first: DReg, count: number): number =>
    encodeA32('vldm.db.wb', { cond, rn, first, count }),
} as const;
