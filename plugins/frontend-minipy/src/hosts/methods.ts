import type { Handle } from '#framework';
import { copyEntries, dictDelete, dictGet, dictSet, equals } from './compare.ts';
import { iterateValues } from './containers.ts';
import { dictEntries, repr, typeName } from './format.ts';
import { asNum } from './numbers.ts';
import type { Py } from './py-context.ts';
import { sortValues } from './builtins.ts';
import { STR_KEYWORD_METHODS, STR_METHODS } from './str-methods.ts';
import { NO_KWARGS, type KwArgs } from './string-format.ts';
import { NONE } from '../runtime/tags.ts';
import { isStdin, stdinMethod } from './sys.ts';
import { setMethod } from './sets.ts';

/** A built-in method: the receiver comes in a handle, the arguments in a held array. */
type Method = (py: Py, self: Handle, args: number[]) => number;

function arity(py: Py, name: string, args: number[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  if (max === 0) py.raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
  if (min === max && min === 1) py.raise('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
  const tooFew = args.length < min;
  const limit = tooFew ? min : max;
  const expected = `${tooFew ? 'at least' : 'at most'} ${limit} argument${limit === 1 ? '' : 's'}`;
  py.raise('TypeError', `${name} expected ${expected}, got ${args.length}`);
}

function intArg(py: Py, v: number): number {
  const n = asNum(py, v);
  if (!n || n.int === undefined)
    return py.raise('TypeError', `'${typeName(py, v)}' object cannot be interpreted as an integer`);
  return Number(n.int);
}

const LIST: Record<string, Method> = {
  append: (py, l, a) => (arity(py, 'list.append', a, 1), py.listPush(l, a[0]!), NONE),
  extend: (py, l, a) => {
    arity(py, 'list.extend', a, 1);
    const values = py.holdAll(iterateValues(py, a[0]!));
    for (let i = 0; i < values.length; i++) py.listPush(l, values[i]!);
    return NONE;
  },
  pop: (py, hl, a) => {
    arity(py, 'pop', a, 0, 1);
    const l = py.get(hl);
    const len = py.listLen(l);
    if (len === 0) py.raise('IndexError', 'pop from empty list');
    let i = a.length > 0 ? intArg(py, a[0]!) : len - 1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) py.raise('IndexError', 'pop index out of range');
    const items = py.listItems(l);
    const v = py.elem(items, i);
    for (let j = i; j < len - 1; j++) py.setElem(items, j, py.elem(items, j + 1));
    py.setElemRef(items, len - 1, 0);
    py.setWord(l + 4, len - 1);
    return v;
  },
  insert: (py, hl, a) => {
    arity(py, 'insert', a, 2);
    const len = py.listLen(py.get(hl));
    let i = intArg(py, a[0]!);
    if (i < 0) i = Math.max(0, i + len);
    i = Math.min(i, len);
    py.reserve(hl, 1);
    const l = py.get(hl);
    const items = py.listItems(l);
    for (let j = len; j > i; j--) py.setElem(items, j, py.elem(items, j - 1));
    py.setElemRef(items, i, a[1]!);
    py.setWord(l + 4, len + 1);
    return NONE;
  },
  index: (py, l, a) => {
    arity(py, 'index', a, 1, 3);
    const vals = py.listValues(py.get(l));
    for (let i = 0; i < vals.length; i++) if (vals[i] === a[0] || equals(py, vals[i]!, a[0]!)) return py.smallInt(i);
    return py.raise('ValueError', `${repr(py, a[0]!)} is not in list`);
  },
  count: (py, l, a) => (
    arity(py, 'count', a, 1),
    py.smallInt(py.listValues(py.get(l)).filter((v) => v === a[0] || equals(py, v, a[0]!)).length)
  ),
  reverse: (py, l, a) => {
    arity(py, 'list.reverse', a, 0);
    setValues(py, py.get(l), py.listValues(py.get(l)).reverse());
    return NONE;
  },
  copy: (py, l, a) => (arity(py, 'list.copy', a, 0), py.makeList(py.listValues(py.get(l)))),
  clear: (py, l, a) => (arity(py, 'list.clear', a, 0), py.setWord(py.get(l) + 4, 0), NONE),
  remove: (py, l, a) => {
    arity(py, 'list.remove', a, 1);
    const vals = py.listValues(py.get(l));
    const i = vals.findIndex((v) => v === a[0] || equals(py, v, a[0]!));
    if (i < 0) py.raise('ValueError', 'list.remove(x): x not in list');
    LIST.pop!(py, l, [py.smallInt(i)]);
    return NONE;
  },
  sort: (py, l, a) => {
    arity(py, 'list.sort', a, 0);
    setValues(py, py.get(l), sortValues(py, py.listValues(py.get(l))));
    return NONE;
  },
};

/** Overwrites a list's first items with `values`. */
function setValues(py: Py, l: number, values: readonly number[]): void {
  const items = py.listItems(l);
  for (let i = 0; i < values.length; i++) py.setElem(items, i, values[i]!);
  py.barrier(items);
}

function view(py: Py, hd: Handle, kind: number): number {
  const v = py.allocStruct(py.t.view);
  py.setRef(v, 4, py.get(hd));
  py.setWord(v + 8, kind);
  return v;
}

const DICT: Record<string, Method> = {
  get: (py, d, a) => (arity(py, 'get', a, 1, 2), dictGet(py, py.get(d), a[0]!) ?? (a.length > 1 ? a[1]! : NONE)),
  keys: (py, d, a) => (arity(py, 'dict.keys', a, 0), view(py, d, 0)),
  values: (py, d, a) => (arity(py, 'dict.values', a, 0), view(py, d, 1)),
  items: (py, d, a) => (arity(py, 'dict.items', a, 0), view(py, d, 2)),
  pop: (py, d, a) => {
    arity(py, 'pop', a, 1, 2);
    const v = dictDelete(py, py.get(d), a[0]!);
    if (v !== undefined) return v;
    if (a.length > 1) return a[1]!;
    return py.raise('KeyError', a[0]!);
  },
  setdefault: (py, d, a) => {
    arity(py, 'setdefault', a, 1, 2);
    const v = dictGet(py, py.get(d), a[0]!);
    if (v !== undefined) return v;
    dictSet(py, d, a[0]!, a.length > 1 ? a[1]! : NONE);
    return a.length > 1 ? a[1]! : NONE;
  },
  copy: (py, d, a) => {
    arity(py, 'dict.copy', a, 0);
    const c = py.hold(py.allocStruct(py.t.dict));
    copyEntries(py, py.get(d), c);
    return py.get(c);
  },
  update: (py, d, a) => {
    arity(py, 'update', a, 1);
    copyEntries(py, a[0]!, d);
    return NONE;
  },
  clear: (py, d, a) => {
    arity(py, 'dict.clear', a, 0);
    for (const k of dictEntries(py, py.get(d)).keys) dictDelete(py, py.get(d), k);
    return NONE;
  },
};

/** obj.name(*args) for the built-in types' methods. */
export function callMethod(py: Py, self: number, name: string, args: number[], kwargs: KwArgs = NO_KWARGS): number {
  const t = py.typeOf(self);
  if (t === py.t.str && Object.hasOwn(STR_METHODS, name)) {
    if (kwargs.size > 0 && !STR_KEYWORD_METHODS.has(name))
      py.raise('TypeError', `str.${name}() takes no keyword arguments`);
    return STR_METHODS[name]!(py, py.hold(self), py.holdAll(args), kwargs);
  }
  if (t === py.t.set) {
    if (kwargs.size > 0) py.raise('TypeError', `${typeName(py, self)}.${name}() takes no keyword arguments`);
    return setMethod(py, self, name, args);
  }
  if (isStdin(py, self)) {
    if (kwargs.size > 0) py.raise('TypeError', `${name}() takes no keyword arguments`);
    return stdinMethod(py, name, py.holdAll(args));
  }
  const table = t === py.t.list ? LIST : t === py.t.dict ? DICT : null;
  const m = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (!m) return py.raise('AttributeError', `'${typeName(py, self)}' object has no attribute '${name}'`);
  if (kwargs.size > 0) py.raise('TypeError', `${typeName(py, self)}.${name}() takes no keyword arguments`);
  return m(py, py.hold(self), py.holdAll(args));
}
