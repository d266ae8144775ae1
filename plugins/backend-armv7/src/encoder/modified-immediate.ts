// A32 "modified immediates": an 8-bit value rotated right by an even amount.
// Of several encodings of one value, GNU as picks the smallest rotation; so do we,
// so that our bytes equal the assembler's.

function rotateLeft32(value: number, amount: number): number {
  return amount === 0 ? value >>> 0 : ((value << amount) | (value >>> (32 - amount))) >>> 0;
}

/** The 12-bit field (rotation << 8 | imm8) for `value`, or undefined when it has none. */
export function encodeModifiedImmediate(value: number): number | undefined {
  const bits = value >>> 0;
  for (let rotation = 0; rotation < 32; rotation += 2) {
    const imm8 = rotateLeft32(bits, rotation);
    if (imm8 <= 0xff) return ((rotation / 2) << 8) | imm8;
  }
  return undefined;
}

/** Whether the 32-bit value (signed or unsigned) fits an A32 data-processing immediate. */
export function isModifiedImmediate(value: number): boolean {
  return (
    Number.isInteger(value) &&
    value >= -0x80000000 &&
    value <= 0xffffffff &&
    encodeModifiedImmediate(value) !== undefined
  );
}

/** The unsigned 32-bit value a 12-bit modified-immediate field stands for. */
export function decodeModifiedImmediate(field: number): number {
  const imm8 = field & 0xff;
  const rotation = ((field >> 8) & 0xf) * 2;
  return rotateLeft32(imm8, (32 - rotation) % 32);
}
