/**
 * Exact decimal rounding of doubles, as CPython's `format` does it: the double's exact value
 * rounded half-to-even. JS's toFixed/toExponential round exact ties away from zero
 * (`(2.5).toFixed(0)` is "3", CPython's `f"{2.5:.0f}"` is "2"), so they cannot be used.
 */

const view = new DataView(new ArrayBuffer(8));

/** |x| = m * 2^e exactly, for finite x. */
function exactParts(x: number): { m: bigint; e: number } {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { m: frac, e: -1074 };
  return { m: frac | (1n << 52n), e: biased - 1075 };
}

/** round(|x| * 10^k), half to even, for finite x and any integer k. */
export function scaledRound(x: number, k: number): bigint {
  const { m, e } = exactParts(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** The digits of |x| with `prec` digits after the point ("12.50" for 12.5, 2). */
export function fixedDigits(x: number, prec: number): string {
  const n = scaledRound(x, prec).toString();
  if (prec === 0) return n;
  const padded = n.padStart(prec + 1, '0');
  return `${padded.slice(0, -prec)}.${padded.slice(-prec)}`;
}

/** |x| in scientific notation with `prec` digits after the point: { digits "1.250", exp 3 }. */
export function scientificDigits(x: number, prec: number): { mantissa: string; exp: number } {
  if (x === 0) return { mantissa: prec > 0 ? `0.${'0'.repeat(prec)}` : '0', exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  // log10 may be off by one near powers of ten: correct it with exact comparisons.
  while (scaledRoundDown(x, -exp) >= 10n) exp++;
  while (scaledRoundDown(x, -exp) === 0n) exp--;
  let n = scaledRound(x, prec - exp);
  if (n >= 10n ** BigInt(prec + 1)) {
    exp++;
    n = scaledRound(x, prec - exp);
  }
  const s = n.toString();
  return { mantissa: prec > 0 ? `${s[0]}.${s.slice(1)}` : s, exp };
}

/** floor(|x| * 10^k). */
function scaledRoundDown(x: number, k: number): bigint {
  const { m, e } = exactParts(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  return num / den;
}

export function exponentSuffix(exp: number, upper: boolean): string {
  const sign = exp < 0 ? '-' : '+';
  return `${upper ? 'E' : 'e'}${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}
