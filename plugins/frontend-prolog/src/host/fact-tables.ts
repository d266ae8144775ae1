import { SMALL_INT_MAX, SMALL_INT_MIN } from '#framework';
import type { FactTableSource } from '../compiler/fact-table.ts';
import type { Term } from '../reader/terms.ts';
import type { Heap } from './heap.ts';
import * as L from './layout.ts';
import type { RunState } from './state.ts';

/** The global holding every fact table built so far (core.jir's @facts). */
const FACTS_GLOBAL = 'facts';

/**
 * Lays out fact table `t` in guest memory (core.jir's :refs of one :fidx per argument) and
 * returns it: the fact heads as terms, and the index of the first argument. Everything is
 * reachable from @facts (a GC root) as soon as it is allocated; the host scope holds only
 * the term being built.
 */
export function buildFactTable(s: RunState, t: number): number {
  const h = s.h;
  const src = s.info.factTables[t]!;
  const heap = h.ctx.heap;
  const global = h.ctx.globals.get(FACTS_GLOBAL)!;
  let all = h.w(global);
  if (all === 0) {
    all = heap.allocArray(L.T_REFS, s.info.factTables.length);
    h.setW(global, all);
  }
  const tab = heap.allocArray(L.T_REFS, src.arity);
  h.setW(all + L.ARR_ELEMS + 4 * t, tab);
  const n = src.heads.length;
  const terms = heap.allocArray(L.T_REFS, n);
  const first = newIndex(h, tab, 1, terms);
  const base = h.scope.length;
  for (let i = 0; i < n; i++) {
    h.setW(terms + L.ARR_ELEMS + 4 * i, groundTerm(h, src.heads[i]!));
    h.scope.length = base;
  }
  fillIndex(h, first, src, 1);
  return tab;
}

/** Builds the index of argument `arg` (from 1) of fact table `t`, built already. */
export function buildFactIndex(s: RunState, t: number, arg: number): number {
  const h = s.h;
  const tab = h.w(h.w(h.ctx.globals.get(FACTS_GLOBAL)!) + L.ARR_ELEMS + 4 * t);
  const terms = h.w(h.w(tab + L.ARR_ELEMS) + L.FIDX_TERMS);
  const ix = newIndex(h, tab, arg, terms);
  fillIndex(h, ix, s.info.factTables[t]!, arg);
  return ix;
}

/** A new, empty :fidx for argument `arg`, stored in the table at once. */
function newIndex(h: Heap, tab: number, arg: number, terms: number): number {
  const ix = h.ctx.heap.allocStruct(L.T_FIDX);
  h.setW(tab + L.ARR_ELEMS + 4 * (arg - 1), ix);
  h.setW(ix + L.FIDX_TERMS, terms);
  return ix;
}

/** The key chains of argument `arg`, in clause order, and the hashed keys. */
function fillIndex(h: Heap, ix: number, src: FactTableSource, arg: number): void {
  const heap = h.ctx.heap;
  const n = src.heads.length;
  const next = heap.allocArray(L.T_INTS, n);
  h.setW(ix + L.FIDX_NEXT, next);
  const firstOf = new Map<number, number>();
  const lastOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = factKey(h, (src.heads[i] as Extract<Term, { k: 'str' }>).args[arg - 1]!);
    const last = lastOf.get(k);
    if (last === undefined) firstOf.set(k, i);
    else h.setW(next + L.ARR_ELEMS + 4 * last, i);
    lastOf.set(k, i);
    h.setW(next + L.ARR_ELEMS + 4 * i, -1);
  }
  h.setW(ix + L.FIDX_OTHER, firstOf.get(0) ?? -1);
  firstOf.delete(0);
  let cap = 2;
  while (cap < 2 * firstOf.size) cap *= 2;
  const mask = cap - 1;
  const keys = heap.allocArray(L.T_INTS, cap);
  h.setW(ix + L.FIDX_KEYS, keys);
  const firsts = heap.allocArray(L.T_INTS, cap);
  h.setW(ix + L.FIDX_FIRSTS, firsts);
  h.setW(ix + L.FIDX_MASK, mask);
  for (const [k, first] of firstOf) {
    let b = keySlot(k) & mask;
    while (h.w(keys + L.ARR_ELEMS + 4 * b) !== 0) b = (b + 1) & mask;
    h.setW(keys + L.ARR_ELEMS + 4 * b, k);
    h.setW(firsts + L.ARR_ELEMS + 4 * b, first);
  }
}

/** The hash core.jir's @fact$call computes (multiplicative, upper half). */
function keySlot(key: number): number {
  return Math.imul(key, 0x9e3779b1 | 0) >>> 16;
}

/** An argument's key: the bits of an atom or small integer, the functor bits of a
 *  compound, 0 for anything else (floats and bigints are matched by unification). */
function factKey(h: Heap, a: Term): number {
  switch (a.k) {
    case 'atom':
      return h.syms.imm(a.name, 0);
    case 'int':
      return a.v >= BigInt(SMALL_INT_MIN) && a.v <= BigInt(SMALL_INT_MAX) ? ((Number(a.v) << 1) | 1) | 0 : 0;
    case 'str':
      return h.syms.imm(a.name, a.args.length);
    default:
      return 0;
  }
}

/** A ground source term built on the heap, inner terms first (explicit stack). */
function groundTerm(h: Heap, t: Term): number {
  if (t.k !== 'str') return atomic(h, t);
  const stack: { t: Extract<Term, { k: 'str' }>; args: number[] }[] = [{ t, args: [] }];
  for (;;) {
    const top = stack[stack.length - 1]!;
    const i = top.args.length;
    if (i < top.t.args.length) {
      const a = top.t.args[i]!;
      if (a.k === 'str') stack.push({ t: a, args: [] });
      else top.args.push(atomic(h, a));
      continue;
    }
    stack.pop();
    const built = h.newStr(top.t.name, top.args);
    if (stack.length === 0) return built;
    stack[stack.length - 1]!.args.push(built);
  }
}

function atomic(h: Heap, t: Exclude<Term, { k: 'str' }>): number {
  switch (t.k) {
    case 'atom':
      return h.atom(t.name);
    case 'int':
      return h.newInt(t.v);
    case 'flt':
      return h.newFloat(t.v);
    case 'var':
      throw new Error('a fact table holds a variable');
  }
}
