import { refuseDunder } from './classes.ts';
import { asNum } from './numbers.ts';
import { dictDelete, dictFind, dictGet, dictSet, equals } from './compare.ts';
import { dictEntries, typeName } from './format.ts';
import type { Py } from './py-context.ts';
import { GENERATOR_KIND, NONE } from '../runtime/tags.ts';
import { readAllLines, STDIN_KIND } from './sys.ts';
import { setContains, setSize, setValues } from './sets.ts';

/** An index operand as a JS number (bools count), or null when it is not an int. */
function indexOf(py: Py, i: number): number | null {
  const n = asNum(py, i);
  if (!n || n.int === undefined) return null;
  return Number(n.int);
}

/** `store`: an assignment or a `del`, whose IndexError CPython words differently. */
function seqIndex(py: Py, kind: string, len: number, i: number, store = false): number {
  const n = indexOf(py, i);
  if (n === null) return py.raise('TypeError', `${kind} indices must be integers or slices, not ${typeName(py, i)}`);
  const k = n < 0 ? n + len : n;
  if (k < 0 || k >= len)
    py.raise('IndexError', `${kind === 'str' ? 'string' : kind}${store ? ' assignment' : ''} index out of range`);
  return k;
}

export function getItem(py: Py, o: number, i: number): number {
  refuseDunder(py, o, '__getitem__');
  const t = py.typeOf(o);
  const ids = py.t;
  if (t === ids.list) return py.elem(py.listItems(o), seqIndex(py, 'list', py.listLen(o), i));
  if (t === ids.tuple) return py.elem(o, seqIndex(py, 'tuple', py.length(o), i));
  if (t === ids.str) return py.makeStrFromCodes([py.elem(o, seqIndex(py, 'str', py.length(o), i))]);
  if (t === ids.dict) {
    const v = dictGet(py, o, i);
    if (v === undefined) py.raise('KeyError', i);
    return v!;
  }
  if (t === ids.range) {
    const len = rangeLen(py.word(o + 4), py.word(o + 8), py.word(o + 12));
    const k = seqIndex(py, 'range object', len, i);
    return py.smallInt(py.word(o + 4) + k * py.word(o + 12));
  }
  return py.raise('TypeError', `'${typeName(py, o)}' object is not subscriptable`);
}

export function setItem(py: Py, o: number, i: number, v: number): void {
  refuseDunder(py, o, '__setitem__');
  const t = py.typeOf(o);
  if (t === py.t.list) {
    const k = seqIndex(py, 'list', py.listLen(o), i, true);
    py.setElemRef(py.listItems(o), k, v);
    return;
  }
  if (t === py.t.dict) {
    dictSet(py, py.hold(o), i, v);
    return;
  }
  py.raise('TypeError', `'${typeName(py, o)}' object does not support item assignment`);
}

export function delItem(py: Py, o: number, i: number): void {
  const t = py.typeOf(o);
  if (t === py.t.list) {
    const len = py.listLen(o);
    const k = seqIndex(py, 'list', len, i, true);
    const items = py.listItems(o);
    for (let j = k; j < len - 1; j++) py.setElem(items, j, py.elem(items, j + 1));
    py.setElemRef(items, len - 1, 0);
    py.setWord(o + 4, len - 1);
    return;
  }
  if (t === py.t.dict) {
    if (dictDelete(py, o, i) === undefined) py.raise('KeyError', i);
    return;
  }
  py.raise('TypeError', `'${typeName(py, o)}' object doesn't support item deletion`);
}

export function rangeLen(start: number, stop: number, step: number): number {
  if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
}

export function lengthOf(py: Py, o: number): number {
  refuseDunder(py, o, '__len__');
  const t = py.typeOf(o);
  const ids = py.t;
  if (t === ids.list) return py.listLen(o);
  if (t === ids.tuple || t === ids.str) return py.length(o);
  if (t === ids.dict) return py.word(o + 4);
  if (t === ids.set) return setSize(py, o);
  if (t === ids.view) return py.word(py.word(o + 4) + 4);
  if (t === ids.range) return rangeLen(py.word(o + 4), py.word(o + 8), py.word(o + 12));
  return py.raise('TypeError', `object of type '${typeName(py, o)}' has no len()`);
}

/** Slice of a str, list or tuple; bounds as Python clamps them. */
export function getSlice(py: Py, o: number, lo: number, hi: number, stepRef: number): number {
  const t = py.typeOf(o);
  const ids = py.t;
  if (t !== ids.str && t !== ids.list && t !== ids.tuple)
    return py.raise('TypeError', `'${typeName(py, o)}' object is not subscriptable`);
  const len = lengthOf(py, o);
  const bound = (r: number): number | null => {
    if (r === NONE) return null;
    const n = indexOf(py, r);
    if (n === null) return py.raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
    return n;
  };
  const step = bound(stepRef) ?? 1;
  if (step === 0) py.raise('ValueError', 'slice step cannot be zero');
  const clamp = (n: number | null, dflt: number): number => {
    if (n === null) return dflt;
    if (n < 0) n += len;
    return step > 0 ? Math.min(Math.max(n, 0), len) : Math.min(Math.max(n, -1), len - 1);
  };
  const start = clamp(bound(lo), step > 0 ? 0 : len - 1);
  const stop = clamp(bound(hi), step > 0 ? len : -1);
  const idx: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) idx.push(i);
  if (t === ids.str) return py.makeStrFromCodes(idx.map((i) => py.elem(o, i)));
  const items = t === ids.list ? py.listValues(o) : py.tupleItems(o);
  const picked = idx.map((i) => items[i]!);
  return t === ids.list ? py.makeList(picked) : py.makeTuple(picked);
}

/** `x in c`. */
export function contains(py: Py, c: number, x0: number): boolean {
  refuseDunder(py, c, '__contains__');
  let x = x0;
  const t = py.typeOf(c);
  const ids = py.t;
  if (t === ids.str) {
    if (py.typeOf(x) !== ids.str)
      py.raise('TypeError', `'in <string>' requires string as left operand, not ${typeName(py, x)}`);
    return py.readStr(c).includes(py.readStr(x));
  }
  if (t === ids.dict) return dictFind(py, c, x) >= 0;
  if (t === ids.set) return setContains(py, c, x);
  if (t === ids.view && py.word(c + 8) === 0) return dictFind(py, py.word(c + 4), x) >= 0;
  if (t === ids.range) {
    const n = asNum(py, x);
    if (!n) return false;
    const v = n.int !== undefined ? Number(n.int) : n.float!;
    const [start, stop, step] = [py.word(c + 4), py.word(c + 8), py.word(c + 12)];
    if (!Number.isInteger(v)) return false;
    const inside = step > 0 ? v >= start && v < stop : v <= start && v > stop;
    return inside && (v - start) % step === 0;
  }
  const hx = py.hold(x);
  const values = iterateValues(py, c);
  x = py.get(hx);
  for (const e of values) if (e === x || equals(py, e, x)) return true;
  return false;
}

/** The values of any iterable built-in, as a JS array (for host-side builtins); the refs
 *  are current until the next allocation. */
export function iterateValues(py: Py, o: number): number[] {
  const t = py.typeOf(o);
  const ids = py.t;
  if (t === ids.list) return py.listValues(o);
  if (t === ids.tuple) return py.tupleItems(o);
  if (t === ids.str) {
    const ho = py.hold(o);
    const out = py.holdAll(new Array<number>(py.length(o)).fill(NONE));
    for (let i = 0; i < out.length; i++) out[i] = py.makeStrFromCodes([py.elem(py.get(ho), i)]);
    return out;
  }
  if (t === ids.dict) return dictEntries(py, o).keys;
  if (t === ids.set) return setValues(py, o);
  if (t === ids.view) {
    const kind = py.word(o + 8);
    const { keys, values } = dictEntries(py, py.word(o + 4));
    if (kind !== 2) return kind === 0 ? keys : values;
    py.holdAll(keys);
    py.holdAll(values);
    const out = py.holdAll(new Array<number>(keys.length).fill(NONE));
    for (let i = 0; i < out.length; i++) out[i] = py.makeTuple([keys[i]!, values[i]!]);
    return out;
  }
  if (t === ids.iter) return drainIterator(py, o);
  if (t === ids.range) {
    const [start, stop, step] = [py.word(o + 4), py.word(o + 8), py.word(o + 12)];
    const out: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(py.smallInt(i));
    return out;
  }
  return py.raise('TypeError', `'${typeName(py, o)}' object is not iterable`);
}

/** iter(o): kinds 1 range, 2 list, 3 tuple run inline in @py.next; 4 a snapshot tuple. */
export function makeIter(py: Py, o: number): number {
  refuseDunder(py, o, '__iter__');
  const t = py.typeOf(o);
  const ids = py.t;
  if (t === ids.iter) return o;
  let kind = 4;
  let obj = py.hold(o);
  let pos = 0;
  let stop = 0;
  let step = 0;
  if (t === ids.range) {
    kind = 1;
    pos = py.word(o + 4);
    stop = py.word(o + 8);
    step = py.word(o + 12);
  } else if (t === ids.list) kind = 2;
  else if (t === ids.tuple) kind = 3;
  else obj = py.hold(py.makeTuple(iterateValues(py, o)));
  if (kind === 4) kind = 3;
  const it = py.allocStruct(ids.iter);
  py.setRef(it, 4, py.get(obj));
  py.setWord(it + 8, pos);
  py.setWord(it + 12, stop);
  py.setWord(it + 16, step);
  py.setWord(it + 20, kind);
  return it;
}

export function makeRange(py: Py, args: number[]): number {
  const nums = args.map((a) => {
    const n = asNum(py, a);
    if (!n || n.int === undefined)
      return py.raise('TypeError', `'${typeName(py, a)}' object cannot be interpreted as an integer`);
    if (n.int < -(2n ** 30n) || n.int >= 2n ** 30n)
      return py.raise('OverflowError', 'range() argument is too large for mini-Python');
    return Number(n.int);
  });
  if (nums.length === 0) py.raise('TypeError', 'range expected at least 1 argument, got 0');
  if (nums.length > 3) py.raise('TypeError', `range expected at most 3 arguments, got ${nums.length}`);
  const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  if (step === 0) py.raise('ValueError', 'range() arg 3 must not be zero');
  const r = py.allocStruct(py.t.range);
  py.setWord(r + 4, start);
  py.setWord(r + 8, stop);
  py.setWord(r + 12, step);
  return r;
}

/** The remaining values of an iterator (consuming it), as @py.next would give them. */
function drainIterator(py: Py, it: number): number[] {
  const obj = py.word(it + 4);
  const pos = py.word(it + 8);
  const kind = py.word(it + 20);
  // Compiled code drains generators before host builtins see them (@py.drain); one that
  // still gets here is consumed by an operation that would have to run guest code.
  if (kind === GENERATOR_KIND)
    return py.raise('TypeError', 'this operation cannot consume a generator in mini-Python (use list(...) first)');
  const out: number[] = [];
  if (kind === 1) {
    const stop = py.word(it + 12);
    const step = py.word(it + 16);
    let i = pos;
    for (; step > 0 ? i < stop : i > stop; i += step) out.push(py.smallInt(i));
    py.setWord(it + 8, i);
    return out;
  }
  if (kind === STDIN_KIND) {
    const lines = readAllLines();
    const out = py.holdAll(lines.map(() => NONE));
    for (let i = 0; i < lines.length; i++) out[i] = py.makeStr(lines[i]!);
    return out;
  }
  const items = kind === 2 ? py.listValues(obj) : py.tupleItems(obj);
  py.setWord(it + 8, Math.max(pos, items.length));
  return items.slice(pos);
}
