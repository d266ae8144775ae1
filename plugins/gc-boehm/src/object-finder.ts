import type { GuestMemory } from '#framework';
import { PAGE_LARGE, PAGE_SMALL, type PageMap } from './page-map.ts';
import { GRANULE_SHIFT, PAGE_BYTES, PAGE_SHIFT, SIZE_CLASS_COUNT, cellBytes, cellsPerPage } from './size-classes.ts';

const GRANULES_PER_PAGE = PAGE_BYTES >>> GRANULE_SHIFT;

/** Per size class, one byte per granule of a page: 1 where a cell starts. A table load is
 *  cheaper than a modulo, and it also rejects the page tail that holds no whole cell. */
const cellStarts = ((): Uint8Array => {
  const table = new Uint8Array(SIZE_CLASS_COUNT * GRANULES_PER_PAGE);
  for (let c = 0; c < SIZE_CLASS_COUNT; c++) {
    for (let k = 0; k < cellsPerPage[c]!; k++)
      table[c * GRANULES_PER_PAGE + ((k * cellBytes[c]!) >>> GRANULE_SHIFT)] = 1;
  }
  return table;
})();

/**
 * Recognises pointers to allocated objects in O(1): the page map gives the block under an
 * address, a non-zero header says the block is allocated (free cells and never-used cells
 * have header 0, and type id 0 is never a live object). Conservative scanning rejects any
 * word this does not accept. isObject is on the marker's hot path, hence the flat code.
 */
export class ObjectFinder {
  private readonly heapBase: number;
  private readonly heapBytes: number;
  private readonly words: Int32Array;
  private readonly memoryBase: number;
  private readonly kinds: Uint8Array;
  private readonly sizeClasses: Uint8Array;

  constructor(
    memory: GuestMemory,
    private readonly pages: PageMap,
  ) {
    this.heapBase = memory.layout.heapBase;
    this.heapBytes = memory.layout.heapEnd - memory.layout.heapBase;
    this.words = memory.i32;
    this.memoryBase = memory.base;
    this.kinds = pages.kind;
    this.sizeClasses = pages.sizeClass;
  }

  /** True when addr is exactly the start of an allocated object. */
  isObject(addr: number): boolean {
    if ((addr & 7) !== 0) return false;
    const rel = addr - this.heapBase;
    if (rel < 0 || rel >= this.heapBytes) return false;
    const page = rel >>> PAGE_SHIFT;
    const kind = this.kinds[page];
    const offset = rel & (PAGE_BYTES - 1);
    if (kind === PAGE_SMALL) {
      if (cellStarts[this.sizeClasses[page]! * GRANULES_PER_PAGE + (offset >>> GRANULE_SHIFT)] === 0) return false;
    } else if (kind !== PAGE_LARGE || offset !== 0) {
      return false;
    }
    return this.words[(addr - this.memoryBase) >> 2] !== 0;
  }

  /** The allocated object containing addr (an interior pointer), or 0. */
  objectContaining(addr: number): number {
    const rel = addr - this.heapBase;
    if (rel < 0 || rel >= this.heapBytes) return 0;
    const start = this.pages.blockContaining(addr);
    return start >= 0 && this.words[(start - this.memoryBase) >> 2] !== 0 ? start : 0;
  }
}
