import { HeapCorruption, TYPE_ID_SHIFT, type GuestMemory, type ObjectWalker } from '#framework';

/**
 * A header bit (below the type id) set on an old object while it is in the remembered set.
 * Compiled code's barrier tests it, so an old object handed young refs over and over (a
 * Prolog engine's choice-point stack, a findall bag) costs one host call per minor
 * collection, not one per store. No type id is shifted into it, and every header reader
 * shifts it away.
 */
export const REMEMBERED_BIT = 1 << 1;
if (REMEMBERED_BIT >= 1 << TYPE_ID_SHIFT) throw new Error('REMEMBERED_BIT overlaps the type id');

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * The old objects that may hold refs into the nursery: what the write barrier told of,
 * filtered to holders in the old generation (a store into a young object needs nothing,
 * the minor collection scans it if it survives). A minor collection treats them as roots.
 */
export class RememberedSet {
  private readonly holders = new Set<number>();
  private readonly words: Int32Array;
  private readonly base: number;

  constructor(
    memory: GuestMemory,
    private readonly oldBase: number,
    private readonly nurseryBase: number,
  ) {
    this.words = memory.i32;
    this.base = memory.base;
  }

  remember(holder: number): void {
    if (holder < this.oldBase || holder >= this.nurseryBase || this.holders.has(holder)) return;
    this.holders.add(holder);
    this.words[(holder - this.base) >> 2]! |= REMEMBERED_BIT;
  }

  get size(): number {
    return this.holders.size;
  }

  forEach(fn: (holder: number) => void): void {
    for (const h of this.holders) fn(h);
  }

  /** Forgets every holder and clears its header bit: call it while the holders are still
   *  where they were remembered (before a major collection moves them). */
  clear(): void {
    for (const h of this.holders) this.words[(h - this.base) >> 2]! &= ~REMEMBERED_BIT;
    this.holders.clear();
  }

  /**
   * The barrier's proof, run before a minor collection under verification: every old
   * object in [oldBase, oldTop) with a ref into the nursery must have been remembered.
   */
  checkComplete(walker: ObjectWalker, oldTop: number, nurseryEnd: number): void {
    for (let addr = this.oldBase; addr < oldTop; ) {
      const holder = addr;
      addr += walker.updateRefs(holder, (ref) => {
        if ((ref & 3) === 0 && ref >= this.nurseryBase && ref < nurseryEnd && !this.holders.has(holder)) {
          throw new HeapCorruption(
            `old object ${hex(holder)} (:${walker.typeAt(holder).name}) holds the young ${hex(ref)} ` +
              'but is not in the remembered set: a ref store without a write barrier',
          );
        }
        return ref;
      });
    }
  }
}
