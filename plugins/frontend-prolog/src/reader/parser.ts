import { Lexer, type Token } from './lexer.ts';
import { OperatorTable, argLimits } from './operators.ts';
import { atom, int, list, str, type Term } from './terms.ts';

export type DoubleQuotes = 'codes' | 'chars' | 'atom' | 'string';

export interface ReaderFlags {
  doubleQuotes: DoubleQuotes;
}

export interface ReadClause {
  term: Term;
  line: number;
  col: number;
}

/** An operator-precedence parser for ISO Prolog text over a Lexer. */
export class Parser {
  private readonly lex: Lexer;
  private anon = 0;

  constructor(
    text: string,
    readonly file: string,
    readonly ops: OperatorTable,
    readonly flags: ReaderFlags,
  ) {
    this.lex = new Lexer(text, file);
  }

  /** The next clause, or null at end of file. */
  readClause(): ReadClause | null {
    const first = this.lex.peek();
    if (first.kind === 'eof') return null;
    const { term } = this.parse(1200);
    const end = this.lex.next();
    if (end.kind !== 'end') throw this.unexpected(end, 'operator expected');
    return { term, line: first.line, col: first.col };
  }

  /** Where reading stands: offset in the text, line and column (from 0) of that point. */
  get position(): { offset: number; line: number; col: number } {
    return this.lex.position;
  }

  /** After a syntax error: skip the rest of the clause so reading can go on. */
  recover(): void {
    this.lex.skipClause();
  }

  private unexpected(t: Token, what: string): Error {
    return this.lex.error(
      t.kind === 'eof' ? `${what}: unexpected end of file` : `${what}: unexpected '${t.text}'`,
      t.line,
      t.col,
    );
  }

  private expect(text: string): void {
    const t = this.lex.next();
    if (t.kind !== 'punct' || t.text !== text) throw this.unexpected(t, `'${text}' expected`);
  }

  /**
   * Reads a term of priority at most `max0`. The grammar is recursive, the reading is not:
   * each term still being read (an operator waiting for its right operand, a list or an
   * argument list waiting for its next element, a bracket waiting for its close) is a
   * frame on an explicit stack, so nesting depth is bounded by memory, not by the host stack.
   */
  private parse(max0: number): Parsed {
    const stack: Frame[] = [];
    let want = max0;
    for (;;) {
      // Begin a term of priority at most `want`.
      let level = want;
      let step = this.primary(level, stack);
      for (;;) {
        if (typeof step === 'number') break;
        const done = this.infix(step, level, stack);
        if (typeof done === 'number') {
          step = done;
          break;
        }
        const frame = stack.pop();
        if (!frame) return done;
        level = frame.max;
        step = this.resume(frame, done.term, stack);
      }
      want = step;
    }
  }

  /** Operators after a term at `max`: the term (done) or the right operand's limit (a frame
   *  waits for it). */
  private infix(cur: Parsed, max0: number, stack: Frame[]): Parsed | number {
    let left = cur.term,
      leftPrec = cur.prec;
    // SWI-Prolog reads an argument or list element of any priority (`f(a:-b)`, `[a;b]`):
    // there the comma (and in a list the bar) only separates, even inside an operand.
    const within = argumentContext(stack);
    const max = within !== null && max0 === 999 ? 1200 : max0;
    for (;;) {
      const t = this.lex.peek();
      const name =
        t.kind === 'name' ? t.text : t.kind === 'punct' && (t.text === ',' || t.text === '|') ? t.text : null;
      if (name === null) break;
      if (within !== null && (name === ',' || (name === '|' && within !== 'args'))) break;
      const op = this.ops.infix.get(name);
      if (op) {
        const { left: la, right: ra } = argLimits(op);
        if (op.priority <= max && leftPrec <= la) {
          this.lex.next();
          stack.push({ k: 'infix', max, name, left, prec: op.priority, within });
          return ra;
        }
      }
      const post = this.ops.postfix.get(name);
      if (post && post.priority <= max && leftPrec <= argLimits(post).left) {
        this.lex.next();
        left = str(name, [left]);
        leftPrec = post.priority;
        continue;
      }
      break;
    }
    return { term: left, prec: leftPrec };
  }

  /** A frame's sub-term is read: the term it completes, or the limit of its next sub-term. */
  private resume(f: Frame, sub: Term, stack: Frame[]): Parsed | number {
    switch (f.k) {
      case 'infix':
        return { term: str(f.name, [f.left, sub]), prec: f.prec };
      case 'prefix':
        return { term: str(f.name, [sub]), prec: f.prec };
      case 'paren':
        this.expect(')');
        return { term: sub, prec: 0 };
      case 'curly':
        this.expect('}');
        return { term: str('{}', [sub]), prec: 0 };
      case 'tail':
        this.expect(']');
        return { term: list(f.items, sub), prec: 0 };
      case 'list': {
        f.items.push(sub);
        const s = this.lex.next();
        if (s.kind === 'punct' && s.text === ',') {
          stack.push(f);
          return 999;
        }
        if (s.kind === 'punct' && s.text === '|') {
          stack.push({ k: 'tail', max: f.max, items: f.items });
          return 999;
        }
        if (s.kind === 'punct' && s.text === ']') return { term: list(f.items), prec: 0 };
        throw this.unexpected(s, "',' '|' or ']' expected in list");
      }
      case 'args': {
        f.args.push(sub);
        const s = this.lex.next();
        if (s.kind === 'punct' && s.text === ',') {
          stack.push(f);
          return 999;
        }
        if (s.kind === 'punct' && s.text === ')') return { term: str(f.name, f.args), prec: 0 };
        throw this.unexpected(s, "',' or ')' expected in arguments");
      }
    }
  }

  private startsTerm(t: Token): boolean {
    if (t.kind === 'eof' || t.kind === 'end') return false;
    if (t.kind === 'punct') return t.text === '(' || t.text === '[' || t.text === '{';
    return true;
  }

  /** The start of a term at `max`: a whole primary term, or the limit of its first
   *  sub-term (a frame waits for it). */
  private primary(max: number, stack: Frame[]): Parsed | number {
    const t = this.lex.next();
    switch (t.kind) {
      case 'int':
        return { term: int(t.int!), prec: 0 };
      case 'float':
        return { term: { k: 'flt', v: t.float! }, prec: 0 };
      case 'var':
        return { term: { k: 'var', name: t.text === '_' ? `_${++this.anon}_anon` : t.text }, prec: 0 };
      case 'string':
        return { term: this.doubleQuoted(t.text), prec: 0 };
      case 'bq':
        return { term: list([...t.text].map((c) => int(c.codePointAt(0)!))), prec: 0 };
      case 'punct':
        return this.punct(t, max, stack);
      case 'name':
        return this.name(t, max, stack);
      default: {
        // The text ends where an operator still wants its operand.
        const top = stack[stack.length - 1];
        const waiting = t.kind === 'end' && (top?.k === 'infix' || top?.k === 'prefix');
        throw this.unexpected(t, waiting ? 'operand expected' : 'term expected');
      }
    }
  }

  private doubleQuoted(s: string): Term {
    const chars = [...s];
    switch (this.flags.doubleQuotes) {
      case 'chars':
        return list(chars.map((c) => atom(c)));
      case 'atom':
        return atom(s);
      case 'string':
        return { k: 'string', v: s };
      default:
        return list(chars.map((c) => int(c.codePointAt(0)!)));
    }
  }

  private punct(t: Token, max: number, stack: Frame[]): Parsed | number {
    if (t.text === '(') {
      stack.push({ k: 'paren', max });
      return 1200;
    }
    if (t.text === '[') {
      const p = this.lex.peek();
      if (p.kind === 'punct' && p.text === ']') {
        this.lex.next();
        return this.maybeCall('[]', max, stack);
      }
      stack.push({ k: 'list', max, items: [] });
      return 999;
    }
    if (t.text === '{') {
      const p = this.lex.peek();
      if (p.kind === 'punct' && p.text === '}') {
        this.lex.next();
        return this.maybeCall('{}', max, stack);
      }
      stack.push({ k: 'curly', max });
      return 1200;
    }
    throw this.unexpected(t, 'term expected');
  }

  /** `name(args)`: a compound when '(' follows with no layout (a frame reads the
   *  arguments); otherwise the atom, with priority -1. */
  private maybeCall(name: string, max: number, stack: Frame[]): Parsed | number {
    const p = this.lex.peek();
    if (p.kind === 'punct' && p.text === '(' && !p.layoutBefore) {
      this.lex.next();
      stack.push({ k: 'args', max, name, args: [] });
      return 999;
    }
    return { term: atom(name), prec: -1 };
  }

  private name(t: Token, max: number, stack: Frame[]): Parsed | number {
    const n = t.text;
    const called = this.maybeCall(n, max, stack);
    if (typeof called === 'number') return called;
    const p = this.lex.peek();
    if (n === '-' && !t.quoted && (p.kind === 'int' || p.kind === 'float') && !p.layoutBefore) {
      this.lex.next();
      return { term: p.kind === 'int' ? int(-p.int!) : { k: 'flt', v: -p.float! }, prec: 0 };
    }
    const pre = t.quoted ? undefined : this.ops.prefix.get(n);
    if (pre && this.startsTerm(p)) {
      const pName = p.kind === 'name' ? p.text : p.kind === 'punct' ? p.text : '';
      const nextIsInfixOnly =
        (p.kind === 'name' || (p.kind === 'punct' && (p.text === ',' || p.text === '|'))) &&
        (this.ops.infix.has(pName) || this.ops.postfix.has(pName)) &&
        !this.ops.prefix.has(pName);
      const nextIsBareAtom = p.kind === 'name' && nextIsInfixOnly;
      if (!nextIsBareAtom && !(p.kind === 'punct' && (p.text === ',' || p.text === '|'))) {
        const prio = Math.min(pre.priority, max);
        stack.push({ k: 'prefix', max, name: n, prec: prio, within: argumentContext(stack) });
        return pre.type === 'fy' ? prio : prio - 1;
      }
    }
    const prec =
      this.ops.isOp(n) && !t.quoted
        ? Math.min(max, Math.max(this.ops.prefix.get(n)?.priority ?? 0, this.ops.infix.get(n)?.priority ?? 0))
        : 0;
    return { term: atom(n), prec: prec > 999 ? prec : 0 };
  }
}

interface Parsed {
  term: Term;
  prec: number;
}

type Within = 'args' | 'list' | null;

/** The innermost bracket a term being read is in, when it is an argument list or a list
 *  (null: a parenthesis, braces or the top level). Operator frames carry their own. */
function argumentContext(stack: readonly Frame[]): Within {
  const top = stack[stack.length - 1];
  if (!top) return null;
  if (top.k === 'infix' || top.k === 'prefix') return top.within;
  if (top.k === 'args') return 'args';
  return top.k === 'list' || top.k === 'tail' ? 'list' : null;
}

/** A term being read that waits for a sub-term; `max` is the limit it was begun at. */
type Frame =
  | { k: 'infix'; max: number; name: string; left: Term; prec: number; within: Within }
  | { k: 'prefix'; max: number; name: string; prec: number; within: Within }
  | { k: 'paren'; max: number }
  | { k: 'curly'; max: number }
  | { k: 'list'; max: number; items: Term[] }
  | { k: 'tail'; max: number; items: Term[] }
  | { k: 'args'; max: number; name: string; args: Term[] };
