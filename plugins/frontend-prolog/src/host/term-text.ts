import { GuestException, SourceError } from '#framework';
import type { OperatorTable } from '../reader/operators.ts';
import { type DoubleQuotes, Parser } from '../reader/parser.ts';
import { varsOf, type Term } from '../reader/terms.ts';
import type { Desc, Heap } from './heap.ts';

/** A term read from text at run time, described for Heap.build, with its named variables
 *  in order of first occurrence (read_term's variable_names). */
export interface ReadTerm {
  desc: Desc;
  names: [name: string, v: Desc][];
  /** Every variable, `_` too, in order of first occurrence (read_term's variables). */
  vars: Desc[];
  /** The named variables that occur once (read_term's singletons). */
  singletons: [name: string, v: Desc][];
}

/**
 * Reads one term from `text` as SWI-Prolog's term_to_atom/2 and read_term/2 do: the text
 * need not end in a full stop (SWI reads it with " . " added); text holding no term is
 * `end_of_file`. A syntax error raises `error(syntax_error(What), Context)` with SWI's
 * What for the common cases; `context` makes Context from the error's character offset.
 */
export function readTermFrom(
  h: Heap,
  ops: OperatorTable,
  text: string,
  doubleQuotes: DoubleQuotes,
  context: (offset: number) => Desc,
): ReadTerm {
  if (/^\s*$/.test(text)) return { desc: h.atom('end_of_file'), names: [], vars: [], singletons: [] };
  const lines = text.split('\n');
  const parser = new Parser(/\.\s*$/.test(text) ? text : `${text} . `, '<text>', ops, { doubleQuotes });
  let read;
  try {
    read = parser.readClause();
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    // SWI reports where the last good token ends: one before the bad token, mostly.
    let offset = e.col - 2;
    for (let i = 0; i < e.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    const quote = /^unterminated quoted (.)/.exec(e.message)?.[1];
    const what = quote ? h.str('end_of_file_in_quoted', h.atom(quote)) : syntaxErrorName(h, ops, e.message);
    const formal = h.str('syntax_error', what);
    throw new GuestException(h.build(h.str('error', formal, context(Math.max(0, offset)))));
  }
  if (read === null) return { desc: h.atom('end_of_file'), names: [], vars: [], singletons: [] };
  return describeRead(h, read.term);
}

/** SWI-Prolog's name for what a reader error (message) describes. */
function syntaxErrorName(h: Heap, ops: OperatorTable, message: string): Desc {
  const escape = /^undefined escape sequence \\(.)/u.exec(message);
  if (escape) return h.str('undefined_char_escape', h.atom(escape[1]!));
  if (message.startsWith("bad escape in 0'c")) return h.atom('illegal_number');
  if (message.includes('unexpected end of file')) return h.atom('end_of_file');
  const got = /unexpected '(.*)'$/su.exec(message)?.[1];
  if (message.startsWith('operand expected')) return h.atom('operator_balance');
  if (message.startsWith('term expected')) {
    if (got === '.') return h.atom('end_of_clause');
    if (got === ',' || got === '|') return h.atom('quoted_punctuation');
    return h.atom('cannot_start_term');
  }
  if (message.startsWith("']' expected")) return h.atom('list_rest');
  if (message.startsWith('illegal character')) return h.atom('illegal_character');
  if (got !== undefined && /^[)\]}]$/.test(got)) return h.atom('cannot_start_term');
  if (got !== undefined && got !== '.' && ops.infix.has(got)) return h.atom('operator_clash');
  return h.atom('operator_expected');
}

/** A source term as a description; its variables fresh, one per name. Iterative: a
 *  long list nests as deep as it is long. */
export function describeRead(h: Heap, t: Term): ReadTerm {
  const vars = new Map<string, Desc>();
  const seen = new Map<string, number>();
  const root: Desc[] = [0];
  const stack: [Term, Desc[], number][] = [[t, root, 0]];
  while (stack.length > 0) {
    const [x, into, i] = stack.pop()!;
    switch (x.k) {
      case 'atom':
        into[i] = h.atom(x.name);
        break;
      case 'int':
        into[i] = h.int(x.v);
        break;
      case 'flt':
        into[i] = h.flt(x.v);
        break;
      case 'string':
        into[i] = h.string(x.v);
        break;
      case 'var': {
        seen.set(x.name, (seen.get(x.name) ?? 0) + 1);
        let v = vars.get(x.name);
        if (v === undefined) {
          v = h.fresh();
          vars.set(x.name, v);
        }
        into[i] = v;
        break;
      }
      case 'str': {
        const args = new Array<Desc>(x.args.length);
        into[i] = { k: 'str', functor: h.syms.imm(x.name, x.args.length), args };
        for (let j = x.args.length - 1; j >= 0; j--) stack.push([x.args[j]!, args, j]);
      }
    }
  }
  const names = varsOf(t)
    .filter((n) => !n.endsWith('_anon'))
    .map((n): [string, Desc] => [n, vars.get(n)!]);
  const singletons = names.filter(([n]) => seen.get(n) === 1);
  return { desc: root[0]!, names, vars: [...vars.values()], singletons };
}
