import { TypeTable, type TypeDecl } from '#framework';
import type { LowerContext } from './lower-context.ts';
import { CONST_STRUCT, STRUCT_FIELDS, STRUCT_TYPE } from './recipe-decls.ts';
import type { ElemKind, StructField } from './recipe.ts';

// Raw recipes address the const struct's fields as memory: the address is the struct's
// (`ref.bits` of `gaddr`), the offset the field's in the object layout of docs/ir.md.

const STRUCT_DECL: TypeDecl = { kind: 'struct', name: STRUCT_TYPE, fields: STRUCT_FIELDS.map((f) => ({ ...f })) };
const LAYOUT = new TypeTable([STRUCT_DECL]).get(STRUCT_TYPE);

/** The address of the const struct, and the byte offset and kind of one of its fields. */
export function constFieldAddress(
  ctx: LowerContext,
  field: StructField,
): { address: number; offset: number; kind: ElemKind } {
  const layout = LAYOUT.fields.find((f) => f.name === field)!;
  const address = ctx.b.emit('ref.bits', [ctx.b.emit('gaddr', [], { sym: CONST_STRUCT })], {});
  return { address, offset: layout.offset, kind: layout.kind };
}
