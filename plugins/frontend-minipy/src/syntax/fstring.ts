import type { Expr, FPart, Pos } from './ast.ts';
import type { Token } from './tokens.ts';
import { decodeEscapes } from './tokenizer.ts';

/** Parses one expression's source found at `at` (the caller tokenizes and parses it). */
export type SubExpression = (src: string, at: Pos) => Expr;

/**
 * Splits an f-string token's raw body into literal text and replacement fields
 * `{expr[=][!conv][:spec]}`; a spec may itself hold fields (`{x:{width}}`).
 */
export function parseFString(tok: Token, parseExpr: SubExpression, fail: (msg: string, at: Pos) => never): FPart[] {
  const text = tok.text;
  const body = tok.value!;
  const raw = /^[a-zA-Z]*[rR]/.test(text);
  const bodyStart = text.length - body.length - (text.endsWith('"""') || text.endsWith("'''") ? 3 : 1);
  const posAt = (k: number): Pos => {
    const upTo = text.slice(0, bodyStart + k);
    const nl = upTo.lastIndexOf('\n');
    const line = tok.line + (upTo.match(/\n/g)?.length ?? 0);
    return { line, col: nl < 0 ? tok.col + upTo.length : upTo.length - nl };
  };
  const literal = (s: string): string => (raw ? s : decodeEscapes(s));

  /** Parses from `k` to the end of the body, or (inside a spec) to the `}` closing it. */
  const parseParts = (start: number, inSpec: boolean, depth: number): { parts: FPart[]; end: number } => {
    const parts: FPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit !== '') parts.push({ kind: 'text', value: literal(lit) });
      lit = '';
    };
    let k = start;
    while (k < body.length) {
      const c = body[k]!;
      if (c === '}' && inSpec) break;
      if (c === '{' && body[k + 1] === '{' && !inSpec) {
        lit += '{';
        k += 2;
        continue;
      }
      if (c === '}') {
        if (body[k + 1] !== '}') fail("f-string: single '}' is not allowed", posAt(k));
        lit += '}';
        k += 2;
        continue;
      }
      if (c !== '{') {
        lit += c;
        k++;
        continue;
      }
      if (depth >= 2) fail('f-string: expressions nested too deeply', posAt(k));
      flush();
      k = field(k, parts, depth);
    }
    if (inSpec && k >= body.length) fail("f-string: expecting '}'", posAt(start));
    flush();
    return { parts, end: k };
  };

  /** Parses the field starting at `{` (index k); returns the index after its `}`. */
  const field = (k: number, parts: FPart[], depth: number): number => {
    let j = k + 1;
    let nest = 0;
    let selfDoc = false;
    while (j < body.length) {
      const ch = body[j]!;
      if (ch === "'" || ch === '"') {
        const close = body.indexOf(ch, j + 1);
        if (close < 0) fail('f-string: unterminated string', posAt(j));
        j = close + 1;
        continue;
      }
      if (ch === '\\') fail('f-string expression part cannot include a backslash', posAt(j));
      if (ch === '#') fail("f-string expression part cannot include '#'", posAt(j));
      if ('=!<>'.includes(ch) && body[j + 1] === '=') {
        j += 2;
        continue;
      }
      if ('([{'.includes(ch)) nest++;
      else if (')]'.includes(ch)) nest--;
      else if (ch === '}') {
        if (nest === 0) break;
        nest--;
      } else if (nest === 0 && (ch === '!' || ch === ':')) break;
      else if (nest === 0 && ch === '=') {
        selfDoc = true;
        j++;
        break;
      }
      j++;
    }
    const exprEnd = selfDoc ? j - 1 : j;
    const src = body.slice(k + 1, exprEnd);
    if (src.trim() === '') fail('f-string: empty expression not allowed', posAt(k));
    if (selfDoc) {
      while (j < body.length && /\s/.test(body[j]!)) j++;
      parts.push({ kind: 'text', value: body.slice(k + 1, j) });
    }
    const value = parseExpr(src, posAt(k + 1));
    let conv: 's' | 'r' | 'a' | '' = selfDoc ? 'r' : '';
    const explicitConv = body[j] === '!';
    if (explicitConv) {
      const cc = body[j + 1] ?? '';
      if (cc !== 's' && cc !== 'r' && cc !== 'a')
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'", posAt(j + 1));
      conv = cc;
      j += 2;
    }
    let spec: Expr | null = null;
    if (body[j] === ':') {
      const r = parseParts(j + 1, true, depth + 1);
      const at = posAt(j + 1);
      spec =
        r.parts.length === 0
          ? { kind: 'str', value: '', ...at }
          : r.parts.length === 1 && r.parts[0]!.kind === 'text'
            ? { kind: 'str', value: r.parts[0].value, ...at }
            : { kind: 'fstring', parts: r.parts, ...at };
      // `{x=:.2f}` formats x; the self-documenting default `!r` applies without a spec.
      if (selfDoc && !explicitConv) conv = '';
      j = r.end;
    }
    if (body[j] !== '}') fail("f-string: expecting '}'", posAt(j));
    parts.push({ kind: 'field', value, conv, spec });
    return j + 1;
  };

  return parseParts(0, false, 0).parts;
}
