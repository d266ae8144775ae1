import type { Builtin } from './builtins.ts';
import { domainError, instantiationError, raise, typeError } from './errors.ts';
import { flagValue } from './flags.ts';
import type { Desc, Heap } from './heap.ts';
import { InputStream } from './input.ts';
import type { RunState } from './state.ts';
import { type ReadTerm, readTermFrom } from './term-text.ts';
import type { DoubleQuotes } from '../reader/parser.ts';

type Args = (i: number) => number;

/** Standard input, opened on the first read. */
function input(s: RunState): InputStream {
  s.input ??= new InputStream();
  return s.input;
}

/** An input stream argument: only `user_input` is one (SWI's errors for the rest). */
function checkInput(h: Heap, t0: number): void {
  const t = h.deref(t0);
  const k = h.kind(t);
  if (k === 'var') instantiationError(h);
  if (k !== 'atom') domainError(h, 'stream_or_alias', t);
  const name = h.atomName(t);
  if (name === 'user_input') return;
  if (name === 'user_output' || name === 'user_error')
    raise(h, h.str('permission_error', h.atom('input'), h.atom('stream'), t));
  raise(h, h.str('existence_error', h.atom('stream'), t));
}

/** read_term(Term, Options) on standard input: the options checked first, as SWI does. */
function readTerm(s: RunState, g: () => number, a: Args, at: number): number {
  const h = s.h;
  const opts = h.listItems(a(at + 1));
  if (opts === null) {
    const o = h.deref(a(at + 1));
    return h.kind(o) === 'var' ? instantiationError(h) : typeError(h, 'list', o);
  }
  for (const o0 of opts) {
    const o = h.deref(o0);
    if (h.kind(o) === 'var') instantiationError(h);
    if (h.kind(o) !== 'str') typeError(h, 'option', o);
  }
  const inp = input(s);
  const text = inp.readClauseText();
  if (text === null)
    return answer(h, g, a, at, { desc: h.atom('end_of_file'), names: [], vars: [], singletons: [] }, opts);
  const start = { line: inp.line, linePos: inp.linePos, charNo: inp.charNo - text.length };
  const read = readTermFrom(h, s.info.ops, text, (flagValue(s, 'double_quotes') ?? 'codes') as DoubleQuotes, (offset) =>
    h.str(
      'stream',
      h.atom('user_input'),
      h.int(BigInt(start.line)),
      h.int(BigInt(start.linePos)),
      h.int(BigInt(start.charNo + offset)),
    ),
  );
  return answer(h, g, a, at, read, opts);
}

/** The goal with the term read and the options' values in place. */
function answer(h: Heap, g: () => number, a: Args, at: number, read: ReadTerm, opts: number[]): number {
  const names = read.names;
  const values = opts.map((o0): Desc => {
    const o = h.deref(o0);
    if (h.kind(o) !== 'str' || h.arity(o) !== 1) return o;
    switch (h.syms.names[h.functorOf(o)]) {
      case 'variable_names':
        return h.str('variable_names', h.list(names.map(([n, v]) => h.str('=', h.atom(n), v))));
      case 'variables':
        return h.str('variables', h.list(read.vars));
      case 'singletons':
        return h.str('singletons', h.list(read.singletons.map(([n, v]) => h.str('=', h.atom(n), v))));
      default:
        return o;
    }
  });
  const goal = h.deref(g());
  const args: Desc[] = [];
  for (let j = 1; j <= h.arity(goal); j++) args.push(j === at ? read.desc : j === at + 1 ? h.list(values) : a(j));
  return h.build(h.str(h.syms.names[h.functorOf(goal)]!, ...args));
}

function charResult(h: Heap, c: string | null, as: 'char' | 'code'): Desc {
  if (c === null) return as === 'char' ? h.atom('end_of_file') : h.int(-1n);
  return as === 'char' ? h.atom(c) : h.int(BigInt(c.codePointAt(0)!));
}

/** get_char/1,2, peek_char/1,2, get_code/1,2, peek_code/1,2. */
function charIn(as: 'char' | 'code', peek: boolean, withStream: boolean): Builtin {
  return (s, g, a) => {
    const h = s.h;
    if (withStream) checkInput(h, a(1));
    const inp = input(s);
    const c = peek ? inp.peekChar() : inp.getChar();
    const goal = h.deref(g());
    const name = h.syms.names[h.functorOf(goal)]!;
    return h.build(withStream ? h.str(name, a(1), charResult(h, c, as)) : h.str(name, charResult(h, c, as)));
  };
}

/** Reading standard input: read_term/2,3 (read/1,2 are library Prolog over them) and the
 *  character builtins. */
export const READ_BUILTINS = {
  'read_term/2': (s, g, a) => readTerm(s, g, a, 1),
  'read_term/3': (s, g, a) => {
    checkInput(s.h, a(1));
    return readTerm(s, g, a, 2);
  },
  'get_char/1': charIn('char', false, false),
  'peek_char/1': charIn('char', true, false),
  'get_code/1': charIn('code', false, false),
  'peek_code/1': charIn('code', true, false),
  'get_char/2': charIn('char', false, true),
  'peek_char/2': charIn('char', true, true),
  'get_code/2': charIn('code', false, true),
  'peek_code/2': charIn('code', true, true),
} satisfies Record<string, Builtin>;
