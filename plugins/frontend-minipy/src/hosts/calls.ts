import { exceptionClassName } from '../runtime/tags.ts';
import { typeName } from './format.ts';
import { className } from './classes.ts';
import { iterateValues } from './containers.ts';
import { NONE } from '../runtime/tags.ts';
import type { Py } from './py-context.ts';

// :func layout (core.jir): idx @4, nparams @8, defaults @12, name @16, cells @20, pnames @24, varargs @28.
interface FuncInfo {
  name: string;
  nparams: number;
  ndefaults: number;
  pnames: string[];
  varargs: boolean;
}

function funcInfo(py: Py, f: number): FuncInfo {
  const pnames = py.word(f + 24);
  return {
    name: py.readStr(py.word(f + 16)),
    nparams: py.word(f + 8),
    ndefaults: py.length(py.word(f + 12)),
    pnames: pnames === 0 ? [] : py.tupleItems(pnames).map((p) => py.readStr(p)),
    varargs: py.word(f + 28) !== 0,
  };
}

/** CPython's "f() missing 2 required positional arguments: 'a' and 'b'". */
export function missingMessage(name: string, missing: string[]): string {
  const quoted = missing.map((m) => `'${m}'`);
  const list =
    quoted.length === 1
      ? quoted[0]
      : quoted.length === 2
        ? `${quoted[0]} and ${quoted[1]}`
        : `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
  return `${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`;
}

function tooMany(py: Py, fi: FuncInfo, given: number): never {
  const n = fi.nparams;
  const takes =
    fi.ndefaults > 0
      ? `from ${n - fi.ndefaults} to ${n} positional arguments`
      : `${n} positional argument${n === 1 ? '' : 's'}`;
  return py.raise('TypeError', `${fi.name}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
}

function notCallable(py: Py, f: number): never {
  return py.raise('TypeError', `'${typeName(py, f)}' object is not callable`);
}

/**
 * `f(*value)`: the unpacked arguments as a tuple; CPython's TypeError names the callee (a
 * builtin by `name` or as a value, the program's functions and classes by `__main__.` and qualified name).
 */
export function starArgs(py: Py, callee: number, name: number, value: number): number {
  const ids = py.t;
  const t = py.typeOf(value);
  if (t === ids.tuple) return value;
  if (t !== ids.list && t !== ids.str && t !== ids.dict && t !== ids.view && t !== ids.iter && t !== ids.range) {
    const who =
      name !== NONE
        ? py.readStr(name)
        : py.typeOf(callee) === ids.func
          ? `${py.word(callee + 8) < 0 ? '' : '__main__.'}${py.readStr(py.word(callee + 16))}`
          : py.typeOf(callee) === ids.cls
            ? `__main__.${className(py, callee)}`
            : typeName(py, callee);
    py.raise('TypeError', `${who}() argument after * must be an iterable, not ${typeName(py, value)}`);
  }
  return py.makeTuple(iterateValues(py, value));
}

/** The function-table index to call `f` with `nargs` positional arguments, after the checks. */
export function callTarget(py: Py, f: number, nargs: number): number {
  if (py.typeOf(f) !== py.t.func) {
    if (exceptionClassName(f)) return -1;
    return notCallable(py, f);
  }
  const nparams = py.word(f + 8);
  if (nparams < 0) return py.word(f + 4);
  const fi = funcInfo(py, f);
  if (nargs > nparams && !fi.varargs) tooMany(py, fi, nargs);
  if (nargs < nparams - fi.ndefaults)
    py.raise('TypeError', missingMessage(fi.name, fi.pnames.slice(nargs, nparams - fi.ndefaults)));
  return py.word(f + 4);
}

/**
 * Binds positional and keyword arguments to `f`'s parameters, giving the full positional
 * argument tuple (defaults filled in, extra positional arguments kept for `*args`).
 */
export function bindArgs(py: Py, f: number, args: number, names: number, values: number): number {
  if (py.typeOf(f) !== py.t.func) return notCallable(py, f);
  const fi = funcInfo(py, f);
  if (fi.nparams < 0) return py.raise('TypeError', `${fi.name}() takes no keyword arguments`);
  const positional = py.tupleItems(args);
  const kwNames = py.tupleItems(names).map((n) => py.readStr(n));
  const kwValues = py.tupleItems(values);
  const n = fi.nparams;
  if (positional.length > n && !fi.varargs) tooMany(py, fi, positional.length);
  const slots = new Array<number>(n).fill(0);
  for (let i = 0; i < Math.min(n, positional.length); i++) slots[i] = positional[i]!;
  kwNames.forEach((k, j) => {
    const i = fi.pnames.indexOf(k);
    if (i < 0) py.raise('TypeError', `${fi.name}() got an unexpected keyword argument '${k}'`);
    if (slots[i] !== 0) py.raise('TypeError', `${fi.name}() got multiple values for argument '${k}'`);
    slots[i] = kwValues[j]!;
  });
  const required = n - fi.ndefaults;
  const missing = fi.pnames.filter((_, i) => i < required && slots[i] === 0);
  if (missing.length > 0) py.raise('TypeError', missingMessage(fi.name, missing));
  const defaults = py.word(f + 12);
  for (let i = required; i < n; i++) if (slots[i] === 0) slots[i] = py.elem(defaults, i - required);
  return py.makeTuple([...slots, ...positional.slice(n)]);
}

/** The items of `t` from index `from` on, as a new tuple (a function's `*args`). */
export function tupleFrom(py: Py, t: number, from: number): number {
  return py.makeTuple(py.tupleItems(t).slice(from));
}
