// CPython 3.11's set table (Objects/setobject.c), on a JS array of refs: open addressing with
// linear probes then perturbed jumps, dummies where keys were removed, and the same resize
// rule, so that a set iterates in the order CPython's does (slot order). Nothing here
// allocates: `hash` and `eq` read the heap only.

/** An empty slot is 0; a removed key leaves this immediate, which is no value. */
export const DUMMY = 62;
const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const U64 = (h: bigint): bigint => BigInt.asUintN(64, h);

/** A table's slots: a JS array, or a set's keys array on the heap, read and written in place. */
export interface Slots {
  readonly length: number;
  at(i: number): number;
  put(i: number, v: number): void;
}

export class ArraySlots implements Slots {
  constructor(readonly refs: number[]) {}
  static empty(size: number): ArraySlots {
    return new ArraySlots(new Array<number>(size).fill(0));
  }
  get length(): number {
    return this.refs.length;
  }
  at(i: number): number {
    return this.refs[i]!;
  }
  put(i: number, v: number): void {
    this.refs[i] = v;
  }
}

export interface Table {
  /** The slots: length mask + 1, a power of two. */
  keys: Slots;
  used: number;
  fill: number;
  /** Where the next pop() starts looking. */
  finger: number;
}

/** How a table hashes and compares keys (CPython's hash for what it is defined on). */
export interface KeyOps {
  hash(key: number): bigint;
  eq(a: number, b: number): boolean;
}

export function emptyTable(): Table {
  return { keys: ArraySlots.empty(MINSIZE), used: 0, fill: 0, finger: 0 };
}

/** The next probe start after a window, as CPython's `i = (i * 5 + 1 + perturb) & mask`. */
function jump(i: number, perturb: bigint, mask: number): number {
  return Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
}

/** The slot holding `key`, or -1 (set_lookkey). */
export function lookup(t: Table, key: number, h: bigint, ops: KeyOps): number {
  const mask = t.keys.length - 1;
  let perturb = U64(h);
  let i = Number(perturb & BigInt(mask));
  for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let j = i; ; j++) {
      const k = t.keys.at(j);
      if (k === 0) return -1;
      if (k !== DUMMY && (k === key || ops.eq(k, key))) return j;
      if (probes-- === 0) break;
    }
    perturb >>= PERTURB_SHIFT;
    i = jump(i, perturb, mask);
  }
}

/** set_add_entry: false when the key was there already. */
export function addEntry(t: Table, key: number, h: bigint, ops: KeyOps): boolean {
  const mask = t.keys.length - 1;
  let perturb = U64(h);
  let i = Number(perturb & BigInt(mask));
  let freeslot = -1;
  let unused = -1;
  search: for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let j = i; ; j++) {
      const k = t.keys.at(j);
      if (k === 0) {
        unused = j;
        break search;
      }
      // CPython keeps the last dummy seen, not the first.
      if (k === DUMMY) freeslot = j;
      else if (k === key || ops.eq(k, key)) return false;
      if (probes-- === 0) break;
    }
    perturb >>= PERTURB_SHIFT;
    i = jump(i, perturb, mask);
  }
  if (freeslot >= 0) {
    t.keys.put(freeslot, key);
    t.used++;
    return true;
  }
  t.keys.put(unused, key);
  t.fill++;
  t.used++;
  if (t.fill * 5 >= mask * 3) resize(t, t.used > 50000 ? t.used * 2 : t.used * 4, ops);
  return true;
}

/** set_insert_clean: into a table with no dummies and no equal key. */
function insertClean(keys: Slots, key: number, h: bigint): void {
  const mask = keys.length - 1;
  let perturb = U64(h);
  let i = Number(perturb & BigInt(mask));
  for (;;) {
    if (keys.at(i) === 0) {
      keys.put(i, key);
      return;
    }
    if (i + LINEAR_PROBES <= mask)
      for (let j = 1; j <= LINEAR_PROBES; j++)
        if (keys.at(i + j) === 0) {
          keys.put(i + j, key);
          return;
        }
    perturb >>= PERTURB_SHIFT;
    i = jump(i, perturb, mask);
  }
}

/** set_table_resize: the smallest power of two above `minused`, keys reinserted in slot order. */
export function resize(t: Table, minused: number, ops: KeyOps): void {
  let size = MINSIZE;
  while (size <= minused) size *= 2;
  // A smallest table with no dummies stays as it is.
  if (size === MINSIZE && t.keys.length === MINSIZE && t.fill === t.used) return;
  const old = liveKeys(t);
  t.keys = ArraySlots.empty(size);
  t.fill = t.used;
  for (const k of old) insertClean(t.keys, k, ops.hash(k));
}

/** set_discard_entry: whether the key was there. */
export function discardEntry(t: Table, key: number, h: bigint, ops: KeyOps): boolean {
  const j = lookup(t, key, h, ops);
  if (j < 0) return false;
  t.keys.put(j, DUMMY);
  t.used--;
  return true;
}

/** The live keys in slot order. */
export function liveKeys(t: Table): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.keys.length; i++) {
    const k = t.keys.at(i);
    if (k !== 0 && k !== DUMMY) out.push(k);
  }
  return out;
}

/** set_merge: `other`'s keys into `t` (one resize first, then a copy or clean inserts when
 *  `t` is empty, normal insertions otherwise). */
export function merge(t: Table, other: Table, ops: KeyOps): void {
  if (other === t || other.used === 0) return;
  if ((t.fill + other.used) * 5 >= (t.keys.length - 1) * 3) resize(t, (t.used + other.used) * 2, ops);
  if (t.fill === 0 && t.keys.length === other.keys.length && other.fill === other.used) {
    for (let i = 0; i < other.keys.length; i++) t.keys.put(i, other.keys.at(i));
    t.fill = other.fill;
    t.used = other.used;
    return;
  }
  if (t.fill === 0) {
    t.fill = t.used = other.used;
    for (const k of liveKeys(other)) insertClean(t.keys, k, ops.hash(k));
    return;
  }
  for (const k of liveKeys(other)) addEntry(t, k, ops.hash(k), ops);
}

/** A dict's keys into `t` (set_update_internal's dict case: one resize first). */
export function mergeDictKeys(t: Table, keys: readonly number[], ops: KeyOps): void {
  if ((t.fill + keys.length) * 5 >= (t.keys.length - 1) * 3) resize(t, (t.used + keys.length) * 2, ops);
  for (const k of keys) addEntry(t, k, ops.hash(k), ops);
}

/** A copy as `set(t)` makes it (an empty table merged with `t`). */
export function copyTable(t: Table, ops: KeyOps): Table {
  const c = emptyTable();
  merge(c, t, ops);
  return c;
}

/** set_difference_update_internal's tail: more than a quarter dummies are resized away. */
export function shrinkDummies(t: Table, ops: KeyOps): void {
  if (t.fill - t.used <= (t.keys.length - 1) >> 2) return;
  resize(t, t.used > 50000 ? t.used * 2 : t.used * 4, ops);
}

/** set_pop: the first live slot from the finger on (KeyError when empty is the caller's). */
export function popEntry(t: Table): number {
  const mask = t.keys.length - 1;
  let i = t.finger & mask;
  while (t.keys.at(i) === 0 || t.keys.at(i) === DUMMY) i = i === mask ? 0 : i + 1;
  const key = t.keys.at(i);
  t.keys.put(i, DUMMY);
  t.used--;
  t.finger = i + 1;
  return key;
}

const M64 = (1n << 64n) - 1n;
const shuffle = (h: bigint): bigint => ((h ^ 89869747n ^ (h << 16n)) * 3644798167n) & M64;

/** frozenset_hash: the xor of every key's shuffled hash, its size, then dispersed. */
export function frozensetHash(t: Table, ops: KeyOps): bigint {
  let h = 0n;
  for (const k of liveKeys(t)) h ^= shuffle(U64(ops.hash(k)));
  h ^= ((BigInt(t.used) + 1n) * 1927868237n) & M64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & M64;
  if (h === M64) h = 590923713n;
  return BigInt.asIntN(64, h);
}
