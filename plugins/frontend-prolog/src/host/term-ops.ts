import { compareNum, readNum } from './arith.ts';
import type { Desc, Heap } from './heap.ts';
import * as L from './layout.ts';

/** SWI-Prolog 9 puts strings before atoms (its manual says after; `swipl` is the oracle). */
const ORDER = { var: 0, flt: 1, int: 1, big: 1, text: 2, atom: 3, str: 4, other: 5 } as const;

/** Standard order of terms; an explicit stack of pairs, no host recursion. */
export function compareTerms(h: Heap, a0: number, b0: number): number {
  const stack: number[] = [a0, b0];
  while (stack.length > 0) {
    const b = h.deref(stack.pop()!),
      a = h.deref(stack.pop()!);
    if (a === b) continue;
    const ka = h.kind(a),
      kb = h.kind(b);
    const oa = ORDER[ka],
      ob = ORDER[kb];
    if (oa !== ob) return oa < ob ? -1 : 1;
    let c = 0;
    switch (ka) {
      case 'var':
        c = Math.sign(h.serial(a) - h.serial(b));
        break;
      case 'int':
      case 'big':
      case 'flt': {
        c = compareNum(readNum(h, a)!, readNum(h, b)!);
        if (c === 0 && (ka === 'flt') !== (kb === 'flt')) c = ka === 'flt' ? -1 : 1;
        break;
      }
      case 'atom': {
        // SWI-7's [] is no atom: it sorts before every atom ('' included).
        const nil = h.atom('[]');
        c = a === nil ? -1 : b === nil ? 1 : compareCodePoints(h.atomName(a), h.atomName(b));
        break;
      }
      case 'text':
        c = compareCodePoints(h.text(a), h.text(b));
        break;
      case 'str': {
        const na = h.arity(a),
          nb = h.arity(b);
        if (na !== nb) return na < nb ? -1 : 1;
        const x = h.syms.names[h.functorOf(a)]!,
          y = h.syms.names[h.functorOf(b)]!;
        if (x !== y) return x < y ? -1 : 1;
        for (let i = na; i >= 1; i--) stack.push(h.arg(a, i), h.arg(b, i));
        continue;
      }
      default:
        c = Math.sign(a - b);
    }
    if (c !== 0) return c;
  }
  return 0;
}

/** Orders texts by code point, as SWI-Prolog does (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i),
      b = y.charCodeAt(i);
    if (a === b) continue;
    // Surrogates (astral code points) sort after every other UTF-16 unit.
    const sa = a >= 0xd800 && a <= 0xdfff,
      sb = b >= 0xd800 && b <= 0xdfff;
    if (sa !== sb) return sa ? 1 : -1;
    return a < b ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

/**
 * Describes a copy of a term with fresh variables (copy_term, findall results, thrown
 * balls, clause renaming): `h.build(copyOf(h, t))` makes it. Floats and bigints are shared,
 * not copied. An explicit stack, no host recursion; reading allocates nothing, so the
 * source's refs stay put while the description is made.
 */
export function copyOf(h: Heap, t: number): Desc {
  const vars = new Map<number, Desc>();
  const root: Desc[] = [0];
  // (source term, the args array its copy goes in, index there)
  const srcs: number[] = [t];
  const into: Desc[][] = [root];
  const at: number[] = [0];
  while (srcs.length > 0) {
    const s = h.deref(srcs.pop()!);
    const parent = into.pop()!,
      i = at.pop()!;
    switch (h.kind(s)) {
      case 'var': {
        let nv = vars.get(s);
        if (nv === undefined) {
          nv = h.fresh();
          vars.set(s, nv);
        }
        parent[i] = nv;
        break;
      }
      case 'str': {
        const n = h.arity(s);
        const args = new Array<Desc>(n);
        parent[i] = { k: 'str', functor: h.w(s + L.ARR_ELEMS), args };
        for (let j = n - 1; j >= 0; j--) srcs.push(h.arg(s, j + 1)), into.push(args), at.push(j);
        break;
      }
      default:
        parent[i] = s;
    }
  }
  return root[0]!;
}

/** Whether a and b would unify (no bindings made; variables are bound in a host map). */
export function unifiable(h: Heap, a0: number, b0: number): boolean {
  const bound = new Map<number, number>();
  const walk = (t: number): number => {
    for (;;) {
      t = h.deref(t);
      const b = bound.get(t);
      if (b === undefined) return t;
      t = b;
    }
  };
  const stack = [a0, b0];
  while (stack.length > 0) {
    const b = walk(stack.pop()!),
      a = walk(stack.pop()!);
    if (a === b) continue;
    const ka = h.kind(a),
      kb = h.kind(b);
    if (ka === 'var') {
      bound.set(a, b);
      continue;
    }
    if (kb === 'var') {
      bound.set(b, a);
      continue;
    }
    if (ka !== kb) return false;
    if (ka === 'str') {
      if (h.w(a + L.ARR_ELEMS) !== h.w(b + L.ARR_ELEMS)) return false;
      for (let i = 1; i <= h.arity(a); i++) stack.push(h.arg(a, i), h.arg(b, i));
      continue;
    }
    if (compareTerms(h, a, b) !== 0) return false;
  }
  return true;
}
