import { f64FromHexBits, f64ToHexBits } from '../numeric.ts';

/**
 * Exact text for f64 immediates. Printing gives the shortest decimal that reads back to
 * the same double (what `String(x)` produces), so `print ∘ parse` is the identity; the
 * special values get their own spellings because their bits matter to file tests.
 */

const CANONICAL_NAN_BITS = '7ff8000000000000';

export function formatFloat(x: number): string {
  if (Number.isNaN(x)) {
    const bits = f64ToHexBits(x);
    return bits === CANONICAL_NAN_BITS ? 'nan' : `nan:0x${bits}`;
  }
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

const DECIMAL = /^-?[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^(-?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/;
const NAN_BITS = /^nan:0x([0-9a-fA-F]{1,16})$/;

/** The double a float literal denotes, or null when the text is not one. Accepts decimal,
 *  hex integers, C hex floats (`0x1.8p1`), `inf`, `-inf`, `nan` and `nan:0x<bits>`. */
export function parseFloatText(text: string): number | null {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan') return f64FromHexBits(CANONICAL_NAN_BITS);
  const nan = NAN_BITS.exec(text);
  if (nan) {
    const x = f64FromHexBits(nan[1]!);
    return Number.isNaN(x) ? x : null;
  }
  // JS number parsing is correctly rounded, so decimal text is exact as it is.
  if (DECIMAL.test(text)) return Number(text);
  const hex = HEX_FLOAT.exec(text);
  if (!hex) return null;
  const [, sign, whole = '', frac = '', exp = '0'] = hex;
  if (whole === '' && frac === '') return null;
  const mantissa = BigInt(`0x0${whole}${frac}`);
  return withSign(sign!, scaleByPowerOfTwo(mantissa, Number(exp) - 4 * frac.length));
}

function withSign(sign: string, x: number): number {
  return sign === '-' ? -x : x;
}

const MANTISSA_BITS = 53;
const MIN_LSB_EXPONENT = -1074; // the weight of the lowest bit of a subnormal

/** m · 2^e rounded to the nearest double, ties to even, exactly as a C library would. */
function scaleByPowerOfTwo(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const length = m.toString(2).length;
  const lsb = Math.max(length - MANTISSA_BITS + e, MIN_LSB_EXPONENT);
  let kept = m;
  const drop = lsb - e;
  if (drop > length) return 0; // below half the smallest subnormal
  if (drop > 0) {
    kept = m >> BigInt(drop);
    const rest = m - (kept << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
  }
  // `kept` fits in 53 bits (54 after rounding up, still exact), so only the final
  // power-of-two scaling can round, and that only to infinity. Two factors keep
  // 2^lsb itself from overflowing when `kept` is small.
  const shift = drop > 0 ? lsb : e;
  const half = Math.trunc(shift / 2);
  return Number(kept) * 2 ** half * 2 ** (shift - half);
}
