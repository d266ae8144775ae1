// Encodes one allocated A32 machine instruction (see arm-data.ts for operand orders).
import {
  CODE_ADDRESS_OFFSET,
  FUNC_SYMBOL,
  FUNCTION_SLOT_BYTES,
  HOST_SYMBOL,
  MAX_FUNCTIONS,
  TRAP_SYMBOL,
  SIGNATURE_ID_OFFSET,
  type EmitContext,
  type FrameLayout,
  type MachInst,
} from '#framework';
import { a32, AL, invertCond, isModifiedImmediate, isVfpImmediate } from '../encoder/index.ts';
import type { ArmData } from '../arm-data.ts';
import { D_SCRATCH, dnum, FUEL_REG, IP, LR, R1, SP, STATIC_BASE_REG } from '../arm-regs.ts';
import { emitSoftDivide } from './soft-divide.ts';
import {
  branchToLabel,
  branchToSymbol,
  doubleAccess,
  emitFrameTeardown,
  loadConst,
  wordAccess,
  type Buf,
} from './emit-helpers.ts';

const EQ = 0,
  NE = 1,
  HS = 2,
  MI = 4,
  LS = 9;

export function emitArm(buf: Buf, mi: MachInst<ArmData>, ctx: EmitContext): void {
  const d = mi.data;
  const r = (i: number): number => mi.operands[i]!.preg;
  const frame = ctx.frame;
  switch (d.op) {
    case 'args':
      return;
    case 'loadIn':
      return frameAccess(buf, d.type === 'f64', true, r(0), frame.incomingArgOffset(d.offset));
    case 'storeArg': {
      const off = d.area === 'out' ? frame.outgoingArgOffset(d.offset) : frame.incomingArgOffset(d.offset);
      return frameAccess(buf, d.type === 'f64', false, r(0), off);
    }
    case 'spill':
      return frameAccess(buf, d.type === 'f64', d.load, r(0), frame.offsetOf(d.slot));
    case 'movi':
      return loadConst(buf, r(0), d.imm);
    case 'mov':
      if (r(0) === r(1)) return;
      return buf.put32(d.float ? a32.vmovF64(AL, dnum(r(0)), dnum(r(1))) : a32.movReg(AL, r(0), r(1)));
    case 'alu':
      if (d.alu === 'mul') return buf.put32(a32.mul(AL, r(0), r(1), r(2)));
      return buf.put32(a32.binaryReg(d.alu, AL, r(0), r(1), r(2)));
    case 'aluOvf':
      if (d.alu === 'mul') {
        buf.put32(a32.smull(AL, r(0), IP, r(1), r(2)));
        return buf.put32(a32.compareReg('cmp', AL, IP, r(0), { type: 'asr', amount: 31 }));
      }
      if (d.imm !== undefined) return buf.put32(a32.binaryImm(d.alu, AL, r(0), r(1), d.imm >>> 0, true));
      return buf.put32(d.alu === 'add' ? a32.addsReg(AL, r(0), r(1), r(2)) : a32.subsReg(AL, r(0), r(1), r(2)));
    case 'aluImm':
      return buf.put32(a32.binaryImm(d.alu, AL, r(0), r(1), d.imm >>> 0));
    case 'shiftImm':
      return buf.put32(a32.shiftImm(d.shift, AL, r(0), r(1), d.amount));
    case 'icmpImm':
      compareConst(buf, r(1), d.imm);
      buf.put32(a32.movImm(AL, r(0), 0));
      return buf.put32(a32.movImm(d.cond, r(0), 1));
    case 'branchCmp':
      if (d.test === 'tst') buf.put32(a32.tstImm(AL, r(0), d.imm! >>> 0));
      else if (d.imm === null) buf.put32(a32.cmpReg(AL, r(0), r(1)));
      else compareConst(buf, r(0), d.imm);
      return conditionalBranch(buf, d.cond, mi, ctx);
    case 'branchIsPtr': {
      const [ptr, other] = mi.targets;
      const notPtr = ctx.labelOf(other!.block);
      buf.put32(a32.tstImm(AL, r(0), 3));
      branchToLabel(buf, NE, notPtr);
      buf.put32(a32.cmpImm(AL, r(0), 0));
      return conditionalBranch(buf, NE, mi, ctx);
    }
    case 'branchFcmp':
      buf.put32(mi.operands.length === 1 ? a32.vcmpZero(AL, dnum(r(0))) : a32.vcmp(AL, dnum(r(0)), dnum(r(1))));
      buf.put32(a32.vmrsApsr(AL));
      return conditionalBranch(buf, d.cond, mi, ctx);
    case 'selectCmp': {
      const k = d.imm === null ? 3 : 2;
      if (d.imm === null) buf.put32(a32.cmpReg(AL, r(1), r(2)));
      else compareConst(buf, r(1), d.imm);
      return conditionalMoves(buf, d.float, d.cond, r(0), r(k), r(k + 1));
    }
    case 'shift':
      // Register shifts use the low byte of the count: mask to the IR's 5 bits.
      buf.put32(a32.andImm(AL, IP, r(2), 31));
      return buf.put32(a32.shiftReg(d.shift, AL, r(0), r(1), IP));
    case 'div': {
      if (d.nonZero !== true) {
        buf.put32(a32.cmpImm(AL, r(2), 0));
        branchToSymbol(buf, EQ, TRAP_SYMBOL('div_by_zero'), true);
      }
      if (d.soft)
        return emitSoftDivide(buf, d.signed, d.rem, {
          dst: r(0),
          a: r(1),
          b: r(2),
          t1: r(3),
          t2: d.signed ? r(4) : -1,
        });
      // sdiv already gives INT_MIN for INT_MIN / -1, and the remainder then comes out 0.
      const divide = d.signed ? a32.sdiv : a32.udiv;
      if (!d.rem) return buf.put32(divide(AL, r(0), r(1), r(2)));
      buf.put32(divide(AL, IP, r(1), r(2)));
      return buf.put32(a32.mls(AL, r(0), IP, r(2), r(1)));
    }
    case 'icmp':
      buf.put32(a32.cmpReg(AL, r(1), r(2)));
      buf.put32(a32.movImm(AL, r(0), 0));
      return buf.put32(a32.movImm(d.cond, r(0), 1));
    case 'cmp':
      if (d.imm === null) return buf.put32(a32.cmpReg(AL, r(0), r(1)));
      return compareConst(buf, r(0), d.imm);
    case 'branch':
      return conditionalBranch(buf, d.cond, mi, ctx);
    case 'jump':
      return branchToLabel(buf, AL, ctx.labelOf(mi.targets[0]!.block));
    case 'switch':
      d.cases.forEach((c, i) => {
        compareConst(buf, r(0), c);
        branchToLabel(buf, EQ, ctx.labelOf(mi.targets[i + 1]!.block));
      });
      if (mi.targets[0]!.block !== ctx.nextBlock) branchToLabel(buf, AL, ctx.labelOf(mi.targets[0]!.block));
      return;
    case 'select':
      return emitSelect(buf, d.float, r(0), r(1), r(2), r(3));
    case 'isPtr':
      // A heap pointer is non-zero with its low two bits clear.
      buf.put32(a32.tstImm(AL, r(1), 3));
      buf.put32(a32.movImm(EQ, IP, 1));
      buf.put32(a32.movImm(NE, IP, 0));
      buf.put32(a32.cmpImm(AL, r(1), 0));
      buf.put32(a32.movImm(EQ, IP, 0));
      return buf.put32(a32.movReg(AL, r(0), IP));
    case 'typeId':
      buf.put32(a32.ldrImm(AL, r(0), r(1), 0));
      return buf.put32(a32.shiftImm('lsr', AL, r(0), r(0), 8));
    case 'mem':
      if (d.load) return access(buf, d.width, true, r(0), r(1), d.offset);
      return access(buf, d.width, false, r(1), r(0), d.offset);
    case 'memStatic':
      return access(buf, d.width, d.load, r(0), STATIC_BASE_REG, d.offset);
    case 'elem': {
      if (d.index !== undefined) {
        // A constant index: compared as an immediate, and the element at a fixed offset.
        const [value, array] = d.load ? [r(0), r(1)] : [r(1), r(0)];
        buf.put32(a32.ldrImm(AL, IP, array, 4));
        buf.put32(a32.cmpImm(AL, IP, d.index));
        branchToSymbol(buf, LS, TRAP_SYMBOL('index_out_of_bounds'), true);
        return access(buf, d.width, d.load, value, array, d.elemOffset + (d.index << d.shift));
      }
      const [value, array, index] = d.load ? [r(0), r(1), r(2)] : [r(2), r(0), r(1)];
      buf.put32(a32.ldrImm(AL, IP, array, 4));
      buf.put32(a32.cmpReg(AL, index, IP));
      branchToSymbol(buf, HS, TRAP_SYMBOL('index_out_of_bounds'), true);
      buf.put32(a32.binaryReg('add', AL, IP, array, index, { type: 'lsl', amount: d.shift }));
      return access(buf, d.width, d.load, value, IP, d.elemOffset);
    }
    case 'call':
      return branchToSymbol(buf, AL, FUNC_SYMBOL(d.callee), true);
    case 'callHost':
      return branchToSymbol(buf, AL, HOST_SYMBOL(d.callee), true);
    case 'callIndirect':
      loadTableEntry(buf, r(d.indexOperand), d.tableBase, d.sigId);
      return buf.put32(a32.blxReg(AL, IP));
    case 'tailCall':
      emitFrameTeardown(buf, frame);
      return branchToSymbol(buf, AL, FUNC_SYMBOL(d.callee), false);
    case 'tailCallIndirect':
      loadTableEntry(buf, r(d.indexOperand), d.tableBase, d.sigId);
      emitFrameTeardown(buf, frame);
      return buf.put32(a32.bx(AL, IP));
    case 'ret':
      buf.put32(a32.movImm(AL, R1, 0));
      return emitReturn(buf, frame);
    case 'raise':
      buf.put32(a32.movImm(AL, R1, 1));
      return emitReturn(buf, frame);
    case 'trap':
      return branchToSymbol(buf, AL, TRAP_SYMBOL(d.kind), true);
    case 'fmovi':
      return loadDouble(buf, dnum(r(0)), d.value);
    case 'falu': {
      const enc = { add: a32.vadd, sub: a32.vsub, mul: a32.vmul, div: a32.vdiv }[d.falu];
      return buf.put32(enc(AL, dnum(r(0)), dnum(r(1)), dnum(r(2))));
    }
    case 'funary': {
      const enc = { neg: a32.vneg, abs: a32.vabs, sqrt: a32.vsqrt }[d.funary];
      return buf.put32(enc(AL, dnum(r(0)), dnum(r(1))));
    }
    case 'fcmp':
      buf.put32(a32.vcmp(AL, dnum(r(1)), dnum(r(2))));
      buf.put32(a32.vmrsApsr(AL));
      buf.put32(a32.movImm(AL, r(0), 0));
      return buf.put32(a32.movImm(d.cond, r(0), 1));
    case 'i2f':
      buf.put32(a32.vmovSFromCore(AL, S_SCRATCH, r(1)));
      return buf.put32(a32.vcvtF64S32(AL, dnum(r(0)), S_SCRATCH));
    case 'f2i':
      buf.put32(a32.vcvtS32F64(AL, S_SCRATCH, dnum(r(1))));
      return buf.put32(a32.vmovCoreFromS(AL, r(0), S_SCRATCH));
    case 'fuel':
      buf.put32(a32.subsImm(AL, FUEL_REG, FUEL_REG, 1));
      return branchToSymbol(buf, MI, TRAP_SYMBOL('fuel_exhausted'), true);
  }
}

/** The low single of the float scratch register d15 (used only inside one expansion). */
const S_SCRATCH = 2 * dnum(D_SCRATCH);

function loadDouble(buf: Buf, dd: number, value: number): void {
  if (isVfpImmediate(value)) return buf.put32(a32.vmovF64Imm(AL, dd, value));
  const words = new DataView(new ArrayBuffer(8));
  words.setFloat64(0, value, true);
  // A double is the single pair s(2n), s(2n+1): fill each half through ip.
  loadConst(buf, IP, words.getUint32(0, true));
  buf.put32(a32.vmovSFromCore(AL, 2 * dd, IP));
  loadConst(buf, IP, words.getUint32(4, true));
  buf.put32(a32.vmovSFromCore(AL, 2 * dd + 1, IP));
}

function emitReturn(buf: Buf, frame: FrameLayout): void {
  emitFrameTeardown(buf, frame);
  buf.put32(a32.bx(AL, LR));
}

function compareConst(buf: Buf, rn: number, imm: number): void {
  const v = imm >>> 0;
  if (isModifiedImmediate(v)) return buf.put32(a32.cmpImm(AL, rn, v));
  if (isModifiedImmediate(-v >>> 0)) return buf.put32(a32.cmnImm(AL, rn, -v >>> 0));
  loadConst(buf, IP, v);
  buf.put32(a32.cmpReg(AL, rn, IP));
}

function emitSelect(buf: Buf, float: boolean, rd: number, c: number, a: number, b: number): void {
  buf.put32(a32.cmpImm(AL, c, 0));
  conditionalMoves(buf, float, NE, rd, a, b);
}

/** rd ← cond ? a : b, after the flags are set (the two moves' conditions exclude each other). */
function conditionalMoves(buf: Buf, float: boolean, cond: number, rd: number, a: number, b: number): void {
  const mov = (c: number, dst: number, src: number): number =>
    float ? a32.vmovF64(c, dnum(dst), dnum(src)) : a32.movReg(c, dst, src);
  if (rd !== a) buf.put32(mov(cond, rd, a));
  if (rd !== b) buf.put32(mov(invertCond(cond), rd, b));
}

/** Branches to targets[0] on `cond`, else to targets[1], falling through where it can. */
function conditionalBranch(buf: Buf, cond: number, mi: MachInst<ArmData>, ctx: EmitContext): void {
  const [taken, other] = mi.targets;
  if (taken!.block === ctx.nextBlock) return branchToLabel(buf, invertCond(cond), ctx.labelOf(other!.block));
  branchToLabel(buf, cond, ctx.labelOf(taken!.block));
  if (other!.block !== ctx.nextBlock) branchToLabel(buf, AL, ctx.labelOf(other!.block));
}

/** The function table's slot size as a shift (slots are a power of two bytes). */
const SLOT_SHIFT = Math.log2(FUNCTION_SLOT_BYTES);

/** ip ← code address of table slot `index`, after the bad_function checks (range, signature). */
function loadTableEntry(buf: Buf, index: number, tableBase: number, sigId: number): void {
  if (!isModifiedImmediate(sigId)) throw new Error(`armv7: signature id ${sigId} has no immediate encoding`);
  buf.put32(a32.cmpImm(AL, index, MAX_FUNCTIONS));
  branchToSymbol(buf, HS, TRAP_SYMBOL('bad_function'), true);
  const slotAddress = (): void => {
    loadConst(buf, IP, tableBase);
    buf.put32(a32.binaryReg('add', AL, IP, IP, index, { type: 'lsl', amount: SLOT_SHIFT }));
  };
  slotAddress();
  buf.put32(a32.ldrImm(AL, IP, IP, SIGNATURE_ID_OFFSET));
  buf.put32(a32.cmpImm(AL, IP, sigId));
  branchToSymbol(buf, NE, TRAP_SYMBOL('bad_function'), true);
  slotAddress();
  buf.put32(a32.ldrImm(AL, IP, IP, CODE_ADDRESS_OFFSET));
}

function access(buf: Buf, width: 'w' | 'b' | 'd', load: boolean, rt: number, base: number, offset: number): void {
  if (width === 'd') return doubleAccess(buf, load, dnum(rt), base, offset);
  const op = width === 'w' ? (load ? 'ldr' : 'str') : load ? 'ldrb' : 'strb';
  wordAccess(buf, op, rt, base, offset);
}

function frameAccess(buf: Buf, f64: boolean, load: boolean, reg: number, offset: number): void {
  if (f64) return doubleAccess(buf, load, dnum(reg), SP, offset);
  wordAccess(buf, load ? 'ldr' : 'str', reg, SP, offset);
}
