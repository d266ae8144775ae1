import { classOf, dunderNamed, isClass } from './classes.ts';
import { dictEntries, typeName } from './format.ts';
import { dictSet } from './compare.ts';
import type { Py } from './py-context.ts';
import { isSet, setValues } from './sets.ts';

// Instances of classes that define __hash__ as dict keys and set members. Host functions never
// call guest code, so compiled code (runtime/operators.jir's @py.key) calls __hash__, stores
// the result on the instance (HASH_ATTR, a name no program can write), and finds an equal key
// already in the container by calling __eq__; the host then hashes by the stored value and
// finds that key by identity. Two distinct instances whose stored hashes are equal never meet
// in the host unless compiled code has compared them, except in operations that take many
// keys at once (set algebra, set == set): there the host refuses rather than guess.

const HASH_ATTR = '\u0000hash';

/** How an instance hashes: 'user' (its class chain defines __hash__ before any __eq__),
 *  'unhashable' (__eq__ without __hash__, or __hash__ = None), 'identity' (neither), or
 *  null for a value that is no instance. */
export function hashKind(py: Py, v: number): 'user' | 'unhashable' | 'identity' | null {
  if (py.typeOf(v) !== py.t.object) return null;
  for (let c = classOf(py, v); isClass(py, c); c = py.word(c + 8)) {
    const names = dictEntries(py, py.word(c + 12)).keys.map((k) => py.readStr(k));
    if (names.includes('__hash__')) return dunderNamed(py, v, '__hash__') !== 0 ? 'user' : 'unhashable';
    if (names.includes('__eq__')) return 'unhashable';
  }
  return 'identity';
}

/** The __hash__ method compiled code calls for `k`, or 0 (not an instance with one). */
export function userHashMethod(py: Py, k: number): number {
  return hashKind(py, k) === 'user' ? dunderNamed(py, k, '__hash__') : 0;
}

/** Stores __hash__'s result `h` on `k` (CPython's TypeError when it is no int); returns it. */
export function storeHash(py: Py, k: number, h: number): number {
  if (!py.isInt(h) || (h & 3) === 2) py.raise('TypeError', '__hash__ method should return an integer');
  const held = py.holdAll([k, h]);
  const nameRef = py.hold(py.makeStr(HASH_ATTR));
  const holder = py.hold(attrsOf(py, held[0]!));
  dictSet(py, holder, py.get(nameRef), held[1]!);
  return held[1]!;
}

/** The hash compiled code stored on `k`, or undefined. */
export function storedHash(py: Py, k: number): number | undefined {
  const d = py.word(k + 8);
  if (d === 0) return undefined;
  const { keys, values } = dictEntries(py, d);
  const i = keys.findIndex((x) => py.readStr(x) === HASH_ATTR);
  return i < 0 ? undefined : values[i];
}

/** The stored hash of a 'user' instance the host must hash; CPython's TypeError for an
 *  unhashable one; undefined for any other value (the host hashes it as before). */
export function instanceHash(py: Py, v: number): number | undefined {
  const kind = hashKind(py, v);
  if (kind === null || kind === 'identity') return undefined;
  if (kind === 'unhashable') return py.raise('TypeError', `unhashable type: '${typeName(py, v)}'`);
  const h = storedHash(py, v);
  if (h === undefined)
    py.raise(
      'TypeError',
      `hashing an instance of '${typeName(py, v)}' (which defines __hash__) here is not supported: ` +
        'only d[k], k in d, set displays, set(), set comprehensions and the key methods call __hash__',
    );
  return h;
}

/**
 * `a == b` in the host for two distinct instances, one of them hashed by its class: false
 * when their stored hashes differ (equal objects hash equal); when they are equal only the
 * class's __eq__ can tell, and compiled code did not call it here: refused. undefined when
 * neither is such an instance.
 */
export function userHashedEquals(py: Py, a: number, b: number): boolean | undefined {
  const ka = hashKind(py, a);
  const kb = hashKind(py, b);
  if (ka !== 'user' && kb !== 'user') return undefined;
  const ha = ka === 'user' ? storedHash(py, a) : undefined;
  const hb = kb === 'user' ? storedHash(py, b) : undefined;
  if (ka === 'user' && kb === 'user' && ha !== undefined && hb !== undefined && ha !== hb && !sameInt(py, ha, hb))
    return false;
  if (!definesEq(py, a) && !definesEq(py, b)) return false;
  if (comparedUnequal(a, b)) return false;
  return py.raise(
    'TypeError',
    `comparing instances of '${typeName(py, a)}' and '${typeName(py, b)}' by __eq__ here is not supported`,
  );
}

/**
 * The last key compiled code compared by __eq__ with every same-hash key of its container
 * and found equal to none (@py.key), or the key it found equal, whose container's other
 * same-hash keys are unequal to it (they went in after the same comparisons): the host
 * operation that follows may compare them. Only the latest such key is kept; refs are compared as they
 * are (the operation follows at once, in the next host call).
 */
let knownUnequal: { key: number; others: number[] } = { key: 0, others: [] };

export function keysUnequal(py: Py, k: number, cands: number): void {
  knownUnequal = { key: k, others: py.tupleItems(cands).filter((x) => x !== k) };
}

function comparedUnequal(a: number, b: number): boolean {
  const { key, others } = knownUnequal;
  return (a === key && others.includes(b)) || (b === key && others.includes(a));
}

function sameInt(py: Py, x: number, y: number): boolean {
  return py.readInt(x) === py.readInt(y);
}

function definesEq(py: Py, v: number): boolean {
  return py.typeOf(v) === py.t.object && dunderNamed(py, v, '__eq__') !== 0;
}

/** The keys of dict or set `c` that compiled code must compare with `k` by __eq__: distinct
 *  instances hashed by their classes whose stored hash equals k's. */
export function keyCandidates(py: Py, c: number, k: number): number {
  const t = py.typeOf(c);
  const keys = t === py.t.dict ? dictEntries(py, c).keys : isSet(py, c) ? setValues(py, c) : [];
  knownUnequal = { key: 0, others: [] };
  const h = storedHash(py, k);
  const out = keys.filter((x) => {
    if (x === k || hashKind(py, x) !== 'user') return false;
    const hx = storedHash(py, x);
    return h !== undefined && hx !== undefined && sameInt(py, h, hx);
  });
  return py.makeTuple(out);
}

function attrsOf(py: Py, obj: number): number {
  const d = py.word(obj + 8);
  if (d !== 0) return d;
  const ho = py.hold(obj);
  const fresh = py.allocStruct(py.t.dict);
  py.setRef(py.get(ho), 8, fresh);
  return fresh;
}
