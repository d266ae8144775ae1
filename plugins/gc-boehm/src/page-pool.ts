/**
 * The free pages, as runs of contiguous pages found by first fit. Pages only become free
 * during a sweep, so the runs are rebuilt from the page map after each one; between
 * collections they are only carved from the front.
 */
export class PagePool {
  private readonly runFirst: Int32Array;
  private readonly runLength: Int32Array;
  private runCount = 0;
  /** Runs before this index are used up; skipping them keeps single-page takes O(1). */
  private firstNonEmpty = 0;
  private free = 0;

  constructor(readonly pageCount: number) {
    // Alternating free and used pages is the worst case: ceil(n / 2) runs.
    this.runFirst = new Int32Array((pageCount >>> 1) + 1);
    this.runLength = new Int32Array((pageCount >>> 1) + 1);
    this.addRun(0, pageCount);
  }

  get freePages(): number {
    return this.free;
  }

  /** First page of `count` contiguous free pages, now taken out of the pool, or -1. */
  take(count: number): number {
    if (count > this.free) return -1;
    for (let r = this.firstNonEmpty; r < this.runCount; r++) {
      const length = this.runLength[r]!;
      if (length < count) continue;
      const first = this.runFirst[r]!;
      this.runFirst[r] = first + count;
      this.runLength[r] = length - count;
      this.free -= count;
      while (this.firstNonEmpty < this.runCount && this.runLength[this.firstNonEmpty] === 0) this.firstNonEmpty++;
      return first;
    }
    return -1;
  }

  /** Rebuilds the runs from a page-kind array in which 0 means free. */
  rebuild(kind: Uint8Array): void {
    this.runCount = 0;
    this.firstNonEmpty = 0;
    this.free = 0;
    let p = 0;
    while (p < this.pageCount) {
      if (kind[p] !== 0) {
        p++;
        continue;
      }
      const first = p;
      while (p < this.pageCount && kind[p] === 0) p++;
      this.addRun(first, p - first);
    }
  }

  private addRun(first: number, length: number): void {
    this.runFirst[this.runCount] = first;
    this.runLength[this.runCount] = length;
    this.runCount++;
    this.free += length;
  }
}
