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

  /** After a syntax error: skip the rest of the clause so reading can go on. */
  recover(): void {
    this.lex.skipClause();
  }

  private unexpected(t: Token, what: string): Error {
    return this.lex.error(t.kind === 'eof' ? `${what}: unexpected end of file` : `${what}: unexpected '${t.text}'`, t.line, t.col);
  }

  private expect(text: string): void {
    const t = this.lex.next();
    if (t.kind !== 'punct' || t.text !== text) throw this.unexpected(t, `'${text}' expected`);
  }

  private parse(max: number): { term: Term; prec: number } {
    const left = this.primary(max);
    return this.infix(left.term, left.prec, max);
  }

  private infix(left: Term, leftPrec: number, max: number): { term: Term; prec: number } {
    for (;;) {
      const t = this.lex.peek();
      const name = t.kind === 'name' ? t.text : t.kind === 'punct' && (t.text === ',' || t.text === '|') ? t.text : null;
      if (name === null) break;
      const op = this.ops.infix.get(name);
      if (op) {
        const { left: la, right: ra } = argLimits(op);
        if (op.priority <= max && leftPrec <= la) {
          this.lex.next();
          const right = this.parse(ra);
          left = str(name === '|' ? ';' : name, [left, right.term]);
          leftPrec = op.priority;
          continue;
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

  private startsTerm(t: Token): boolean {
    if (t.kind === 'eof' || t.kind === 'end') return false;
    if (t.kind === 'punct') return t.text === '(' || t.text === '[' || t.text === '{';
    return true;
  }

  private primary(max: number): { term: Term; prec: number } {
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
        return this.punct(t);
      case 'name':
        return this.name(t, max);
      default:
        throw this.unexpected(t, 'term expected');
    }
  }

  private doubleQuoted(s: string): Term {
    const chars = [...s];
    switch (this.flags.doubleQuotes) {
      case 'chars':
        return list(chars.map((c) => atom(c)));
      case 'atom':
        return atom(s);
      default:
        return list(chars.map((c) => int(c.codePointAt(0)!)));
    }
  }

  private punct(t: Token): { term: Term; prec: number } {
    if (t.text === '(') {
      const inner = this.parse(1200);
      this.expect(')');
      return { term: inner.term, prec: 0 };
    }
    if (t.text === '[') {
      const p = this.lex.peek();
      if (p.kind === 'punct' && p.text === ']') {
        this.lex.next();
        return this.maybeCall('[]');
      }
      const items = [this.parse(999).term];
      let tail: Term = atom('[]');
      for (;;) {
        const s = this.lex.next();
        if (s.kind === 'punct' && s.text === ',') items.push(this.parse(999).term);
        else if (s.kind === 'punct' && s.text === '|') {
          tail = this.parse(999).term;
          this.expect(']');
          break;
        } else if (s.kind === 'punct' && s.text === ']') break;
        else throw this.unexpected(s, "',' '|' or ']' expected in list");
      }
      return { term: list(items, tail), prec: 0 };
    }
    if (t.text === '{') {
      const p = this.lex.peek();
      if (p.kind === 'punct' && p.text === '}') {
        this.lex.next();
        return this.maybeCall('{}');
      }
      const inner = this.parse(1200);
      this.expect('}');
      return { term: str('{}', [inner.term]), prec: 0 };
    }
    throw this.unexpected(t, 'term expected');
  }

  /** `name(args)`: a compound when '(' follows with no layout. */
  private maybeCall(name: string): { term: Term; prec: number } {
    const p = this.lex.peek();
    if (p.kind === 'punct' && p.text === '(' && !p.layoutBefore) {
      this.lex.next();
      const args = [this.parse(999).term];
      for (;;) {
        const s = this.lex.next();
        if (s.kind === 'punct' && s.text === ',') args.push(this.parse(999).term);
        else if (s.kind === 'punct' && s.text === ')') break;
        else throw this.unexpected(s, "',' or ')' expected in arguments");
      }
      return { term: str(name, args), prec: 0 };
    }
    return { term: atom(name), prec: -1 };
  }

  private name(t: Token, max: number): { term: Term; prec: number } {
    const n = t.text;
    const called = this.maybeCall(n);
    if (called.prec === 0) return called;
    const p = this.lex.peek();
    if (n === '-' && !t.quoted && (p.kind === 'int' || p.kind === 'float') && !p.layoutBefore) {
      this.lex.next();
      return { term: p.kind === 'int' ? int(-p.int!) : { k: 'flt', v: -p.float! }, prec: 0 };
    }
    const pre = t.quoted ? undefined : this.ops.prefix.get(n);
    if (pre && this.startsTerm(p)) {
      const pName = p.kind === 'name' ? p.text : p.kind === 'punct' ? p.text : '';
      const nextIsInfixOnly = (p.kind === 'name' || (p.kind === 'punct' && (p.text === ',' || p.text === '|'))) && (this.ops.infix.has(pName) || this.ops.postfix.has(pName)) && !this.ops.prefix.has(pName);
      const nextIsBareAtom = p.kind === 'name' && nextIsInfixOnly;
      if (!nextIsBareAtom && !(p.kind === 'punct' && (p.text === ',' || p.text === '|'))) {
        const prio = Math.min(pre.priority, max);
        const argMax = pre.type === 'fy' ? prio : prio - 1;
        const arg = this.parse(argMax);
        return { term: str(n, [arg.term]), prec: prio };
      }
    }
    const prec = this.ops.isOp(n) && !t.quoted ? Math.min(max, Math.max(this.ops.prefix.get(n)?.priority ?? 0, this.ops.infix.get(n)?.priority ?? 0)) : 0;
    return { term: atom(n), prec: prec > 999 ? prec : 0 };
  }
}
