import { binaryOp } from './arith.ts';
import { compareOp, copyEntries, dictSet, hashValue } from './compare.ts';
import { iterateValues, lengthOf, makeIter, makeRange } from './containers.ts';
import { repr, toStr, typeName } from './format.ts';
import { formatValue } from './format-spec.ts';
import { asciiRepr } from './string-format.ts';
import { getAttr, isInstance, lookupAttr } from './classes.ts';
import { pyHash } from './py-hash.ts';
import { instanceHash } from './user-hash.ts';
import { input } from './sys.ts';
import { isSet, makeSetFrom, setSize, slotHash } from './sets.ts';

/** pow(b, e, m) on ints (bools are ints): Python's modular power (a negative exponent
 *  inverts b mod m). */
function modPow(py: Py, b0: number, e0: number, m0: number): number {
  const [bi, ei, mi] = [b0, e0, m0].map((v) => asNum(py, v)?.int);
  if (bi === undefined || ei === undefined || mi === undefined)
    py.raise('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
  let b = bi;
  let e = ei;
  const m = mi;
  if (m === 0n) py.raise('ValueError', 'pow() 3rd argument cannot be 0');
  const mod = (x: bigint): bigint => ((x % m) + m) % m;
  const am = m < 0n ? -m : m;
  if (e < 0n) {
    // Extended Euclid for the inverse of b modulo |m|.
    let [r0, r1] = [((b % am) + am) % am, am];
    let [s0, s1] = [1n, 0n];
    while (r1 !== 0n) {
      const q = r0 / r1;
      [r0, r1] = [r1, r0 - q * r1];
      [s0, s1] = [s1, s0 - q * s1];
    }
    if (r0 !== 1n) py.raise('ValueError', 'base is not invertible for the given modulus');
    b = s0;
    e = -e;
  }
  let result = 1n % am;
  b = ((b % am) + am) % am;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % am;
    b = (b * b) % am;
    e >>= 1n;
  }
  return py.makeInt(mod(result));
}

function attrName(py: Py, v: number): number {
  if (py.typeOf(v) !== py.t.str) py.raise('TypeError', `attribute name must be string, not '${typeName(py, v)}'`);
  return v;
}
import { asNum, floatDivmod, intFloorDiv, intFloorMod, makeNum, toFloat } from './numbers.ts';
import type { Py } from './py-context.ts';
import { FALSE, NONE, TRUE } from '../runtime/tags.ts';

type Builtin = (py: Py, args: number[]) => number;

function arity(py: Py, name: string, args: number[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  if (min === max && min === 1) py.raise('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
  if (args.length < min)
    py.raise(
      'TypeError',
      `${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${args.length}`,
    );
  py.raise('TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
}

const bool = (b: boolean): number => (b ? TRUE : FALSE);

export function truth(py: Py, v: number): boolean {
  if ((v & 1) === 1) return v !== 1;
  if (v === TRUE) return true;
  if (v === FALSE || v === NONE) return false;
  const t = py.typeOf(v);
  if (t === py.t.float) return py.readFloat(v) !== 0;
  if (t === py.t.bigint) return true;
  if (t === py.t.set) return setSize(py, v) !== 0;
  if (t === py.t.str || t === py.t.list || t === py.t.tuple || t === py.t.dict || t === py.t.range || t === py.t.view)
    return lengthOf(py, v) !== 0;
  return true;
}

function minMax(py: Py, name: string, args: number[], sign: number): number {
  if (args.length === 0) py.raise('TypeError', `${name} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? iterateValues(py, args[0]!) : args;
  if (items.length === 0) py.raise('ValueError', `${name}() arg is an empty sequence`);
  let best = items[0]!;
  for (let i = 1; i < items.length; i++) if (compareOp(py, items[i]!, best, sign < 0 ? 0 : 2)) best = items[i]!;
  return best;
}

function toInt(py: Py, args: number[]): number {
  arity(py, 'int', args, 0, 2);
  if (args.length === 0) return py.smallInt(0);
  const v = args[0]!;
  if (py.typeOf(v) === py.t.str) {
    const base = args.length > 1 ? Number(py.readInt(args[1]!)) : 10;
    const text = py.readStr(v);
    const s = text.trim().replace(/_/g, '').toLowerCase();
    const m = /^([+-]?)(0[xob])?([0-9a-z]+)$/.exec(s);
    const digits = m?.[3] ?? '';
    const valid =
      m && [...digits].every((c) => parseInt(c, 36) < base) && (!m[2] || base === 16 || base === 8 || base === 2);
    if (!valid) py.raise('ValueError', `invalid literal for int() with base ${base}: ${repr(py, v)}`);
    let n = 0n;
    for (const c of digits) n = n * BigInt(base) + BigInt(parseInt(c, 36));
    return py.makeInt(m![1] === '-' ? -n : n);
  }
  if (args.length > 1) py.raise('TypeError', "int() can't convert non-string with explicit base");
  const n = asNum(py, v);
  if (!n)
    return py.raise(
      'TypeError',
      `int() argument must be a string, a bytes-like object or a real number, not '${typeName(py, v)}'`,
    );
  if (n.int !== undefined) return py.makeInt(n.int);
  if (Number.isNaN(n.float)) py.raise('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(n.float)) py.raise('OverflowError', 'cannot convert float infinity to integer');
  return py.makeInt(BigInt(Math.trunc(n.float)));
}

function toFloatBuiltin(py: Py, args: number[]): number {
  arity(py, 'float', args, 0, 1);
  if (args.length === 0) return py.makeFloat(0);
  const v = args[0]!;
  if (py.typeOf(v) === py.t.str) {
    const s = py.readStr(v).trim().toLowerCase().replace(/_/g, '');
    const special: Record<string, number> = {
      nan: NaN,
      '+nan': NaN,
      '-nan': NaN,
      inf: Infinity,
      '+inf': Infinity,
      '-inf': -Infinity,
      infinity: Infinity,
      '+infinity': Infinity,
      '-infinity': -Infinity,
    };
    if (s in special) return py.makeFloat(special[s]!);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s))
      py.raise('ValueError', `could not convert string to float: ${repr(py, v)}`);
    return py.makeFloat(Number(s));
  }
  const n = asNum(py, v);
  if (!n) return py.raise('TypeError', `float() argument must be a string or a real number, not '${typeName(py, v)}'`);
  return py.makeFloat(toFloat(py, n));
}

/** round(x[, n]): ties to even, on the exact binary value of a float. */
function round(py: Py, args: number[]): number {
  arity(py, 'round', args, 1, 2);
  const n = asNum(py, args[0]!);
  if (!n) return py.raise('TypeError', `type ${typeName(py, args[0]!)} doesn't define __round__ method`);
  const digits = args.length > 1 && args[1] !== NONE ? asNum(py, args[1]!) : null;
  if (args.length > 1 && args[1] !== NONE && (!digits || digits.int === undefined))
    py.raise('TypeError', `'${typeName(py, args[1]!)}' object cannot be interpreted as an integer`);
  if (n.int !== undefined) {
    if (!digits || digits.int! >= 0n) return py.makeInt(n.int);
    const p = 10n ** -digits.int!;
    const q = intFloorDiv(n.int, p);
    const r = n.int - q * p;
    const up = 2n * r > p || (2n * r === p && q % 2n !== 0n);
    return py.makeInt((up ? q + 1n : q) * p);
  }
  const x = n.float;
  if (!digits) {
    if (Number.isNaN(x)) py.raise('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(x)) py.raise('OverflowError', 'cannot convert float infinity to integer');
    let r = Math.round(x);
    if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) r -= 1;
    return py.makeInt(BigInt(r));
  }
  const d = Number(digits.int);
  if (!Number.isFinite(x) || d > 308) return py.makeFloat(x);
  if (d < -308) return py.makeFloat(0 * x);
  return py.makeFloat(roundFloat(x, d));
}

/** Rounds x to d decimal places exactly as CPython (correctly rounded, half to even). */
function roundFloat(x: number, d: number): number {
  if (x === 0) return x; // keeps the sign of -0.0, as CPython does
  // Exact binary value as a fraction num / 2^k.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp !== 0) mant |= 1n << 52n;
  const e2 = (exp === 0 ? 1 : exp) - 1075;
  const neg = x < 0;
  // value = mant * 2^e2; scaled = value * 10^d
  let num = mant;
  let den = 1n;
  if (e2 >= 0) num <<= BigInt(e2);
  else den <<= BigInt(-e2);
  if (d >= 0) num *= 10n ** BigInt(d);
  else den *= 10n ** BigInt(-d);
  let q = num / den;
  const r2 = 2n * (num % den);
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const text = d >= 0 ? `${q}e-${d}` : `${q}e${-d}`;
  const result = Number(text);
  return neg ? -result : result === 0 ? 0 : result;
}

function chr(py: Py, args: number[]): number {
  arity(py, 'chr', args, 1);
  const n = asNum(py, args[0]!);
  if (!n || n.int === undefined)
    return py.raise('TypeError', `'${typeName(py, args[0]!)}' object cannot be interpreted as an integer`);
  if (n.int < 0n || n.int >= 0x110000n) py.raise('ValueError', 'chr() arg not in range(0x110000)');
  return py.makeStrFromCodes([Number(n.int)]);
}

/** hex(), oct(), bin(): the sign, the prefix, then the digits of the magnitude. */
const radixBuiltin =
  (name: string, radix: number, prefix: string) =>
  (py: Py, args: number[]): number => {
    arity(py, name, args, 1);
    const n = asNum(py, args[0]!);
    if (!n || n.int === undefined)
      return py.raise('TypeError', `'${typeName(py, args[0]!)}' object cannot be interpreted as an integer`);
    const digits = (n.int < 0n ? -n.int : n.int).toString(radix);
    return py.makeStr(`${n.int < 0n ? '-' : ''}${prefix}${digits}`);
  };

function ord(py: Py, args: number[]): number {
  arity(py, 'ord', args, 1);
  const v = args[0]!;
  if (py.typeOf(v) !== py.t.str)
    py.raise('TypeError', `ord() expected string of length 1, but ${typeName(py, v)} found`);
  const len = py.length(v);
  if (len !== 1) py.raise('TypeError', `ord() expected a character, but string of length ${len} found`);
  return py.smallInt(py.elem(v, 0));
}

function abs(py: Py, args: number[]): number {
  arity(py, 'abs', args, 1);
  const n = asNum(py, args[0]!);
  if (!n) return py.raise('TypeError', `bad operand type for abs(): '${typeName(py, args[0]!)}'`);
  return makeNum(py, n.int !== undefined ? { int: n.int < 0n ? -n.int : n.int } : { float: Math.abs(n.float) });
}

function divmod(py: Py, args: number[]): number {
  arity(py, 'divmod', args, 2);
  const x = asNum(py, args[0]!);
  const y = asNum(py, args[1]!);
  if (!x || !y)
    return py.raise(
      'TypeError',
      `unsupported operand type(s) for divmod(): '${typeName(py, args[0]!)}' and '${typeName(py, args[1]!)}'`,
    );
  if (x.int !== undefined && y.int !== undefined) {
    if (y.int === 0n) py.raise('ZeroDivisionError', 'integer division or modulo by zero');
    const q = py.hold(py.makeInt(intFloorDiv(x.int, y.int)));
    const r = py.makeInt(intFloorMod(x.int, y.int));
    return py.makeTuple([py.get(q), r]);
  }
  const a = toFloat(py, x);
  const b = toFloat(py, y);
  if (b === 0) py.raise('ZeroDivisionError', 'float divmod()');
  const [q, r] = floatDivmod(a, b);
  const qr = py.hold(py.makeFloat(q));
  const rr = py.makeFloat(r);
  return py.makeTuple([py.get(qr), rr]);
}

function sum(py: Py, args: number[]): number {
  arity(py, 'sum', args, 1, 2);
  const start = args.length > 1 ? args[1]! : py.smallInt(0);
  if (py.typeOf(start) === py.t.str) py.raise('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
  const acc = py.hold(start);
  const values = py.holdAll(iterateValues(py, args[0]!));
  for (let i = 0; i < values.length; i++) py.set(acc, binaryOp(py, '+', py.get(acc), values[i]!));
  return py.get(acc);
}

function sorted(py: Py, args: number[]): number {
  arity(py, 'sorted', args, 1);
  const items = iterateValues(py, args[0]!);
  return py.makeList(sortValues(py, items));
}

/** A stable bottom-up merge sort by Python's `<`, asking `right < left` as CPython does
 *  (so an unorderable pair raises the same TypeError). */
export function sortValues(py: Py, items: number[]): number[] {
  let src = items.slice();
  let dst = new Array<number>(src.length);
  for (let width = 1; width < src.length; width *= 2) {
    for (let lo = 0; lo < src.length; lo += 2 * width) {
      const mid = Math.min(lo + width, src.length);
      const hi = Math.min(lo + 2 * width, src.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = compareOp(py, src[j]!, src[i]!, 0) ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** The builtins by name. Each takes its arguments in a held array (see callBuiltin). */
export const BUILTINS: Record<string, Builtin> = {
  len: (py, a) => (arity(py, 'len', a, 1), py.smallInt(lengthOf(py, a[0]!))),
  range: (py, a) => makeRange(py, a),
  abs,
  min: (py, a) => minMax(py, 'min', a, -1),
  max: (py, a) => minMax(py, 'max', a, 1),
  sum,
  int: toInt,
  float: toFloatBuiltin,
  str: (py, a) => (arity(py, 'str', a, 0, 1), py.makeStr(a.length === 0 ? '' : toStr(py, a[0]!))),
  format: (py, a) => {
    arity(py, 'format', a, 1, 2);
    if (a.length > 1 && py.typeOf(a[1]!) !== py.t.str)
      py.raise('TypeError', `format() argument 2 must be str, not ${typeName(py, a[1]!)}`);
    return py.makeStr(formatValue(py, a[0]!, a.length > 1 ? py.readStr(a[1]!) : ''));
  },
  pow: (py, a) => {
    arity(py, 'pow', a, 2, 3);
    if (a.length === 2 || a[2] === NONE) return binaryOp(py, '**', a[0]!, a[1]!);
    return modPow(py, a[0]!, a[1]!, a[2]!);
  },
  hash: (py, a) => {
    arity(py, 'hash', a, 1);
    return hashOf(py, a[0]!);
  },
  isinstance: (py, a) => (arity(py, 'isinstance', a, 2), bool(isInstance(py, a[0]!, a[1]!))),
  hasattr: (py, a) => (arity(py, 'hasattr', a, 2), bool(lookupAttr(py, a[0]!, attrName(py, a[1]!)) !== undefined)),
  getattr: (py, a) => {
    arity(py, 'getattr', a, 2, 3);
    const name = attrName(py, a[1]!);
    if (a.length === 2) return getAttr(py, a[0]!, name);
    return lookupAttr(py, a[0]!, name) ?? a[2]!;
  },
  ascii: (py, a) => (arity(py, 'ascii', a, 1), py.makeStr(asciiRepr(py, a[0]!))),
  repr: (py, a) => (arity(py, 'repr', a, 1), py.makeStr(repr(py, a[0]!))),
  bool: (py, a) => (arity(py, 'bool', a, 0, 1), bool(a.length > 0 && truth(py, a[0]!))),
  divmod,
  round,
  ord,
  chr,
  hex: radixBuiltin('hex', 16, '0x'),
  oct: radixBuiltin('oct', 8, '0o'),
  bin: radixBuiltin('bin', 2, '0b'),
  list: (py, a) => (arity(py, 'list', a, 0, 1), py.makeList(a.length === 0 ? [] : iterateValues(py, a[0]!))),
  tuple: (py, a) => (
    arity(py, 'tuple', a, 0, 1),
    a.length === 0 ? py.makeTuple([]) : py.typeOf(a[0]!) === py.t.tuple ? a[0]! : py.makeTuple(iterateValues(py, a[0]!))
  ),
  dict: (py, a) => {
    arity(py, 'dict', a, 0, 1);
    const d = py.hold(py.allocStruct(py.t.dict));
    if (a.length === 1) {
      if (py.typeOf(a[0]!) === py.t.dict) {
        copyEntries(py, a[0]!, d);
        return py.get(d);
      }
      const pairs = py.holdAll(iterateValues(py, a[0]!));
      for (let i = 0; i < pairs.length; i++) {
        const kv = iterateValues(py, pairs[i]!);
        if (kv.length !== 2)
          py.raise('ValueError', `dictionary update sequence element has length ${kv.length}; 2 is required`);
        dictSet(py, d, kv[0]!, kv[1]!);
      }
    }
    return py.get(d);
  },
  sorted,
  reversed: (py, a) => {
    arity(py, 'reversed', a, 1);
    if (py.typeOf(a[0]!) === py.t.iter) py.raise('TypeError', `'${typeName(py, a[0]!)}' object is not reversible`);
    return makeIter(py, py.makeTuple(iterateValues(py, a[0]!).reverse()));
  },
  enumerate: (py, a) => {
    arity(py, 'enumerate', a, 1, 2);
    const start = a.length > 1 ? Number(py.readInt(a[1]!)) : 0;
    const values = py.holdAll(iterateValues(py, a[0]!));
    const pairs = py.holdAll(new Array<number>(values.length).fill(NONE));
    for (let i = 0; i < values.length; i++) pairs[i] = py.makeTuple([py.smallInt(start + i), values[i]!]);
    return makeIter(py, py.makeTuple(pairs));
  },
  zip: (py, a) => {
    const seqs = a.map((s) => py.holdAll(iterateValues(py, s)));
    const n = seqs.length === 0 ? 0 : Math.min(...seqs.map((s) => s.length));
    const out = py.holdAll(new Array<number>(n).fill(NONE));
    for (let i = 0; i < n; i++) out[i] = py.makeTuple(seqs.map((s) => s[i]!));
    return makeIter(py, py.makeTuple(out));
  },
  any: (py, a) => (arity(py, 'any', a, 1), bool(iterateValues(py, a[0]!).some((v) => truth(py, v)))),
  all: (py, a) => (arity(py, 'all', a, 1), bool(iterateValues(py, a[0]!).every((v) => truth(py, v)))),
  iter: (py, a) => (arity(py, 'iter', a, 1), makeIter(py, a[0]!)),
  set: (py, a) => makeSetFrom(py, a, false),
  frozenset: (py, a) => makeSetFrom(py, a, true),
  input: (py, a) => (arity(py, 'input', a, 0, 1), input(py, a.length === 0 ? '' : toStr(py, a[0]!))),
};

/** Calls builtin `name`, holding its arguments (BUILTINS' bodies re-read them after allocating). */
export function callBuiltin(py: Py, name: string, args: number[]): number {
  return BUILTINS[name]!(py, py.holdAll(args));
}

/** hash(v): CPython's value; an instance hashed by its class gives what its __hash__ returned
 *  (stored by compiled code, runtime/keys.jir). */
export function hashOf(py: Py, v: number): number {
  if (instanceHash(py, v) !== undefined) return py.makeInt(slotHash(py, v));
  return py.makeInt(isSet(py, v) ? slotHash(py, v) : pyHash(py, v, (s) => hashValue(py, s)));
}
