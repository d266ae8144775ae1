import { exceptionClassName } from '../runtime/tags.ts';
import { dictEntries, typeName } from './format.ts';
import { className } from './classes.ts';
import { iterateValues } from './containers.ts';
import { BOUND_MARK, FUNC_KEYWORD_BOUND, FUNC_KWARGS, FUNC_VARARGS, NONE, REQUIRED } from '../runtime/tags.ts';
import { dictSet, makeDict } from './compare.ts';
import type { Py } from './py-context.ts';

// :func layout (core.jir): idx @4, nparams @8, defaults @12, name @16, cells @20, pnames @24,
// varargs (flags) @28, kwnames @32, kwdefaults @36.
interface FuncInfo {
  name: string;
  nparams: number;
  ndefaults: number;
  pnames: string[];
  varargs: boolean;
  /** Keyword-only parameters or **kwargs: the adapter takes the arguments bound here. */
  keywordBound: boolean;
  kwargs: boolean;
  kwnames: string[];
}

function funcInfo(py: Py, f: number): FuncInfo {
  const pnames = py.word(f + 24);
  const flags = py.word(f + 28);
  const kwnames = py.word(f + 32);
  return {
    name: py.readStr(py.word(f + 16)),
    nparams: py.word(f + 8),
    ndefaults: py.length(py.word(f + 12)),
    pnames: pnames === 0 ? [] : py.tupleItems(pnames).map((p) => py.readStr(p)),
    varargs: (flags & FUNC_VARARGS) !== 0,
    keywordBound: (flags & FUNC_KEYWORD_BOUND) !== 0,
    kwargs: (flags & FUNC_KWARGS) !== 0,
    kwnames: kwnames === 0 ? [] : py.tupleItems(kwnames).map((p) => py.readStr(p)),
  };
}

/** CPython's "f() missing 2 required positional arguments: 'a' and 'b'" (or keyword-only). */
export function missingMessage(name: string, missing: string[], kind = 'positional'): string {
  const quoted = missing.map((m) => `'${m}'`);
  const list =
    quoted.length === 1
      ? quoted[0]
      : quoted.length === 2
        ? `${quoted[0]} and ${quoted[1]}`
        : `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
  return `${name}() missing ${missing.length} required ${kind} argument${missing.length === 1 ? '' : 's'}: ${list}`;
}

/** CPython's "f() takes 1 positional argument but 2 were given", with the keyword-only
 *  arguments given counted as CPython counts them. */
function tooMany(py: Py, fi: FuncInfo, given: number, kwonlyGiven = 0): never {
  const n = fi.nparams;
  const takes =
    fi.ndefaults > 0
      ? `from ${n - fi.ndefaults} to ${n} positional arguments`
      : `${n} positional argument${n === 1 ? '' : 's'}`;
  const kwonly =
    kwonlyGiven > 0
      ? ` positional argument${given === 1 ? '' : 's'} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven === 1 ? '' : 's'})`
      : '';
  const verb = given === 1 && kwonlyGiven === 0 ? 'was' : 'were';
  return py.raise('TypeError', `${fi.name}() takes ${takes} but ${given}${kwonly} ${verb} given`);
}

function notCallable(py: Py, f: number): never {
  return py.raise('TypeError', `'${typeName(py, f)}' object is not callable`);
}

/** How CPython's argument-unpacking errors name a callee: a builtin by `name`, the program's
 *  functions and classes by `__main__.` and qualified name. */
function calleeName(py: Py, callee: number, name: number): string {
  const ids = py.t;
  if (name !== NONE) return py.readStr(name);
  if (py.typeOf(callee) === ids.func)
    return `${py.word(callee + 8) < 0 ? '' : '__main__.'}${py.readStr(py.word(callee + 16))}`;
  if (py.typeOf(callee) === ids.cls) return `__main__.${className(py, callee)}`;
  return typeName(py, callee);
}

/** `f(*value)`: the unpacked arguments as a tuple; CPython's TypeError names the callee. */
export function starArgs(py: Py, callee: number, name: number, value: number): number {
  const ids = py.t;
  const t = py.typeOf(value);
  if (t === ids.tuple) return value;
  if (t !== ids.list && t !== ids.str && t !== ids.dict && t !== ids.view && t !== ids.iter && t !== ids.range)
    py.raise(
      'TypeError',
      `${calleeName(py, callee, name)}() argument after * must be an iterable, not ${typeName(py, value)}`,
    );
  return py.makeTuple(iterateValues(py, value));
}

/**
 * `f(k=v, **more)`: the keyword names and values so far (`acc`, a pair of tuples) followed by
 * `more`, a dict when `mapping` (from `**`), else a pair of tuples of explicit keywords; as
 * a new pair. CPython's TypeErrors: not a mapping, a key not a str, a name given twice.
 */
export function mergeKeywords(py: Py, callee: number, acc: number, more: number, mapping: number): number {
  const names = py.tupleItems(py.elem(acc, 0));
  const values = py.tupleItems(py.elem(acc, 1));
  let moreNames: number[];
  let moreValues: number[];
  if (mapping !== 0) {
    if (py.typeOf(more) !== py.t.dict)
      py.raise(
        'TypeError',
        `${calleeName(py, callee, NONE)}() argument after ** must be a mapping, not ${typeName(py, more)}`,
      );
    ({ keys: moreNames, values: moreValues } = dictEntries(py, more));
    if (moreNames.some((k) => py.typeOf(k) !== py.t.str)) py.raise('TypeError', 'keywords must be strings');
  } else {
    moreNames = py.tupleItems(py.elem(more, 0));
    moreValues = py.tupleItems(py.elem(more, 1));
  }
  const seen = new Set(names.map((n) => py.readStr(n)));
  for (const k of moreNames) {
    const text = py.readStr(k);
    if (seen.has(text))
      py.raise('TypeError', `${calleeName(py, callee, NONE)}() got multiple values for keyword argument '${text}'`);
    seen.add(text);
  }
  const all = py.holdAll([...names, ...moreNames, ...values, ...moreValues]);
  const n = names.length + moreNames.length;
  const nameTuple = py.makeTuple(all.slice(0, n));
  const hn = py.hold(nameTuple);
  const valueTuple = py.makeTuple(all.slice(n));
  return py.makeTuple([py.get(hn), valueTuple]);
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
  // Its adapter binds (bindPositional) and checks.
  if (fi.keywordBound) return py.word(f + 4);
  if (nargs > nparams && !fi.varargs) tooMany(py, fi, nargs);
  if (nargs < nparams - fi.ndefaults)
    py.raise('TypeError', missingMessage(fi.name, fi.pnames.slice(nargs, nparams - fi.ndefaults)));
  return py.word(f + 4);
}

/**
 * Binds positional and keyword arguments to `f`'s parameters, giving the full positional
 * argument tuple (defaults filled in, extra positional arguments kept for `*args`); for a
 * function with keyword-only parameters or **kwargs, the bound tuple its adapter takes.
 */
export function bindArgs(py: Py, f: number, args: number, names: number, values: number): number {
  if (py.typeOf(f) !== py.t.func) return notCallable(py, f);
  const fi = funcInfo(py, f);
  if (fi.nparams < 0) return py.raise('TypeError', `${fi.name}() takes no keyword arguments`);
  return bindAll(py, f, fi, py.tupleItems(args), py.tupleItems(names), py.tupleItems(values));
}

/** A keyword-bound function's adapter: `args` as bound by bindArgs (BOUND_MARK first), or
 *  a positional call's arguments, bound now. */
export function bindPositional(py: Py, f: number, args: number): number {
  if (py.length(args) > 0 && py.elem(args, 0) === BOUND_MARK) return args;
  return bindAll(py, f, funcInfo(py, f), py.tupleItems(args), [], []);
}

/**
 * CPython's binding (initialize_locals in 3.11), its errors in its order: keywords (unknown,
 * given twice), too many positional arguments, missing positional, missing keyword-only.
 * The result: positional values then extra positional arguments; for a keyword-bound
 * function BOUND_MARK, positional values, the *args tuple, keyword-only values, the **kwargs
 * dict (insertion order: the call's order).
 */
function bindAll(py: Py, f: number, fi: FuncInfo, positional: number[], kwNames: number[], kwValues: number[]): number {
  const n = fi.nparams;
  const slots = new Array<number>(n).fill(0);
  for (let i = 0; i < Math.min(n, positional.length); i++) slots[i] = positional[i]!;
  const kwslots = new Array<number>(fi.kwnames.length).fill(0);
  const extra: number[] = [];
  kwNames.forEach((nameRef, j) => {
    const k = py.readStr(nameRef);
    const i = fi.pnames.indexOf(k);
    const ki = i < 0 ? fi.kwnames.indexOf(k) : -1;
    if (i < 0 && ki < 0) {
      if (!fi.kwargs) py.raise('TypeError', `${fi.name}() got an unexpected keyword argument '${k}'`);
      extra.push(j);
      return;
    }
    if ((i >= 0 ? slots[i] : kwslots[ki]) !== 0)
      py.raise('TypeError', `${fi.name}() got multiple values for argument '${k}'`);
    if (i >= 0) slots[i] = kwValues[j]!;
    else kwslots[ki] = kwValues[j]!;
  });
  if (positional.length > n && !fi.varargs) tooMany(py, fi, positional.length, kwslots.filter((v) => v !== 0).length);
  const required = n - fi.ndefaults;
  const missing = fi.pnames.filter((_, i) => i < required && slots[i] === 0);
  if (missing.length > 0) py.raise('TypeError', missingMessage(fi.name, missing));
  const defaults = py.word(f + 12);
  for (let i = required; i < n; i++) if (slots[i] === 0) slots[i] = py.elem(defaults, i - required);
  if (!fi.keywordBound) return py.makeTuple([...slots, ...positional.slice(n)]);
  const kwdefaults = py.word(f + 36);
  const kwMissing = fi.kwnames.filter((_, i) => kwslots[i] === 0 && py.elem(kwdefaults, i) === REQUIRED);
  if (kwMissing.length > 0) py.raise('TypeError', missingMessage(fi.name, kwMissing, 'keyword-only'));
  for (let i = 0; i < kwslots.length; i++) if (kwslots[i] === 0) kwslots[i] = py.elem(kwdefaults, i);
  // Everything is held while the *args tuple, the **kwargs dict and the result are made.
  const rest = positional.slice(n);
  const held = py.holdAll([
    ...slots,
    ...kwslots,
    ...rest,
    ...extra.map((j) => kwNames[j]!),
    ...extra.map((j) => kwValues[j]!),
  ]);
  const at = { kw: n, rest: n + kwslots.length, names: n + kwslots.length + rest.length };
  const parts = py.holdAll([0, 0]);
  if (fi.varargs) parts[0] = py.makeTuple(held.slice(at.rest, at.names));
  if (fi.kwargs) {
    const hd = py.hold(makeDict(py));
    for (let j = 0; j < extra.length; j++) dictSet(py, hd, held[at.names + j]!, held[at.names + extra.length + j]!);
    parts[1] = py.get(hd);
  }
  const result: number[] = [BOUND_MARK, ...held.slice(0, n)];
  if (fi.varargs) result.push(parts[0]!);
  result.push(...held.slice(at.kw, at.rest));
  if (fi.kwargs) result.push(parts[1]!);
  return py.makeTuple(result);
}

/** The items of `t` from index `from` on, as a new tuple (a function's `*args`). */
export function tupleFrom(py: Py, t: number, from: number): number {
  return py.makeTuple(py.tupleItems(t).slice(from));
}
