import { HeapCorruption, type ObjectWalker } from '#framework';

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * The old objects that may hold refs into the nursery: what the write barrier told of,
 * filtered to holders in the old generation (a store into a young object needs nothing,
 * the minor collection scans it if it survives). A minor collection treats them as roots.
 */
export class RememberedSet {
  private readonly holders = new Set<number>();

  constructor(
    private readonly oldBase: number,
    private readonly nurseryBase: number,
  ) {}

  remember(holder: number): void {
    if (holder >= this.oldBase && holder < this.nurseryBase) this.holders.add(holder);
  }

  get size(): number {
    return this.holders.size;
  }

  forEach(fn: (holder: number) => void): void {
    for (const h of this.holders) fn(h);
  }

  clear(): void {
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
