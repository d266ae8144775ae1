import { MiB, OBJECT_ALIGN } from '#framework';
import { CARD_SHIFT } from './card-table.ts';
import { MAX_INLINE_BYTES } from './nursery-words.ts';

/** The nursery is this fraction of the heap, within the bounds below. */
const NURSERY_FRACTION = 8;
const MIN_NURSERY = 64 * 1024;
/** 32 MiB (the eighth of the default 256 MiB heap): at 4 MiB, binary trees of depth 16
 *  promoted 17 MB in 56 minor collections, at 32 MiB 4 MB in 7, for the same zeroing. */
const MAX_NURSERY = 32 * MiB;

/**
 * Where the generations live in the heap region: the old generation from the heap's
 * start, the nursery at its end. Both only grow upward from their start by bumping, so
 * both are always a sequence of objects a collector can walk; a major collection slides
 * the live ones of both down to the heap's start.
 */
export interface GenerationLayout {
  readonly oldBase: number;
  /** The old generation may grow up to here. */
  readonly nurseryBase: number;
  readonly nurseryEnd: number;
  /** One byte per card of [cardsFrom, nurseryEnd), after the nursery at the heap's end. */
  readonly cardTableBase: number;
  readonly cardTableBytes: number;
  /** The address card 0 covers: static data's start, so that the barrier needs no test
   *  for a static holder (whose card no collection reads). */
  readonly cardsFrom: number;
  /** Objects larger than this go straight to the old generation. */
  readonly largeObjectBytes: number;
}

export function generationLayout(heapBase: number, heapEnd: number, cardsFrom: number): GenerationLayout {
  const cardTableBytes = Math.ceil((heapEnd - cardsFrom) / (1 << CARD_SHIFT) / OBJECT_ALIGN) * OBJECT_ALIGN;
  const cardTableBase = heapEnd - cardTableBytes;
  const heapBytes = cardTableBase - heapBase;
  const floor = Math.min(MIN_NURSERY, Math.floor(heapBytes / 4));
  const wanted = Math.min(MAX_NURSERY, Math.max(floor, Math.floor(heapBytes / NURSERY_FRACTION)));
  const nurseryBytes = Math.floor(wanted / OBJECT_ALIGN) * OBJECT_ALIGN;
  const largeObjectBytes = Math.max(OBJECT_ALIGN, Math.floor(nurseryBytes / 8));
  // Compiled code allocates objects up to MAX_INLINE_BYTES in the nursery; the heap places
  // those that take the slow path there too.
  if (largeObjectBytes < MAX_INLINE_BYTES) throw new RangeError(`a ${heapBytes}-byte heap is too small for a nursery`);
  return {
    oldBase: heapBase,
    nurseryBase: cardTableBase - nurseryBytes,
    nurseryEnd: cardTableBase,
    cardTableBase,
    cardTableBytes,
    cardsFrom,
    largeObjectBytes,
  };
}
