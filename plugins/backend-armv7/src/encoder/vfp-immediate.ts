// VFPv3 `vmov.f64 dd, #imm`: an 8-bit immediate abcdefgh standing for
// (-1)^a × (16 + efgh) / 16 × 2^e with e in -3..4 (bits bcd). Zero is not encodable.

const scratch = new DataView(new ArrayBuffer(8));

/** The double an 8-bit VFP immediate stands for. */
export function decodeVfpImmediate(imm8: number): number {
  const sign = (imm8 >> 7) & 1;
  const b = (imm8 >> 6) & 1;
  const cd = (imm8 >> 4) & 3;
  const fraction = imm8 & 0xf;
  // exponent = NOT(b) : Replicate(b, 8) : cd, as 11 bits
  const exponent = ((b ^ 1) << 10) | ((b ? 0xff : 0) << 2) | cd;
  scratch.setUint32(0, (sign << 31) | (exponent << 20) | (fraction << 16));
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

const IMMEDIATE_BY_VALUE = new Map<number, number>();
for (let imm8 = 0; imm8 < 256; imm8++) IMMEDIATE_BY_VALUE.set(decodeVfpImmediate(imm8), imm8);

/** The 8-bit immediate for `value`, or undefined when vmov.f64 cannot load it directly. */
export function encodeVfpImmediate(value: number): number | undefined {
  return IMMEDIATE_BY_VALUE.get(value);
}

export function isVfpImmediate(value: number): boolean {
  return IMMEDIATE_BY_VALUE.has(value);
}

/** All 256 encodable doubles, in immediate order. */
export function vfpImmediateValues(): number[] {
  return Array.from({ length: 256 }, (_, imm8) => decodeVfpImmediate(imm8));
}
