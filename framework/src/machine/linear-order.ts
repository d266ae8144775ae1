import type { MachFunction } from './machine-function.ts';

/**
 * The linear numbering the allocator works on. Blocks are laid out in `order`; each block
 * gets a label pseudo-instruction (where its parameters are defined) followed by its
 * instructions, all numbered consecutively. Instruction n has two positions: Before(n) = 2n,
 * where it reads its uses, and After(n) = 2n + 1, where it writes its defs. Moves the
 * allocator inserts go in the gap just before an instruction, between After(n-1) and
 * Before(n); a live range [from, to) is half-open over positions.
 */
export class LinearOrder {
  /** Global index of each block's label pseudo-instruction, by block id (-1: not laid out). */
  readonly labelIndex: Int32Array;
  /** Block id of every global instruction index. */
  readonly blockAt: Int32Array;
  readonly instCount: number;
  /** Position of each block id in `order`. */
  private readonly rank: Int32Array;

  constructor(
    mf: MachFunction<unknown>,
    readonly order: readonly number[],
    /** The reverse postorder loops are found against (loop-depth.ts): the layout moves
     *  cold blocks to the end, where their edges back into a loop would look like loops. */
    readonly loopOrder: readonly number[] = order,
  ) {
    this.labelIndex = new Int32Array(mf.blocks.length).fill(-1);
    this.rank = new Int32Array(mf.blocks.length).fill(-1);
    order.forEach((id, k) => (this.rank[id] = k));
    let n = 0;
    for (const id of order) {
      this.labelIndex[id] = n;
      n += 1 + mf.blocks[id]!.insts.length;
    }
    this.instCount = n;
    this.blockAt = new Int32Array(n);
    for (const id of order) {
      const first = this.labelIndex[id]!;
      this.blockAt.fill(id, first, first + 1 + mf.blocks[id]!.insts.length);
    }
  }

  /** Global index of instruction i of block `id`. */
  index(id: number, i: number): number {
    return this.labelIndex[id]! + 1 + i;
  }

  /** First position of the block (Before of its label). */
  blockStart(id: number): number {
    return 2 * this.labelIndex[id]!;
  }

  /** Position where the block's parameters are defined and its live-ins are read. */
  blockEntry(id: number): number {
    return 2 * this.labelIndex[id]! + 1;
  }

  /** Position after the block's last instruction (exclusive end). */
  blockEnd(id: number, instCount: number): number {
    return 2 * (this.labelIndex[id]! + instCount) + 2;
  }

  /** Where the block after the one holding `pos` starts (the end of all code after the last). */
  nextBlockStart(pos: number): number {
    const k = this.rank[this.blockAt[pos >> 1]!]! + 1;
    return k < this.order.length ? this.blockStart(this.order[k]!) : 2 * this.instCount;
  }

  isBlockStart(pos: number): boolean {
    const n = pos >> 1;
    return (pos & 1) === 0 && this.labelIndex[this.blockAt[n]!] === n;
  }
}

export const before = (n: number): number => 2 * n;
export const after = (n: number): number => 2 * n + 1;
