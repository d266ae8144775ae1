import { SourceError } from '../../diagnostics.ts';
import { SourceMap } from '../source-map.ts';

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
const NUMBER =
  /-?(?:0[xX][0-9a-fA-F]*(?:\.[0-9a-fA-F]*)?(?:[pP][+-]?[0-9]+)?|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)/y;
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
export function tokenize(src: string, file: string): TokenList {
  return new Lexer(src, file).run();
}

const ESCAPES: Readonly<Record<string, number>> = { n: 10, t: 9, '\\': 92, '"': 34 };
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const KIND_LIST: readonly TokenKind[] = ['ident', 'global', 'value', 'block', 'number', 'string', 'punct', 'eof'];
const KIND_CODE: Readonly<Record<TokenKind, number>> = Object.fromEntries(KIND_LIST.map((k, i) => [k, i])) as Record<
  TokenKind,
  number
>;
const PUNCT_CODE = KIND_CODE.punct;

/** A typed array that grows by doubling: one number per entry, no object. */
class IntList<A extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  /** The entries, sharing the buffer (the unused tail stays allocated until dropped). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

const int32List = (capacity: number): IntList<Int32Array> =>
  new IntList(new Int32Array(Math.max(16, capacity)), (n) => new Int32Array(n));
const uint8List = (capacity: number): IntList<Uint8Array> =>
  new IntList(new Uint8Array(Math.max(16, capacity)), (n) => new Uint8Array(n));

/**
 * The tokens of one source, one slot per token in flat typed arrays: a module of a million
 * tokens costs a few megabytes instead of a million objects. `token(i)` makes the object
 * form the parser reads, on demand.
 */
export class TokenList {
  constructor(
    readonly src: string,
    readonly source: SourceMap,
    private readonly kinds: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly lines: Int32Array,
    private readonly lineStarts: Int32Array,
    /** The decoded bytes of each string literal, by token index. */
    private readonly strings: ReadonlyMap<number, Uint8Array>,
    /** The names of quoted symbols (`@"n.<genexpr>"`), by token index. */
    private readonly quotedNames: ReadonlyMap<number, string>,
  ) {}

  get length(): number {
    return this.kinds.length;
  }

  /** Whether token `i` is the one-character punctuation `c` (a char code), without
   *  making the token object: for skipping over function bodies. */
  isPunctCode(i: number, c: number): boolean {
    return (
      this.kinds[i] === PUNCT_CODE && this.src.charCodeAt(this.starts[i]!) === c && this.ends[i] === this.starts[i]! + 1
    );
  }

  token(i: number): Token {
    const kind = KIND_LIST[this.kinds[i]!]!;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const line = this.lines[i]!;
    const sigil = kind === 'global' || kind === 'value' || kind === 'block' ? 1 : 0;
    const t: Token = {
      kind,
      text:
        kind === 'string'
          ? this.src.slice(start, end)
          : (this.quotedNames.get(i) ?? this.src.slice(start + sigil, end)),
      line,
      col: start - this.lineStarts[line - 1]! + 1,
      start,
      end,
    };
    if (kind === 'string') t.bytes = this.strings.get(i);
    return t;
  }
}

/** One left-to-right pass. No token spans a line, so line and column only change at
 *  newlines. */
class Lexer {
  private readonly kinds: IntList<Uint8Array>;
  private readonly starts: IntList<Int32Array>;
  private readonly ends: IntList<Int32Array>;
  private readonly lines: IntList<Int32Array>;
  private readonly lineStarts = int32List(1024);
  private readonly strings = new Map<number, Uint8Array>();
  private readonly quotedNames = new Map<number, string>();
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {
    // About one token per five characters in printed IR; the lists grow when wrong.
    const guess = (src.length >> 2) + 16;
    this.kinds = uint8List(guess);
    this.starts = int32List(guess);
    this.ends = int32List(guess);
    this.lines = int32List(guess);
    this.lineStarts.push(0);
  }

  run(): TokenList {
    const src = this.src;
    while (this.pos < src.length) {
      const pos = this.pos;
      const c = src.charCodeAt(pos);
      if (c === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
        this.lineStarts.push(this.pos);
      } else if (c === 32 || c === 9 || c === 13) {
        this.pos++;
      } else if (c === 59) {
        // `;` comment to end of line
        const eol = src.indexOf('\n', pos);
        this.pos = eol < 0 ? src.length : eol;
      } else if (c === 64 && src.charCodeAt(pos + 1) === 34) {
        this.quotedSymbol(pos);
      } else if (SIGIL_KINDS[c] !== undefined) {
        const end = this.scanName(pos + 1);
        if (end === pos + 1) this.fail(`expected a name after '${src[pos]}'`, pos);
        this.push(SIGIL_KINDS[c]!, pos, end);
      } else if (PUNCT[c] !== undefined) {
        this.push('punct', pos, pos + 1);
      } else if (isNameChar(c) && !isDigit(c)) {
        this.word(pos);
      } else if (isDigit(c) || (c === 45 && isDigit(src.charCodeAt(pos + 1)))) {
        this.push('number', pos, this.scanNumber(pos));
      } else if (c === 45 && src.charCodeAt(pos + 1) === 62) {
        this.push('punct', pos, pos + 2);
      } else if (c === 45 && src.startsWith('inf', pos + 1) && !isNameChar(src.charCodeAt(pos + 4))) {
        this.push('number', pos, pos + 4);
      } else if (c === 34) {
        this.string(pos);
      } else {
        this.fail(`unexpected character '${String.fromCodePoint(src.codePointAt(pos)!)}'`, pos);
      }
    }
    this.push('eof', this.pos, this.pos);
    // Line starts outlive the parse (instruction positions refer to them): a copy of their size.
    const lineStarts = this.lineStarts.view().slice();
    return new TokenList(
      src,
      new SourceMap(this.file, lineStarts),
      this.kinds.view(),
      this.starts.view(),
      this.ends.view(),
      this.lines.view(),
      lineStarts,
      this.strings,
      this.quotedNames,
    );
  }

  private fail(message: string, at: number): never {
    throw new SourceError(message, this.file, this.line, at - this.lineStart + 1);
  }

  /** Adds a token and moves past it. */
  private push(kind: TokenKind, start: number, end: number): void {
    this.kinds.push(KIND_CODE[kind]);
    this.starts.push(start);
    this.ends.push(end);
    this.lines.push(this.line);
    this.pos = end;
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
    if (isNameChar(this.src.charCodeAt(end)))
      this.fail(`malformed number '${this.src.slice(from, this.scanName(end))}'`, from);
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
    const { bytes, close } = this.quoted(open);
    this.strings.set(this.kinds.length, bytes);
    this.push('string', open, close + 1);
  }

  /** `@"…"`: a symbol whose name has characters a bare name cannot (the printer quotes
   *  those), spelled as a string literal. */
  private quotedSymbol(at: number): void {
    const { bytes, close } = this.quoted(at + 1);
    if (close === at + 2) this.fail("expected a name after '@'", at);
    this.quotedNames.set(this.kinds.length, utf8Decoder.decode(bytes));
    this.push('global', at, close + 1);
  }

  /** The bytes of the string literal whose opening quote is at `open`, escapes decoded,
   *  and where its closing quote is. */
  private quoted(open: number): { bytes: Uint8Array; close: number } {
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
    return { bytes: Uint8Array.from(bytes), close: p };
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
  /** The last few token objects made, by index: the parser peeks at each token a few
   *  times before moving on. */
  private readonly recent: (Token | undefined)[] = [undefined, undefined, undefined, undefined];

  constructor(
    private readonly tokens: TokenList,
    readonly file: string,
  ) {}

  /** Line starts of the source, for positions recorded as offsets. */
  get source(): SourceMap {
    return this.tokens.source;
  }

  /** The text the tokens were read from. */
  get text(): string {
    return this.tokens.src;
  }

  peek(ahead = 0): Token {
    return this.at(Math.min(this.pos + ahead, this.tokens.length - 1));
  }

  private at(i: number): Token {
    const slot = i & 3;
    const cached = this.recent[slot];
    if (cached !== undefined && this.recentIndex[slot] === i) return cached;
    const t = this.tokens.token(i);
    this.recent[slot] = t;
    this.recentIndex[slot] = i;
    return t;
  }

  private readonly recentIndex = new Int32Array([-1, -1, -1, -1]);

  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  /** Moves past the next `}` (a char code) at or after the cursor, or to the end. */
  skipPast(c: number): void {
    const last = this.tokens.length - 1;
    let i = this.pos;
    while (i < last && !this.tokens.isPunctCode(i, c)) i++;
    this.pos = Math.min(i + 1, last);
  }

  /** The most recently consumed token. */
  get previous(): Token {
    return this.at(Math.max(this.pos - 1, 0));
  }

  error(at: Token, message: string): SourceError {
    return new SourceError(message, this.file, at.line, at.col);
  }

  /** An error at the next token, naming what was found there. */
  unexpected(expectation: string): SourceError {
    const t = this.peek();
    const last = this.previous;
    if (this.lineBound && t.line !== last.line) {
      return new SourceError(
        `${expectation}, found end of line`,
        this.file,
        last.line,
        last.col + (last.end - last.start),
      );
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
