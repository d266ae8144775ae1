import { binary, compareNum, evalTerm, num, numRead, readNum } from './arith.ts';
import { abolish, assertClause, eraseClause, ensureDynamic } from './database.ts';
import { domainError, instantiationError, representationError, typeError, raise } from './errors.ts';
import type { Heap } from './heap.ts';
import type { RunState } from './state.ts';
import { compareTerms, copyOf } from './term-ops.ts';
import { formatTerm } from './writer.ts';
import { atomicTextOrRaise } from './text.ts';
import { parseNumber } from './number-text.ts';
import { STRING_BUILTINS } from './string-builtins.ts';
import { READ_BUILTINS } from './read-builtins.ts';
import { charArg, IO_BUILTINS, spaces } from './io-builtins.ts';
import { listArg, TERM_BUILTINS } from './term-builtins.ts';
import { FLAG_BUILTINS } from './flags.ts';
import { emit } from './output.ts';
import type { OpType } from '../reader/operators.ts';
import type { HostBuiltinName } from '../protocol/host-protocol.ts';

const OP_TYPES = new Set(['xfx', 'xfy', 'yfx', 'fy', 'fx', 'xf', 'yf']);

/** Thrown by halt/0,1 and at the end of a run: stops the guest and carries the exit status. */
export class PrologHalt extends Error {
  constructor(readonly code: number) {
    super(`halt(${code})`);
    this.name = 'PrologHalt';
  }
}

/** `g()` is the goal, `a(i)` its argument i: read again after an allocation, never kept. */
export type Builtin = (s: RunState, g: () => number, a: (i: number) => number) => number;

/** Deterministic builtins run by the host: each returns the goal (success), 0 (failure)
 *  or an answer term the runtime unifies with the goal. */
export const HOST_BUILTINS: Record<HostBuiltinName, Builtin> = {
  ...IO_BUILTINS,
  ...TERM_BUILTINS,
  ...FLAG_BUILTINS,
  ...STRING_BUILTINS,
  ...READ_BUILTINS,
  'write/1': (s, g, a) =>
    out(s, g, formatTerm(s.h, s.info.ops, a(1), { quoted: false, ignoreOps: false, numberVars: true })),
  'print/1': (s, g, a) =>
    out(s, g, formatTerm(s.h, s.info.ops, a(1), { quoted: true, ignoreOps: false, numberVars: true })),
  'writeq/1': (s, g, a) =>
    out(s, g, formatTerm(s.h, s.info.ops, a(1), { quoted: true, ignoreOps: false, numberVars: true })),
  'write_canonical/1': (s, g, a) => out(s, g, formatTerm(s.h, s.info.ops, a(1), { quoted: true, ignoreOps: true })),
  'write_term/2': (s, g, a) =>
    out(
      s,
      g,
      formatTerm(s.h, s.info.ops, a(1), {
        quoted: hasOption(s.h, a(2), 'quoted'),
        ignoreOps: hasOption(s.h, a(2), 'ignore_ops'),
        numberVars: hasOption(s.h, a(2), 'numbervars'),
      }),
    ),
  'nl/0': (s, g) => out(s, g, '\n'),
  'tab/1': (s, g, a) => out(s, g, spaces(s.h, a(1))),
  'put_char/1': (s, g, a) => out(s, g, charArg(s.h, a(1))),
  'halt/0': (s) => halt(s, 0),
  'halt/1': (s, g, a) => halt(s, Number(intArg(s.h, a(1)))),
  '==/2': (s, g, a) => (compareTerms(s.h, a(1), a(2)) === 0 ? g() : 0),
  '\\==/2': (s, g, a) => (compareTerms(s.h, a(1), a(2)) !== 0 ? g() : 0),
  '@</2': (s, g, a) => (compareTerms(s.h, a(1), a(2)) < 0 ? g() : 0),
  '@>/2': (s, g, a) => (compareTerms(s.h, a(1), a(2)) > 0 ? g() : 0),
  '@=</2': (s, g, a) => (compareTerms(s.h, a(1), a(2)) <= 0 ? g() : 0),
  '@>=/2': (s, g, a) => (compareTerms(s.h, a(1), a(2)) >= 0 ? g() : 0),
  'compare/3': (s, g, a) => {
    const h = s.h;
    const order = h.deref(a(1));
    if (h.kind(order) !== 'var') {
      if (h.kind(order) !== 'atom') typeError(h, 'atom', order);
      if (!['<', '=', '>'].includes(h.atomName(order))) domainError(h, 'order', order);
    }
    const c = compareTerms(s.h, a(2), a(3));
    return s.h.build(s.h.str('compare', s.h.atom(c < 0 ? '<' : c > 0 ? '>' : '='), a(2), a(3)));
  },
  'functor/3': functor,
  // arg/3 itself is library Prolog (it enumerates when N is unbound) over this.
  '$arg/3': (s, g, a) => {
    const h = s.h;
    const n = h.deref(a(1)),
      t = h.deref(a(2));
    if (h.kind(n) === 'big') {
      // No term has that many arguments (SWI fails; a negative one is a domain error).
      if (h.kind(t) !== 'str') return h.kind(t) === 'var' ? instantiationError(h) : typeError(h, 'compound', t);
      return h.integer(n) < 0n ? domainError(h, 'not_less_than_zero', n) : 0;
    }
    if (h.kind(n) !== 'int') return h.kind(n) === 'var' ? instantiationError(h) : typeError(h, 'integer', n);
    if (h.kind(t) !== 'str') return h.kind(t) === 'var' ? instantiationError(h) : typeError(h, 'compound', t);
    const i = n >> 1;
    if (i < 0) domainError(h, 'not_less_than_zero', n);
    if (i < 1 || i > h.arity(t)) return 0;
    return h.build(h.str('$arg', n, t, h.arg(t, i)));
  },
  '=../2': univ,
  'copy_term/2': (s, g, a) => s.h.build(s.h.str('copy_term', a(1), copyOf(s.h, a(1)))),
  'atom_codes/2': (s, g, a) => textConv(s, g, a, 'codes'),
  'atom_chars/2': (s, g, a) => textConv(s, g, a, 'chars'),
  'char_code/2': (s, g, a) => {
    const h = s.h;
    const c = h.deref(a(1));
    if (h.kind(c) === 'atom') {
      if ([...h.atomName(c)].length !== 1) typeError(h, 'character', c);
      return h.build(h.str('char_code', c, h.int(BigInt(h.atomName(c).codePointAt(0)!))));
    }
    if (h.kind(c) !== 'var') typeError(h, 'character', c);
    const n = h.deref(a(2));
    if (h.kind(n) === 'var') instantiationError(h);
    if (h.kind(n) === 'big') representationError(h, 'int');
    if (h.kind(n) !== 'int') typeError(h, 'integer', n);
    if (n >> 1 < 0 || n >> 1 > 0x10ffff) typeError(h, 'character_code', n); // SWI's culprit type
    return h.build(h.str('char_code', h.atom(String.fromCodePoint(n >> 1)), n));
  },
  'atom_length/2': (s, g, a) => {
    const h = s.h;
    const t = h.deref(a(1));
    if (h.kind(t) === 'var') instantiationError(h);
    // SWI reads the text before it checks the length (atom_length([_], foo) is an
    // instantiation error); it takes `[]` as the empty text here, where atom_codes/2 rejects it.
    const text = h.kind(t) === 'str' ? listText(h, t) : t === h.atom('[]') ? '' : textOf(h, t);
    const n = h.deref(a(2));
    if (h.kind(n) !== 'var' && h.kind(n) !== 'int' && h.kind(n) !== 'big') typeError(h, 'integer', n);
    return h.build(h.str('atom_length', t, h.int(BigInt([...text].length))));
  },
  'number_codes/2': (s, g, a) => numberText(s, a, 'number_codes', 'codes'),
  'number_chars/2': (s, g, a) => numberText(s, a, 'number_chars', 'chars'),
  'atom_number/2': (s, g, a) => {
    const h = s.h;
    const t = h.deref(a(1));
    if (h.kind(t) === 'var') {
      const v = h.deref(a(2));
      if (h.kind(v) === 'var') instantiationError(h);
      if (readNum(h, v) === null) typeError(h, 'number', v);
      return h.build(h.str('atom_number', h.atom(textOf(h, v)), v));
    }
    const n = parseNumber(textOf(h, t), false);
    if (n === null) return 0;
    return h.build(h.str('atom_number', t, numRead(h, n)));
  },
  '$atom_concat/3': (s, g, a) => {
    const h = s.h;
    const x = h.deref(a(1)),
      y = h.deref(a(2));
    if (h.kind(x) === 'var' || h.kind(y) === 'var') instantiationError(h);
    return h.build(h.str('$atom_concat', x, y, h.atom(textOf(h, x) + textOf(h, y))));
  },
  'is_list/1': (s, g, a) => (s.h.listItems(a(1)) !== null ? g() : 0),
  'msort/2': (s, g, a) => sortList(s, a, false),
  'sort/2': (s, g, a) => sortList(s, a, true),
  'assert/1': (s, g, a) => (assertClause(s, a(1), true), g()),
  'assertz/1': (s, g, a) => (assertClause(s, a(1), true), g()),
  'asserta/1': (s, g, a) => (assertClause(s, a(1), false), g()),
  '$erase/1': (s, g, a) => (eraseClause(s, s.h.deref(a(1))) ? g() : 0),
  '$ensure_dynamic/1': (s, g, a) => (ensureDynamic(s, a(1)), g()),
  'abolish/1': (s, g, a) => (abolish(s, a(1)), g()),
  'op/3': (s, g, a) => {
    const h = s.h;
    const p = h.deref(a(1));
    const type = h.deref(a(2));
    if (h.kind(p) === 'var' || h.kind(type) === 'var') instantiationError(h);
    if (h.kind(p) !== 'int') typeError(h, 'integer', p);
    if (p >> 1 < 0 || p >> 1 > 1200) domainError(h, 'operator_priority', p);
    if (h.kind(type) !== 'atom') typeError(h, 'atom', type);
    if (!OP_TYPES.has(h.atomName(type))) domainError(h, 'operator_specifier', type);
    const names = h.listItems(a(3)) ?? [a(3)];
    for (const n0 of names) {
      const n = h.deref(n0);
      if (h.kind(n) === 'var') instantiationError(h);
      if (h.kind(n) !== 'atom') typeError(h, 'atom', n);
      if (h.atomName(n) === ',' || h.atomName(n) === '|')
        raise(h, h.str('permission_error', h.atom('modify'), h.atom('operator'), n));
    }
    for (const n of names) s.info.ops.add(p >> 1, h.atomName(type) as OpType, h.atomName(h.deref(n)));
    return g();
  },
  'garbage_collect/0': (s, g) => (s.h.ctx.heap.collect(), g()),
  'nb_setval/2': (s, g, a) => {
    const name = s.h.atomName(s.h.deref(a(1)));
    s.globals.set(name, s.h.build(copyOf(s.h, a(2))));
    return g();
  },
  'b_setval/2': (s, g, a) => (s.globals.set(s.h.atomName(s.h.deref(a(1))), a(2)), g()),
  'nb_getval/2': getval,
  'b_getval/2': getval,
  'succ/2': (s, g, a) => {
    const h = s.h;
    const x = h.deref(a(1));
    const y0 = h.deref(a(2));
    if (h.kind(x) !== 'var') {
      const v = intArg(h, x);
      // SWI-Prolog checks both arguments before computing, the first one first.
      if (v < 0n) domainError(h, 'not_less_than_zero', x);
      if (h.kind(y0) !== 'var') {
        if (intArg(h, y0) < 0n) domainError(h, 'not_less_than_zero', y0);
      }
      return h.build(h.str('succ', x, num(h, v + 1n)));
    }
    const y = intArg(h, a(2));
    if (y < 0n) domainError(h, 'not_less_than_zero', h.deref(a(2)));
    if (y === 0n) return 0;
    return h.build(h.str('succ', num(h, y - 1n), a(2)));
  },
  'plus/3': (s, g, a) => {
    const h = s.h;
    const x = h.deref(a(1)),
      y = h.deref(a(2)),
      z = h.deref(a(3));
    if (h.kind(z) === 'var')
      return h.build(h.str('plus', x, y, num(h, binary(h, '+', evalTerm(h, x), evalTerm(h, y)))));
    if (h.kind(y) === 'var')
      return h.build(h.str('plus', x, num(h, binary(h, '-', evalTerm(h, z), evalTerm(h, x))), z));
    return h.build(h.str('plus', num(h, binary(h, '-', evalTerm(h, z), evalTerm(h, y))), y, z));
  },
  'statistics/2': (s, g, a) => {
    const h = s.h;
    const ms = BigInt(Math.round(process.cpuUsage().user / 1000));
    return h.build(h.str('statistics', a(1), h.list([h.int(ms), h.int(0n)])));
  },
  'number_vars/3': (s, g) => g(),
};

/** Stops the run; what the program wrote to user_error is reported with the exit status. */
function halt(s: RunState, code: number): never {
  s.outcome.last = { exitCode: code, stderr: s.stderr.join('') };
  throw new PrologHalt(code);
}

function out(s: RunState, g: () => number, text: string): number {
  emit(s, text);
  return g();
}

function hasOption(h: Heap, list: number, name: string): boolean {
  for (const o of h.listItems(list) ?? []) {
    const t = h.deref(o);
    if (h.kind(t) === 'str' && h.syms.names[h.functorOf(t)] === name && h.atomName(h.deref(h.arg(t, 1))) === 'true')
      return true;
  }
  return false;
}

function intArg(h: Heap, t0: number): bigint {
  const t = h.deref(t0);
  const k = h.kind(t);
  if (k === 'var') instantiationError(h);
  if (k !== 'int' && k !== 'big') typeError(h, 'integer', t);
  return h.integer(t);
}

function getval(s: RunState, g: () => number, a: (i: number) => number): number {
  const h = s.h;
  const v = s.globals.get(h.atomName(h.deref(a(1))));
  if (v === undefined) return raise(h, h.str('existence_error', h.atom('variable'), a(1)));
  return h.build(h.str(h.syms.names[h.functorOf(g())]!, a(1), v));
}

function functor(s: RunState, g: () => number, a: (i: number) => number): number {
  const h = s.h;
  const t = h.deref(a(1));
  const k = h.kind(t);
  if (k === 'str')
    return h.build(h.str('functor', t, h.atom(h.syms.names[h.functorOf(t)]!), h.int(BigInt(h.arity(t)))));
  if (k !== 'var') return h.build(h.str('functor', t, t, h.int(0n)));
  const name = h.deref(a(2)),
    n = h.deref(a(3));
  if (h.kind(name) === 'var' || h.kind(n) === 'var') instantiationError(h);
  const arity = Number(intArg(h, n));
  if (arity < 0) domainError(h, 'not_less_than_zero', n);
  if (h.kind(n) === 'big') representationError(h, 'size_t');
  if (arity > 1024) raise(h, h.str('resource_error', h.atom('memory')));
  if (arity === 0) return h.build(h.str('functor', name, name, n));
  if (h.kind(name) !== 'atom') typeError(h, h.kind(name) === 'str' ? 'atomic' : 'atom', name);
  const args = Array.from({ length: arity }, () => h.fresh());
  return h.build(h.str('functor', h.str(h.atomName(name), ...args), name, n));
}

function univ(s: RunState, g: () => number, a: (i: number) => number): number {
  const h = s.h;
  const t = h.deref(a(1));
  const k = h.kind(t);
  if (k === 'str') {
    const args: number[] = [];
    for (let i = 1; i <= h.arity(t); i++) args.push(h.arg(t, i));
    return h.build(h.str('=..', t, h.list([h.atom(h.syms.names[h.functorOf(t)]!), ...args])));
  }
  if (k !== 'var') return h.build(h.str('=..', t, h.list([t])));
  const items = h.listItems(a(2));
  if (items === null) return notAList(h, a(2));
  if (items.length === 0) return domainError(h, 'non_empty_list', h.atom('[]'));
  const head = h.deref(items[0]!);
  if (items.length === 1) return h.build(h.str('=..', head, a(2)));
  if (h.kind(head) === 'var') instantiationError(h);
  if (h.kind(head) !== 'atom') typeError(h, 'atom', head);
  return h.build(h.str('=..', h.str(h.atomName(head), ...items.slice(1)), a(2)));
}

/** A partial list is an instantiation error, anything else that is not a list a type error. */
function notAList(h: Heap, l: number): never {
  let x = h.deref(l);
  while (h.kind(x) === 'str' && h.syms.names[h.functorOf(x)] === '[|]' && h.arity(x) === 2) x = h.deref(h.arg(x, 2));
  return h.kind(x) === 'var' ? instantiationError(h) : typeError(h, 'list', h.deref(l));
}

/** The text the atom builtins take (atom_codes/2's view): `[]` and compounds are not atoms. */
export function textOf(h: Heap, t: number): string {
  return atomicTextOrRaise(h, t, { nil: 'atom', other: 'atom' });
}

/** A code or char list as text, as SWI-Prolog's atom_length/2 takes it (with its errors);
 *  anything else is a type_error(text) (SWI's culprit type, not ISO's atom). */
function listText(h: Heap, t: number): string {
  let text = '';
  let x = t;
  while (h.kind(x) === 'str' && h.syms.names[h.functorOf(x)] === '[|]' && h.arity(x) === 2) {
    const c = h.deref(h.arg(x, 1));
    if (h.kind(c) === 'var') instantiationError(h);
    if (h.kind(c) === 'int' && c >> 1 >= 0 && c >> 1 <= 0x10ffff) text += String.fromCodePoint(c >> 1);
    else if (h.kind(c) === 'atom' && [...h.atomName(c)].length === 1) text += h.atomName(c);
    else typeError(h, h.kind(c) === 'atom' ? 'character_code' : 'character', c);
    x = h.deref(h.arg(x, 2));
  }
  if (h.kind(x) === 'var') instantiationError(h);
  if (h.kind(x) !== 'atom' || h.atomName(x) !== '[]') typeError(h, 'text', t);
  return text;
}

/** The text of a proper list of codes or chars; null when `l` is unbound or a list that is
 *  not all codes or chars, or one with a variable; a ground term that is not a list is
 *  SWI-Prolog's type_error(list, L). */
function boundListText(h: Heap, l0: number): string | null {
  const l = h.deref(l0);
  if (h.kind(l) === 'var') return null;
  if (h.kind(l) === 'text') return h.text(l);
  // As SWI: the elements are read in order up to the first unbound one (then the lists are
  // unified); the first element decides codes or chars, and a bad element is a type error.
  const cons = h.syms.id('[|]', 2);
  let chars: boolean | null = null;
  let text = '';
  let x = l;
  for (; h.kind(x) === 'str' && h.functorOf(x) === cons; x = h.deref(h.arg(x, 2))) {
    const c = h.deref(h.arg(x, 1));
    if (h.kind(c) === 'var') return null;
    chars ??= isChar(h, c);
    text += chars ? charOf(h, c) : String.fromCodePoint(codeOf(h, c));
  }
  if (h.kind(x) === 'var') return null;
  if (x !== h.atom('[]')) return typeError(h, 'list', l);
  return text;
}

const isChar = (h: Heap, c: number): boolean => h.kind(c) === 'atom' && [...h.atomName(c)].length === 1;

/** A character of a char list, with SWI's error for anything else. */
function charOf(h: Heap, c: number): string {
  if (!isChar(h, c)) typeError(h, 'character', c);
  return h.atomName(c);
}

/** A character code of a code list, with SWI's error for anything else. */
function codeOf(h: Heap, c: number): number {
  if (h.kind(c) !== 'int' || c >> 1 < 0 || c >> 1 > 0x10ffff) typeError(h, 'character_code', c);
  return c >> 1;
}

function textConv(s: RunState, g: () => number, a: (i: number) => number, as: 'codes' | 'chars'): number {
  const h = s.h;
  const name = h.syms.names[h.functorOf(g())]!;
  const t = h.deref(a(1));
  if (h.kind(t) !== 'var') {
    // As SWI-Prolog: a code or char list given is compared as text, and a ground non-list is
    // a type error rather than a failed unification.
    const given = boundListText(h, a(2));
    if (given !== null) return given === textOf(h, t) ? g() : 0;
    const chars = [...textOf(h, t)];
    const items = chars.map((c) => (as === 'codes' ? h.int(BigInt(c.codePointAt(0)!)) : h.atom(c)));
    return h.build(h.str(name, t, h.list(items)));
  }
  const given = h.deref(a(2));
  if (h.kind(given) === 'text') return h.build(h.str(name, h.atom(h.text(given)), a(2)));
  const items = listArg(h, a(2));
  // As SWI: the first element decides whether the list is codes or chars, whichever
  // builtin it is given to (atom_codes(A, [a]) gives a).
  const chars = items.length > 0 && isChar(h, h.deref(items[0]!));
  const text = items
    .map((x) => {
      const c = h.deref(x);
      if (h.kind(c) === 'var') instantiationError(h);
      return chars ? charOf(h, c) : String.fromCodePoint(codeOf(h, c));
    })
    .join('');
  return h.build(h.str(name, h.atom(text), a(2)));
}

function numberText(s: RunState, a: (i: number) => number, name: string, as: 'codes' | 'chars'): number {
  const h = s.h;
  const t = h.deref(a(1));
  if (h.kind(t) !== 'var') {
    if (readNum(h, t) === null) typeError(h, 'number', t);
    // Text given is read as a number and compared (SWI: number_codes(12, " 12") holds).
    const given = boundListText(h, a(2));
    if (given !== null) {
      const n = parseNumber(given);
      if (n === null) return raise(h, h.str('syntax_error', h.atom('illegal_number')));
      return h.build(h.str(name, numRead(h, n), a(2)));
    }
    const text = [...textOf(h, t)];
    const items = text.map((c) => (as === 'codes' ? h.int(BigInt(c.codePointAt(0)!)) : h.atom(c)));
    return h.build(h.str(name, t, h.list(items)));
  }
  const given = h.deref(a(2));
  const items = h.kind(given) === 'text' ? [] : listArg(h, a(2));
  let text = h.kind(given) === 'text' ? h.text(given) : '';
  for (const x of items) {
    const c = h.deref(x);
    if (h.kind(c) === 'var') instantiationError(h);
    if (as === 'codes') {
      text += String.fromCodePoint(codeOf(h, c));
    } else {
      if (h.kind(c) !== 'atom' || [...h.atomName(c)].length !== 1) typeError(h, 'character', c);
      text += h.atomName(c);
    }
  }
  const n = parseNumber(text);
  if (n === null) return raise(h, h.str('syntax_error', h.atom('illegal_number')));
  return h.build(h.str(name, numRead(h, n), a(2)));
}

function sortList(s: RunState, a: (i: number) => number, dedupe: boolean): number {
  const h = s.h;
  const items = listArg(h, a(1));
  const sorted = [...items].sort((x, y) => compareTerms(h, x, y));
  const outItems = dedupe ? sorted.filter((x, i) => i === 0 || compareTerms(h, sorted[i - 1]!, x) !== 0) : sorted;
  return h.build(h.str(dedupe ? 'sort' : 'msort', a(1), h.list(outItems)));
}

export { compareNum, domainError, representationError };
