import { readChunkSync } from '#framework';

const CHUNK = 65536;
const SYMBOL = '+-*/\\^<>=~:.?@#&$';

/**
 * Standard input as SWI-Prolog's `user_input` stream: read lazily (a chunk at a time, so a
 * program reading a pipe sees input as it comes), decoded as UTF-8, with the position SWI
 * reports in a syntax error (line from 1, column from 0, character count from 0).
 */
export class InputStream {
  private buf = '';
  private pos = 0;
  private eof = false;
  private readonly decoder = new TextDecoder('utf-8');
  line = 1;
  linePos = 0;
  charNo = 0;

  constructor(private readonly fd = 0) {}

  /** Reads more text into the buffer; false at end of input. */
  private fill(): boolean {
    if (this.eof) return false;
    const bytes = Buffer.alloc(CHUNK);
    const n = readChunkSync(this.fd, bytes);
    if (n === 0) {
      this.eof = true;
      this.buf = this.buf.slice(this.pos) + this.decoder.decode();
      this.pos = 0;
      return this.buf.length > 0;
    }
    this.buf = this.buf.slice(this.pos) + this.decoder.decode(bytes.subarray(0, n), { stream: true });
    this.pos = 0;
    return true;
  }

  /** The character `ahead` characters on (UTF-16 units), reading as needed; '' at the end. */
  private at(ahead: number): string {
    while (this.pos + ahead >= this.buf.length) if (!this.fill()) return '';
    return this.buf[this.pos + ahead]!;
  }

  /** The next character (a whole code point), or null at end of input. */
  peekChar(): string | null {
    const c = this.at(0);
    if (c === '') return null;
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) return c + this.at(1);
    return c;
  }

  getChar(): string | null {
    const c = this.peekChar();
    if (c !== null) this.advance(c.length);
    return c;
  }

  private advance(units: number): void {
    const text = this.buf.slice(this.pos, this.pos + units);
    for (const c of text) {
      this.charNo++;
      if (c === '\n') {
        this.line++;
        this.linePos = 0;
      } else this.linePos++;
    }
    this.pos += units;
  }

  /**
   * The text of the next clause, through its end `.` (the layout after it stays unread, as
   * in SWI-Prolog), or what is left before the end of input; null when only layout is left.
   * Quoted text, `0'c` and comments are skipped while looking for the end.
   */
  readClauseText(): string | null {
    let i = 0;
    let seen = false;
    const ch = (k: number): string => this.at(k);
    for (;;) {
      const c = ch(i);
      if (c === '') break;
      if (c === '%') {
        while (ch(i) !== '' && ch(i) !== '\n') i++;
        continue;
      }
      if (c === '/' && ch(i + 1) === '*') {
        i += 2;
        while (ch(i) !== '' && !(ch(i) === '*' && ch(i + 1) === '/')) i++;
        i += 2;
        continue;
      }
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '0' && ch(i + 1) === "'" && !/\w/.test(i > 0 ? ch(i - 1) : ' ')) {
        seen = true;
        i += ch(i + 2) === '\\' || (ch(i + 2) === "'" && ch(i + 3) === "'") ? 4 : 3;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') {
        seen = true;
        i++;
        for (;;) {
          const d = ch(i);
          if (d === '') break;
          if (d === '\\') i += 2;
          else if (d === c && ch(i + 1) === c) i += 2;
          else if (d === c) {
            i++;
            break;
          } else i++;
        }
        continue;
      }
      if (c === '.' && !(i > 0 && SYMBOL.includes(ch(i - 1)))) {
        const next = ch(i + 1);
        if (next === '' || /\s/.test(next) || next === '%') {
          const text = this.buf.slice(this.pos, this.pos + i + 1);
          this.advance(i + 1);
          return text;
        }
      }
      seen = true;
      i++;
    }
    const rest = this.buf.slice(this.pos);
    this.advance(rest.length);
    return seen ? rest : null;
  }
}
