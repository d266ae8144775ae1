import { asNum } from './numbers.ts';
import { typeName } from './format.ts';
import type { Py } from './py-context.ts';
import { FALSE, NONE, TRUE } from '../runtime/tags.ts';

const P = (1n << 61n) - 1n;
const M64 = (1n << 64n) - 1n;

/** CPython's hash of an int: n mod 2^61 - 1, sign kept, -1 made -2. */
export function intHash(n: bigint): bigint {
  const h = (n < 0n ? -n : n) % P;
  const r = n < 0n ? -h : h;
  return r === -1n ? -2n : r;
}

/** CPython's _Py_HashDouble for finite x. */
export function floatHash(x: number): bigint {
  if (Number.isInteger(x)) return intHash(BigInt(x));
  let m = Math.abs(x);
  let e = 0;
  // frexp: m in [0.5, 1).
  while (m >= 1) {
    m /= 2;
    e++;
  }
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  let h = 0n;
  while (m !== 0) {
    h = ((h << 28n) & P) | (h >> 33n);
    m *= 268435456;
    e -= 28;
    const y = Math.trunc(m);
    m -= y;
    h += BigInt(y);
    if (h >= P) h -= P;
  }
  const ee = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  h = ((h << ee) & P) | (h >> (61n - ee));
  const r = x < 0 ? -h : h;
  return r === -1n ? -2n : r;
}

function signed64(u: bigint): bigint {
  return BigInt.asIntN(64, u);
}

/** hash(v) as CPython computes it for ints, floats, bools, None-free tuples of them; strings
 *  hash by this implementation's own function (CPython's depends on PYTHONHASHSEED).
 *  `other` hashes what is none of those (at any depth in a tuple), when given. */
export function pyHash(py: Py, v: number, strHash: (s: number) => number, other?: (v: number) => bigint): bigint {
  if (v === TRUE) return 1n;
  if (v === FALSE) return 0n;
  const n = asNum(py, v);
  if (n) {
    if (n.int !== undefined) return intHash(n.int);
    if (Number.isNaN(n.float)) return 0n;
    if (!Number.isFinite(n.float)) return n.float > 0 ? 314159n : -314159n;
    return floatHash(n.float);
  }
  const t = py.typeOf(v);
  if (t === py.t.str) return BigInt(strHash(v));
  if (t === py.t.tuple) {
    const items = py.tupleItems(v);
    let acc = 2870177450012600261n;
    for (const item of items) {
      const lane = BigInt.asUintN(64, pyHash(py, item, strHash, other));
      acc = (acc + lane * 14029467366897019727n) & M64;
      acc = ((acc << 31n) | (acc >> 33n)) & M64;
      acc = (acc * 11400714785074694791n) & M64;
    }
    acc = (acc + (BigInt(items.length) ^ (2870177450012600261n ^ 3527539n))) & M64;
    if (acc === M64) return 1546275796n;
    return signed64(acc);
  }
  if (other) return other(v);
  if (v === NONE) return py.raise('TypeError', 'hash(None) depends on the address of None: not supported');
  return py.raise('TypeError', `unhashable type: '${typeName(py, v)}'`);
}
