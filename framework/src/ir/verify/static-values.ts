import { isValType, type FieldKind, type Signature } from '../types.ts';
import type { SymbolIndex } from './symbols.ts';

export function isInt32(x: number): boolean {
  return Number.isInteger(x) && x === (x | 0);
}

/** A ref written as a number must not look like a heap pointer: static data can only point
 *  at consts, by name, so the loader can place them. */
export function isNonPointerImmediate(x: number): boolean {
  return isInt32(x) && (x === 0 || (x & 3) !== 0);
}

/** Why `value` cannot initialise a global or const slot of the given kind, or null when it can. */
export function staticValueProblem(kind: FieldKind, value: number | string, syms: SymbolIndex): string | null {
  if (typeof value === 'string') {
    if (kind !== 'ref') return `@${value} given for a ${kind} slot; only ref slots may name a const`;
    return syms.consts.has(value) ? null : `@${value} is not a const`;
  }
  switch (kind) {
    case 'i32':
      return isInt32(value) ? null : `${value} is not an i32`;
    case 'i8':
      return Number.isInteger(value) && value >= 0 && value <= 255 ? null : `${value} is not an i8 (0..255)`;
    case 'f64':
      return typeof value === 'number' ? null : `${String(value)} is not an f64`;
    case 'ref':
      if (!isInt32(value)) return `${value} is not a 32-bit ref immediate`;
      return isNonPointerImmediate(value)
        ? null
        : `ref immediate ${value} has low bits 00 like a heap pointer; name a const instead`;
  }
}

/** Problems with the types a signature mentions (modules built in code bypass the parser's checks). */
export function signatureProblems(sig: Signature): string[] {
  const problems: string[] = [];
  sig.params.forEach((p, i) => {
    if (!isValType(p)) problems.push(`parameter ${i + 1} has invalid type '${String(p)}'`);
  });
  if (sig.result !== null && !isValType(sig.result)) problems.push(`result has invalid type '${String(sig.result)}'`);
  return problems;
}
