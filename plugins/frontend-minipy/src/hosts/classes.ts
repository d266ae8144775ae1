import { dictGet, dictSet } from './compare.ts';
import { dictEntries, typeName } from './format.ts';
import type { Py } from './py-context.ts';
import { exceptionClassName, FALSE, GENERATOR_KIND, isSubclass, NONE, TRUE } from '../runtime/tags.ts';

// Layouts (core.jir): :class { name @4, base @8, attrs @12 }, :object { cls @4, attrs @8 },
// :exc { cls @4, args @8, line @12, attrs @16 }.

export function isClass(py: Py, v: number): boolean {
  return py.typeOf(v) === py.t.cls;
}

export function className(py: Py, cls: number): string {
  return isClass(py, cls) ? py.readStr(py.word(cls + 4)) : (exceptionClassName(cls) ?? 'object');
}

/** The built-in exception class a class derives from (its name), or null. */
export function builtinExceptionBase(py: Py, cls: number): string | null {
  let c = cls;
  while (isClass(py, c)) c = py.word(c + 8);
  return exceptionClassName(c);
}

/** Whether class `cls` (user or built-in exception class) is `base` or derives from it. */
export function derivesFrom(py: Py, cls: number, base: number): boolean {
  let c = cls;
  for (; isClass(py, c); c = py.word(c + 8)) if (c === base) return true;
  const builtin = exceptionClassName(c);
  const target = exceptionClassName(base);
  return builtin !== null && target !== null && isSubclass(builtin, target);
}

/** The class of an instance (`:object` or `:exc`), else 0. */
export function classOf(py: Py, v: number): number {
  const t = py.typeOf(v);
  if (t === py.t.object || t === py.t.exc) return py.word(v + 4);
  return 0;
}

/** `name` looked up along a class's bases; undefined if no class has it. */
export function classLookup(py: Py, cls: number, name: number): number | undefined {
  for (let c = cls; isClass(py, c); c = py.word(c + 8)) {
    const v = dictGet(py, py.word(c + 12), name);
    if (v !== undefined) return v;
  }
  return undefined;
}

function attrsOffset(py: Py, v: number): number {
  const t = py.typeOf(v);
  if (t === py.t.object) return 8;
  if (t === py.t.cls) return 12;
  if (t === py.t.exc) return 16;
  return -1;
}

/** The attribute dict of an instance, class or exception, made on first use for exceptions. */
function attrs(py: Py, v: number, create: boolean): number {
  const off = attrsOffset(py, v);
  const d = py.word(v + off);
  if (d !== 0 || !create) return d;
  const hv = py.hold(v);
  const fresh = py.allocStruct(py.t.dict);
  py.setRef(py.get(hv), off, fresh);
  return fresh;
}

export function makeClass(py: Py, name: number, base: number): number {
  if (base !== NONE && !isClass(py, base) && !exceptionClassName(base))
    py.raise('TypeError', 'bases must be classes defined in the program or built-in exception classes');
  const hn = py.hold(name);
  const hb = py.hold(base);
  const c = py.hold(py.allocStruct(py.t.cls));
  const d = py.allocStruct(py.t.dict);
  py.setRef(py.get(c), 4, py.get(hn));
  py.setRef(py.get(c), 8, py.get(hb));
  py.setRef(py.get(c), 12, d);
  return py.get(c);
}

/** A new instance of `cls`: an exception (args set, as BaseException.__new__ does) when the
 *  class derives from a built-in exception class, else a plain object. */
export function newInstance(py: Py, cls: number, args: number): number {
  if (builtinExceptionBase(py, cls)) return py.makeException(cls, py.tupleItems(args));
  const hc = py.hold(cls);
  const o = py.hold(py.allocStruct(py.t.object));
  const d = py.allocStruct(py.t.dict);
  py.setRef(py.get(o), 4, py.get(hc));
  py.setRef(py.get(o), 8, d);
  return py.get(o);
}

function noAttribute(py: Py, v: number, name: number): never {
  const n = py.readStr(name);
  if (isClass(py, v)) return py.raise('AttributeError', `type object '${className(py, v)}' has no attribute '${n}'`);
  return py.raise('AttributeError', `'${typeName(py, v)}' object has no attribute '${n}'`);
}

function isFunction(py: Py, v: number): boolean {
  return py.typeOf(v) === py.t.func;
}

/** `obj.name` as a value. */
export function getAttr(py: Py, v: number, name: number): number {
  const found = lookupAttr(py, v, name);
  if (found === undefined) return noAttribute(py, v, name);
  return found;
}

/** `obj.name`, or undefined when there is no such attribute (`hasattr`, `getattr` with a default). */
export function lookupAttr(py: Py, v: number, name: number): number | undefined {
  const off = attrsOffset(py, v);
  if (off < 0) return undefined;
  if (py.typeOf(v) === py.t.exc && py.readStr(name) === 'args') return py.word(v + 8);
  const d = attrs(py, v, false);
  const own = d === 0 ? undefined : dictGet(py, d, name);
  if (own !== undefined) return own;
  if (isClass(py, v)) return classLookup(py, v, name);
  const found = classLookup(py, py.word(v + 4), name);
  if (found !== undefined && isFunction(py, found))
    py.raise('TypeError', `bound method '${py.readStr(name)}' used as a value is not supported`);
  return found;
}

/** `obj.name = value` with args [obj, name, value], held (re-read after the allocation). */
export function setAttr(py: Py, args: number[]): void {
  if (attrsOffset(py, args[0]!) < 0) {
    const n = py.readStr(args[1]!);
    py.raise('AttributeError', `'${typeName(py, args[0]!)}' object has no attribute '${n}'`);
  }
  const d = py.hold(attrs(py, args[0]!, true));
  dictSet(py, d, args[1]!, args[2]!);
}

/**
 * How compiled code calls `obj.name(...)`: a function found on the instance's class (called
 * with the instance first), `[callable]` for an attribute called as it is (a class's own
 * function, an instance attribute), or 0 for the built-in types' methods (the host's).
 */
export function findMethod(py: Py, v: number, name: number): number {
  const t = py.typeOf(v);
  if (t === py.t.cls) return py.makeTuple([getAttr(py, v, name)]);
  if (t !== py.t.object && !(t === py.t.exc && isClass(py, py.word(v + 4)))) return 0;
  const d = attrs(py, v, false);
  const own = d === 0 ? undefined : dictGet(py, d, name);
  if (own !== undefined) return py.makeTuple([own]);
  const m = classLookup(py, py.word(v + 4), name);
  if (m === undefined) {
    if (t === py.t.exc) return 0;
    return noAttribute(py, v, name);
  }
  if (!isFunction(py, m)) return py.makeTuple([m]);
  return m;
}

/** Whether an instance's class chain defines `name` (looked up without allocating). */
export function definesNamed(py: Py, v: number, name: string): boolean {
  for (let c = classOf(py, v); isClass(py, c); c = py.word(c + 8))
    if (dictEntries(py, py.word(c + 12)).keys.some((k) => py.readStr(k) === name)) return true;
  return false;
}

/** A dunder method (`__str__`, `__eq__`, ...) of an instance's class, or 0. */
export function findDunder(py: Py, v: number, name: number): number {
  const cls = classOf(py, v);
  if (!isClass(py, cls)) return 0;
  const m = classLookup(py, cls, name);
  return m !== undefined && isFunction(py, m) ? m : 0;
}

/** The special methods runtime IR calls (runtime/dunders.jir), by index. */
const SPECIAL_NAMES = ['__getitem__', '__setitem__', '__contains__', '__iter__', '__next__', '__bool__', '__len__'];

/** Special method `SPECIAL_NAMES[which]` of an instance's class, or 0. */
export function findSpecial(py: Py, v: number, which: number): number {
  return dunderNamed(py, v, SPECIAL_NAMES[which]!);
}

/** Whether `v` is a generator, an instance iterator or an instance (which may iterate
 *  without end): zip, enumerate, map and filter over one run lazily (prelude.ts). */
export function isLazyIterable(py: Py, v: number): boolean {
  if (py.typeOf(v) === py.t.iter) return py.word(v + 20) >= GENERATOR_KIND;
  return classOf(py, v) !== 0 && py.typeOf(v) === py.t.object;
}

/** For `l == r` with an `__eq__` on either side: (method, first, second, False), else 0. */
export function findEq(py: Py, l: number, r: number): number {
  const m = dunderNamed(py, l, '__eq__');
  if (m !== 0) return py.makeTuple([m, l, r, FALSE]);
  const rm = dunderNamed(py, r, '__eq__');
  return rm !== 0 ? py.makeTuple([rm, r, l, FALSE]) : 0;
}

/** Whether `x in c`, c a list or tuple, must compare with a class's `__eq__` (compiled code does). */
export function needsGuestEq(py: Py, c: number, x: number): boolean {
  const t = py.typeOf(c);
  if (t !== py.t.list && t !== py.t.tuple) return false;
  const hasEq = (v: number): boolean => classOf(py, v) !== 0 && definesNamed(py, v, '__eq__');
  return hasEq(x) || (t === py.t.list ? py.listValues(c) : py.tupleItems(c)).some(hasEq);
}

/** `super().name` in a method of `cls`: found from cls's base on; 0 for a base's built-in `__init__`. */
export function superMethod(py: Py, cls: number, name: number): number {
  const m = classLookup(py, py.word(cls + 8), name);
  if (m !== undefined) return m;
  if (py.readStr(name) === '__init__') return 0;
  return py.raise('AttributeError', `'super' object has no attribute '${py.readStr(name)}'`);
}

/** The built-in `__init__` reached by `super().__init__(...)`: an exception's sets its args. */
export function baseInit(py: Py, self: number, args: number, nkeywords: number): number {
  if (nkeywords > 0) py.raise('TypeError', 'object.__init__() takes exactly one argument (the instance to initialize)');
  if (py.typeOf(self) === py.t.exc) {
    py.setRef(self, 8, args);
    return NONE;
  }
  if (py.length(args) > 0)
    py.raise('TypeError', 'object.__init__() takes exactly one argument (the instance to initialize)');
  return NONE;
}

/** `raise C` with a class: instantiated without arguments (a class with `__init__` must be called). */
export function instantiateClass(py: Py, cls: number): number {
  if (!builtinExceptionBase(py, cls)) py.raise('TypeError', 'exceptions must derive from BaseException');
  const hc = py.hold(cls);
  const name = py.makeStr('__init__');
  if (classLookup(py, py.get(hc), name) !== undefined)
    py.raise('TypeError', `raising class '${className(py, py.get(hc))}' with an __init__ uncalled is not supported`);
  return py.makeException(py.get(hc), []);
}

/** isinstance(v, spec): spec a class, a built-in type (as its builtin function), an exception class or a tuple. */
export function isInstance(py: Py, v: number, spec: number): boolean {
  if (py.typeOf(spec) === py.t.tuple) return py.tupleItems(spec).some((s) => isInstance(py, v, s));
  if (isClass(py, spec) || exceptionClassName(spec)) {
    const cls = classOf(py, v);
    return cls !== 0 && derivesFrom(py, cls, spec);
  }
  if (py.typeOf(spec) === py.t.func && py.word(spec + 8) < 0) {
    const want = py.readStr(py.word(spec + 16));
    const have = typeName(py, v);
    return have === want || (want === 'int' && have === 'bool');
  }
  return py.raise('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

/** The tuple (first, ...rest): a method's arguments after its instance. */
export function prepend(py: Py, first: number, rest: number): number {
  const hf = py.hold(first);
  const items = py.holdAll(py.tupleItems(rest));
  return py.makeTuple([py.get(hf), ...items]);
}

/** A class without `__init__` called with arguments (an exception class keeps them as args). */
export function noInitArgs(py: Py, cls: number, args: number): number {
  if (py.length(args) > 0 && !builtinExceptionBase(py, cls))
    py.raise('TypeError', `${className(py, cls)}() takes no arguments`);
  return NONE;
}

export function dunderNamed(py: Py, v: number, name: string): number {
  for (let c = classOf(py, v); isClass(py, c); c = py.word(c + 8)) {
    const { keys, values } = dictEntries(py, py.word(c + 12));
    const i = keys.findIndex((k) => py.readStr(k) === name);
    if (i >= 0) return isFunction(py, values[i]!) ? values[i]! : 0;
  }
  return 0;
}

/** The method `str(v)` calls: `__str__`, else `__repr__` (object.__str__ calls repr), else 0. */
export function findStr(py: Py, v: number): number {
  const s = dunderNamed(py, v, '__str__');
  return s !== 0 ? s : dunderNamed(py, v, '__repr__');
}

export function findRepr(py: Py, v: number): number {
  return dunderNamed(py, v, '__repr__');
}

export function checkStr(py: Py, s: number, method: number): number {
  if (py.typeOf(s) !== py.t.str)
    py.raise('TypeError', `${py.readStr(method)} returned non-string (type ${typeName(py, s)})`);
  return NONE;
}

export function checkLen(py: Py, n: number): number {
  if ((n & 1) !== 1 && py.typeOf(n) !== py.t.bigint)
    py.raise('TypeError', `'${typeName(py, n)}' object cannot be interpreted as an integer`);
  if ((n & 1) === 1 && n >> 1 < 0) py.raise('ValueError', '__len__() should return >= 0');
  return n;
}

/** Whether a list, tuple or dict holds (at any depth) an instance whose class defines `__repr__`. */
export function needsGuestRepr(py: Py, root: number): boolean {
  const seen = new Set<number>();
  const work = [root];
  while (work.length > 0) {
    const v = work.pop()!;
    const t = py.typeOf(v);
    if (t === py.t.list || t === py.t.tuple || t === py.t.dict) {
      if (seen.has(v)) continue;
      seen.add(v);
      const items = t === py.t.list ? py.listValues(v) : t === py.t.tuple ? py.tupleItems(v) : null;
      if (items) for (const x of items) work.push(x);
      else {
        const { keys, values } = dictEntries(py, v);
        for (const x of keys) work.push(x);
        for (const x of values) work.push(x);
      }
    } else if (classOf(py, v) !== 0 && definesNamed(py, v, '__repr__')) return true;
  }
  return false;
}

/** Whether list `keys` holds an instance whose class defines an ordering method: then the
 *  sort or min/max runs in the prelude, whose comparisons call it. */
export function needsGuestOrder(py: Py, keys: number): boolean {
  if (py.typeOf(keys) !== py.t.list) return false;
  return py.listValues(keys).some((v) => classOf(py, v) !== 0 && ORDERINGS.some((name) => definesNamed(py, v, name)));
}
const ORDERINGS = ['__lt__', '__gt__', '__le__', '__ge__'];

/** A class's special method the language here does not call: an error naming it, never a wrong answer. */
export function refuseDunder(py: Py, v: number, name: string): void {
  if (classOf(py, v) !== 0 && definesNamed(py, v, name))
    py.raise('TypeError', `special method ${name} of class '${typeName(py, v)}' is not supported here`);
}
