// b/bl offsets: computing them from addresses, and patching a branch emitted
// before its target was known (the code buffer resolves labels this way).
import { BRANCH_OFFSET_MAX, BRANCH_OFFSET_MIN } from './forms/branch.ts';

const OFFSET_MASK = 0xffffff;
/** bits 27..25 = 101: b or bl (any condition but the 1111 space, which is blx imm). */
const RELATIVE_BRANCH_MASK = 0x0e000000;
const RELATIVE_BRANCH_BITS = 0x0a000000;

/** The word offset that makes a branch at `fromAddress` reach `toAddress`. */
export function branchOffsetWords(fromAddress: number, toAddress: number): number {
  const bytes = toAddress - (fromAddress + 8);
  if (bytes % 4 !== 0) throw new RangeError(`branch target 0x${toAddress.toString(16)} is not word aligned`);
  const words = bytes / 4;
  if (words < BRANCH_OFFSET_MIN || words > BRANCH_OFFSET_MAX) {
    throw new RangeError(
      `branch from 0x${fromAddress.toString(16)} to 0x${toAddress.toString(16)} is out of range (±32 MiB)`,
    );
  }
  return words;
}

export function isBranchInRange(fromAddress: number, toAddress: number): boolean {
  const words = (toAddress - (fromAddress + 8)) / 4;
  return Number.isInteger(words) && words >= BRANCH_OFFSET_MIN && words <= BRANCH_OFFSET_MAX;
}

export function isRelativeBranch(word: number): boolean {
  return (word & RELATIVE_BRANCH_MASK) === RELATIVE_BRANCH_BITS && word >>> 28 !== 0xf;
}

/** The signed word offset of a b/bl. */
export function branchOffsetOf(word: number): number {
  if (!isRelativeBranch(word)) throw new RangeError(`0x${(word >>> 0).toString(16)} is not a b/bl`);
  return ((word & OFFSET_MASK) << 8) >> 8;
}

/** The same b/bl (condition and link bit kept) with a new word offset. */
export function withBranchOffset(word: number, offsetWords: number): number {
  if (!isRelativeBranch(word)) throw new RangeError(`0x${(word >>> 0).toString(16)} is not a b/bl`);
  if (!Number.isInteger(offsetWords) || offsetWords < BRANCH_OFFSET_MIN || offsetWords > BRANCH_OFFSET_MAX) {
    throw new RangeError(`branch offset ${offsetWords} does not fit 24 bits`);
  }
  return ((word & ~OFFSET_MASK) | (offsetWords & OFFSET_MASK)) >>> 0;
}
