import type { FactTableSource } from '../compiler/fact-table.ts';
import { ENC_BIG, ENC_FLT, ENC_IMM, ENC_STR } from '../compiler/fact-encoding.ts';
import type { Heap } from './heap.ts';
import * as L from './layout.ts';
import type { RunState } from './state.ts';

/** The global holding every fact table built so far (core.jir's @facts). */
const FACTS_GLOBAL = 'facts';

/**
 * Where fact table `t`'s objects are, read from @facts each time: a collection may move
 * them at any allocation, so none is kept in a local across one.
 */
class TablePath {
  constructor(
    private readonly h: Heap,
    private readonly global: number,
    private readonly t: number,
  ) {}
  /** The :refs of every fact table (@facts). */
  all(): number {
    return this.h.w(this.global);
  }
  /** This table's :refs of one :fidx per argument. */
  table(): number {
    return this.h.w(this.all() + L.ARR_ELEMS + 4 * this.t);
  }
  /** The :fidx of argument `arg` (from 1). */
  index(arg: number): number {
    return this.h.w(this.table() + L.ARR_ELEMS + 4 * (arg - 1));
  }
  /** The fact heads, held by the first argument's index. */
  terms(): number {
    return this.h.w(this.index(1) + L.FIDX_TERMS);
  }
}

/**
 * Lays out fact table `t` in guest memory (core.jir's :refs of one :fidx per argument) and
 * returns it: the fact heads as terms, and the index of the first argument. Everything is
 * reachable from @facts (a GC root) as soon as it is allocated.
 */
export function buildFactTable(s: RunState, t: number): number {
  const h = s.h;
  const src = s.info.factTables[t]!;
  const heap = h.ctx.heap;
  const global = h.ctx.globals.get(FACTS_GLOBAL)!;
  if (h.w(global) === 0) h.setW(global, heap.allocArray(L.T_REFS, s.info.factTables.length));
  const path = new TablePath(h, global, t);
  const tab = heap.allocArray(L.T_REFS, src.arity);
  h.setRef(path.all(), L.ARR_ELEMS + 4 * t, tab);
  newIndex(h, path, 1);
  const terms = heap.allocArray(L.T_REFS, src.count);
  h.setRef(path.index(1), L.FIDX_TERMS, terms);
  const functor = h.syms.imm(src.name, src.arity);
  for (let i = 0; i < src.count; i++) storeFact(h, src, i, functor, path);
  fillIndex(h, path, src, 1);
  return path.table();
}

/** Builds the index of argument `arg` (from 1) of fact table `t`, built already. */
export function buildFactIndex(s: RunState, t: number, arg: number): number {
  const h = s.h;
  const path = new TablePath(h, h.ctx.globals.get(FACTS_GLOBAL)!, t);
  newIndex(h, path, arg);
  h.setRef(path.index(arg), L.FIDX_TERMS, path.terms());
  fillIndex(h, path, s.info.factTables[t]!, arg);
  return path.index(arg);
}

/** A new :fidx for argument `arg`, stored in the table at once: what is allocated after it
 *  is rooted through it. */
function newIndex(h: Heap, path: TablePath, arg: number): void {
  const ix = h.ctx.heap.allocStruct(L.T_FIDX);
  h.setRef(path.table(), L.ARR_ELEMS + 4 * (arg - 1), ix);
}

/** The key chains of argument `arg`, in clause order, and the hashed keys: built in host
 *  typed arrays (the hash table sized for every fact having its own key) and copied into
 *  guest arrays, the key array then sized for the keys there are. */
function fillIndex(h: Heap, path: TablePath, src: FactTableSource, arg: number): void {
  const heap = h.ctx.heap;
  const n = src.count;
  let cap = 2;
  while (cap < 2 * n) cap *= 2;
  let mask = cap - 1;
  let slotKeys = new Int32Array(cap);
  let slotFirst = new Int32Array(cap);
  const slotLast = new Int32Array(cap);
  const next = new Int32Array(n).fill(-1);
  let other = -1,
    otherLast = -1,
    distinct = 0;
  for (let i = 0; i < n; i++) {
    const k = argKey(src, i, arg);
    if (k === 0) {
      if (otherLast < 0) other = i;
      else next[otherLast] = i;
      otherLast = i;
      continue;
    }
    let b = keySlot(k) & mask;
    while (slotKeys[b] !== 0 && slotKeys[b] !== k) b = (b + 1) & mask;
    if (slotKeys[b] === 0) {
      slotKeys[b] = k;
      slotFirst[b] = i;
      distinct++;
    } else next[slotLast[b]!] = i;
    slotLast[b] = i;
  }
  // Rehash into the smallest table at most half full.
  let small = 2;
  while (small < 2 * distinct) small *= 2;
  if (small < cap) {
    const keys2 = new Int32Array(small),
      first2 = new Int32Array(small);
    for (let b = 0; b < cap; b++) {
      const k = slotKeys[b]!;
      if (k === 0) continue;
      let c = keySlot(k) & (small - 1);
      while (keys2[c] !== 0) c = (c + 1) & (small - 1);
      keys2[c] = k;
      first2[c] = slotFirst[b]!;
    }
    slotKeys = keys2;
    slotFirst = first2;
    cap = small;
    mask = small - 1;
  }
  const m = h.ctx.memory;
  const copy = (data: Int32Array, field: number): void => {
    const a = heap.allocArray(L.T_INTS, data.length);
    m.i32.set(data, (a + L.ARR_ELEMS - m.base) >> 2);
    h.setRef(path.index(arg), field, a);
  };
  copy(next, L.FIDX_NEXT);
  copy(slotKeys, L.FIDX_KEYS);
  copy(slotFirst, L.FIDX_FIRSTS);
  const ix = path.index(arg);
  h.setW(ix + L.FIDX_MASK, mask);
  h.setW(ix + L.FIDX_OTHER, other);
}

/** The hash core.jir's @fact$call computes: multiplicative, the upper half folded into
 *  the lower bits that the mask keeps. */
function keySlot(key: number): number {
  const m = Math.imul(key, 0x9e3779b1 | 0);
  return m ^ (m >>> 16);
}

/** Argument `arg` (from 1) of fact i as a key: the bits of an atom or small integer, the
 *  functor bits of a compound, 0 for anything else (floats and bigints are matched by
 *  unification). */
function argKey(src: FactTableSource, i: number, arg: number): number {
  let at = src.start(i);
  for (let a = 1; a < arg; a++) at = src.skip(at);
  const tag = src.words[at]!,
    v = src.words[at + 1]!;
  if (tag === ENC_IMM) return v;
  if (tag === ENC_STR) return (v << 2) | 2;
  return 0;
}

/**
 * Builds fact i into element i of the table's terms: each object is stored in its parent as
 * soon as it exists, so nothing built is ever unreachable. The encoding is in prefix order,
 * so a stack of (handle of an open compound, argument slots filled) places each node; the
 * handles are popped with the stack.
 */
function storeFact(h: Heap, src: FactTableSource, i: number, functor: number, path: TablePath): void {
  const heap = h.ctx.heap;
  const handles = h.ctx.handles;
  const words = src.words;
  const head = heap.allocArray(L.T_STR, src.arity + 1);
  h.setW(head + L.ARR_ELEMS, functor);
  h.setRef(path.terms(), L.ARR_ELEMS + 4 * i, head);
  const open: number[] = [handles.hold(head), 0];
  let at = src.start(i);
  while (open.length > 0) {
    const top = open.length - 2;
    const into = open[top]!,
      filled = open[top + 1]!;
    if (filled === h.arity(handles.get(into))) {
      open.length = top;
      handles.release(into);
      continue;
    }
    open[top + 1] = filled + 1;
    const tag = words[at]!,
      v = words[at + 1]!;
    at += 2;
    let x: number;
    if (tag === ENC_STR) {
      x = heap.allocArray(L.T_STR, h.syms.arities[v]! + 1);
      h.setW(x + L.ARR_ELEMS, (v << 2) | 2);
      h.setRef(handles.get(into), L.ARR_ELEMS + 4 * (filled + 1), x);
      open.push(handles.hold(x), 0);
      continue;
    }
    if (tag === ENC_IMM) x = v;
    else
      x = h.build(
        tag === ENC_BIG ? h.int(src.bigs[v]!) : tag === ENC_FLT ? h.flt(src.floats[v]!) : h.string(src.texts[v]!),
      );
    h.setRef(handles.get(into), L.ARR_ELEMS + 4 * (filled + 1), x);
  }
}
