import type { GuestMemory } from '#framework';
import type { MarkBits } from './mark-bits.ts';
import { PAGE_FREE, PAGE_LARGE, PAGE_SMALL, type PageMap } from './page-map.ts';
import type { PagePool } from './page-pool.ts';
import { FREE_LINK_OFFSET, type SmallSpace } from './small-space.ts';
import { PAGE_BYTES, SIZE_CLASS_COUNT, cellBytes, cellsPerPage } from './size-classes.ts';

export interface SweepResult {
  /** Objects that were allocated, unmarked and are free now. */
  freedObjects: number;
  /** Bytes of the pages that were in use when the sweep began. */
  sweptBytes: number;
  /** Bytes of the cells and page runs of the survivors. */
  liveBytes: number;
}

const LINK_WORD = FREE_LINK_OFFSET >> 2;

/**
 * Eager sweep of every page in use. An unmarked object gets header 0, so it can never look
 * live again; a small page without survivors and every dead large run go back to the page
 * pool (so large objects can reuse them); the other pages' free cells become the new free
 * lists. Pages are walked from the top down and cells pushed on the front, which leaves
 * each free list in address order.
 */
export class Sweeper {
  private readonly heads = new Int32Array(SIZE_CLASS_COUNT);
  private readonly words: Int32Array;
  private readonly memoryBase: number;

  constructor(
    memory: GuestMemory,
    private readonly pages: PageMap,
    private readonly bits: MarkBits,
    private readonly small: SmallSpace,
    private readonly pool: PagePool,
  ) {
    this.words = memory.i32;
    this.memoryBase = memory.base;
  }

  sweep(): SweepResult {
    const { pages, bits, words, memoryBase, heads } = this;
    const kinds = pages.kind;
    heads.fill(0);
    const result: SweepResult = { freedObjects: 0, sweptBytes: 0, liveBytes: 0 };
    let freeCellBytes = 0;
    for (let p = pages.pageCount - 1; p >= 0; p--) {
      const kind = kinds[p];
      if (kind === PAGE_SMALL) {
        result.sweptBytes += PAGE_BYTES;
        freeCellBytes += this.sweepSmallPage(p, result);
      } else if (kind === PAGE_LARGE) {
        const runPages = pages.run[p]!;
        const addr = pages.pageAddress(p);
        result.sweptBytes += runPages * PAGE_BYTES;
        if (bits.isMarked(addr)) {
          result.liveBytes += runPages * PAGE_BYTES;
        } else {
          words[(addr - memoryBase) >> 2] = 0;
          pages.release(p, runPages);
          result.freedObjects++;
        }
      }
    }
    this.pool.rebuild(kinds);
    this.small.replaceFreeLists(heads, freeCellBytes);
    return result;
  }

  /** Returns the bytes of free cells the page adds to its class's free list. */
  private sweepSmallPage(p: number, result: SweepResult): number {
    const { pages, bits, words, memoryBase, heads } = this;
    const c = pages.sizeClass[p]!;
    const size = cellBytes[c]!;
    const first = pages.pageAddress(p);
    let pageHead = 0;
    let pageTail = 0;
    let live = 0;
    let free = 0;
    for (let addr = first + (cellsPerPage[c]! - 1) * size; addr >= first; addr -= size) {
      const at = (addr - memoryBase) >> 2;
      const header = words[at]!;
      if (header !== 0) {
        if (bits.isMarked(addr)) {
          live++;
          continue;
        }
        words[at] = 0;
        result.freedObjects++;
      }
      words[at + LINK_WORD] = pageHead;
      pageHead = addr;
      if (pageTail === 0) pageTail = addr;
      free++;
    }
    result.liveBytes += live * size;
    if (live === 0) {
      pages.kind[p] = PAGE_FREE;
      return 0;
    }
    if (free === 0) return 0;
    words[((pageTail - memoryBase) >> 2) + LINK_WORD] = heads[c]!;
    heads[c] = pageHead;
    return free * size;
  }
}
