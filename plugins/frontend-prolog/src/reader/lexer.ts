import { SourceError } from '#framework';

export type TokenKind = 'name' | 'var' | 'int' | 'float' | 'string' | 'bq' | 'punct' | 'end' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** int tokens: their value. */
  int?: bigint;
  float?: number;
  /** A quoted name is never an operator in argument position tests and never a negative sign. */
  quoted: boolean;
  /** Whitespace or a comment came before this token (`foo (` is not a call). */
  layoutBefore: boolean;
  line: number;
  col: number;
}

const SYMBOL = new Set('+-*/\\^<>=~:.?@#&$');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlnum = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';

/** Splits Prolog text into tokens; errors are SourceErrors at file:line:col. */
export class Lexer {
  private pos = 0;
  private line = 1;
  private col = 1;
  private peeked: Token | null = null;

  constructor(private readonly text: string, private readonly file: string) {}

  error(message: string, line = this.line, col = this.col): SourceError {
    return new SourceError(message, this.file, line, col);
  }

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = null;
    return t;
  }

  /** Skips to just after the next end token, to resume after a syntax error. */
  skipClause(): void {
    this.peeked = null;
    for (;;) {
      const t = this.scan();
      if (t.kind === 'end' || t.kind === 'eof') return;
    }
  }

  private ch(off = 0): string {
    return this.text[this.pos + off] ?? '';
  }

  private advance(n = 1): void {
    for (let i = 0; i < n; i++) {
      if (this.text[this.pos] === '\n') {
        this.line++;
        this.col = 1;
      } else this.col++;
      this.pos++;
    }
  }

  private skipLayout(): boolean {
    const start = this.pos;
    for (;;) {
      const c = this.ch();
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.advance();
      else if (c === '%') {
        while (this.ch() !== '' && this.ch() !== '\n') this.advance();
      } else if (c === '/' && this.ch(1) === '*') {
        const line = this.line, col = this.col;
        this.advance(2);
        while (!(this.ch() === '*' && this.ch(1) === '/')) {
          if (this.ch() === '') throw this.error('unterminated block comment', line, col);
          this.advance();
        }
        this.advance(2);
      } else break;
    }
    return this.pos > start;
  }

  private scan(): Token {
    const layoutBefore = this.skipLayout();
    const line = this.line, col = this.col;
    const tok = (kind: TokenKind, text: string, extra: Partial<Token> = {}): Token => ({ kind, text, quoted: false, layoutBefore, line, col, ...extra });
    const c = this.ch();
    if (c === '') return tok('eof', '');
    if (isDigit(c)) return this.number(tok);
    if (c === '_' || (c >= 'A' && c <= 'Z')) {
      const s = this.pos;
      while (isAlnum(this.ch())) this.advance();
      return tok('var', this.text.slice(s, this.pos));
    }
    if (isLower(c)) {
      const s = this.pos;
      while (isAlnum(this.ch())) this.advance();
      return tok('name', this.text.slice(s, this.pos));
    }
    if (c === "'") return tok('name', this.quoted("'"), { quoted: true });
    if (c === '"') return tok('string', this.quoted('"'));
    if (c === '`') return tok('bq', this.quoted('`'));
    if ('()[]{},|'.includes(c)) {
      this.advance();
      if (c === '|' && this.ch() === '|') {
        this.advance();
        return tok('name', '||');
      }
      return tok('punct', c);
    }
    if (c === '!' || c === ';') {
      this.advance();
      return tok('name', c);
    }
    if (c === '.' && (this.ch(1) === '' || /\s/.test(this.ch(1)) || this.ch(1) === '%')) {
      this.advance();
      return tok('end', '.');
    }
    if (SYMBOL.has(c)) {
      const s = this.pos;
      while (SYMBOL.has(this.ch())) this.advance();
      return tok('name', this.text.slice(s, this.pos));
    }
    throw this.error(`illegal character '${c}'`);
  }

  private number(tok: (kind: TokenKind, text: string, extra?: Partial<Token>) => Token): Token {
    const s = this.pos;
    if (this.ch() === '0' && this.ch(1) === "'") {
      this.advance(2);
      const c = this.ch();
      if (c === "'" && this.ch(1) === "'") {
        this.advance(2);
        return tok('int', "0''", { int: 39n });
      }
      if (c === '\\') {
        const code = this.escape();
        if (code < 0) throw this.error('bad escape in 0\'c');
        return tok('int', this.text.slice(s, this.pos), { int: BigInt(code) });
      }
      const cp = this.text.codePointAt(this.pos)!;
      this.advance(cp > 0xffff ? 2 : 1);
      return tok('int', this.text.slice(s, this.pos), { int: BigInt(cp) });
    }
    const radix = this.ch() === '0' ? { x: 16, o: 8, b: 2 }[this.ch(1)] : undefined;
    if (radix !== undefined && /[0-9a-fA-F]/.test(this.ch(2)) && parseInt(this.ch(2), radix) >= 0) {
      this.advance(2);
      const ds = this.pos;
      while (this.ch() !== '' && !Number.isNaN(parseInt(this.ch(), radix))) this.advance();
      const digits = this.text.slice(ds, this.pos);
      const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : '0b';
      return tok('int', this.text.slice(s, this.pos), { int: BigInt(prefix + digits) });
    }
    while (isDigit(this.ch()) || (this.ch() === '_' && isDigit(this.ch(1)))) this.advance();
    let isFloat = false;
    if (this.ch() === '.' && isDigit(this.ch(1))) {
      isFloat = true;
      this.advance();
      while (isDigit(this.ch())) this.advance();
    }
    if ((this.ch() === 'e' || this.ch() === 'E') && (isDigit(this.ch(1)) || ('+-'.includes(this.ch(1)) && isDigit(this.ch(2))))) {
      isFloat = true;
      this.advance(2);
      while (isDigit(this.ch())) this.advance();
    }
    const text = this.text.slice(s, this.pos).replace(/_/g, '');
    if (isFloat) return tok('float', text, { float: Number(text) });
    return tok('int', text, { int: BigInt(text) });
  }

  /** Reads one escape sequence after a backslash; -1 for a line continuation. */
  private escape(): number {
    const line = this.line, col = this.col;
    this.advance();
    const c = this.ch();
    this.advance();
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '0': 0, e: 27, s: 32, z: -2, '\\': 92, "'": 39, '"': 34, '`': 96 };
    if (c === '\n') return -1;
    if (c === 'x') {
      const s = this.pos;
      while (/[0-9a-fA-F]/.test(this.ch())) this.advance();
      const v = parseInt(this.text.slice(s, this.pos), 16);
      if (this.ch() === '\\') this.advance();
      if (Number.isNaN(v)) throw this.error('bad \\x escape', line, col);
      return v;
    }
    if (c >= '0' && c <= '7') {
      const s = this.pos - 1;
      while (this.ch() >= '0' && this.ch() <= '7') this.advance();
      const v = parseInt(this.text.slice(s, this.pos), 8);
      if (this.ch() === '\\') this.advance();
      return v;
    }
    const v = simple[c];
    if (v === undefined || v === -2) throw this.error(`undefined escape sequence \\${c}`, line, col);
    return v;
  }

  private quoted(q: string): string {
    const line = this.line, col = this.col;
    this.advance();
    let out = '';
    for (;;) {
      const c = this.ch();
      if (c === '') throw this.error('unterminated quoted', line, col);
      if (c === q) {
        if (this.ch(1) === q) {
          out += q;
          this.advance(2);
          continue;
        }
        this.advance();
        return out;
      }
      if (c === '\\') {
        const code = this.escape();
        if (code >= 0) out += String.fromCodePoint(code);
        continue;
      }
      out += c;
      this.advance();
    }
  }
}
