// Encodes one allocated x86-64 machine instruction (see x86-data.ts for operand orders).
// Integer values live zero-extended in 64-bit registers (every 32-bit operation clears the
// upper half), so a register holding a guest address can serve as a 64-bit base.
import {
  CODE_ADDRESS_OFFSET,
  FUNC_SYMBOL,
  FUNCTION_SLOT_BYTES,
  HOST_SYMBOL,
  MAX_FUNCTIONS,
  SIGNATURE_ID_OFFSET,
  TRAP_SYMBOL,
  type EmitContext,
  type FrameLayout,
  type MachInst,
} from '#framework';
import { CC, invertCond, mem, x64, type Mem } from '../encoder/x64.ts';
import type { Width, X86Data } from '../data/x86-data.ts';
import { FUEL_REG, R11, RAX, RDX, STATIC_BASE_REG, xmmNum, XMM_SCRATCH } from '../data/x86-regs.ts';
import {
  branchToLabel,
  emitFrameTeardown,
  frameAccess,
  put,
  skipIf,
  toSymbol,
  trapIf,
  type Buf,
} from './emit-helpers.ts';

const XS = xmmNum(XMM_SCRATCH);

export function emitX86(buf: Buf, mi: MachInst<X86Data>, ctx: EmitContext): void {
  const d = mi.data;
  const r = (i: number): number => mi.operands[i]!.preg;
  const x = (i: number): number => xmmNum(mi.operands[i]!.preg);
  const frame = ctx.frame;
  switch (d.op) {
    case 'args':
      return;
    case 'loadIn':
      return frameAccess(buf, d.type, true, r(0), frame.incomingArgOffset(d.offset));
    case 'storeArg': {
      const off = d.area === 'out' ? frame.outgoingArgOffset(d.offset) : frame.incomingArgOffset(d.offset);
      return frameAccess(buf, d.type, false, r(0), off);
    }
    case 'spill':
      return frameAccess(buf, d.type, d.load, r(0), frame.offsetOf(d.slot));
    case 'movi':
      return put(buf, x64.movRI(r(0), d.imm));
    case 'fmovi':
      return loadDouble(buf, x(0), d.value);
    case 'mov':
      if (r(0) === r(1)) return;
      return put(buf, d.float ? x64.movapd(x(0), x(1)) : x64.movRR(r(0), r(1)));
    case 'alu':
    case 'aluOvf':
      // Two-address: the def shares the first use's register.
      if (d.alu === 'imul') return put(buf, x64.imulRR(r(0), r(2)));
      return put(buf, x64.aluRR(d.alu, r(0), r(2)));
    case 'shift':
      // The count is in cl; 32-bit shifts mask it to 5 bits, as the IR does.
      return put(buf, x64.shiftCl(d.shift, r(0)));
    case 'div':
      return emitDivide(buf, d.signed, d.rem, r(2));
    case 'icmp':
      put(buf, x64.aluRR('cmp', r(1), r(2)));
      put(buf, x64.setcc(d.cc, r(0)));
      return put(buf, x64.movzxRR8(r(0), r(0)));
    case 'cmp':
      if (d.imm === null) return put(buf, x64.aluRR('cmp', r(0), r(1)));
      return put(buf, d.imm === 0 ? x64.testRR(r(0), r(0)) : x64.aluRI('cmp', r(0), d.imm));
    case 'branch':
      return conditionalBranch(buf, d.cc, mi, ctx);
    case 'branchCmp':
      if (d.test === 'test') put(buf, x64.testRI(r(0), d.imm!));
      else if (d.imm === null) put(buf, x64.aluRR('cmp', r(0), r(1)));
      else put(buf, d.imm === 0 ? x64.testRR(r(0), r(0)) : x64.aluRI('cmp', r(0), d.imm));
      return conditionalBranch(buf, d.cc, mi, ctx);
    case 'branchIsPtr':
      put(buf, x64.testRI(r(0), 3));
      branchToLabel(buf, CC.ne, ctx.labelOf(mi.targets[1]!.block));
      put(buf, x64.testRR(r(0), r(0)));
      return conditionalBranch(buf, CC.ne, mi, ctx);
    case 'selectCmp': {
      if (d.imm === null) put(buf, x64.aluRR('cmp', r(1), r(2)));
      else put(buf, d.imm === 0 ? x64.testRR(r(1), r(1)) : x64.aluRI('cmp', r(1), d.imm));
      const k = d.imm === null ? 3 : 2;
      return conditionalMove(buf, d.cc, r(0), r(k), r(k + 1));
    }
    case 'aluImm':
      return put(buf, x64.aluRI(d.alu, r(0), d.imm));
    case 'shiftImm':
      return put(buf, x64.shiftRI(d.shift, r(0), d.amount));
    case 'jump':
      return branchToLabel(buf, null, ctx.labelOf(mi.targets[0]!.block));
    case 'switch':
      d.cases.forEach((c, i) => {
        put(buf, x64.aluRI('cmp', r(0), c));
        branchToLabel(buf, CC.e, ctx.labelOf(mi.targets[i + 1]!.block));
      });
      if (mi.targets[0]!.block !== ctx.nextBlock) branchToLabel(buf, null, ctx.labelOf(mi.targets[0]!.block));
      return;
    case 'select':
      return d.float ? emitFloatSelect(buf, x(0), r(1), x(2), x(3)) : emitSelect(buf, r(0), r(1), r(2), r(3));
    case 'isPtr':
      // A heap pointer is non-zero with its low two bits clear.
      put(buf, x64.testRI(r(1), 3));
      put(buf, x64.setcc(CC.e, R11));
      put(buf, x64.testRR(r(1), r(1)));
      put(buf, x64.setcc(CC.ne, r(0)));
      put(buf, x64.andRR8(r(0), R11));
      return put(buf, x64.movzxRR8(r(0), r(0)));
    case 'typeId':
      put(buf, x64.loadRM(r(0), mem(r(1))));
      return put(buf, x64.shiftRI('shr', r(0), 8));
    case 'mem':
      return d.load
        ? access(buf, d.width, true, r(0), mem(r(1), d.offset))
        : access(buf, d.width, false, r(1), mem(r(0), d.offset));
    case 'memStatic':
      return access(buf, d.width, d.load, r(0), mem(STATIC_BASE_REG, d.offset));
    case 'elem': {
      const [value, array, index] = d.load ? [r(0), r(1), r(2)] : [r(2), r(0), r(1)];
      put(buf, x64.aluRM('cmp', index, mem(array, 4)));
      trapIf(buf, CC.ae, 'index_out_of_bounds');
      return access(buf, d.width, d.load, value, mem(array, d.elemOffset, index, d.scale));
    }
    case 'call':
      return toSymbol(buf, FUNC_SYMBOL(d.callee), true);
    case 'callHost':
      return toSymbol(buf, HOST_SYMBOL(d.callee), true);
    case 'callIndirect':
      loadTableEntry(buf, r(d.indexOperand), d.tableBase, d.sigId);
      return put(buf, x64.callR(R11));
    case 'tailCall':
      emitFrameTeardown(buf, frame);
      return toSymbol(buf, FUNC_SYMBOL(d.callee), false);
    case 'tailCallIndirect':
      loadTableEntry(buf, r(d.indexOperand), d.tableBase, d.sigId);
      emitFrameTeardown(buf, frame);
      return put(buf, x64.jmpR(R11));
    case 'ret':
      put(buf, x64.aluRR('xor', RDX, RDX));
      return emitReturn(buf, frame);
    case 'raise':
      put(buf, x64.movRI(RDX, 1));
      return emitReturn(buf, frame);
    case 'trap':
      return toSymbol(buf, TRAP_SYMBOL(d.kind), true);
    case 'falu':
      return put(buf, x64.sseArith(d.falu, x(0), x(2)));
    case 'funary':
      if (d.funary === 'sqrt') return put(buf, x64.sseArith('sqrtsd', x(0), x(1)));
      // The sign bit, flipped or cleared through r11.
      put(buf, x64.movqRX(R11, x(1)));
      put(buf, x64.bitOp(d.funary === 'neg' ? 'btc' : 'btr', R11, 63));
      return put(buf, x64.movqXR(x(0), R11));
    case 'fcmp':
      return emitFloatCompare(buf, d.kind, r(0), x(1), x(2));
    case 'i2f':
      // cvtsi2sd writes only the low half: clear the register first (no false dependency,
      // and the upper half of a value register is then always zero).
      put(buf, x64.xorpd(x(0), x(0)));
      return put(buf, x64.cvtsi2sd(x(0), r(1)));
    case 'f2i':
      return emitTruncate(buf, r(0), x(1));
    case 'fuel':
      put(buf, x64.aluRI('sub', FUEL_REG, 1));
      return trapIf(buf, CC.s, 'fuel_exhausted');
  }
}

/**
 * The IR's division: div_by_zero on a zero divisor; b = -1 needs no idiv (which would fault
 * on INT_MIN / -1): the quotient is the wrapped negation, the remainder 0. The dividend is
 * in eax; the divisor moves to r11 when it sits in eax or edx (cdq overwrites edx).
 */
function emitDivide(buf: Buf, signed: boolean, rem: boolean, divisor: number): void {
  let b = divisor;
  if (b === RAX || b === RDX) {
    put(buf, x64.movRR(R11, b));
    b = R11;
  }
  put(buf, x64.testRR(b, b));
  trapIf(buf, CC.e, 'div_by_zero');
  if (!signed) {
    put(buf, x64.aluRR('xor', RDX, RDX));
    return put(buf, x64.div(false, b));
  }
  const divide = [...x64.cdq(), ...x64.div(true, b)];
  const byMinusOne = rem ? x64.aluRR('xor', RDX, RDX) : x64.neg(RAX);
  put(buf, x64.aluRI('cmp', b, -1));
  put(buf, x64.jccRel8(CC.e, divide.length + 2));
  put(buf, divide);
  put(buf, x64.jmpRel8(byMinusOne.length));
  put(buf, byMinusOne);
}

/** ucomisd sets ZF, PF and CF on unordered: a > b is `a` (CF = ZF = 0) and a >= b `ae`
 *  (CF = 0), both false on NaN; lt/le swap the operands; eq needs ZF and no parity. */
function emitFloatCompare(
  buf: Buf,
  kind: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge',
  dst: number,
  a: number,
  b: number,
): void {
  if (kind === 'eq' || kind === 'ne') {
    put(buf, x64.ucomisd(a, b));
    put(buf, x64.setcc(kind === 'eq' ? CC.e : CC.ne, dst));
    put(buf, x64.setcc(kind === 'eq' ? CC.np : CC.p, R11));
    put(buf, kind === 'eq' ? andBytes(dst, R11) : orBytes(dst, R11));
    return put(buf, x64.movzxRR8(dst, dst));
  }
  const swap = kind === 'lt' || kind === 'le';
  put(buf, swap ? x64.ucomisd(b, a) : x64.ucomisd(a, b));
  put(buf, x64.setcc(kind === 'gt' || kind === 'lt' ? CC.a : CC.ae, dst));
  put(buf, x64.movzxRR8(dst, dst));
}

const andBytes = (dst: number, src: number): number[] => x64.andRR8(dst, src);
/** A 32-bit or of the two setcc bytes: the movzx after it drops whatever the upper bytes held. */
const orBytes = (dst: number, src: number): number[] => x64.aluRR('or', dst, src);

/**
 * cvttsd2si gives 0x80000000 for NaN and out-of-range values; the IR saturates and maps
 * NaN to 0. Only that result needs a second look (cmp 1 overflows exactly for INT_MIN):
 * positive → INT_MAX, NaN (parity) → 0, else INT_MIN stays.
 */
function emitTruncate(buf: Buf, dst: number, src: number): void {
  put(buf, x64.cvttsd2si(dst, src));
  const fix = [
    ...x64.xorpd(XS, XS),
    ...x64.ucomisd(src, XS),
    ...x64.movRI(R11, 0x7fffffff),
    ...x64.cmov(CC.a, dst, R11),
    ...x64.movRI(R11, 0),
    ...x64.cmov(CC.p, dst, R11),
  ];
  put(buf, x64.aluRI('cmp', dst, 1));
  skipIf(buf, CC.no, fix);
}

/** Branches to targets[0] on cc, else to targets[1], falling through where it can. */
function conditionalBranch(buf: Buf, cc: number, mi: MachInst<X86Data>, ctx: EmitContext): void {
  const [taken, other] = mi.targets;
  if (taken!.block === ctx.nextBlock) return branchToLabel(buf, invertCond(cc), ctx.labelOf(other!.block));
  branchToLabel(buf, cc, ctx.labelOf(taken!.block));
  if (other!.block !== ctx.nextBlock) branchToLabel(buf, null, ctx.labelOf(other!.block));
}

/** dst ← cc ? a : b once the flags are set (mov leaves them alone). */
function conditionalMove(buf: Buf, cc: number, dst: number, a: number, b: number): void {
  if (dst === a) {
    if (dst !== b) put(buf, x64.cmov(invertCond(cc), dst, b));
    return;
  }
  if (dst !== b) put(buf, x64.movRR(dst, b));
  put(buf, x64.cmov(cc, dst, a));
}

function emitSelect(buf: Buf, dst: number, c: number, a: number, b: number): void {
  put(buf, x64.testRR(c, c));
  if (dst === a) {
    if (dst !== b) put(buf, x64.cmov(CC.e, dst, b));
    return;
  }
  // mov leaves the flags alone, so dst may be c.
  if (dst !== b) put(buf, x64.movRR(dst, b));
  put(buf, x64.cmov(CC.ne, dst, a));
}

function emitFloatSelect(buf: Buf, dst: number, c: number, a: number, b: number): void {
  put(buf, x64.testRR(c, c));
  if (dst === a) {
    if (dst !== b) skipIf(buf, CC.ne, x64.movapd(dst, b));
    return;
  }
  if (dst !== b) put(buf, x64.movapd(dst, b));
  skipIf(buf, CC.e, x64.movapd(dst, a));
}

function loadDouble(buf: Buf, dst: number, value: number): void {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, value, true);
  const word = bits.getBigUint64(0, true);
  if (word === 0n) return put(buf, x64.xorpd(dst, dst));
  put(buf, x64.movabs(R11, word));
  put(buf, x64.movqXR(dst, R11));
}

function emitReturn(buf: Buf, frame: FrameLayout): void {
  emitFrameTeardown(buf, frame);
  put(buf, x64.ret());
}

/** r11 ← code address of table slot `index`, after the bad_function checks (range, signature). */
function loadTableEntry(buf: Buf, index: number, tableBase: number, sigId: number): void {
  const scale = FUNCTION_SLOT_BYTES as 8;
  put(buf, x64.aluRI('cmp', index, MAX_FUNCTIONS));
  trapIf(buf, CC.ae, 'bad_function');
  put(buf, x64.aluMI('cmp', mem(null, tableBase + SIGNATURE_ID_OFFSET, index, scale), sigId));
  trapIf(buf, CC.ne, 'bad_function');
  put(buf, x64.loadRM(R11, mem(null, tableBase + CODE_ADDRESS_OFFSET, index, scale)));
}

function access(buf: Buf, width: Width, load: boolean, reg: number, at: Mem): void {
  if (width === 'd') return put(buf, load ? x64.movsdLoad(xmmNum(reg), at) : x64.movsdStore(at, xmmNum(reg)));
  if (width === 'b') return put(buf, load ? x64.loadByte(reg, at) : x64.storeByte(at, reg));
  put(buf, load ? x64.loadRM(reg, at) : x64.storeMR(at, reg));
}
