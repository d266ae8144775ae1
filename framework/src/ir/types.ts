/** The three IR value types. `ref` is one 32-bit word: a heap pointer when non-zero with
 *  low two bits 00, otherwise an immediate (low bit 1: small int; low bits 10: other). */
export type ValType = 'i32' | 'f64' | 'ref';
export const VAL_TYPES: readonly ValType[] = ['i32', 'f64', 'ref'];

/** What a struct field or array element holds; `i8` is an unsigned byte read as i32. */
export type FieldKind = ValType | 'i8';
export const FIELD_KINDS: readonly FieldKind[] = ['i32', 'f64', 'ref', 'i8'];

export function fieldValueType(kind: FieldKind): ValType {
  return kind === 'i8' ? 'i32' : kind;
}

export interface Signature {
  params: ValType[];
  result: ValType | null;
}

export function sigToString(sig: Signature): string {
  return `(${sig.params.join(', ')})${sig.result ? ` -> ${sig.result}` : ''}`;
}

export function sameSignature(a: Signature, b: Signature): boolean {
  return a.result === b.result && a.params.length === b.params.length && a.params.every((p, i) => p === b.params[i]);
}

export function isValType(s: string): s is ValType {
  return s === 'i32' || s === 'f64' || s === 'ref';
}

export function isFieldKind(s: string): s is FieldKind {
  return isValType(s) || s === 'i8';
}
