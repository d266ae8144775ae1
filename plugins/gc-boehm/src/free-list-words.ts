import { COLLECTOR_WORDS, wordAddress } from '#framework';
import { GRANULE_BYTES, GRANULE_SHIFT, MAX_SMALL_BYTES, SIZE_CLASS_COUNT, sizeClassOf } from './size-classes.ts';

/**
 * Where Boehm keeps, in the collector's runtime words, what compiled code needs to allocate
 * without a host call:
 *   word c                  head of the free chain of size class c (0: empty, take the slow path)
 *   word HEAD_BY_GRANULES+g the address of the head word for an object of g granules, so an
 *                           array of run-time length finds its chain with one load
 * The lowering writes these addresses into code as constants; the heap fills the table and
 * keeps the chains (see GuestChains).
 */
const HEAD_BY_GRANULES = SIZE_CLASS_COUNT;
export const GRANULE_TABLE_ENTRIES = MAX_SMALL_BYTES / GRANULE_BYTES + 1;

export function chainHeadAddress(sizeClass: number): number {
  return wordAddress(COLLECTOR_WORDS, sizeClass);
}

/** Address of the table entry for granule count 0; entry g is 4·g bytes further. */
export function headByGranulesAddress(): number {
  return wordAddress(COLLECTOR_WORDS, HEAD_BY_GRANULES);
}

/** The table's contents: for g granules, the head word of the class that fits g·8 bytes. */
export function headByGranulesTable(): Int32Array {
  wordAddress(COLLECTOR_WORDS, HEAD_BY_GRANULES + GRANULE_TABLE_ENTRIES - 1); // checks the table fits
  const table = new Int32Array(GRANULE_TABLE_ENTRIES);
  // Granule count 0 never occurs (every object has a header); it maps like 1.
  for (let g = 0; g < table.length; g++) table[g] = chainHeadAddress(sizeClassOf(Math.max(g, 1) << GRANULE_SHIFT));
  return table;
}
