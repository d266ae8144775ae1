import { refuseDunder } from './classes.ts';
import { instanceHash, userHashedEquals } from './user-hash.ts';
import { asNum, compareNums } from './numbers.ts';
import type { Handle } from '#framework';
import type { Py } from './py-context.ts';
import { dictEntries, typeName } from './format.ts';
import { isSet, setOrder, setsEqual, slotHash } from './sets.ts';

const OP_TEXT = ['<', '<=', '>', '>=', '==', '!='];
const OP_DUNDER = ['__lt__', '__le__', '__gt__', '__ge__', '__eq__', '__ne__'];

/** Rich comparison for op codes 0 <, 1 <=, 2 >, 3 >=, 4 ==, 5 != (as in library.jir). */
export function compareOp(py: Py, a: number, b: number, op: number): boolean {
  if (op < 4 && isSet(py, a) && isSet(py, b)) return setOrder(py, a, b, op);
  if (op === 4) return equals(py, a, b);
  if (op === 5) return !equals(py, a, b);
  const c = order(py, a, b, op);
  if (Number.isNaN(c)) return false;
  return op === 0 ? c < 0 : op === 1 ? c <= 0 : op === 2 ? c > 0 : c >= 0;
}

/** Three-way ordering of numbers, strings, lists and tuples (lexicographic); TypeError otherwise. */
export function order(py: Py, a: number, b: number, op: number): number {
  const x = asNum(py, a);
  const y = asNum(py, b);
  if (x && y) return compareNums(x, y);
  const ta = py.typeOf(a);
  const tb = py.typeOf(b);
  const ids = py.t;
  if (ta === tb && ta === ids.str) {
    const na = py.length(a);
    const nb = py.length(b);
    for (let i = 0; i < Math.min(na, nb); i++) {
      const d = py.elem(a, i) - py.elem(b, i);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  if (ta === tb && (ta === ids.list || ta === ids.tuple)) {
    const ea = ta === ids.list ? py.listValues(a) : py.tupleItems(a);
    const eb = ta === ids.list ? py.listValues(b) : py.tupleItems(b);
    for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
      if (!equals(py, ea[i]!, eb[i]!)) return order(py, ea[i]!, eb[i]!, op);
    }
    return ea.length < eb.length ? -1 : ea.length > eb.length ? 1 : 0;
  }
  // Compiled comparisons call an instance's __lt__; orderings inside host functions (sorted,
  // min, max, tuples compared by them) cannot call guest code: say so rather than claim
  // the class has no order.
  refuseDunder(py, a, OP_DUNDER[op]!);
  refuseDunder(py, b, OP_DUNDER[op]!);
  return py.raise(
    'TypeError',
    `'${OP_TEXT[op]}' not supported between instances of '${typeName(py, a)}' and '${typeName(py, b)}'`,
  );
}

/** Python ==: identity first for containers' elements, numbers by value across types. */
export function equals(py: Py, a: number, b: number): boolean {
  const x = asNum(py, a);
  const y = asNum(py, b);
  if (x && y) return compareNums(x, y) === 0;
  if (a === b) return true;
  // Keys hashed by their classes: told apart by their stored hashes (user-hash.ts).
  const byHash = userHashedEquals(py, a, b);
  if (byHash !== undefined) return byHash;
  // Only compiled code calls a class's __eq__ (`==`, `in`): elsewhere (list.index, lists
  // compared whole) the host would compare identities, a wrong answer; it refuses instead.
  refuseDunder(py, a, '__eq__');
  refuseDunder(py, b, '__eq__');
  const ta = py.typeOf(a);
  const tb = py.typeOf(b);
  if (ta !== tb || ta === 0) return false;
  const ids = py.t;
  if (ta === ids.str) {
    const n = py.length(a);
    if (n !== py.length(b)) return false;
    for (let i = 0; i < n; i++) if (py.elem(a, i) !== py.elem(b, i)) return false;
    return true;
  }
  if (ta === ids.list || ta === ids.tuple) {
    const ea = ta === ids.list ? py.listValues(a) : py.tupleItems(a);
    const eb = ta === ids.list ? py.listValues(b) : py.tupleItems(b);
    if (ea.length !== eb.length) return false;
    for (let i = 0; i < ea.length; i++) if (ea[i] !== eb[i] && !equals(py, ea[i]!, eb[i]!)) return false;
    return true;
  }
  if (ta === ids.dict) {
    const ka = dictSize(py, a);
    if (ka !== dictSize(py, b)) return false;
    const used = py.word(a + 8);
    for (let i = 0; i < used; i++) {
      const k = py.elem(py.word(a + 12), i);
      if (k === 0) continue;
      const j = dictFind(py, b, k);
      if (j < 0) return false;
      const va = py.elem(py.word(a + 16), i);
      const vb = py.elem(py.word(b + 16), j);
      if (va !== vb && !equals(py, va, vb)) return false;
    }
    return true;
  }
  if (ta === ids.set) return setsEqual(py, a, b);
  if (ta === ids.range)
    return (
      py.word(a + 4) === py.word(b + 4) && py.word(a + 8) === py.word(b + 8) && py.word(a + 12) === py.word(b + 12)
    );
  return false;
}

function dictSize(py: Py, d: number): number {
  return py.word(d + 4);
}

// ---- hashing, consistent with equals: 1 == 1.0 == True hash alike.

export function hashValue(py: Py, v: number): number {
  const stored = instanceHash(py, v);
  if (stored !== undefined) return hashValue(py, stored);
  const n = asNum(py, v);
  if (n) {
    if (n.int !== undefined) return hashBig(n.int);
    if (Number.isInteger(n.float)) return hashBig(BigInt(n.float));
    return Number.isNaN(n.float) ? v | 0 : hashDouble(n.float);
  }
  const t = py.typeOf(v);
  const ids = py.t;
  if (t === ids.str) {
    let h = 0x811c9dc5 | 0;
    const len = py.length(v);
    for (let i = 0; i < len; i++) h = Math.imul(h ^ py.elem(v, i), 0x01000193);
    return h;
  }
  if (t === ids.tuple) {
    let h = 0x345678;
    for (const e of py.tupleItems(v)) h = Math.imul(h ^ hashValue(py, e), 1000003) + 97531;
    return h | 0;
  }
  if (t === ids.list || t === ids.dict) py.raise('TypeError', `unhashable type: '${typeName(py, v)}'`);
  if (t === ids.set) return Number(BigInt.asIntN(32, slotHash(py, v)));
  if (t === ids.range) return Math.imul(py.word(v + 4) ^ Math.imul(py.word(v + 8), 31), 1000003) ^ py.word(v + 12);
  // A heap object's address is no identity hash: the collector may move it. Such keys (NaN,
  // functions, iterators, exceptions) hash by type and are told apart by identity in dictFind.
  return t === 0 ? v | 0 : t;
}

function hashBig(x: bigint): number {
  return Number(BigInt.asIntN(32, x ^ (x >> 31n)));
}
const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);
function hashDouble(x: number): number {
  scratch[0] = x;
  return Math.imul(scratchWords[0]!, 31) ^ scratchWords[1]!;
}

// ---- dict storage: { len @4, used @8, keys @12, vals @16, index @20 }. Entries are kept in
// insertion order in keys/vals (a deleted key becomes null); `index` is an open-addressing
// table of entry numbers + 1 (0 = empty), always at least twice `used`.

export function dictFind(py: Py, d: number, key: number): number {
  const index = py.word(d + 20);
  if (index === 0) return -1;
  const keys = py.word(d + 12);
  const mask = py.length(index) - 1;
  const h = hashValue(py, key);
  for (let i = h & mask, step = 1; ; i = (i + step++) & mask) {
    const slot = py.elem(index, i);
    if (slot === 0) return -1;
    const k = py.elem(keys, slot - 1);
    if (k !== 0 && (k === key || equals(py, k, key))) return slot - 1;
  }
}

export function dictGet(py: Py, d: number, key: number): number | undefined {
  const i = dictFind(py, d, key);
  return i < 0 ? undefined : py.elem(py.word(d + 16), i);
}

/** d[key] = value for the dict held in `hd` (a handle: growing the table allocates). */
export function dictSet(py: Py, hd: Handle, key: number, value: number): void {
  let d = py.get(hd);
  const found = dictFind(py, d, key);
  if (found >= 0) {
    py.setElemRef(py.word(d + 16), found, value);
    return;
  }
  if (py.word(d + 12) === 0 || py.word(d + 8) >= py.length(py.word(d + 12))) {
    const hk = py.hold(key);
    const hv = py.hold(value);
    rebuild(py, hd, Math.max(8, py.word(d + 4) * 2 + 2));
    d = py.get(hd);
    key = py.get(hk);
    value = py.get(hv);
  }
  const used = py.word(d + 8);
  py.setElemRef(py.word(d + 12), used, key);
  py.setElemRef(py.word(d + 16), used, value);
  py.setWord(d + 8, used + 1);
  py.setWord(d + 4, py.word(d + 4) + 1);
  insertIndex(py, py.word(d + 20), hashValue(py, key), used);
}

/** Sets every entry of dict `from` in the dict held in `to`. */
export function copyEntries(py: Py, from: number, to: Handle): void {
  const { keys, values } = dictEntries(py, from);
  py.holdAll(keys);
  py.holdAll(values);
  for (let i = 0; i < keys.length; i++) dictSet(py, to, keys[i]!, values[i]!);
}

export function dictDelete(py: Py, d: number, key: number): number | undefined {
  const i = dictFind(py, d, key);
  if (i < 0) return undefined;
  const v = py.elem(py.word(d + 16), i);
  py.setElemRef(py.word(d + 12), i, 0);
  py.setElemRef(py.word(d + 16), i, 0);
  py.setWord(d + 4, py.word(d + 4) - 1);
  return v;
}

function insertIndex(py: Py, index: number, h: number, entry: number): void {
  const mask = py.length(index) - 1;
  for (let i = h & mask, step = 1; ; i = (i + step++) & mask) {
    if (py.elem(index, i) === 0) {
      py.setElem(index, i, entry + 1);
      return;
    }
  }
}

/** New arrays of `capacity` entries for the dict held in `hd`, live entries compacted in
 *  order, index rebuilt. */
function rebuild(py: Py, hd: Handle, capacity: number): void {
  const hk = py.hold(py.allocArray(py.t.refs, capacity));
  const hv = py.hold(py.allocArray(py.t.refs, capacity));
  let size = 8;
  while (size < capacity * 2) size *= 2;
  const index = py.allocArray(py.t.i32s, size);
  const keys = py.get(hk);
  const vals = py.get(hv);
  const d = py.get(hd);
  const oldKeys = py.word(d + 12);
  const oldVals = py.word(d + 16);
  const used = py.word(d + 8);
  let n = 0;
  for (let i = 0; i < used; i++) {
    const k = py.elem(oldKeys, i);
    if (k === 0) continue;
    py.setElem(keys, n, k);
    py.setElem(vals, n, py.elem(oldVals, i));
    insertIndex(py, index, hashValue(py, k), n);
    n++;
  }
  py.barrier(keys);
  py.barrier(vals);
  py.setRef(d, 12, keys);
  py.setRef(d, 16, vals);
  py.setRef(d, 20, index);
  py.setWord(d + 8, n);
}

export function makeDict(py: Py): number {
  return py.allocStruct(py.t.dict);
}
