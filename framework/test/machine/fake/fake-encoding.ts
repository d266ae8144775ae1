// Word encoding of the fake ISA: one header word (opcode and up to four registers), then
// operand words. Branch targets are PC-relative words patched through the code buffer.
const OP_LIST = [
  'LI',
  'LF',
  'PURE',
  'MOV',
  'FMOV',
  'LDW',
  'STW',
  'LDD',
  'STD',
  'CMPZ',
  'BNZ',
  'BZ',
  'JMP',
  'CALL',
  'RETLR',
  'SUBSP',
  'ADDSP',
  'MKREF',
  'REFBITS',
] as const;
export type OpName = (typeof OP_LIST)[number];
export type Op = number;
export const Op = Object.fromEntries(OP_LIST.map((n, i) => [n, i + 1])) as Record<OpName, Op>;
export const OP_NAMES: Record<number, string> = Object.fromEntries(OP_LIST.map((n, i) => [i + 1, n.toLowerCase()]));

export function header(op: Op, a = 0, b = 0, c = 0, d = 0): number {
  return (op | (a << 8) | (b << 14) | (c << 20) | (d << 26)) >>> 0;
}

export interface Header {
  op: Op;
  a: number;
  b: number;
  c: number;
  d: number;
}

export function decodeHeader(w: number): Header {
  return { op: w & 0xff, a: (w >>> 8) & 63, b: (w >>> 14) & 63, c: (w >>> 20) & 63, d: (w >>> 26) & 63 };
}

/** The relocation kind: a word holding target − site. */
export type FakeFixup = 'rel32';
