import { SourceError } from '../diagnostics.ts';
import { isTrapKind, TRAP_KINDS } from '../ir/traps.ts';
import { classifyLiteral } from './literal.ts';
import type { Expectation, Literal, RunLine } from './spec.ts';

const NAME = /[A-Za-z_.$][A-Za-z0-9_.$]*/y;
const WORD = /[^\s,()]+/y;

/**
 * Reads the text after `; run:` — `@f(1, 2.5, null) == 3`, `@f() traps div_by_zero` or
 * `@f(1)` — reporting errors at file:line:col. `startCol` is the 1-based column where
 * `text` begins in its line.
 */
export function parseRunLine(text: string, file: string, line: number, startCol: number): Omit<RunLine, 'out'> {
  const scan = new LineScanner(text, file, line, startCol);
  scan.skipSpace();
  const col = scan.col();
  scan.expect('@', 'expected @function after run:');
  const func = scan.match(NAME, 'expected a function name after @');
  scan.skipSpace();
  scan.expect('(', `expected '(' after @${func}`);
  const args: Literal[] = [];
  scan.skipSpace();
  if (!scan.accept(')')) {
    for (;;) {
      args.push(scan.literal('an argument'));
      scan.skipSpace();
      if (scan.accept(')')) break;
      scan.expect(',', "expected ',' or ')' in the argument list");
      scan.skipSpace();
    }
  }
  const expect = expectation(scan);
  scan.skipSpace();
  if (!scan.atEnd()) scan.fail('unexpected text after the run line');
  return { line, col, func, args, expect };
}

function expectation(scan: LineScanner): Expectation {
  scan.skipSpace();
  if (scan.atEnd()) return { kind: 'none' };
  if (scan.accept('==')) {
    scan.skipSpace();
    return { kind: 'value', literal: scan.literal('an expected value') };
  }
  if (scan.acceptWord('traps')) {
    scan.skipSpace();
    const at = scan.col();
    const kind = scan.match(WORD, 'expected a trap kind after traps');
    if (!isTrapKind(kind)) scan.failAt(at, `unknown trap kind '${kind}' (known: ${TRAP_KINDS.join(', ')})`);
    return { kind: 'trap', trap: kind };
  }
  return scan.fail("expected '== value', 'traps kind' or the end of the line");
}

/** A cursor over one directive's text that reports errors with their column. */
class LineScanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly line: number,
    private readonly startCol: number,
  ) {}

  col(): number {
    return this.startCol + this.pos;
  }
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  accept(s: string): boolean {
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }
  acceptWord(word: string): boolean {
    const after = this.text[this.pos + word.length];
    if (!this.text.startsWith(word, this.pos) || (after !== undefined && !/\s/.test(after))) return false;
    this.pos += word.length;
    return true;
  }
  expect(s: string, message: string): void {
    if (!this.accept(s)) this.fail(message);
  }
  match(re: RegExp, message: string): string {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return this.fail(message);
    this.pos = re.lastIndex;
    return m[0];
  }
  literal(what: string): Literal {
    const at = this.col();
    const word = this.match(WORD, `expected ${what}`);
    return (
      classifyLiteral(word, at) ?? this.failAt(at, `'${word}' is not a literal (an integer, a float, nan, inf or null)`)
    );
  }
  fail(message: string): never {
    return this.failAt(this.col(), message);
  }
  failAt(col: number, message: string): never {
    throw new SourceError(message, this.file, this.line, col);
  }
}
