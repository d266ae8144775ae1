/** Above this many words a typed array's copyWithin beats a loop. */
const LOOP_WORDS = 64;

/**
 * Copies `count` words from index `from` to index `to`, which is below `from` or past
 * its end (a promotion, or a slide down). Most objects are a few words, where
 * `copyWithin`'s fixed cost per call was most of a minor collection's time.
 */
export function copyWords(words: Int32Array, to: number, from: number, count: number): void {
  if (count > LOOP_WORDS) {
    words.copyWithin(to, from, from + count);
    return;
  }
  for (let i = 0; i < count; i++) words[to + i] = words[from + i]!;
}
