import type { Module } from '#framework';
import type { ValType } from '#framework';
import type { ElemKind, NumType, StructField } from './recipe.ts';

/** The declarations every lowered recipe shares: one struct, one array type per element
 *  kind, a global of each number type, and the output externs. */
export const STRUCT_TYPE = 'obj';
export const STRUCT_FIELDS: readonly { name: StructField; kind: ElemKind }[] = [
  { name: 'i', kind: 'i32' },
  { name: 'f', kind: 'f64' },
  { name: 'r', kind: 'ref' },
  { name: 'b', kind: 'i8' },
];
export const ELEM_KINDS: readonly ElemKind[] = ['i32', 'f64', 'ref', 'i8'];

export function arrayType(elem: ElemKind): string {
  return `arr_${elem}`;
}

export function globalName(t: NumType): string {
  return `g_${t}`;
}

export function printExtern(t: NumType): string {
  return `print_${t}`;
}

export const REF_GLOBAL = 'g_ref';
export const CONST_STRUCT = 'k_obj';
export const CONST_ARRAY = 'k_arr';
export const CONST_ARRAY_VALUES: readonly number[] = [3, -1, 2147483647, 0];

/** A signature no recipe function has: an indirect call with it traps bad_function. */
export const FOREIGN_SIGNATURE = { params: ['ref', 'ref', 'ref'] as ValType[], result: null };

export function declareRecipeBasics(m: Module): void {
  m.types.push({ kind: 'struct', name: STRUCT_TYPE, fields: STRUCT_FIELDS.map((f) => ({ ...f })) });
  for (const elem of ELEM_KINDS) m.types.push({ kind: 'array', name: arrayType(elem), elem });
  m.globals.push({ name: globalName('i32'), type: 'i32', init: 7 });
  m.globals.push({ name: globalName('f64'), type: 'f64', init: 0.5 });
  m.globals.push({ name: REF_GLOBAL, type: 'ref', init: CONST_STRUCT });
  m.consts.push({ name: CONST_ARRAY, type: arrayType('i32'), values: [...CONST_ARRAY_VALUES] });
  m.consts.push({ name: CONST_STRUCT, type: STRUCT_TYPE, values: [-5, 2.5, CONST_ARRAY, 200] });
  for (const t of ['i32', 'f64'] as const) {
    m.externs.push({ name: printExtern(t), sig: { params: [t], result: null }, collects: false, raises: false });
  }
}
