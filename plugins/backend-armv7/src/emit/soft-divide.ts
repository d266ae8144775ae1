// Integer division without sdiv/udiv (Cortex-A8 lacks them): an inline shift-subtract
// loop, one quotient bit per iteration, skipping the dividend's leading zeros (clz), so
// small quotients cost few iterations. Exact IR semantics: the caller has already trapped
// on a zero divisor; INT_MIN / -1 divides |INT_MIN| = 2^31 by 1 and negates, wrapping to
// INT_MIN with remainder 0.
import { a32, AL } from '../encoder/index.ts';
import { IP } from '../arm-regs.ts';
import type { Buf } from './emit-helpers.ts';

const EQ = 0,
  NE = 1,
  HS = 2,
  LO = 3,
  MI = 4,
  LT = 11;

export interface SoftDivideRegs {
  /** The result (an early def: never shares a register with a or b). */
  readonly dst: number;
  readonly a: number;
  readonly b: number;
  /** Early-def temporaries: one for unsigned, two for signed. */
  readonly t1: number;
  readonly t2: number;
}

export function emitSoftDivide(buf: Buf, signed: boolean, rem: boolean, r: SoftDivideRegs): void {
  // n: the dividend shifting out as quotient bits shift in; m: the partial remainder;
  // d: the (absolute) divisor; ip counts the iterations left.
  const n = rem ? r.t1 : r.dst;
  const m = rem ? r.dst : r.t1;
  const d = signed ? r.t2 : r.b;
  if (signed) {
    buf.put32(a32.moveReg('mov', AL, n, r.a, undefined, true));
    buf.put32(a32.rsbImm(MI, n, n, 0));
    buf.put32(a32.moveReg('mov', AL, d, r.b, undefined, true));
    buf.put32(a32.rsbImm(MI, d, d, 0));
  } else {
    buf.put32(a32.movReg(AL, n, r.a));
  }
  buf.put32(a32.movImm(AL, m, 0));
  buf.put32(a32.clz(AL, IP, n));
  buf.put32(a32.shiftReg('lsl', AL, n, n, IP));
  // ip ← 32 - clz: the dividend's significant bits; zero means a zero dividend.
  buf.put32(a32.binaryImm('rsb', AL, IP, IP, 32, true));
  const loop = [
    a32.binaryReg('add', AL, n, n, n, undefined, true), // C ← next dividend bit
    a32.binaryReg('adc', AL, m, m, m, undefined, true), // m ← 2m + C; C ← bit 32 of that
    a32.cmpReg(LO, m, d), // no carry out: C ← m >= d
    a32.subReg(HS, m, m, d),
    a32.orrImm(HS, n, n, 1),
    a32.subsImm(AL, IP, IP, 1),
  ];
  // beq past the loop and its bne: target - (pc + 8) in words.
  buf.put32(a32.b(EQ, loop.length));
  for (const w of loop) buf.put32(w);
  // bne back to the loop's first word: target - (pc + 8) in words.
  buf.put32(a32.b(NE, -(loop.length + 2)));
  if (!signed) return;
  if (rem) {
    // The remainder takes the dividend's sign.
    buf.put32(a32.cmpImm(AL, r.a, 0));
    buf.put32(a32.rsbImm(LT, r.dst, r.dst, 0));
  } else {
    // The quotient is negative when the signs differ.
    buf.put32(a32.compareReg('teq', AL, r.a, r.b));
    buf.put32(a32.rsbImm(MI, r.dst, r.dst, 0));
  }
}
