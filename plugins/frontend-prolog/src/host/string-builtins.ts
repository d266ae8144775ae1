import { num, numRead } from './arith.ts';
import type { Builtin } from './builtins.ts';
import { domainError, instantiationError, typeError } from './errors.ts';
import type { Desc, Heap } from './heap.ts';
import { parseNumber } from './number-text.ts';
import type { RunState } from './state.ts';
import { readTermFrom } from './term-text.ts';
import { textArg, textLength, textOfAny } from './text.ts';
import { formatTerm } from './writer.ts';
import { flagValue } from './flags.ts';
import type { DoubleQuotes } from '../reader/parser.ts';

type Args = (i: number) => number;

/**
 * The answer to goal g with argument i (from 1) given `value`, as SWI-Prolog unifies text:
 * an argument bound already to text (an atom, string, number or code list) is compared as
 * text, so `string_concat(a, b, ab)` holds; else the goal is rebuilt with the value there
 * and the runtime unifies it.
 */
function answerText(h: Heap, g: () => number, a: Args, i: number, text: string, as: 'atom' | 'string'): number {
  const t = h.deref(a(i));
  if (h.kind(t) !== 'var') {
    const have = textOfAny(h, t);
    if (have !== null) return have === text ? g() : 0;
  }
  return answer(h, g, a, i, as === 'atom' ? h.atom(text) : h.string(text));
}

function answer(h: Heap, g: () => number, a: Args, i: number, value: Desc): number {
  const goal = h.deref(g());
  const n = h.arity(goal);
  const args: Desc[] = [];
  for (let j = 1; j <= n; j++) args.push(j === i ? value : a(j));
  return h.build(h.str(h.syms.names[h.functorOf(goal)]!, ...args));
}

const isVar = (h: Heap, t: number): boolean => h.kind(h.deref(t)) === 'var';

/** string_chars/2 and string_codes/2: the string's characters, or the string of a list. */
function stringList(s: RunState, g: () => number, a: Args, as: 'chars' | 'codes'): number {
  const h = s.h;
  if (!isVar(h, a(1))) {
    const text = textArg(h, a(1));
    const given = h.deref(a(2));
    if (h.kind(given) === 'text') return h.text(given) === text ? g() : 0;
    const chars = [...text];
    return answer(
      h,
      g,
      a,
      2,
      h.list(chars.map((c) => (as === 'codes' ? h.int(BigInt(c.codePointAt(0)!)) : h.atom(c)))),
    );
  }
  const l = h.deref(a(2));
  const k = h.kind(l);
  if (k !== 'text' && k !== 'str' && k !== 'var' && l !== h.atom('[]')) return typeError(h, 'list', l);
  return answerText(h, g, a, 1, textArg(h, l, 'list'), 'string');
}

/** string_to_atom/2, atom_string/2: whichever side is bound gives the other. */
function convert(s: RunState, g: () => number, a: Args, from: number, to: number, as: 'atom' | 'string'): number {
  const h = s.h;
  if (!isVar(h, a(from))) return answerText(h, g, a, to, textArg(h, a(from)), as);
  if (isVar(h, a(to))) return instantiationError(h);
  return answerText(h, g, a, from, textArg(h, a(to)), as === 'atom' ? 'string' : 'atom');
}

/** `N` for an integer argument that may be unbound; SWI's errors otherwise. */
function optionalInt(h: Heap, t0: number): number | null {
  const t = h.deref(t0);
  const k = h.kind(t);
  if (k === 'var') return null;
  if (k !== 'int') return typeError(h, 'integer', t);
  return t >> 1;
}

/** split_string/4 as SWI-Prolog does it: the pad characters are stripped from both ends
 *  of the whole text, then each field is the text up to the next separator with the pad
 *  stripped from its ends (a field's leading pad is skipped before its separator is
 *  sought, so pad characters that are also separators merge). */
export function splitString(text: string, seps: string, pad: string): string[] {
  const cs = [...text];
  const isSep = new Set([...seps]);
  const isPad = new Set([...pad]);
  let start = 0;
  let end = cs.length;
  while (start < end && isPad.has(cs[start]!)) start++;
  while (end > start && isPad.has(cs[end - 1]!)) end--;
  const out: string[] = [];
  for (;;) {
    while (start < end && isPad.has(cs[start]!)) start++;
    let stop = start;
    while (stop < end && !isSep.has(cs[stop]!)) stop++;
    let last = stop;
    while (last > start && isPad.has(cs[last - 1]!)) last--;
    out.push(cs.slice(start, last).join(''));
    if (stop >= end) return out;
    start = stop + 1;
  }
}

function doubleQuotes(s: RunState): DoubleQuotes {
  return (flagValue(s, 'double_quotes') ?? 'codes') as DoubleQuotes;
}

/** term_to_atom/2, term_string/2: write the term quoted, or read it from the text. */
function termText(s: RunState, g: () => number, a: Args, as: 'atom' | 'string'): number {
  const h = s.h;
  if (!isVar(h, a(2))) {
    const text = textArg(h, a(2));
    const read = readTermFrom(h, s.info.ops, text, doubleQuotes(s), (at) =>
      h.str('string', h.string(`${text} . `), h.int(BigInt(at))),
    );
    return answer(h, g, a, 1, read.desc);
  }
  if (isVar(h, a(1)) && as === 'atom') return instantiationError(h);
  const text = formatTerm(h, s.info.ops, a(1), { quoted: true, ignoreOps: false });
  return answerText(h, g, a, 2, text, as);
}

function caseMap(s: RunState, g: () => number, a: Args, upper: boolean): number {
  const text = textArg(s.h, a(1));
  return answerText(s.h, g, a, 2, upper ? text.toUpperCase() : text.toLowerCase(), 'string');
}

/** The SWI-7 string builtins done by the host; those that enumerate (string_concat/3 and
 *  sub_string/5 with unbound parts, string_code/3 with an unbound index) are library
 *  Prolog over these. */
export const STRING_BUILTINS = {
  '$string_concat/3': (s, g, a) => answerText(s.h, g, a, 3, textArg(s.h, a(1)) + textArg(s.h, a(2)), 'string'),
  'string_chars/2': (s, g, a) => stringList(s, g, a, 'chars'),
  'string_codes/2': (s, g, a) => stringList(s, g, a, 'codes'),
  'string_to_atom/2': (s, g, a) => convert(s, g, a, 1, 2, 'atom'),
  'atom_string/2': (s, g, a) => convert(s, g, a, 1, 2, 'string'),
  'text_to_string/2': (s, g, a) => {
    const h = s.h;
    if (isVar(h, a(1))) return answerText(h, g, a, 1, textArg(h, a(2)), 'atom');
    return answerText(h, g, a, 2, textArg(h, a(1)), 'string');
  },
  'string_length/2': (s, g, a) => {
    const h = s.h;
    // A bigint length is an integer no text has: the unification fails, as in SWI.
    if (h.kind(h.deref(a(2))) !== 'big') optionalInt(h, a(2));
    return answer(h, g, a, 2, h.int(BigInt(textLength(textArg(h, a(1))))));
  },
  'string_lower/2': (s, g, a) => caseMap(s, g, a, false),
  'string_upper/2': (s, g, a) => caseMap(s, g, a, true),
  'number_string/2': (s, g, a) => {
    const h = s.h;
    if (!isVar(h, a(2))) {
      // The text is a string or a code or char list: SWI takes no atom or number here.
      const t = h.deref(a(2));
      const list = (h.kind(t) === 'str' && h.functorOf(t) === h.syms.id('[|]', 2)) || t === h.atom('[]');
      if (h.kind(t) !== 'text' && !list) return typeError(h, 'list', t);
      const n = parseNumber(textArg(h, a(2)), false);
      return n === null ? 0 : answer(h, g, a, 1, numRead(h, n));
    }
    const n = h.deref(a(1));
    if (h.kind(n) === 'var') return instantiationError(h);
    if (!h.isNumber(n)) return typeError(h, 'number', n);
    return answerText(h, g, a, 2, textArg(h, n), 'string');
  },
  '$string_code/3': (s, g, a) => {
    // string_code(+Index, +Text, -Code); the library enumerates an unbound index.
    const h = s.h;
    const i = h.deref(a(1));
    if (h.kind(i) === 'var') return instantiationError(h);
    if (h.kind(i) !== 'int') return typeError(h, 'integer', i);
    if (i >> 1 < 0) return domainError(h, 'not_less_than_zero', i);
    const chars = [...textArg(h, a(2))];
    const c = chars[(i >> 1) - 1];
    if (c === undefined) return 0;
    return answer(h, g, a, 3, h.int(BigInt(c.codePointAt(0)!)));
  },
  'split_string/4': (s, g, a) => {
    const h = s.h;
    const parts = splitString(textArg(h, a(1)), textArg(h, a(2)), textArg(h, a(3)));
    return answer(h, g, a, 4, h.list(parts.map((p) => h.string(p))));
  },
  'term_to_atom/2': (s, g, a) => termText(s, g, a, 'atom'),
  'term_string/2': (s, g, a) => termText(s, g, a, 'string'),
  'atom_to_term/3': (s, g, a) => {
    const h = s.h;
    const text = textArg(h, a(1));
    const read = readTermFrom(h, s.info.ops, text, doubleQuotes(s), (at) =>
      h.str('string', h.string(`${text} . `), h.int(BigInt(at))),
    );
    const bindings = h.list(read.names.map(([n, v]) => h.str('=', h.atom(n), v)));
    return h.build(h.str('atom_to_term', a(1), read.desc, bindings));
  },
  '$sub_slice/5': (s, g, a) => {
    // sub_atom/5 and sub_string/5's slice (arguments checked and bound by the library
    // Prolog around it): '$sub_slice'(Kind, Text, Before, Length, Sub).
    const h = s.h;
    const as = h.atomName(h.deref(a(1))) === 'atom' ? 'atom' : 'string';
    const chars = [...textArg(h, a(2))];
    const b = h.deref(a(3)) >> 1;
    const n = h.deref(a(4)) >> 1;
    return answerText(h, g, a, 5, chars.slice(b, b + n).join(''), as);
  },
} satisfies Record<string, Builtin>;
