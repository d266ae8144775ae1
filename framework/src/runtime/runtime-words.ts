import { RUNTIME_WORDS_BASE, RUNTIME_WORDS_BYTES } from './memory-map.ts';

/**
 * Runtime words: one page of static data, at an address no run option changes, that
 * compiled code and the TypeScript runtime both read and write: allocation free lists,
 * free pointers and limits. Lowered IR addresses a word as a constant (`load.i32 <addr>, 0`),
 * so a GC lowering can use them before the program's memory exists; the runtime reaches the
 * same bytes through GuestMemory. Globals would not do: their addresses depend on the module,
 * and a collector's words must not be visible to the program as variables.
 *
 * Ownership: the second half belongs to the run's collector; the first half is unassigned.
 */
export interface WordRange {
  readonly base: number;
  readonly bytes: number;
}

/** The collector's share of the runtime words: the half next to static data, so that a
 *  target with a register pinned at static data's start reaches them at offsets -2048..-4. */
export const COLLECTOR_WORDS: WordRange = {
  base: RUNTIME_WORDS_BASE + RUNTIME_WORDS_BYTES / 2,
  bytes: RUNTIME_WORDS_BYTES / 2,
};

/** The address of word `index` of a range; throws when the range is too small. */
export function wordAddress(range: WordRange, index: number): number {
  if (!Number.isInteger(index) || index < 0 || (index + 1) * 4 > range.bytes) {
    throw new RangeError(`runtime word ${index} lies outside its ${range.bytes}-byte range`);
  }
  return range.base + index * 4;
}
