import { PAGE_SHIFT, cellBytes, cellsPerPage } from './size-classes.ts';

/** What a heap page holds. */
export const PAGE_FREE = 0;
/** Cells of one size class. */
export const PAGE_SMALL = 1;
/** The first page of a large object's run. */
export const PAGE_LARGE = 2;
/** A later page of a large object's run. */
export const PAGE_LARGE_TAIL = 3;

/**
 * Host-side description of every heap page, so that finding the block (cell or page run)
 * under any address is a few array loads: what conservative scanning and isObject need.
 */
export class PageMap {
  readonly kind: Uint8Array;
  readonly sizeClass: Uint8Array;
  /** PAGE_LARGE: the run's length in pages. PAGE_LARGE_TAIL: the run's first page. */
  readonly run: Int32Array;

  constructor(
    readonly heapBase: number,
    readonly pageCount: number,
  ) {
    this.kind = new Uint8Array(pageCount);
    this.sizeClass = new Uint8Array(pageCount);
    this.run = new Int32Array(pageCount);
  }

  pageOf(addr: number): number {
    return (addr - this.heapBase) >>> PAGE_SHIFT;
  }

  pageAddress(page: number): number {
    return this.heapBase + (page << PAGE_SHIFT);
  }

  markSmall(page: number, sizeClass: number): void {
    this.kind[page] = PAGE_SMALL;
    this.sizeClass[page] = sizeClass;
  }

  markLarge(first: number, pages: number): void {
    this.kind[first] = PAGE_LARGE;
    this.run[first] = pages;
    for (let p = first + 1; p < first + pages; p++) {
      this.kind[p] = PAGE_LARGE_TAIL;
      this.run[p] = first;
    }
  }

  release(first: number, pages: number): void {
    this.kind.fill(PAGE_FREE, first, first + pages);
  }

  /** Start of the cell or large run containing addr (which must be inside the heap), or -1
   *  when addr lies in a free page or in the unused tail of a small page. Headers are not
   *  consulted: the caller decides whether the block is allocated. */
  blockContaining(addr: number): number {
    const page = this.pageOf(addr);
    switch (this.kind[page]) {
      case PAGE_SMALL: {
        const c = this.sizeClass[page]!;
        const offset = (addr - this.heapBase) & ((1 << PAGE_SHIFT) - 1);
        const index = Math.floor(offset / cellBytes[c]!);
        return index < cellsPerPage[c]! ? this.pageAddress(page) + index * cellBytes[c]! : -1;
      }
      case PAGE_LARGE:
        return this.pageAddress(page);
      case PAGE_LARGE_TAIL:
        return this.pageAddress(this.run[page]!);
      default:
        return -1;
    }
  }

  /** Bytes reserved for the block starting at addr: its cell size or its run of pages. */
  blockBytes(addr: number): number {
    const page = this.pageOf(addr);
    return this.kind[page] === PAGE_SMALL ? cellBytes[this.sizeClass[page]!]! : this.run[page]! << PAGE_SHIFT;
  }
}
