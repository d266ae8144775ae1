import type { Module, TypeDecl } from '../ir/module.ts';
import type { FieldKind } from '../ir/types.ts';

/**
 * Object layout shared by every tier and collector. Each object starts with a header
 * word `typeId << 8 | gcBits`; arrays carry their length in the second word. Objects are
 * 8-byte aligned; f64 fields and elements are 8-byte aligned within the object.
 */
export const HEADER_BYTES = 4;
export const ARRAY_HEADER_BYTES = 8;
export const TYPE_ID_SHIFT = 8;
export const GC_BITS_MASK = 0xff;
export const OBJECT_ALIGN = 8;
export const MAX_TYPE_ID = (1 << 23) - 1;

export function kindSize(kind: FieldKind): number {
  return kind === 'f64' ? 8 : kind === 'i8' ? 1 : 4;
}

export interface FieldLayout {
  name: string;
  kind: FieldKind;
  offset: number;
}

export interface TypeLayout {
  id: number;
  name: string;
  kind: 'struct' | 'array';
  /** Struct: total size in bytes (header included, 8-aligned). Array: header size. */
  size: number;
  fields: FieldLayout[];
  /** Byte offsets of the ref fields (struct) — what a precise collector traces. */
  refOffsets: Int32Array;
  elem: FieldKind | null;
  elemSize: number;
  /** Offset of element 0 in an array. */
  elemOffset: number;
}

const align = (n: number, a: number): number => (n + a - 1) & ~(a - 1);

export function layoutOf(decl: TypeDecl, id: number): TypeLayout {
  if (decl.kind === 'array') {
    const elemSize = kindSize(decl.elem);
    return {
      id,
      name: decl.name,
      kind: 'array',
      size: ARRAY_HEADER_BYTES,
      fields: [],
      refOffsets: new Int32Array(0),
      elem: decl.elem,
      elemSize,
      elemOffset: ARRAY_HEADER_BYTES,
    };
  }
  let off = HEADER_BYTES;
  const fields: FieldLayout[] = [];
  for (const f of decl.fields) {
    const s = kindSize(f.kind);
    off = align(off, s);
    fields.push({ name: f.name, kind: f.kind, offset: off });
    off += s;
  }
  const refs = fields.filter((f) => f.kind === 'ref').map((f) => f.offset);
  return {
    id,
    name: decl.name,
    kind: 'struct',
    size: align(Math.max(off, 8), OBJECT_ALIGN),
    fields,
    refOffsets: Int32Array.from(refs),
    elem: null,
    elemSize: 0,
    elemOffset: 0,
  };
}

/** Runtime type ids: 0 is never a live object (free memory), ids 1.. follow module order. */
export class TypeTable {
  readonly byId: (TypeLayout | undefined)[] = [undefined];
  private readonly byName = new Map<string, TypeLayout>();

  constructor(decls: readonly TypeDecl[]) {
    for (const d of decls) this.add(d);
  }

  static forModule(m: Module): TypeTable {
    return new TypeTable(m.types);
  }

  add(decl: TypeDecl): TypeLayout {
    const existing = this.byName.get(decl.name);
    if (existing) return existing;
    const t = layoutOf(decl, this.byId.length);
    if (t.id > MAX_TYPE_ID) throw new RangeError('too many types');
    this.byId.push(t);
    this.byName.set(t.name, t);
    return t;
  }

  get(name: string): TypeLayout {
    const t = this.byName.get(name);
    if (!t) throw new Error(`unknown type :${name}`);
    return t;
  }

  field(typeName: string, field: string): FieldLayout {
    const f = this.get(typeName).fields.find((x) => x.name === field);
    if (!f) throw new Error(`:${typeName} has no field '${field}'`);
    return f;
  }

  /** Bytes an array of `length` elements occupies, header included, 8-aligned. */
  static arrayBytes(t: TypeLayout, length: number): number {
    // Not `align()`: its 32-bit bit operations would wrap for huge lengths.
    return Math.ceil((t.elemOffset + t.elemSize * length) / OBJECT_ALIGN) * OBJECT_ALIGN;
  }
}
