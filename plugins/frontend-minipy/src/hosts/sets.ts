import type { Handle } from '#framework';
import { instanceHash } from './user-hash.ts';
import { equals, hashValue } from './compare.ts';
import { dictEntries, typeName } from './format.ts';
import { iterateValues } from './containers.ts';
import { pyHash } from './py-hash.ts';
import type { Py } from './py-context.ts';
import {
  addEntry,
  copyTable,
  discardEntry,
  emptyTable,
  frozensetHash,
  liveKeys,
  lookup,
  merge,
  mergeDictKeys,
  popEntry,
  shrinkDummies,
  ArraySlots,
  type KeyOps,
  type Slots,
  type Table,
} from './set-table.ts';
import { FALSE, NONE, TRUE } from '../runtime/tags.ts';

// set and frozenset: a `:set` struct whose `keys` array is the table set-table.ts keeps.
// Operations read and change a set's table in place on the heap (nothing allocates while
// they do); a resized or new table is a JS array until it is stored, its keys held first.
const USED = 4;
const FILL = 8;
const FINGER = 12;
const KEYS = 16;
const FROZEN = 20;

export function isSet(py: Py, v: number): boolean {
  return py.typeOf(v) === py.t.set;
}

export function isFrozen(py: Py, v: number): boolean {
  return py.word(v + FROZEN) === 1;
}

export function setSize(py: Py, s: number): number {
  return py.word(s + USED);
}

export function setTypeName(py: Py, s: number): string {
  return isFrozen(py, s) ? 'frozenset' : 'set';
}

/** The hash a set's table is probed with: CPython's for numbers, tuples and frozensets;
 *  this implementation's own for strings and for what CPython hashes by address. */
export function slotHash(py: Py, v: number): bigint {
  // An instance hashed by its class: the value its __hash__ gave, as CPython's hash() of it.
  const stored = instanceHash(py, v);
  if (stored !== undefined) return userHash(py.readInt(stored));
  return pyHash(
    py,
    v,
    (s) => hashValue(py, s),
    (x) => {
      if (!isSet(py, x)) return BigInt(hashValue(py, x));
      if (!isFrozen(py, x)) return py.raise('TypeError', "unhashable type: 'set'");
      return frozensetHash(load(py, x), keyOps(py));
    },
  );
}

export function keyOps(py: Py): KeyOps {
  return { hash: (k) => slotHash(py, k), eq: (a, b) => equals(py, a, b) };
}

/** A set's keys array on the heap, valid until the next allocation. */
class HeapSlots implements Slots {
  readonly length: number;
  constructor(
    private readonly py: Py,
    readonly array: number,
  ) {
    this.length = py.length(array);
  }
  at(i: number): number {
    return this.py.elem(this.array, i);
  }
  put(i: number, v: number): void {
    this.py.setElemRef(this.array, i, v);
  }
}

/** The set's table, its slots those on the heap (changed in place). */
export function load(py: Py, s: number): Table {
  const keys = new HeapSlots(py, py.word(s + KEYS));
  return { keys, used: py.word(s + USED), fill: py.word(s + FILL), finger: py.word(s + FINGER) };
}

/** The slots as a JS array (held), for a table about to be stored into another set. */
function ownSlots(py: Py, t: Table): ArraySlots {
  if (t.keys instanceof ArraySlots) return new ArraySlots(py.holdAll(t.keys.refs));
  return new ArraySlots(py.holdAll(slotsOf(t.keys)));
}

function slotsOf(keys: Slots): number[] {
  const out = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys.at(i);
  return out;
}

/** Writes `t` into the set in `hs`: its counters, and its slots when they are not that
 *  set's own array already (a new array then: the collector sees a whole one). */
export function store(py: Py, hs: Handle, t: Table): void {
  let arr: number;
  if (t.keys instanceof HeapSlots && t.keys.array === py.word(py.get(hs) + KEYS)) arr = t.keys.array;
  else {
    const slots = ownSlots(py, t);
    arr = py.allocArray(py.t.refs, slots.length);
    for (let i = 0; i < slots.length; i++) py.setElem(arr, i, slots.at(i));
    py.barrier(arr);
  }
  const s = py.get(hs);
  py.setRef(s, KEYS, arr);
  py.setWord(s + USED, t.used);
  py.setWord(s + FILL, t.fill);
  py.setWord(s + FINGER, t.finger);
}

/** A new set (or frozenset) holding table `t`. */
export function newSet(py: Py, t0: Table, frozen: boolean): number {
  const t = { ...t0, keys: ownSlots(py, t0) };
  const hs = py.hold(py.allocStruct(py.t.set));
  py.setWord(py.get(hs) + FROZEN, frozen ? 1 : 0);
  store(py, hs, t);
  return py.get(hs);
}

/** The keys in iteration order. */
export function setValues(py: Py, s: number): number[] {
  return liveKeys(load(py, s));
}

export function setContains(py: Py, s: number, key: number): boolean {
  return lookup(load(py, s), key, slotHash(py, key), keyOps(py)) >= 0;
}

/** An operand of update(), union() and the like, its elements made before any table is read. */
type Operand = { set: number } | { dictKeys: number[] } | { values: number[] };

/** `args` (held) as operands; iterating them may allocate, so the sets among them are read
 *  back from `args` when used. */
function operands(py: Py, args: number[]): (() => Operand)[] {
  return args.map((_, i) => {
    const v = args[i]!;
    if (isSet(py, v)) return () => ({ set: args[i]! });
    if (py.typeOf(v) === py.t.dict) {
      const keys = py.holdAll(dictEntries(py, v).keys);
      return () => ({ dictKeys: keys });
    }
    const values = py.holdAll(iterateValues(py, v));
    return () => ({ values });
  });
}

/** set_update_internal. */
function update(py: Py, t: Table, op: Operand, ops: KeyOps): void {
  if ('set' in op) merge(t, load(py, op.set), ops);
  else if ('dictKeys' in op) mergeDictKeys(t, op.dictKeys, ops);
  else for (const v of op.values) addEntry(t, v, ops.hash(v), ops);
}

/** A table as `set(iterable)` builds it. */
function tableFrom(py: Py, op: Operand, ops: KeyOps): Table {
  const t = emptyTable();
  update(py, t, op, ops);
  return t;
}

/** The op's keys in the order CPython visits them, with their hashes. */
function keysOf(py: Py, op: Operand): number[] {
  if ('set' in op) return setValues(py, op.set);
  return 'dictKeys' in op ? op.dictKeys : op.values;
}

function containsIn(py: Py, op: Operand, key: number, ops: KeyOps): boolean {
  if ('set' in op) return lookup(load(py, op.set), key, ops.hash(key), ops) >= 0;
  return lookup(tableFrom(py, op, ops), key, ops.hash(key), ops) >= 0;
}

/** set_intersection: over the smaller set, or over a non-set's items, checking in `so`. */
function intersection(py: Py, so: Table, op: Operand, ops: KeyOps): Table {
  const result = emptyTable();
  if ('set' in op) {
    let small = load(py, op.set);
    let big = so;
    if (small.used > big.used) [small, big] = [big, small];
    for (const k of liveKeys(small)) {
      const h = ops.hash(k);
      if (lookup(big, k, h, ops) >= 0) addEntry(result, k, h, ops);
    }
    return result;
  }
  for (const k of keysOf(py, op)) {
    const h = ops.hash(k);
    if (lookup(so, k, h, ops) >= 0) addEntry(result, k, h, ops);
  }
  return result;
}

/** set_difference_update_internal. */
function differenceUpdate(py: Py, t: Table, op: Operand, ops: KeyOps): void {
  for (const k of keysOf(py, op)) discardEntry(t, k, ops.hash(k), ops);
  shrinkDummies(t, ops);
}

/** set_difference. */
function difference(py: Py, so: Table, op: Operand, ops: KeyOps): Table {
  const otherSize = 'set' in op ? setSize(py, op.set) : 'dictKeys' in op ? op.dictKeys.length : -1;
  if (otherSize < 0 || so.used >> 2 > otherSize) {
    const result = copyTable(so, ops);
    differenceUpdate(py, result, op, ops);
    return result;
  }
  const result = emptyTable();
  for (const k of liveKeys(so)) if (!containsIn(py, op, k, ops)) addEntry(result, k, ops.hash(k), ops);
  return result;
}

/** set_symmetric_difference_update with a set's (or a copy's) keys. */
function symmetricUpdate(t: Table, other: Table, ops: KeyOps): void {
  for (const k of liveKeys(other)) {
    const h = ops.hash(k);
    if (!discardEntry(t, k, h, ops)) addEntry(t, k, h, ops);
  }
}

/** `a <= b` on tables. */
function isSubset(a: Table, b: Table, ops: KeyOps): boolean {
  if (a.used > b.used) return false;
  return liveKeys(a).every((k) => lookup(b, k, ops.hash(k), ops) >= 0);
}

export function setsEqual(py: Py, a: number, b: number): boolean {
  if (setSize(py, a) !== setSize(py, b)) return false;
  return isSubset(load(py, a), load(py, b), keyOps(py));
}

/** `<`, `<=`, `>`, `>=` between two sets (op codes as compareOp's). */
export function setOrder(py: Py, a: number, b: number, op: number): boolean {
  const ops = keyOps(py);
  const [x, y] = op < 2 ? [a, b] : [b, a];
  const strict = op === 0 || op === 2;
  if (strict && setSize(py, x) >= setSize(py, y)) return false;
  return isSubset(load(py, x), load(py, y), ops);
}

/** `a | b`, `a & b`, `a - b`, `a ^ b` on two sets: a new one of a's type. */
export function setBinary(py: Py, op: string, a: number, b: number): number {
  const ops = keyOps(py);
  const frozen = isFrozen(py, a);
  const ta = load(py, a);
  const other: Operand = { set: b };
  switch (op) {
    case '|': {
      const t = copyTable(ta, ops);
      merge(t, load(py, b), ops);
      return newSet(py, t, frozen);
    }
    case '&':
      return newSet(py, intersection(py, ta, other, ops), frozen);
    case '-':
      return newSet(py, difference(py, ta, other, ops), frozen);
    default: {
      const t = copyTable(load(py, b), ops);
      symmetricUpdate(t, ta, ops);
      return newSet(py, t, frozen);
    }
  }
}

/** `a |= b` and the others on a set (not a frozenset): in place, as CPython does. */
export function setInPlace(py: Py, ha: Handle, op: string, b: number): void {
  const ops = keyOps(py);
  const t = load(py, py.get(ha));
  const other: Operand = { set: b };
  if (op === '|') merge(t, load(py, b), ops);
  else if (op === '-') differenceUpdate(py, t, other, ops);
  else if (op === '^' && py.get(ha) === b) return store(py, ha, emptyTable());
  else if (op === '^') symmetricUpdate(t, load(py, b), ops);
  else return store(py, ha, { ...intersection(py, t, other, ops), finger: t.finger });
  store(py, ha, t);
}

/** set(iterable) / frozenset(iterable). */
export function makeSetFrom(py: Py, args: number[], frozen: boolean): number {
  const name = frozen ? 'frozenset' : 'set';
  if (args.length > 1) py.raise('TypeError', `${name} expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return newSet(py, emptyTable(), frozen);
  const op = operands(py, args)[0]!();
  return newSet(py, tableFrom(py, op, keyOps(py)), frozen);
}

/** A display `{a, b, c}`: items added in order (how 0). CPython 3.11 makes a display of
 *  constants a frozenset constant, which its compiler rebuilds from its own iteration order
 *  when it merges constants; a display (how 1) merges that into a new set, a `for`'s
 *  iterable (how 2) is that frozenset. The tables, hence the orders, can differ. */
export function setDisplay(py: Py, items: number[], how: number): number {
  const ops = keyOps(py);
  const sequential = (keys: readonly number[]): Table => {
    const t = emptyTable();
    for (const v of keys) addEntry(t, v, ops.hash(v), ops);
    return t;
  };
  if (how === 0) return newSet(py, sequential(items), false);
  const constant = sequential(liveKeys(sequential(items)));
  if (how === 2) return newSet(py, constant, true);
  const merged = emptyTable();
  merge(merged, constant, ops);
  return newSet(py, merged, false);
}

/** s.add(v), as a set comprehension adds its items. */
export function setAdd(py: Py, hs: Handle, v: number): void {
  const ops = keyOps(py);
  const t = load(py, py.get(hs));
  if (addEntry(t, v, ops.hash(v), ops)) store(py, hs, t);
}

type Method = (py: Py, self: Handle, args: number[]) => number;

function arity(py: Py, name: string, args: number[], n: number): void {
  if (args.length === n) return;
  if (n === 0) py.raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
  py.raise('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
}

/** A method making a new set from self and any number of operands. */
function combining(
  combine: (py: Py, t: Table, op: Operand, ops: KeyOps) => Table,
): (py: Py, self: Handle, args: number[]) => number {
  return (py, self, args) => {
    const ops = keyOps(py);
    const prepared = operands(py, args);
    const s = py.get(self);
    let t = copyTable(load(py, s), ops);
    for (const op of prepared) t = combine(py, t, op(), ops);
    return newSet(py, t, isFrozen(py, s));
  };
}

/** A method changing self by each operand in turn. */
function updating(change: (py: Py, t: Table, op: Operand, ops: KeyOps) => Table): Method {
  return (py, self, args) => {
    const ops = keyOps(py);
    const prepared = operands(py, args);
    let t = load(py, py.get(self));
    for (const op of prepared) t = change(py, t, op(), ops);
    store(py, self, t);
    return NONE;
  };
}

const unionStep = (py: Py, t: Table, op: Operand, ops: KeyOps): Table => (update(py, t, op, ops), t);
const differenceStep = (py: Py, t: Table, op: Operand, ops: KeyOps): Table => (differenceUpdate(py, t, op, ops), t);
const symmetricStep = (py: Py, t: Table, op: Operand, ops: KeyOps): Table => {
  symmetricUpdate(t, 'set' in op ? load(py, op.set) : tableFrom(py, op, ops), ops);
  return t;
};

const FROZENSET_METHODS: Record<string, Method> = {
  copy: (py, self, a) => {
    arity(py, 'copy', a, 0);
    const s = py.get(self);
    return isFrozen(py, s) ? s : newSet(py, copyTable(load(py, s), keyOps(py)), false);
  },
  union: combining(unionStep),
  intersection: (py, self, args) => {
    const ops = keyOps(py);
    const prepared = operands(py, args);
    const s = py.get(self);
    let t = args.length === 0 ? copyTable(load(py, s), ops) : load(py, s);
    for (const op of prepared) t = intersection(py, t, op(), ops);
    return newSet(py, t, isFrozen(py, py.get(self)));
  },
  difference: (py, self, args) => {
    const ops = keyOps(py);
    const prepared = operands(py, args);
    const s = py.get(self);
    if (args.length === 0) return newSet(py, copyTable(load(py, s), ops), isFrozen(py, s));
    let t = difference(py, load(py, s), prepared[0]!(), ops);
    for (const op of prepared.slice(1)) differenceUpdate(py, t, op(), ops);
    return newSet(py, t, isFrozen(py, py.get(self)));
  },
  symmetric_difference: (py, self, args) => {
    arity(py, 'symmetric_difference', args, 1);
    const ops = keyOps(py);
    const op = operands(py, args)[0]!();
    const t = 'set' in op ? copyTable(load(py, op.set), ops) : tableFrom(py, op, ops);
    symmetricUpdate(t, load(py, py.get(self)), ops);
    return newSet(py, t, isFrozen(py, py.get(self)));
  },
  issubset: (py, self, args) => {
    arity(py, 'issubset', args, 1);
    const ops = keyOps(py);
    const op = operands(py, args)[0]!();
    const other = 'set' in op ? load(py, op.set) : tableFrom(py, op, ops);
    return isSubset(load(py, py.get(self)), other, ops) ? TRUE : FALSE;
  },
  issuperset: (py, self, args) => {
    arity(py, 'issuperset', args, 1);
    const ops = keyOps(py);
    const op = operands(py, args)[0]!();
    const t = load(py, py.get(self));
    return keysOf(py, op).every((k) => lookup(t, k, ops.hash(k), ops) >= 0) ? TRUE : FALSE;
  },
  isdisjoint: (py, self, args) => {
    arity(py, 'isdisjoint', args, 1);
    const ops = keyOps(py);
    const op = operands(py, args)[0]!();
    const t = load(py, py.get(self));
    return keysOf(py, op).some((k) => lookup(t, k, ops.hash(k), ops) >= 0) ? FALSE : TRUE;
  },
};

const SET_METHODS: Record<string, Method> = {
  ...FROZENSET_METHODS,
  add: (py, self, a) => (arity(py, 'set.add', a, 1), setAdd(py, self, a[0]!), NONE),
  remove: (py, self, a) => {
    arity(py, 'set.remove', a, 1);
    const ops = keyOps(py);
    const t = load(py, py.get(self));
    if (!discardEntry(t, a[0]!, ops.hash(a[0]!), ops)) py.raise('KeyError', a[0]!);
    store(py, self, t);
    return NONE;
  },
  discard: (py, self, a) => {
    arity(py, 'set.discard', a, 1);
    const ops = keyOps(py);
    const t = load(py, py.get(self));
    if (discardEntry(t, a[0]!, ops.hash(a[0]!), ops)) store(py, self, t);
    return NONE;
  },
  pop: (py, self, a) => {
    arity(py, 'set.pop', a, 0);
    const t = load(py, py.get(self));
    if (t.used === 0) py.raise('KeyError', 'pop from an empty set');
    const key = py.hold(popEntry(t));
    store(py, self, t);
    return py.get(key);
  },
  clear: (py, self, a) => (arity(py, 'set.clear', a, 0), store(py, self, emptyTable()), NONE),
  update: updating(unionStep),
  difference_update: updating(differenceStep),
  // CPython swaps the new table in: the finger stays.
  intersection_update: updating((py, t, op, ops) => ({ ...intersection(py, t, op, ops), finger: t.finger })),
  symmetric_difference_update: (py, self, a) => {
    arity(py, 'symmetric_difference_update', a, 1);
    return updating(symmetricStep)(py, self, a);
  },
};

/** s.name(*args) for sets and frozensets. */
export function setMethod(py: Py, self: number, name: string, args: number[]): number {
  const table = isFrozen(py, self) ? FROZENSET_METHODS : SET_METHODS;
  const m = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!m) return py.raise('AttributeError', `'${typeName(py, self)}' object has no attribute '${name}'`);
  return m(py, py.hold(self), py.holdAll(args));
}

/** CPython's hash of an instance whose __hash__ returned `h` (slot_tp_hash): h itself when it
 *  fits in 64 bits (-1, the error value, becomes -2), else the hash of the int. */
function userHash(h: bigint): bigint {
  if (h >= -(2n ** 63n) && h < 2n ** 63n) return h === -1n ? -2n : h;
  const m = (2n ** 61n - 1n) as bigint;
  const r = (h < 0n ? -h : h) % m;
  const s = h < 0n ? -r : r;
  return s === -1n ? -2n : s;
}
