import type { GuestMemory } from '../runtime/guest-memory.ts';
import { TYPE_ID_SHIFT, TypeTable, type TypeLayout } from '../runtime/object-layout.ts';
import { HeapCorruption, type RootVisitor } from './interface.ts';

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * Reads objects in guest memory as a collector walks them: type from the header, size,
 * and the ref slots, visited and written back. Shared by the collectors that copy or
 * compact, which all need the same three things.
 */
export class ObjectWalker {
  private readonly words: Int32Array;
  private readonly base: number;

  constructor(
    memory: GuestMemory,
    private readonly types: TypeTable,
  ) {
    this.words = memory.i32;
    this.base = memory.base;
  }

  typeAt(addr: number): TypeLayout {
    const header = this.words[(addr - this.base) >> 2]!;
    const type = this.types.byId[header >>> TYPE_ID_SHIFT];
    if (!type) throw new HeapCorruption(`object ${hex(addr)} has a bad header ${hex(header)}`);
    return type;
  }

  sizeOf(addr: number): number {
    const type = this.typeAt(addr);
    return type.kind === 'struct' ? type.size : TypeTable.arrayBytes(type, this.words[((addr - this.base) >> 2) + 1]!);
  }

  /** Visits every ref slot of the object at `addr`, storing back what `visit` returns;
   *  returns the object's size. */
  updateRefs(addr: number, visit: RootVisitor): number {
    const words = this.words;
    const type = this.typeAt(addr);
    const at = (addr - this.base) >> 2;
    if (type.kind === 'struct') {
      const offsets = type.refOffsets;
      for (let i = 0; i < offsets.length; i++) {
        const w = at + (offsets[i]! >> 2);
        const ref = words[w]!;
        const moved = visit(ref);
        if (moved !== ref) words[w] = moved;
      }
      return type.size;
    }
    const length = words[at + 1]!;
    if (type.elem === 'ref') {
      const first = at + (type.elemOffset >> 2);
      for (let i = 0; i < length; i++) {
        const ref = words[first + i]!;
        const moved = visit(ref);
        if (moved !== ref) words[first + i] = moved;
      }
    }
    return TypeTable.arrayBytes(type, length);
  }
}
