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

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
/** Letters, digits and `_` (ASCII), by char code: the inner loop of every name. */
const isAlnumCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const SYMBOL_CODE = new Uint8Array(128);
for (const c of '+-*/\\^<>=~:.?@#&$') SYMBOL_CODE[c.charCodeAt(0)] = 1;
const isSymbolCode = (c: number): boolean => c < 128 && SYMBOL_CODE[c] === 1;

/** Splits Prolog text into tokens; errors are SourceErrors at file:line:col. Positions are
 *  kept as the offset and the offset where the current line starts: only layout and quoted
 *  text can hold a newline, so names, numbers and symbols advance by offset alone. */
export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private peeked: Token | null = null;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  private get col(): number {
    return this.pos - this.lineStart + 1;
  }

  /** Just after the last token scanned: offset, line, column from 0 (warnings placed at
   *  the end of a clause, as SWI-Prolog places them). */
  get position(): { offset: number; line: number; col: number } {
    return { offset: this.pos, line: this.line, col: this.pos - this.lineStart };
  }

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

  /** Advances over text that may hold newlines. */
  private advance(n = 1): void {
    for (let i = 0; i < n; i++) {
      if (this.text.charCodeAt(this.pos) === 10) {
        this.line++;
        this.lineStart = this.pos + 1;
      }
      this.pos++;
    }
  }

  private skipLayout(): boolean {
    const start = this.pos;
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 32 || c === 9 || c === 13) this.pos++;
      else if (c === 37) {
        const nl = text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? text.length : nl;
      } else if (c === 47 && text.charCodeAt(this.pos + 1) === 42) {
        const line = this.line,
          col = this.col;
        const close = text.indexOf('*/', this.pos + 2);
        if (close < 0) throw this.error('unterminated block comment', line, col);
        this.advance(close + 2 - this.pos);
      } else break;
    }
    return this.pos > start;
  }

  private tok(kind: TokenKind, text: string, layoutBefore: boolean, line: number, col: number): Token {
    return { kind, text, int: undefined, float: undefined, quoted: false, layoutBefore, line, col };
  }

  private scan(): Token {
    const layoutBefore = this.skipLayout();
    const line = this.line,
      col = this.col;
    const text = this.text;
    const code = text.charCodeAt(this.pos);
    if (Number.isNaN(code)) return this.tok('eof', '', layoutBefore, line, col);
    if (code >= 48 && code <= 57)
      return this.number((kind, t, extra = {}) => ({ ...this.tok(kind, t, layoutBefore, line, col), ...extra }));
    if (code === 95 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      const s = this.pos;
      let p = s + 1;
      while (isAlnumCode(text.charCodeAt(p))) p++;
      this.pos = p;
      return this.tok(code >= 97 ? 'name' : 'var', text.slice(s, p), layoutBefore, line, col);
    }
    const c = text[this.pos]!;
    if (c === "'") {
      const t = this.tok('name', this.quoted("'"), layoutBefore, line, col);
      t.quoted = true;
      return t;
    }
    if (c === '"') return this.tok('string', this.quoted('"'), layoutBefore, line, col);
    if (c === '`') return this.tok('bq', this.quoted('`'), layoutBefore, line, col);
    if ('()[]{},|'.includes(c)) {
      this.pos++;
      if (c === '|' && this.ch() === '|') {
        this.pos++;
        return this.tok('name', '||', layoutBefore, line, col);
      }
      return this.tok('punct', c, layoutBefore, line, col);
    }
    if (c === '!' || c === ';') {
      this.pos++;
      return this.tok('name', c, layoutBefore, line, col);
    }
    if (c === '.' && (this.ch(1) === '' || /\s/.test(this.ch(1)) || this.ch(1) === '%')) {
      this.pos++;
      return this.tok('end', '.', layoutBefore, line, col);
    }
    if (isSymbolCode(code)) {
      const s = this.pos;
      let p = s + 1;
      while (isSymbolCode(text.charCodeAt(p))) p++;
      this.pos = p;
      return this.tok('name', text.slice(s, p), layoutBefore, line, col);
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
        let code: number;
        try {
          code = this.escape();
        } catch {
          code = -1;
        }
        if (code < 0) throw this.error("bad escape in 0'c");
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
    if (
      (this.ch() === 'e' || this.ch() === 'E') &&
      (isDigit(this.ch(1)) || ('+-'.includes(this.ch(1)) && isDigit(this.ch(2))))
    ) {
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
    const line = this.line,
      col = this.col;
    this.advance();
    const c = this.ch();
    this.advance();
    const simple: Record<string, number> = {
      n: 10,
      t: 9,
      r: 13,
      a: 7,
      b: 8,
      f: 12,
      v: 11,
      '0': 0,
      e: 27,
      s: 32,
      z: -2,
      '\\': 92,
      "'": 39,
      '"': 34,
      '`': 96,
    };
    if (c === '\n') return -1;
    if (c === 'c') {
      // `\c` continues the text after the layout that follows it (SWI, ISO's "continuation").
      while (/\s/.test(this.ch()) && this.ch() !== '') this.advance();
      return -1;
    }
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
    const line = this.line,
      col = this.col;
    this.advance();
    let out = '';
    const text = this.text;
    const qc = q.charCodeAt(0);
    for (;;) {
      // A run of plain characters is copied in one slice.
      const s = this.pos;
      let p = s;
      for (let c = text.charCodeAt(p); c === c && c !== qc && c !== 92 && c !== 10; c = text.charCodeAt(++p));
      if (p > s) {
        out += text.slice(s, p);
        this.pos = p;
      }
      const c = this.ch();
      if (c === '') throw this.error(`unterminated quoted ${q}`, line, col);
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
