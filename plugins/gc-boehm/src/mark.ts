import type { RootSource } from '#framework';
import { Worklist } from '#framework';
import type { GuestMemory } from '#framework';
import { TYPE_ID_SHIFT as HEADER_TYPE_SHIFT, type TypeTable } from '#framework';
import type { MarkBits } from './mark-bits.ts';
import type { ObjectFinder } from './object-finder.ts';
import type { PageMap } from './page-map.ts';

// A local copy: imported bindings cost a getter call per use under the TS loader (docs/decisions.md).
const TYPE_ID_SHIFT = HEADER_TYPE_SHIFT;

/**
 * Marks everything reachable from the roots, precisely inside the heap: struct ref fields
 * from the type table, every element of ref arrays. A word is followed only when it is a
 * pointer (non-zero, low bits 00) to an allocated object start in the heap; pointers into
 * static data are accepted and not followed (consts are immortal and their ref fields are
 * roots of the static image). An explicit worklist replaces recursion.
 */
export class Marker {
  private readonly pending = new Worklist(4096);
  private readonly words: Int32Array;
  private readonly memoryBase: number;

  constructor(
    memory: GuestMemory,
    private readonly types: TypeTable,
    private readonly pages: PageMap,
    private readonly finder: ObjectFinder,
    private readonly bits: MarkBits,
  ) {
    this.words = memory.i32;
    this.memoryBase = memory.base;
  }

  /** Marks and returns the number of objects marked. */
  markFrom(roots: Iterable<RootSource>): number {
    this.bits.clear();
    this.pending.clear();
    // A non-moving collector hands every root back unchanged.
    const visit = (ref: number): number => {
      this.markRef(ref);
      return ref;
    };
    for (const source of roots) source.visitRoots(visit);
    return this.drain();
  }

  private markRef(ref: number): void {
    if (ref === 0 || (ref & 3) !== 0) return;
    if (!this.finder.isObject(ref)) return;
    if (this.bits.mark(ref)) this.pending.push(ref);
  }

  private drain(): number {
    const { words, memoryBase, types, pending } = this;
    let objects = 0;
    while (!pending.isEmpty()) {
      const addr = pending.pop();
      const at = (addr - memoryBase) >> 2;
      objects++;
      const type = types.byId[words[at]! >>> TYPE_ID_SHIFT];
      // An unknown type id is corruption; the verifier reports it, marking just stops here.
      if (!type) continue;
      if (type.kind === 'struct') {
        const offsets = type.refOffsets;
        for (let i = 0; i < offsets.length; i++) this.markRef(words[at + (offsets[i]! >> 2)]!);
      } else if (type.elem === 'ref') {
        const first = at + (type.elemOffset >> 2);
        // Clamped to the block so that a corrupt length cannot send marking past it.
        const end = Math.min(first + Math.max(words[at + 1]!, 0), at + (this.pages.blockBytes(addr) >> 2));
        for (let w = first; w < end; w++) this.markRef(words[w]!);
      }
    }
    return objects;
  }
}
