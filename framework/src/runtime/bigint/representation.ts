import type { TypeDecl } from '../../ir/module.ts';

/** Small ints: a `ref` with low bit 1 holding a 31-bit signed value (`bits >> 1`). */
export const SMALL_INT_MIN = -(2 ** 30);
export const SMALL_INT_MAX = 2 ** 30 - 1;
export const SMALL_INT_MIN_BIG = BigInt(SMALL_INT_MIN);
export const SMALL_INT_MAX_BIG = BigInt(SMALL_INT_MAX);

/** Heap integers: `type :bigint = array i32`, element 0 the sign (0 or 1), elements 1..
 *  the magnitude as 32-bit little-endian limbs, normalized (no leading zero limb). */
export const BIGINT_TYPE_NAME = 'bigint';
export const BIGINT_TYPE: TypeDecl = { kind: 'array', name: BIGINT_TYPE_NAME, elem: 'i32' };
export const BIGINT_SIGN_NONNEGATIVE = 0;
export const BIGINT_SIGN_NEGATIVE = 1;

export function isSmallInt(ref: number): boolean {
  return (ref & 1) === 1;
}

export function smallIntValue(ref: number): number {
  return ref >> 1;
}

/** The small-int ref of n; n must lie in [SMALL_INT_MIN, SMALL_INT_MAX]. */
export function toSmallIntRef(n: number): number {
  if (!fitsSmallInt(n)) throw new RangeError(`${n} does not fit a small int`);
  return (n << 1) | 1;
}

export function fitsSmallInt(n: number): boolean {
  return Number.isInteger(n) && n >= SMALL_INT_MIN && n <= SMALL_INT_MAX;
}

/** Magnitude limbs of a non-negative bigint, least significant first (int32 bit patterns). */
export function magnitudeLimbs(magnitude: bigint): number[] {
  if (magnitude < 0x1_0000_0000n) return [Number(magnitude) | 0];
  if (magnitude < 0x1_0000_0000_0000_0000n) {
    return [Number(magnitude & 0xffff_ffffn) | 0, Number(magnitude >> 32n) | 0];
  }
  const hex = magnitude.toString(16);
  const limbs: number[] = [];
  for (let end = hex.length; end > 0; end -= 8) limbs.push(parseInt(hex.slice(Math.max(0, end - 8), end), 16) | 0);
  return limbs;
}

/** The magnitude encoded by limbs (int32 bit patterns, least significant first). */
export function limbsMagnitude(limbs: ArrayLike<number>, start: number, count: number): bigint {
  if (count === 1) return BigInt(limbs[start]! >>> 0);
  if (count === 2) return (BigInt(limbs[start + 1]! >>> 0) << 32n) | BigInt(limbs[start]! >>> 0);
  const parts = new Array<string>(count);
  for (let i = 0; i < count; i++) parts[i] = (limbs[start + count - 1 - i]! >>> 0).toString(16).padStart(8, '0');
  return BigInt(`0x${parts.join('')}`);
}

/** Element values of a `:bigint` const for a value that does NOT fit a small int (static
 *  bigint literals: `module.consts.push({ name, type: BIGINT_TYPE_NAME, values })`). */
export function bigintConstValues(value: bigint): number[] {
  if (value >= SMALL_INT_MIN_BIG && value <= SMALL_INT_MAX_BIG) {
    throw new RangeError(`${value} fits a small int: use toSmallIntRef, never a bigint object`);
  }
  const negative = value < 0n;
  return [negative ? BIGINT_SIGN_NEGATIVE : BIGINT_SIGN_NONNEGATIVE, ...magnitudeLimbs(negative ? -value : value)];
}
