import { Trap } from '../../ir/traps.ts';

/**
 * Unbounded integer semantics on JS bigints, shared by the host functions. `maxBits`
 * bounds results whose size the operands do not already bound (shl, pow): a result that
 * could never fit the heap traps out_of_memory before any work is done.
 */

export function bitLength(x: bigint): number {
  const magnitude = x < 0n ? -x : x;
  if (magnitude < 0x1_0000_0000n) return 32 - Math.clz32(Number(magnitude));
  const hex = magnitude.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

function checkDivisor(b: bigint): void {
  if (b === 0n) throw new Trap('div_by_zero', 'integer division by zero');
}

/** Quotient rounded toward negative infinity (Python `//`, Prolog `div`). */
export function floorDiv(a: bigint, b: bigint): bigint {
  checkDivisor(b);
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Remainder with the divisor's sign (Python `%`, Prolog `mod`). */
export function floorMod(a: bigint, b: bigint): bigint {
  checkDivisor(b);
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** Quotient rounded toward zero (Prolog `//`). */
export function truncDiv(a: bigint, b: bigint): bigint {
  checkDivisor(b);
  return a / b;
}

/** Remainder with the dividend's sign (Prolog `rem`). */
export function truncRem(a: bigint, b: bigint): bigint {
  checkDivisor(b);
  return a % b;
}

function tooBig(bits: number): Trap {
  return new Trap('out_of_memory', `integer of about ${bits} bits does not fit the heap`);
}

/** base ** exponent for exponent >= 0 (a negative exponent is the frontend's business). */
export function pow(base: bigint, exponent: bigint, maxBits: number): bigint {
  if (exponent < 0n) throw new Trap('host_error', 'int.pow with a negative exponent');
  if (base === 0n || base === 1n || exponent === 0n) return exponent === 0n ? 1n : base;
  if (base === -1n) return exponent % 2n === 0n ? 1n : -1n;
  const bits = (bitLength(base) - 1) * Number(exponent);
  if (bits > maxBits) throw tooBig(bits);
  return base ** exponent;
}

/** x * 2**count; a negative count shifts right (SWI-Prolog's rule; Python rejects it first). */
export function shiftLeft(x: bigint, count: bigint, maxBits: number): bigint {
  if (count < 0n) return shiftRight(x, -count, maxBits);
  if (x === 0n) return 0n;
  const bits = bitLength(x) + Number(count);
  if (bits > maxBits) throw tooBig(bits);
  return x << count;
}

/** floor(x / 2**count) (arithmetic); a negative count shifts left. */
export function shiftRight(x: bigint, count: bigint, maxBits: number): bigint {
  if (count < 0n) return shiftLeft(x, -count, maxBits);
  if (count >= BigInt(bitLength(x))) return x < 0n ? -1n : 0n;
  return x >> count;
}

/** Greatest common divisor, non-negative; gcd(0, 0) = 0. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

export function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Truncates toward zero; NaN and infinities are the frontend's to reject first. */
export function fromF64(x: number): bigint {
  if (!Number.isFinite(x)) throw new Trap('host_error', `int.from_f64 of ${x}`);
  return BigInt(Math.trunc(x));
}
