import { parseFloatText } from '../ir/text/float-text.ts';
import type { ValType } from '../ir/types.ts';
import type { Literal } from './spec.ts';

const INT_TEXT = /^(-?)(0[xX][0-9a-fA-F]+|[0-9]+)$/;
const INT_MIN = -(2n ** 31n);
const UINT_MAX = 2n ** 32n - 1n;

/** Classifies one literal as written in a `; run:` line; null when it is none. */
export function classifyLiteral(text: string, col: number): Literal | null {
  if (text === 'null') return { kind: 'null', text, col };
  if (INT_TEXT.test(text)) return { kind: 'int', text, col };
  if (parseFloatText(text) !== null) return { kind: 'float', text, col };
  return null;
}

/**
 * The number a literal stands for as a value of `type` (i32 and ref as int32, f64 as a
 * double), or a message saying why it cannot be one. Integers follow the IR's `iconst`:
 * signed or unsigned 32-bit, wrapped. A ref literal is its raw bits; `null` is 0. An
 * integer given for an f64 is that integer, correctly rounded.
 */
export function literalValue(lit: Literal, type: ValType): number | string {
  switch (lit.kind) {
    case 'null':
      return type === 'ref' ? 0 : `null is not ${withArticle(type)}`;
    case 'float':
      return type === 'f64' ? parseFloatText(lit.text)! : `${lit.text} is a float, not ${withArticle(type)}`;
    case 'int': {
      const n = bigIntOf(lit.text);
      if (type === 'f64') return Number(n);
      if (n < INT_MIN || n > UINT_MAX) return `${lit.text} does not fit in 32 bits`;
      return Number(BigInt.asIntN(32, n));
    }
  }
}

function bigIntOf(text: string): bigint {
  const m = INT_TEXT.exec(text)!;
  const magnitude = BigInt(m[2]!);
  return m[1] === '-' ? -magnitude : magnitude;
}

function withArticle(type: ValType): string {
  return type === 'ref' ? 'a ref' : `an ${type}`;
}
