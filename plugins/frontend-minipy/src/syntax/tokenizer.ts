import { SourceError } from '#framework';
import { CPythonCompileError, sourceLine } from './cpython-error.ts';
import type { Token } from './tokens.ts';

// Longest first, so `**=` wins over `**` and `*`.
const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '!=',
  '==',
  '<=',
  '>=',
  '**',
  '//',
  '<<',
  '>>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '->',
  ':=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  ';',
  '@',
  '&',
  '|',
  '^',
  '~',
];
/** The operators by their first character: a token is matched against a handful, not all. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) {
  const list = OPERATORS_BY_FIRST.get(op[0]!) ?? [];
  list.push(op);
  OPERATORS_BY_FIRST.set(op[0]!, list);
}

// Character classes by char code (NaN, past the end, is in none): the tokenizer looks at
// every character of a 5 MB module, where a regex test per character cost most of its time.
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || isDigit(c);
const isDigitOrUnderscore = (c: number): boolean => isDigit(c) || c === 95;
const isHexDigitOrUnderscore = (c: number): boolean =>
  isDigitOrUnderscore(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** CPython's tokenizer limits (MAXLEVEL, MAXINDENT): brackets open at once, indentation levels. */
export const MAX_BRACKET_DEPTH = 200;
export const MAX_INDENT_LEVELS = 100;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Python's tokenizer: INDENT/DEDENT from leading whitespace, no NEWLINE inside brackets. */
export function tokenize(src: string, file: string): Token[] {
  const toks: Token[] = [];
  const indents = [0];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let atLineStart = true;
  const fail = (msg: string, at = i): never => {
    throw new SourceError(`SyntaxError: ${msg}`, file, line, at - lineStart + 1);
  };
  const push = (kind: Token['kind'], text: string, start: number, value?: string): void => {
    const token: Token = { kind, text, line, col: start - lineStart + 1 };
    if (value !== undefined) token.value = value;
    toks.push(token);
  };
  while (i < src.length) {
    if (atLineStart && depth === 0) {
      let col = 0;
      let j = i;
      while (j < src.length && (src[j] === ' ' || src[j] === '\t')) col = src[j++] === '\t' ? (col + 8) & ~7 : col + 1;
      if (j >= src.length || src[j] === '\n' || src[j] === '#' || src[j] === '\r') {
        while (j < src.length && src[j] !== '\n') j++;
        i = j + 1;
        line++;
        lineStart = i;
        continue;
      }
      i = j;
      atLineStart = false;
      if (col > indents[indents.length - 1]!) {
        if (indents.length >= MAX_INDENT_LEVELS) {
          throw new CPythonCompileError(
            'IndentationError: too many levels of indentation',
            file,
            line,
            i - lineStart + 1,
            { sourceLine: sourceLine(src, lineStart), caret: false },
          );
        }
        indents.push(col);
        push('indent', '', i);
      } else {
        while (col < indents[indents.length - 1]!) {
          indents.pop();
          push('dedent', '', i);
        }
        if (col !== indents[indents.length - 1]) fail('unindent does not match any outer indentation level');
      }
    }
    const c = src[i]!;
    if (c === '\n') {
      if (depth === 0) push('newline', '', i);
      i++;
      line++;
      lineStart = i;
      atLineStart = depth === 0;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      lineStart = i;
      continue;
    }
    const start = i;
    const code = src.charCodeAt(i);
    if (isNameStart(code) || code > 127) {
      while (isNameChar(src.charCodeAt(i))) i++;
      const word = src.slice(start, i);
      if ((src[i] === '"' || src[i] === "'") && /^(?:[rR]?[fF]?|[fF][rR]|[uU])$/.test(word)) {
        // f-strings keep their raw body: the parser splits it into text and fields.
        const formatted = /[fF]/.test(word);
        const r = scanString(src, i, fail, /[rR]/.test(word) || formatted);
        for (let k = i; k < r.end; k++)
          if (src[k] === '\n') {
            line++;
            lineStart = k + 1;
          }
        i = r.end;
        const startLine = line - [...src.slice(start, i)].filter((ch) => ch === '\n').length;
        const token: Token = { kind: formatted ? 'fstr' : 'str', text: src.slice(start, i), line: startLine, col: 0 };
        token.col = start - (src.lastIndexOf('\n', start - 1) + 1) + 1;
        token.value = r.value;
        toks.push(token);
        continue;
      }
      if ((src[i] === '"' || src[i] === "'") && /^[rRbBfFuU]{1,2}$/.test(word))
        fail(`string prefix '${word}' is not supported`, start);
      if (i === start) fail(`invalid character '${c}'`);
      push('name', word, start);
      continue;
    }
    if (isDigit(code) || (c === '.' && isDigit(src.charCodeAt(i + 1)))) {
      i = scanNumber(src, i, fail);
      const text = src.slice(start, i);
      push(/[.eE]/.test(text) && !/^0[xob]/i.test(text) ? 'float' : 'int', text.replace(/_/g, ''), start);
      if (/[A-Za-z_]/.test(src[i] ?? '')) fail('invalid decimal literal', start);
      continue;
    }
    if (c === '"' || c === "'") {
      const r = scanString(src, i, fail);
      for (let k = i; k < r.end; k++)
        if (src[k] === '\n') {
          line++;
          lineStart = k + 1;
        }
      i = r.end;
      push('str', src.slice(start, i), start, r.value);
      continue;
    }
    const op = OPERATORS_BY_FIRST.get(c)?.find((o) => src.startsWith(o, i));
    if (!op) fail(`invalid character '${c}'`);
    i += op!.length;
    if ('([{'.includes(op!)) {
      if (depth >= MAX_BRACKET_DEPTH) {
        throw new CPythonCompileError('SyntaxError: too many nested parentheses', file, line, start - lineStart + 1, {
          sourceLine: sourceLine(src, lineStart),
          caret: true,
        });
      }
      depth++;
    }
    if (')]}'.includes(op!)) depth = Math.max(0, depth - 1);
    push('op', op!, start);
  }
  if (toks.length > 0 && toks[toks.length - 1]!.kind !== 'newline' && toks[toks.length - 1]!.kind !== 'dedent')
    push('newline', '', i);
  while (indents.length > 1) {
    indents.pop();
    push('dedent', '', i);
  }
  push('eof', '', i);
  return toks;
}

function scanNumber(src: string, i: number, fail: (m: string, at?: number) => never): number {
  const start = i;
  if (src[i] === '0' && /[xXoObB]/.test(src[i + 1] ?? '')) {
    i += 2;
    while (isHexDigitOrUnderscore(src.charCodeAt(i))) i++;
    return i;
  }
  while (isDigitOrUnderscore(src.charCodeAt(i))) i++;
  if (src[i] === '.') {
    i++;
    while (isDigitOrUnderscore(src.charCodeAt(i))) i++;
  }
  if (/[eE]/.test(src[i] ?? '')) {
    i++;
    if (/[+-]/.test(src[i] ?? '')) i++;
    if (!isDigit(src.charCodeAt(i))) fail('invalid decimal literal', start);
    while (isDigitOrUnderscore(src.charCodeAt(i))) i++;
  }
  if (/[jJ]/.test(src[i] ?? '')) fail('complex numbers are not supported', start);
  return i;
}

function scanString(
  src: string,
  i: number,
  fail: (m: string, at?: number) => never,
  raw = false,
): { end: number; value: string } {
  const q = src[i]!;
  const triple = src.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  let j = i + close.length;
  let value = '';
  for (;;) {
    if (j >= src.length) fail(triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal', i);
    if (src.startsWith(close, j)) return { end: j + close.length, value };
    const ch = src[j]!;
    if (ch === '\n' && !triple) fail('unterminated string literal', i);
    if (ch !== '\\') {
      value += ch;
      j++;
      continue;
    }
    const e = src[j + 1] ?? '';
    if (raw) {
      value += ch + e;
      j += 2;
      continue;
    }
    if (e === '\n') {
      j += 2;
      continue;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = src.slice(j + 2, j + 2 + n);
      if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(hex)) fail(`truncated \\${e} escape`, j);
      value += String.fromCodePoint(parseInt(hex, 16));
      j += 2 + n;
      continue;
    }
    const mapped = ESCAPES[e];
    value += mapped ?? `\\${e}`;
    j += 2;
  }
}

/** The value of a string body's escapes (an f-string's literal text is scanned raw first). */
export function decodeEscapes(raw: string): string {
  let out = '';
  for (let j = 0; j < raw.length; ) {
    const ch = raw[j]!;
    if (ch !== '\\' || j + 1 >= raw.length) {
      out += ch;
      j++;
      continue;
    }
    const e = raw[j + 1]!;
    if (e === '\n') {
      j += 2;
      continue;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(raw.slice(j + 2, j + 2 + n), 16));
      j += 2 + n;
      continue;
    }
    out += ESCAPES[e] ?? `\\${e}`;
    j += 2;
  }
  return out;
}
