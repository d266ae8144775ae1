import { COLLECTOR_WORDS, wordAddress } from '#framework';

/**
 * The generational collector's runtime words, which compiled code reads as constants:
 *   FREE           the nursery's free pointer (compiled code bumps it)
 *   LIMIT          where the inline fast path must stop; the nursery's end, or FREE's value
 *                  when every allocation must take the slow path (stress mode)
 *   NURSERY_BASE   the first young address: the write barrier's filter
 *   CARD_BIAS      the card table's address less (its first covered address >>> CARD_SHIFT),
 *                  so that the card byte of a holder is at CARD_BIAS + (holder >>> CARD_SHIFT)
 * The heap keeps its own view of the nursery in these words, so both sides see one state.
 */
export const FREE_WORD = wordAddress(COLLECTOR_WORDS, 0);
export const LIMIT_WORD = wordAddress(COLLECTOR_WORDS, 1);
export const NURSERY_BASE_WORD = wordAddress(COLLECTOR_WORDS, 2);
export const CARD_BIAS_WORD = wordAddress(COLLECTOR_WORDS, 3);

/** The largest object compiled code allocates in line. The heap places larger ones (and
 *  any larger than its large-object size, which is never below this) itself. */
export const MAX_INLINE_BYTES = 256;
