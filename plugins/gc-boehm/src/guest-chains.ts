import { HeapCorruption, type GuestMemory } from '#framework';
import { chainHeadAddress, headByGranulesAddress, headByGranulesTable } from './free-list-words.ts';
import { FREE_LINK_OFFSET } from './small-space.ts';
import { SIZE_CLASS_COUNT, cellBytes } from './size-classes.ts';

/** What compiled code took off the chains since they were last counted. */
export interface ChainUse {
  objects: number;
  bytes: number;
}

/**
 * The free chains compiled code allocates from, one per size class, headed by runtime words.
 * The heap publishes a chain when the class's chain is empty; compiled code pops cells
 * without telling anyone, so what it used is counted afterwards: cells published minus
 * cells still on the chain.
 */
export class GuestChains {
  private readonly words: Int32Array;
  private readonly memoryBase: number;
  private readonly headIndex = new Int32Array(SIZE_CLASS_COUNT);
  /** Cells published per class and not yet counted as used. */
  private readonly published = new Int32Array(SIZE_CLASS_COUNT);

  constructor(memory: GuestMemory) {
    this.words = memory.i32;
    this.memoryBase = memory.base;
    for (let c = 0; c < SIZE_CLASS_COUNT; c++) this.headIndex[c] = (chainHeadAddress(c) - memory.base) >> 2;
    this.words.set(headByGranulesTable(), (headByGranulesAddress() - memory.base) >> 2);
  }

  isEmpty(c: number): boolean {
    return this.words[this.headIndex[c]!] === 0;
  }

  /** Makes a chain of `count` cells starting at `head` class c's chain, which must be empty. */
  publish(c: number, head: number, count: number): void {
    if (!this.isEmpty(c)) throw new Error(`size class ${c}: publishing over a chain that is not empty`);
    this.words[this.headIndex[c]!] = head;
    this.published[c] = this.published[c]! + count;
  }

  /** Counts the cells compiled code popped since the last count, adding them to `use`. */
  countUse(c: number, use: ChainUse): void {
    const published = this.published[c]!;
    if (published === 0) return;
    const left = this.chainLength(c);
    const taken = published - left;
    this.published[c] = left;
    use.objects += taken;
    use.bytes += taken * cellBytes[c]!;
  }

  countAllUse(use: ChainUse): void {
    for (let c = 0; c < SIZE_CLASS_COUNT; c++) this.countUse(c, use);
  }

  /** Bytes of the cells still on the chains. */
  unusedBytes(): number {
    let bytes = 0;
    for (let c = 0; c < SIZE_CLASS_COUNT; c++)
      if (this.published[c] !== 0) bytes += this.chainLength(c) * cellBytes[c]!;
    return bytes;
  }

  /** Empties every chain (before a sweep, which finds their cells free by their zero headers). */
  withdrawAll(): void {
    for (let c = 0; c < SIZE_CLASS_COUNT; c++) {
      this.words[this.headIndex[c]!] = 0;
      this.published[c] = 0;
    }
  }

  /**
   * Checks every chain cell: a cell start in a page of the chain's class (`classAt` gives
   * a cell start's class, or -1), free (header 0) and zero but for its link word.
   */
  verify(classAt: (addr: number) => number): void {
    const words = this.words;
    const link = FREE_LINK_OFFSET >> 2;
    for (let c = 0; c < SIZE_CLASS_COUNT; c++) {
      let n = 0;
      for (let cell = words[this.headIndex[c]!]!; cell !== 0; cell = words[((cell - this.memoryBase) >> 2) + link]!) {
        const where = `free chain of size class ${c}, cell ${n} at 0x${(cell >>> 0).toString(16)}`;
        if (classAt(cell) !== c) throw new HeapCorruption(`${where}: not a cell of that class`);
        const at = (cell - this.memoryBase) >> 2;
        for (let w = 0; w < cellBytes[c]! >> 2; w++) {
          if (w !== link && words[at + w] !== 0) throw new HeapCorruption(`${where}: word ${w} is not zero`);
        }
        if (++n > this.published[c]!) throw new HeapCorruption(`${where}: the chain is longer than what was published`);
      }
    }
  }

  private chainLength(c: number): number {
    const words = this.words;
    const link = FREE_LINK_OFFSET >> 2;
    let n = 0;
    for (let cell = words[this.headIndex[c]!]!; cell !== 0; cell = words[((cell - this.memoryBase) >> 2) + link]!) n++;
    return n;
  }
}
