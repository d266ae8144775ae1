import { OBJECT_ALIGN } from '../runtime/object-layout.ts';

const GRANULE_SHIFT = Math.log2(OBJECT_ALIGN);

/** One bit per 8-byte granule of the heap: set where an object starts. Exact answers to
 *  isObject, which the verifier and the conservative scans of other engines ask. */
export class ObjectStarts {
  private readonly bits: Uint32Array;

  constructor(
    private readonly heapBase: number,
    private readonly heapEnd: number,
  ) {
    this.bits = new Uint32Array(Math.ceil((heapEnd - heapBase) / OBJECT_ALIGN / 32));
  }

  has(addr: number): boolean {
    if (addr < this.heapBase || addr >= this.heapEnd || (addr & (OBJECT_ALIGN - 1)) !== 0) return false;
    const g = (addr - this.heapBase) >>> GRANULE_SHIFT;
    return (this.bits[g >>> 5]! & (1 << (g & 31))) !== 0;
  }

  add(addr: number): void {
    const g = (addr - this.heapBase) >>> GRANULE_SHIFT;
    this.bits[g >>> 5]! |= 1 << (g & 31);
  }

  /** Forgets every start in [from, to). */
  clear(from: number, to: number): void {
    const first = (from - this.heapBase) >>> GRANULE_SHIFT;
    const last = (to - this.heapBase) >>> GRANULE_SHIFT;
    for (let g = first; g < last && (g & 31) !== 0; g++) this.bits[g >>> 5]! &= ~(1 << (g & 31));
    const firstWhole = (first + 31) >>> 5;
    const lastWhole = last >>> 5;
    if (firstWhole < lastWhole) this.bits.fill(0, firstWhole, lastWhole);
    for (let g = Math.max(lastWhole << 5, first); g < last; g++) this.bits[g >>> 5]! &= ~(1 << (g & 31));
  }
}
