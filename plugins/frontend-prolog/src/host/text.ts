import { instantiationError, typeError } from './errors.ts';
import { formatFloat } from './format-float.ts';
import type { Heap } from './heap.ts';

/**
 * The text a term stands for where SWI-Prolog takes "text": an atom, a string, a number
 * (its digits), or a proper list of character codes or of one-character atoms (`[]` is the
 * empty text). Null for anything else; reads only, allocates nothing.
 */
export function textOfAny(h: Heap, t0: number): string | null {
  const t = h.deref(t0);
  if (t === h.atom('[]')) return '';
  return scalarText(h, t) ?? (h.kind(t) === 'str' ? listText(h, t) : null);
}

/** The text of an atom, string or number (its digits); undefined for anything else. */
function scalarText(h: Heap, t: number): string | undefined {
  switch (h.kind(t)) {
    case 'atom':
      return h.atomName(t);
    case 'text':
      return h.text(t);
    case 'int':
    case 'big':
      return h.integer(t).toString();
    case 'flt':
      return formatFloat(h.float(t));
    default:
      return undefined;
  }
}

/**
 * An atomic term's text, as the atom builtins take it (numbers give their digits): an
 * unbound term is an instantiation error; `[]` (SWI-7's reserved symbol, no atom) and a
 * compound are type errors of the kinds the builtin names (`nil`, `other`).
 */
export function atomicTextOrRaise(h: Heap, t0: number, kinds: { nil: string; other: string }): string {
  const t = h.deref(t0);
  if (t === h.atom('[]')) return typeError(h, kinds.nil, t);
  if (h.kind(t) === 'var') return instantiationError(h);
  return scalarText(h, t) ?? typeError(h, kinds.other, t);
}

/** A proper list of codes or of one-character atoms as text, else null. */
export function listText(h: Heap, t: number): string | null {
  const items = h.listItems(t);
  if (items === null) return null;
  let out = '';
  for (const x of items) {
    const c = h.deref(x);
    const k = h.kind(c);
    if (k === 'int' && c >> 1 >= 0 && c >> 1 <= 0x10ffff) out += String.fromCodePoint(c >> 1);
    else if (k === 'atom' && [...h.atomName(c)].length === 1) out += h.atomName(c);
    else return null;
  }
  return out;
}

/** textOfAny, or SWI's error: unbound (or a partial list) is an instantiation error, any
 *  other non-text `type_error(Type, T)`. */
export function textArg(h: Heap, t0: number, type = 'text'): string {
  const text = textOfAny(h, t0);
  if (text !== null) return text;
  const t = h.deref(t0);
  if (h.kind(t) === 'var' || isPartialList(h, t)) return instantiationError(h);
  return typeError(h, type, t);
}

function isPartialList(h: Heap, t0: number): boolean {
  let t = h.deref(t0);
  const cons = h.syms.id('[|]', 2);
  while (h.kind(t) === 'str' && h.functorOf(t) === cons) t = h.deref(h.arg(t, 2));
  return h.kind(t) === 'var';
}

/** The length of a text in characters (code points). */
export const textLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
