/** Numeric helpers whose exact semantics every tier must reproduce. */

/** f64 → i32: truncate toward zero, saturate at the i32 range, NaN → 0. */
export function f64ToI32Saturating(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x) | 0;
}

export function int32ToF64(x: number): number {
  return x | 0;
}

const f64Scratch = new Float64Array(1);
const u32Scratch = new Uint32Array(f64Scratch.buffer);

/** The raw bits of a double as a 16-digit hex string. */
export function f64ToHexBits(x: number): string {
  f64Scratch[0] = x;
  return u32Scratch[1]!.toString(16).padStart(8, '0') + u32Scratch[0]!.toString(16).padStart(8, '0');
}

export function f64FromHexBits(hex: string): number {
  const h = hex.padStart(16, '0');
  u32Scratch[1] = parseInt(h.slice(0, 8), 16);
  u32Scratch[0] = parseInt(h.slice(8), 16);
  return f64Scratch[0]!;
}

/** Doubles are equal as results: bit for bit, except that every NaN matches every NaN. */
export function sameF64(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Object.is(a, b);
}
