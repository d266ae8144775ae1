/** A finite number as an exact decimal: value = digits / 10^scale (digits >= 0), sign apart. */
interface Exact {
  neg: boolean;
  digits: bigint;
  scale: number;
}

/** The exact decimal value of a double or an integer (every double is a finite decimal). */
export function exact(x: number | bigint): Exact {
  if (typeof x === 'bigint') return { neg: x < 0n, digits: x < 0n ? -x : x, scale: 0 };
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (a === 0) return { neg, digits: 0n, scale: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const bits = view.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n);
  const pow = (e === 0 ? 1 : e) - 1075;
  if (pow >= 0) return { neg, digits: mant << BigInt(pow), scale: 0 };
  return { neg, digits: mant * 5n ** BigInt(-pow), scale: -pow };
}

/** digits / 10^drop rounded to an integer, ties to even (as C's printf rounds). */
function roundDrop(digits: bigint, drop: number): bigint {
  if (drop <= 0) return digits * 10n ** BigInt(-drop);
  const p = 10n ** BigInt(drop);
  const q = digits / p;
  const r2 = (digits % p) * 2n;
  return r2 > p || (r2 === p && q % 2n === 1n) ? q + 1n : q;
}

/** printf's `%.Nf`. */
export function fixed(x: number | bigint, n: number): string {
  const v = exact(x);
  const q = roundDrop(v.digits, v.scale - n)
    .toString()
    .padStart(n + 1, '0');
  const body = n === 0 ? q : `${q.slice(0, q.length - n)}.${q.slice(q.length - n)}`;
  return (v.neg ? '-' : '') + body;
}

/** Mantissa digits (n+1 of them) and decimal exponent of x rounded to n+1 significant digits. */
function significant(v: Exact, n: number): { m: string; exp: number } {
  if (v.digits === 0n) return { m: '0'.repeat(n + 1), exp: 0 };
  let exp = v.digits.toString().length - 1 - v.scale;
  let m = roundDrop(v.digits, v.scale + exp - n).toString();
  if (m.length > n + 1) {
    exp++;
    m = m.slice(0, n + 1);
  }
  return { m, exp };
}

/** printf's `%.Ne`. */
export function scientific(x: number | bigint, n: number): string {
  const v = exact(x);
  const { m, exp } = significant(v, n);
  const e = `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return (v.neg ? '-' : '') + m[0] + (n > 0 ? `.${m.slice(1)}` : '') + e;
}

/** printf's `%.Ng`. */
export function general(x: number | bigint, n: number): string {
  const p = n === 0 ? 1 : n;
  const { exp } = significant(exact(x), p - 1);
  const strip = (t: string): string => (t.includes('.') ? t.replace(/\.?0+$/, '') : t);
  if (exp < -4 || exp >= p) {
    const s = scientific(x, p - 1);
    const i = s.indexOf('e');
    return strip(s.slice(0, i)) + s.slice(i);
  }
  return strip(fixed(x, p - 1 - exp));
}
