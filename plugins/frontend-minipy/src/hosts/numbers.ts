import type { Py } from './py-context.ts';
import { FALSE, TRUE } from '../runtime/tags.ts';
import { cPow } from './c-pow.ts';

/** A numeric operand: bools count as ints, as in Python. */
export type Num = { int: bigint; float?: undefined } | { float: number; int?: undefined };

export function asNum(py: Py, v: number): Num | null {
  if ((v & 1) === 1) return { int: BigInt(v >> 1) };
  if (v === TRUE) return { int: 1n };
  if (v === FALSE) return { int: 0n };
  const t = py.typeOf(v);
  if (t === py.t.float) return { float: py.readFloat(v) };
  if (t === py.t.bigint) return { int: py.readInt(v) };
  return null;
}

/** int → float as Python converts it: correctly rounded, OverflowError when too large. */
export function toFloat(py: Py, n: Num): number {
  if (n.float !== undefined) return n.float;
  const x = Number(n.int);
  if (!Number.isFinite(x)) py.raise('OverflowError', 'int too large to convert to float');
  return x;
}

export function makeNum(py: Py, n: Num): number {
  return n.float !== undefined ? py.makeFloat(n.float) : py.makeInt(n.int);
}

/** CPython's float_divmod: floor quotient and modulo with the divisor's sign. */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  // C's `if (mod)` as CPython writes it: NaN is true there, and falsy in JavaScript.
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else mod = Math.sign(b) < 0 || Object.is(b, -0) ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  return [floordiv, mod];
}

export function intFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
export function intFloorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** Exact comparison of an int with a float: -1, 0, 1, or NaN when unordered. */
export function compareIntFloat(a: bigint, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  if (a < bf) return -1;
  if (a > bf) return 1;
  return f > fl ? -1 : 0;
}

/** Compares two numbers exactly; NaN when unordered. */
export function compareNums(a: Num, b: Num): number {
  if (a.int !== undefined && b.int !== undefined) return a.int < b.int ? -1 : a.int > b.int ? 1 : 0;
  if (a.float !== undefined && b.float !== undefined)
    return a.float < b.float ? -1 : a.float > b.float ? 1 : a.float === b.float ? 0 : NaN;
  if (a.int !== undefined) return compareIntFloat(a.int, b.float!);
  return -compareIntFloat(b.int!, a.float!);
}

/** float ** float as CPython's float_pow computes it: special cases first, in its order,
 *  then C's pow() (c-pow.ts) on a positive base, with its errors. A negative base with a
 *  fractional exponent gives a complex number in CPython; mini-Python has none. */
export function floatPow(py: Py, base: number, exp: number): number {
  if (exp === 0) return 1;
  if (Number.isNaN(base)) return base;
  if (Number.isNaN(exp)) return base === 1 ? 1 : exp;
  if (!Number.isFinite(exp)) {
    const size = Math.abs(base);
    if (size === 1) return 1;
    return exp > 0 === size > 1 ? Infinity : 0;
  }
  if (!Number.isFinite(base)) {
    if (exp > 0) return isOddInteger(exp) ? base : Infinity;
    return isOddInteger(exp) ? (base < 0 ? -0 : 0) : 0;
  }
  if (base === 0) {
    if (exp < 0) py.raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return isOddInteger(exp) ? base : 0;
  }
  let negate = false;
  if (base < 0) {
    if (exp !== Math.floor(exp)) py.raise('ValueError', 'complex results are not supported');
    base = -base;
    negate = isOddInteger(exp);
  }
  if (base === 1) return negate ? -1 : 1;
  const r = cPow(base, exp);
  // pow() sets ERANGE on overflow (an infinite result); underflow to 0 is no error.
  if (!Number.isFinite(r)) py.raise('OverflowError', "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

function isOddInteger(x: number): boolean {
  return Math.abs(x) % 2 === 1;
}
