// Small A32 expansions the encoder reuses: constants, immediates out of range, frame
// accesses, branches to labels and to absolute symbols, the epilogue.
import type { CodeBuffer, FrameLayout, Label } from '#framework';
import { a32, AL, isModifiedImmediate } from '../encoder/index.ts';
import type { ArmFixup } from '../arm-data.ts';
import { IP, LR, SP } from '../arm-regs.ts';

export type Buf = CodeBuffer<ArmFixup>;

export function loadConst(buf: Buf, rd: number, value: number, cond = AL): void {
  const v = value >>> 0;
  if (isModifiedImmediate(v)) buf.put32(a32.movImm(cond, rd, v));
  else if (isModifiedImmediate(~v >>> 0)) buf.put32(a32.mvnImm(cond, rd, ~v >>> 0));
  else {
    buf.put32(a32.movw(cond, rd, v & 0xffff));
    if (v >>> 16 !== 0) buf.put32(a32.movt(cond, rd, v >>> 16));
  }
}

export function branchToLabel(buf: Buf, cond: number, label: Label): void {
  buf.useLabel(label, 'branch24');
  buf.put32(a32.b(cond, 0));
}

/** `b`/`bl` to an absolute address known at placement (function, host slot, trap slot). */
export function branchToSymbol(buf: Buf, cond: number, symbol: string, link: boolean): void {
  buf.useSymbol(symbol, 'branch24');
  buf.put32(link ? a32.bl(cond, 0) : a32.b(cond, 0));
}

/** rd ← rn + imm (rd may be IP; rn must not be IP unless rd is). */
export function addConst(buf: Buf, rd: number, rn: number, imm: number): void {
  if (imm === 0) {
    if (rd !== rn) buf.put32(a32.movReg(AL, rd, rn));
  } else if (isModifiedImmediate(imm >>> 0)) buf.put32(a32.addImm(AL, rd, rn, imm >>> 0));
  else if (isModifiedImmediate(-imm >>> 0)) buf.put32(a32.subImm(AL, rd, rn, -imm >>> 0));
  else {
    loadConst(buf, IP, imm);
    buf.put32(a32.addReg(AL, rd, rn, IP));
  }
}

/** Word/byte load or store at [base + offset]; out-of-range offsets go through ip. */
export function wordAccess(
  buf: Buf,
  op: 'ldr' | 'str' | 'ldrb' | 'strb',
  rt: number,
  base: number,
  offset: number,
): void {
  if (offset >= -4095 && offset <= 4095) {
    buf.put32(a32.loadStoreImm(op, AL, rt, base, offset));
    return;
  }
  if (rt === IP && op.startsWith('str')) throw new Error('armv7: store of ip at an offset out of range');
  loadConst(buf, IP, offset);
  buf.put32(a32.loadStoreReg(op, AL, rt, base, IP));
}

/** f64 load or store at [base + offset] (vldr/vstr reach ±1020). */
export function doubleAccess(buf: Buf, load: boolean, dd: number, base: number, offset: number): void {
  if (offset % 4 === 0 && offset >= -1020 && offset <= 1020) {
    buf.put32(load ? a32.vldr(AL, dd, base, offset) : a32.vstr(AL, dd, base, offset));
    return;
  }
  addConst(buf, IP, base, offset);
  buf.put32(load ? a32.vldr(AL, dd, IP, 0) : a32.vstr(AL, dd, IP, 0));
}

/** Frees the frame and restores lr; the caller then returns or jumps. */
export function emitFrameTeardown(buf: Buf, frame: FrameLayout): void {
  if (frame.savesReturnAddress) wordAccess(buf, 'ldr', LR, SP, frame.returnAddressOffset!);
  if (frame.size > 0) addConst(buf, SP, SP, frame.size);
}
