import { GRANULE_SHIFT } from './size-classes.ts';

/** One host-side mark bit per 8-byte granule of the heap; objects never carry mark state.
 *  Clearing touches only the words up to the highest one marked: the heap is reserved at its
 *  maximum (256 MiB: 4 MiB of bits) and most collections mark a few pages' worth. */
export class MarkBits {
  private readonly bits: Uint32Array;
  /** One past the highest word set since the last clear. */
  private dirtyEnd = 0;

  constructor(
    private readonly heapBase: number,
    heapBytes: number,
  ) {
    this.bits = new Uint32Array(Math.ceil((heapBytes >>> GRANULE_SHIFT) / 32));
  }

  clear(): void {
    this.bits.fill(0, 0, this.dirtyEnd);
    this.dirtyEnd = 0;
  }

  isMarked(addr: number): boolean {
    const g = (addr - this.heapBase) >>> GRANULE_SHIFT;
    return (this.bits[g >>> 5]! & (1 << (g & 31))) !== 0;
  }

  /** Sets the bit; false when it was already set. */
  mark(addr: number): boolean {
    const g = (addr - this.heapBase) >>> GRANULE_SHIFT;
    const word = g >>> 5;
    const bit = 1 << (g & 31);
    const old = this.bits[word]!;
    if ((old & bit) !== 0) return false;
    this.bits[word] = old | bit;
    if (word >= this.dirtyEnd) this.dirtyEnd = word + 1;
    return true;
  }
}
