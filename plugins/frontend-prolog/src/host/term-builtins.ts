import type { Builtin } from './builtins.ts';
import { domainError, instantiationError, typeError } from './errors.ts';
import { atomicTextOrRaise } from './text.ts';
import type { Heap } from './heap.ts';
import { compareTerms } from './term-ops.ts';

/** The variables of a term, each once, depth-first and left to right (term_variables/2). */
export function termVariables(h: Heap, t0: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const stack = [t0];
  while (stack.length > 0) {
    const t = h.deref(stack.pop()!);
    const k = h.kind(t);
    if (k === 'var') {
      if (!seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    } else if (k === 'str') for (let i = h.arity(t); i >= 1; i--) stack.push(h.arg(t, i));
  }
  return out;
}

/** Whether two terms are variants: equal up to a one-to-one renaming of their variables. */
export function isVariant(h: Heap, a0: number, b0: number): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  const stack = [a0, b0];
  while (stack.length > 0) {
    const b = h.deref(stack.pop()!);
    const a = h.deref(stack.pop()!);
    const ka = h.kind(a);
    const kb = h.kind(b);
    if (ka === 'var' || kb === 'var') {
      if (ka !== kb) return false;
      const x = ab.get(a);
      const y = ba.get(b);
      if (x === undefined && y === undefined) {
        ab.set(a, b);
        ba.set(b, a);
      } else if (x !== b || y !== a) return false;
      continue;
    }
    if (ka === 'str' && kb === 'str') {
      if (h.functorOf(a) !== h.functorOf(b) || h.arity(a) !== h.arity(b)) return false;
      for (let i = h.arity(a); i >= 1; i--) stack.push(h.arg(a, i), h.arg(b, i));
      continue;
    }
    if (compareTerms(h, a, b) !== 0) return false;
  }
  return true;
}

/** A proper list's items; a partial list is an instantiation error, anything else a type error. */
export function listArg(h: Heap, l: number): number[] {
  const items = h.listItems(l);
  if (items !== null) return items;
  let x = h.deref(l);
  while (h.kind(x) === 'str' && h.syms.names[h.functorOf(x)] === '[|]' && h.arity(x) === 2) x = h.deref(h.arg(x, 2));
  return h.kind(x) === 'var' ? instantiationError(h) : typeError(h, 'list', h.deref(l));
}

function sortKey(h: Heap, t0: number, key: number): number {
  if (key === 0) return t0;
  const t = h.deref(t0);
  if (h.kind(t) === 'var') return instantiationError(h);
  if (h.kind(t) !== 'str') return typeError(h, 'compound', t);
  if (h.arity(t) < key) return typeError(h, 'compound', t); // SWI: too few arguments for the key
  return h.arg(t, key);
}

const ORDERS = new Set(['@<', '@>', '@=<', '@>=']);

/** Builtins over terms and lists: term_variables/2, variants, keysort/2 and sort/4. */
export const TERM_BUILTINS = {
  'term_variables/2': (s, g, a) => s.h.build(s.h.str('term_variables', a(1), s.h.list(termVariables(s.h, a(1))))),
  '=@=/2': (s, g, a) => (isVariant(s.h, a(1), a(2)) ? g() : 0),
  '\\=@=/2': (s, g, a) => (isVariant(s.h, a(1), a(2)) ? 0 : g()),
  'keysort/2': (s, g, a) => {
    const h = s.h;
    const items = listArg(h, a(1));
    const keys = items.map((p0) => {
      const p = h.deref(p0);
      if (h.kind(p) === 'var') return instantiationError(h);
      if (h.kind(p) !== 'str' || h.syms.names[h.functorOf(p)] !== '-' || h.arity(p) !== 2) typeError(h, 'pair', p);
      return h.arg(p, 1);
    });
    const order = items.map((_, i) => i).sort((x, y) => compareTerms(h, keys[x]!, keys[y]!) || x - y);
    return h.build(h.str('keysort', a(1), h.list(order.map((i) => items[i]!))));
  },
  'sort/4': (s, g, a) => {
    const h = s.h;
    const k = h.deref(a(1));
    const o = h.deref(a(2));
    if (h.kind(k) === 'var' || h.kind(o) === 'var') instantiationError(h);
    if (h.kind(k) !== 'int') typeError(h, 'integer', k);
    if (k >> 1 < 0) domainError(h, 'not_less_than_zero', k);
    if (h.kind(o) !== 'atom') typeError(h, 'atom', o);
    const ord = h.atomName(o);
    if (!ORDERS.has(ord)) domainError(h, 'order', o);
    const items = listArg(h, a(3));
    const keys = items.map((t) => sortKey(h, t, k >> 1));
    const sign = ord === '@<' || ord === '@=<' ? 1 : -1;
    const idx = items.map((_, i) => i).sort((x, y) => sign * compareTerms(h, keys[x]!, keys[y]!) || x - y);
    const dedupe = ord === '@<' || ord === '@>';
    const kept = dedupe ? idx.filter((x, j) => j === 0 || compareTerms(h, keys[idx[j - 1]!]!, keys[x]!) !== 0) : idx;
    return h.build(h.str('sort', k, o, a(3), h.list(kept.map((i) => items[i]!))));
  },
  'atomic_list_concat/3': (s, g, a) => {
    const h = s.h;
    const sep = h.deref(a(2));
    if (h.kind(sep) === 'var') instantiationError(h);
    const sepText = atomicText(h, sep);
    const items = h.listItems(a(1));
    if (items !== null && items.every((x) => h.kind(h.deref(x)) !== 'var')) {
      const text = items.map((x) => atomicText(h, x)).join(sepText);
      return h.build(h.str('atomic_list_concat', a(1), sep, h.atom(text)));
    }
    const whole = h.deref(a(3));
    if (h.kind(whole) === 'var') return instantiationError(h);
    if (sepText === '') return domainError(h, 'non_empty_atom', sep);
    const parts = atomicText(h, whole).split(sepText);
    return h.build(h.str('atomic_list_concat', h.list(parts.map((p) => h.atom(p))), sep, whole));
  },
} satisfies Record<string, Builtin>;

/** An atomic term's text (atom_length/2's view: numbers give their digits). */
export function atomicText(h: Heap, t0: number): string {
  return atomicTextOrRaise(h, t0, { nil: 'text', other: 'atomic' });
}
