import { SourceError } from '../../diagnostics.ts';

/**
 * Tokens of the `.jir` text format. Sigiled names carry the name without the sigil.
 * `number` covers every numeric literal spelling (ints, decimal and hex floats, `-inf`,
 * `nan:0x…`); the parser interprets it for the slot it fills. Bare `inf` and `nan` stay
 * identifiers so that they can still name struct fields.
 */
export type TokenKind = 'ident' | 'global' | 'value' | 'block' | 'number' | 'string' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  col: number;
  /** Offsets into the source: adjacency (`:T`, `nan:0x…`) is `a.end === b.start`. */
  start: number;
  end: number;
  /** The UTF-8 bytes of a string literal, escapes decoded. */
  bytes?: Uint8Array;
}

const SIGIL_KINDS: Readonly<Record<number, TokenKind>> = { 64: 'global', 37: 'value', 94: 'block' };
/** Single-character punctuation by char code. */
const PUNCT: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  for (const p of '(){}[],:=') table[p.charCodeAt(0)] = p;
  return table;
})();

/** Numeric literals: hex (with optional fraction and binary exponent) or decimal. */
const NUMBER = /-?(?:0[xX][0-9a-fA-F]*(?:\.[0-9a-fA-F]*)?(?:[pP][+-]?[0-9]+)?|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)/y;
const NAN_BITS = /:0x[0-9a-fA-F]+/y;

export function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 95 || // _
    c === 46 || // .
    c === 36 // $
  );
}

/** Splits the whole source into tokens up front: the parser needs arbitrary lookahead
 *  to skip function bodies in its first pass. */
export function tokenize(src: string, file: string): Token[] {
  return new Lexer(src, file).run();
}

const ESCAPES: Readonly<Record<string, number>> = { n: 10, t: 9, '\\': 92, '"': 34 };
const utf8 = new TextEncoder();

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** One left-to-right pass. No token spans a line, so line and column only change at
 *  newlines. */
class Lexer {
  private readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {}

  run(): Token[] {
    const src = this.src;
    while (this.pos < src.length) {
      const pos = this.pos;
      const c = src.charCodeAt(pos);
      if (c === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 32 || c === 9 || c === 13) {
        this.pos++;
      } else if (c === 59) {
        // `;` comment to end of line
        const eol = src.indexOf('\n', pos);
        this.pos = eol < 0 ? src.length : eol;
      } else if (SIGIL_KINDS[c] !== undefined) {
        const end = this.scanName(pos + 1);
        if (end === pos + 1) this.fail(`expected a name after '${src[pos]}'`, pos);
        this.push(SIGIL_KINDS[c]!, pos, end, src.slice(pos + 1, end));
      } else if (PUNCT[c] !== undefined) {
        this.push('punct', pos, pos + 1, PUNCT[c]);
      } else if (isNameChar(c) && !isDigit(c)) {
        this.word(pos);
      } else if (isDigit(c) || (c === 45 && isDigit(src.charCodeAt(pos + 1)))) {
        this.push('number', pos, this.scanNumber(pos));
      } else if (c === 45 && src.charCodeAt(pos + 1) === 62) {
        this.push('punct', pos, pos + 2, '->');
      } else if (c === 45 && src.startsWith('inf', pos + 1) && !isNameChar(src.charCodeAt(pos + 4))) {
        this.push('number', pos, pos + 4);
      } else if (c === 34) {
        this.string(pos);
      } else {
        this.fail(`unexpected character '${String.fromCodePoint(src.codePointAt(pos)!)}'`, pos);
      }
    }
    const col = this.pos - this.lineStart + 1;
    this.tokens.push({ kind: 'eof', text: '', line: this.line, col, start: this.pos, end: this.pos });
    return this.tokens;
  }

  private fail(message: string, at: number): never {
    throw new SourceError(message, this.file, this.line, at - this.lineStart + 1);
  }

  /** Adds a token and moves past it. */
  private push(kind: TokenKind, start: number, end: number, text = this.src.slice(start, end)): Token {
    const t: Token = { kind, text, line: this.line, col: start - this.lineStart + 1, start, end };
    this.tokens.push(t);
    this.pos = end;
    return t;
  }

  private scanName(from: number): number {
    const src = this.src;
    let p = from;
    while (p < src.length && isNameChar(src.charCodeAt(p))) p++;
    return p;
  }

  private scanNumber(from: number): number {
    NUMBER.lastIndex = from;
    NUMBER.test(this.src);
    const end = NUMBER.lastIndex;
    if (isNameChar(this.src.charCodeAt(end))) this.fail(`malformed number '${this.src.slice(from, this.scanName(end))}'`, from);
    return end;
  }

  /** An identifier, or `nan:0x…`, which is one literal: a NaN with these bits. */
  private word(pos: number): void {
    const src = this.src;
    const end = this.scanName(pos);
    if (end - pos === 3 && src.startsWith('nan', pos)) {
      NAN_BITS.lastIndex = end;
      if (NAN_BITS.test(src) && !isNameChar(src.charCodeAt(NAN_BITS.lastIndex))) {
        this.push('number', pos, NAN_BITS.lastIndex);
        return;
      }
    }
    this.push('ident', pos, end);
  }

  /** A string literal from its opening quote; the token carries its UTF-8 bytes. */
  private string(open: number): void {
    const src = this.src;
    const bytes: number[] = [];
    let p = open + 1;
    let runStart = p;
    const flushRun = (to: number): void => {
      if (to > runStart) for (const byte of utf8.encode(src.slice(runStart, to))) bytes.push(byte);
    };
    for (;;) {
      if (p >= src.length || src[p] === '\n') this.fail('unterminated string', open);
      const ch = src[p]!;
      if (ch === '"') break;
      if (ch !== '\\') {
        p++;
        continue;
      }
      flushRun(p);
      const e = src[p + 1] ?? '';
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        bytes.push(simple);
        p += 2;
      } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(p + 2, p + 4))) {
        bytes.push(parseInt(src.slice(p + 2, p + 4), 16));
        p += 4;
      } else {
        this.fail(e === 'x' ? 'expected two hex digits after \\x' : `unknown escape '\\${e}'`, p);
      }
      runStart = p;
    }
    flushRun(p);
    this.push('string', open, p + 1).bytes = Uint8Array.from(bytes);
  }
}

const SIGIL_OF: Readonly<Partial<Record<TokenKind, string>>> = { global: '@', value: '%', block: '^' };

/** How a token reads in an error message. */
export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'end of input';
  return `'${SIGIL_OF[t.kind] ?? ''}${t.text}'`;
}

/** A cursor over the token list with the small vocabulary the parser speaks in. */
export class TokenStream {
  pos = 0;
  /** Set while reading a line-oriented construct (an instruction): something missing at
   *  the end of the line is reported there, not at the next line's first token. */
  lineBound = false;

  constructor(
    private readonly tokens: readonly Token[],
    readonly file: string,
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  /** The most recently consumed token. */
  get previous(): Token {
    return this.tokens[Math.max(this.pos - 1, 0)]!;
  }

  error(at: Token, message: string): SourceError {
    return new SourceError(message, this.file, at.line, at.col);
  }

  /** An error at the next token, naming what was found there. */
  unexpected(expectation: string): SourceError {
    const t = this.peek();
    const last = this.previous;
    if (this.lineBound && t.line !== last.line) {
      return new SourceError(`${expectation}, found end of line`, this.file, last.line, last.col + (last.end - last.start));
    }
    return this.error(t, `${expectation}, found ${describeToken(t)}`);
  }

  isPunct(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === text;
  }

  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.text === word;
  }

  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.next();
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  expectPunct(text: string, context: string): Token {
    if (!this.isPunct(text)) throw this.unexpected(`expected '${text}' ${context}`);
    return this.next();
  }

  expect(kind: TokenKind, expectation: string): Token {
    if (this.peek().kind !== kind) throw this.unexpected(expectation);
    return this.next();
  }

  /** True when the next token starts on the line the previous one ended on. */
  onSameLine(): boolean {
    const t = this.peek();
    return t.kind !== 'eof' && t.line === this.previous.line;
  }
}
