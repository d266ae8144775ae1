import type { GuestMemory } from '#framework';
import { SIZE_CLASS_COUNT, cellBytes, cellsPerPage } from './size-classes.ts';

/** Offset of the next-cell link inside a free cell; the header word stays 0 (free). */
export const FREE_LINK_OFFSET = 4;
/** Recycled cells up to this size are zeroed word by word; a fill call costs more. */
const INLINE_ZERO_BYTES = 64;

/**
 * Per size class: a free list of recycled cells (threaded through guest memory, in address
 * order after a sweep) and the uncarved rest of the newest page, handed out by bumping a
 * pointer. Zeroing rule: a page is zeroed when it leaves the page pool, so bump cells are
 * already zero; a recycled cell is zeroed here when the free list hands it out.
 */
export class SmallSpace {
  private readonly freeHead = new Int32Array(SIZE_CLASS_COUNT);
  private readonly bumpNext = new Int32Array(SIZE_CLASS_COUNT);
  private readonly bumpEnd = new Int32Array(SIZE_CLASS_COUNT);
  private readonly words: Int32Array;
  private readonly memoryBase: number;
  /** Bytes of cells on free lists plus uncarved cells of bump pages. */
  freeBytes = 0;

  constructor(memory: GuestMemory) {
    this.words = memory.i32;
    this.memoryBase = memory.base;
  }

  /** A zeroed cell of class c, or 0 when the class needs a new page. */
  allocate(c: number): number {
    const size = cellBytes[c]!;
    const head = this.freeHead[c]!;
    if (head !== 0) {
      const words = this.words;
      const at = (head - this.memoryBase) >> 2;
      this.freeHead[c] = words[at + (FREE_LINK_OFFSET >> 2)]!;
      if (size <= INLINE_ZERO_BYTES) for (let w = at + (size >> 2) - 1; w > at; w--) words[w] = 0;
      else words.fill(0, at + 1, at + (size >> 2));
      this.freeBytes -= size;
      return head;
    }
    const next = this.bumpNext[c]!;
    if (next !== 0 && next < this.bumpEnd[c]!) {
      this.bumpNext[c] = next + size;
      this.freeBytes -= size;
      return next;
    }
    return 0;
  }

  /** True when class c has a recycled or bump cell left. */
  hasCell(c: number): boolean {
    return this.freeHead[c] !== 0 || (this.bumpNext[c] !== 0 && this.bumpNext[c]! < this.bumpEnd[c]!);
  }

  /**
   * Links up to `max` cells of class c into a chain for compiled code: recycled cells
   * first, then bump cells. Every chain cell is zero except its link word, which holds the
   * next cell's address (0 in the last). Writes the chain's first and last cells to `out`.
   */
  takeChain(c: number, max: number, out: { head: number; tail: number }): number {
    const size = cellBytes[c]!;
    const words = this.words;
    const base = this.memoryBase;
    const link = FREE_LINK_OFFSET >> 2;
    let count = 0;
    let head = 0;
    let last = -1;
    const append = (cell: number): void => {
      if (last < 0) head = cell;
      else words[last + link] = cell;
      last = (cell - base) >> 2;
      count++;
    };
    for (let cell = this.freeHead[c]!; cell !== 0 && count < max; cell = this.freeHead[c]!) {
      const at = (cell - base) >> 2;
      this.freeHead[c] = words[at + link]!;
      words.fill(0, at + 2, at + (size >> 2));
      append(cell);
    }
    let next = this.bumpNext[c]!;
    if (next !== 0) {
      const end = this.bumpEnd[c]!;
      for (; next < end && count < max; next += size) append(next);
      this.bumpNext[c] = next;
    }
    if (last >= 0) words[last + link] = 0;
    this.freeBytes -= count * size;
    out.head = head;
    out.tail = last < 0 ? 0 : (last << 2) + base;
    return count;
  }

  /** Makes a fresh, already zeroed page the bump region of class c. */
  addPage(c: number, pageAddress: number): void {
    const bytes = cellsPerPage[c]! * cellBytes[c]!;
    this.bumpNext[c] = pageAddress;
    this.bumpEnd[c] = pageAddress + bytes;
    this.freeBytes += bytes;
  }

  /** After a sweep every free cell, former bump cells included, is on a free list. */
  replaceFreeLists(heads: Int32Array, freeBytes: number): void {
    this.freeHead.set(heads);
    this.bumpNext.fill(0);
    this.bumpEnd.fill(0);
    this.freeBytes = freeBytes;
  }
}
