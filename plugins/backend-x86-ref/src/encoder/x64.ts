// x86-64 instruction encoding: legacy prefix, REX, opcode, ModRM/SIB, displacement,
// immediate. Each function returns one instruction's bytes in the encoding GNU as picks
// for the same Intel-syntax line (checked by the property test over X64_FORMS).
// Registers are numbered as the hardware does: 0 rax/xmm0 … 15 r15/xmm15.

/** A memory operand: [base + index * scale + disp]; no base means an absolute disp32. */
export interface Mem {
  readonly base: number | null;
  readonly index: number | null;
  readonly scale: 1 | 2 | 4 | 8;
  readonly disp: number;
}

export const mem = (base: number | null, disp = 0, index: number | null = null, scale: Mem['scale'] = 1): Mem => ({
  base,
  index,
  scale,
  disp,
});

/** Condition codes, as the low nibble of jcc/setcc/cmovcc. */
export const CC = {
  o: 0,
  no: 1,
  b: 2,
  ae: 3,
  e: 4,
  ne: 5,
  be: 6,
  a: 7,
  s: 8,
  ns: 9,
  p: 10,
  np: 11,
  l: 12,
  ge: 13,
  le: 14,
  g: 15,
} as const;
export type Cond = number;
export const CC_NAMES = Object.keys(CC) as readonly string[];
export const invertCond = (cc: Cond): Cond => cc ^ 1;

export const RSP = 4;
export const RBP = 5;

type RM = { readonly reg: number } | { readonly mem: Mem };

interface Encoding {
  readonly prefix?: number;
  readonly w?: boolean;
  readonly opcode: readonly number[];
  /** The ModRM reg field (a register or an opcode extension), 0..15. */
  readonly reg: number;
  readonly rm: RM;
  /** Registers used as bytes: spl, bpl, sil, dil need a REX prefix to be named. */
  readonly byteRegs?: readonly number[];
  readonly imm?: readonly number[];
}

export const fitsInt8 = (v: number): boolean => v >= -128 && v <= 127;
const le = (v: number, bytes: number): number[] =>
  Array.from({ length: bytes }, (_, i) => Number((BigInt.asUintN(64, BigInt(v)) >> BigInt(8 * i)) & 0xffn));
export const imm8 = (v: number): number[] => [v & 0xff];
export const imm32 = (v: number): number[] => le(v, 4);

function encode(e: Encoding): number[] {
  const out: number[] = [];
  if (e.prefix !== undefined) out.push(e.prefix);
  const rmBytes: number[] = [];
  let x = 0,
    b = 0;
  const regField = e.reg & 7;
  if ('reg' in e.rm) {
    b = e.rm.reg >> 3;
    rmBytes.push(0xc0 | (regField << 3) | (e.rm.reg & 7));
  } else {
    const m = e.rm.mem;
    if (m.index === RSP) throw new RangeError('rsp cannot be an index register');
    if (m.base === null) {
      x = m.index === null ? 0 : m.index >> 3;
      const sib = (scaleBits(m.scale) << 6) | (((m.index ?? RSP) & 7) << 3) | 5;
      rmBytes.push((regField << 3) | 4, sib, ...imm32(m.disp));
    } else {
      b = m.base >> 3;
      const mod = m.disp === 0 && (m.base & 7) !== RBP ? 0 : fitsInt8(m.disp) ? 1 : 2;
      const disp = mod === 0 ? [] : mod === 1 ? imm8(m.disp) : imm32(m.disp);
      if (m.index === null && (m.base & 7) !== RSP) {
        rmBytes.push((mod << 6) | (regField << 3) | (m.base & 7), ...disp);
      } else {
        x = m.index === null ? 0 : m.index >> 3;
        const sib = (scaleBits(m.scale) << 6) | (((m.index ?? RSP) & 7) << 3) | (m.base & 7);
        rmBytes.push((mod << 6) | (regField << 3) | 4, sib, ...disp);
      }
    }
  }
  const r = e.reg >> 3;
  const rex = (e.w ? 8 : 0) | (r << 2) | (x << 1) | b;
  const forced = (e.byteRegs ?? []).some((reg) => reg >= 4 && reg <= 7);
  if (rex !== 0 || forced) out.push(0x40 | rex);
  out.push(...e.opcode, ...rmBytes, ...(e.imm ?? []));
  return out;
}

function scaleBits(scale: number): number {
  return scale === 1 ? 0 : scale === 2 ? 1 : scale === 4 ? 2 : 3;
}

const rm = (reg: number): RM => ({ reg });
const rmMem = (m: Mem): RM => ({ mem: m });

/** The ALU group: ModRM /n extension and the base opcode (op r/m, r is base + 1). */
export const ALU = { add: 0, or: 1, and: 4, sub: 5, xor: 6, cmp: 7 } as const;
export type AluOp = keyof typeof ALU;
export const SHIFT = { shl: 4, shr: 5, sar: 7 } as const;
export type ShiftOp = keyof typeof SHIFT;
export const SSE_ARITH = { addsd: 0x58, mulsd: 0x59, subsd: 0x5c, divsd: 0x5e, sqrtsd: 0x51 } as const;
export type SseOp = keyof typeof SSE_ARITH;

export const x64 = {
  /** op dst, src (32-bit; op r/m32, r32). */
  aluRR: (op: AluOp, dst: number, src: number, w = false): number[] =>
    encode({ w, opcode: [ALU[op] * 8 + 1], reg: src, rm: rm(dst) }),
  /** op dst, imm (imm8 when it fits, the eax short form, else imm32). */
  aluRI: (op: AluOp, dst: number, imm: number, w = false): number[] => {
    if (fitsInt8(imm)) return encode({ w, opcode: [0x83], reg: ALU[op], rm: rm(dst), imm: imm8(imm) });
    if (dst === 0) return [...(w ? [0x48] : []), ALU[op] * 8 + 5, ...imm32(imm)];
    return encode({ w, opcode: [0x81], reg: ALU[op], rm: rm(dst), imm: imm32(imm) });
  },
  /** op dst, dword [mem] */
  aluRM: (op: AluOp, dst: number, m: Mem): number[] => encode({ opcode: [ALU[op] * 8 + 3], reg: dst, rm: rmMem(m) }),
  /** op dword [mem], imm */
  aluMI: (op: AluOp, m: Mem, imm: number): number[] =>
    fitsInt8(imm)
      ? encode({ opcode: [0x83], reg: ALU[op], rm: rmMem(m), imm: imm8(imm) })
      : encode({ opcode: [0x81], reg: ALU[op], rm: rmMem(m), imm: imm32(imm) }),
  testRR: (a: number, b: number): number[] => encode({ opcode: [0x85], reg: b, rm: rm(a) }),
  testRI: (a: number, imm: number): number[] =>
    a === 0 ? [0xa9, ...imm32(imm)] : encode({ opcode: [0xf7], reg: 0, rm: rm(a), imm: imm32(imm) }),
  /** and dst8, src8 */
  andRR8: (dst: number, src: number): number[] =>
    encode({ opcode: [0x20], reg: src, rm: rm(dst), byteRegs: [dst, src] }),
  imulRR: (dst: number, src: number): number[] => encode({ opcode: [0x0f, 0xaf], reg: dst, rm: rm(src) }),
  shiftCl: (op: ShiftOp, dst: number): number[] => encode({ opcode: [0xd3], reg: SHIFT[op], rm: rm(dst) }),
  shiftRI: (op: ShiftOp, dst: number, imm: number): number[] =>
    imm === 1
      ? encode({ opcode: [0xd1], reg: SHIFT[op], rm: rm(dst) })
      : encode({ opcode: [0xc1], reg: SHIFT[op], rm: rm(dst), imm: imm8(imm) }),
  neg: (dst: number): number[] => encode({ opcode: [0xf7], reg: 3, rm: rm(dst) }),
  cdq: (): number[] => [0x99],
  /** edx:eax / src: div (unsigned) or idiv. */
  div: (signed: boolean, src: number): number[] => encode({ opcode: [0xf7], reg: signed ? 7 : 6, rm: rm(src) }),
  setcc: (cc: Cond, dst: number): number[] =>
    encode({ opcode: [0x0f, 0x90 | cc], reg: 0, rm: rm(dst), byteRegs: [dst] }),
  movzxRR8: (dst: number, src: number): number[] =>
    encode({ opcode: [0x0f, 0xb6], reg: dst, rm: rm(src), byteRegs: [src] }),
  cmov: (cc: Cond, dst: number, src: number): number[] => encode({ opcode: [0x0f, 0x40 | cc], reg: dst, rm: rm(src) }),
  /** mov dst, src (32-bit, or 64-bit with w). */
  movRR: (dst: number, src: number, w = false): number[] => encode({ w, opcode: [0x89], reg: src, rm: rm(dst) }),
  /** mov r32, imm32 (zero-extends). */
  movRI: (dst: number, imm: number): number[] => [...(dst >= 8 ? [0x41] : []), 0xb8 | (dst & 7), ...imm32(imm)],
  /** movabs r64, imm64 (value given as a bigint). */
  movabs: (dst: number, imm: bigint): number[] => [
    0x48 | (dst >> 3),
    0xb8 | (dst & 7),
    ...Array.from({ length: 8 }, (_, i) => Number((BigInt.asUintN(64, imm) >> BigInt(8 * i)) & 0xffn)),
  ],
  loadRM: (dst: number, m: Mem): number[] => encode({ opcode: [0x8b], reg: dst, rm: rmMem(m) }),
  storeMR: (m: Mem, src: number): number[] => encode({ opcode: [0x89], reg: src, rm: rmMem(m) }),
  loadByte: (dst: number, m: Mem): number[] => encode({ opcode: [0x0f, 0xb6], reg: dst, rm: rmMem(m) }),
  storeByte: (m: Mem, src: number): number[] => encode({ opcode: [0x88], reg: src, rm: rmMem(m), byteRegs: [src] }),
  /** 64-bit add/sub of an immediate to rsp (frames). */
  jccRel32: (cc: Cond, rel: number): number[] => [0x0f, 0x80 | cc, ...imm32(rel)],
  jccRel8: (cc: Cond, rel: number): number[] => [0x70 | cc, ...imm8(rel)],
  jmpRel32: (rel: number): number[] => [0xe9, ...imm32(rel)],
  jmpRel8: (rel: number): number[] => [0xeb, ...imm8(rel)],
  callRel32: (rel: number): number[] => [0xe8, ...imm32(rel)],
  callR: (reg: number): number[] => encode({ opcode: [0xff], reg: 2, rm: rm(reg) }),
  jmpR: (reg: number): number[] => encode({ opcode: [0xff], reg: 4, rm: rm(reg) }),
  ret: (): number[] => [0xc3],
  ud2: (): number[] => [0x0f, 0x0b],
  push: (reg: number): number[] => [...(reg >= 8 ? [0x41] : []), 0x50 | (reg & 7)],
  pop: (reg: number): number[] => [...(reg >= 8 ? [0x41] : []), 0x58 | (reg & 7)],
  /** btc/btr r64, imm8: flips/clears one bit (a double's sign, moved through a GPR). */
  bitOp: (op: 'btc' | 'btr', dst: number, bit: number): number[] =>
    encode({ w: true, opcode: [0x0f, 0xba], reg: op === 'btc' ? 7 : 6, rm: rm(dst), imm: imm8(bit) }),
  sseArith: (op: SseOp, dst: number, src: number): number[] =>
    encode({ prefix: 0xf2, opcode: [0x0f, SSE_ARITH[op]], reg: dst, rm: rm(src) }),
  ucomisd: (a: number, b: number): number[] => encode({ prefix: 0x66, opcode: [0x0f, 0x2e], reg: a, rm: rm(b) }),
  xorpd: (dst: number, src: number): number[] => encode({ prefix: 0x66, opcode: [0x0f, 0x57], reg: dst, rm: rm(src) }),
  movapd: (dst: number, src: number): number[] => encode({ prefix: 0x66, opcode: [0x0f, 0x28], reg: dst, rm: rm(src) }),
  /** cvtsi2sd xmm, r32 */
  cvtsi2sd: (dst: number, src: number): number[] =>
    encode({ prefix: 0xf2, opcode: [0x0f, 0x2a], reg: dst, rm: rm(src) }),
  /** cvttsd2si r32, xmm */
  cvttsd2si: (dst: number, src: number): number[] =>
    encode({ prefix: 0xf2, opcode: [0x0f, 0x2c], reg: dst, rm: rm(src) }),
  /** movq xmm, r64 */
  movqXR: (dst: number, src: number): number[] =>
    encode({ prefix: 0x66, w: true, opcode: [0x0f, 0x6e], reg: dst, rm: rm(src) }),
  /** movq r64, xmm */
  movqRX: (dst: number, src: number): number[] =>
    encode({ prefix: 0x66, w: true, opcode: [0x0f, 0x7e], reg: src, rm: rm(dst) }),
  movsdLoad: (dst: number, m: Mem): number[] => encode({ prefix: 0xf2, opcode: [0x0f, 0x10], reg: dst, rm: rmMem(m) }),
  movsdStore: (m: Mem, src: number): number[] => encode({ prefix: 0xf2, opcode: [0x0f, 0x11], reg: src, rm: rmMem(m) }),
};
