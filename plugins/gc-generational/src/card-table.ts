import {
  HeapCorruption,
  OBJECT_ALIGN,
  type GuestMemory,
  type ObjectStarts,
  type ObjectWalker,
  type RootVisitor,
} from '#framework';

/** Cards of 512 bytes: a card's object starts are two words of the start bitmap. */
export const CARD_SHIFT = 9;
export const CARD_BYTES = 1 << CARD_SHIFT;

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * The old objects that may hold refs into the nursery, one byte per 512-byte card of the
 * heap, in guest memory so that compiled code marks it with one byte store: the card of
 * the holder's start is dirty (non-zero) after a ref store of a young value into an old
 * object. A minor collection treats every object that starts in a dirty card as a root,
 * then cleans the cards. Marking is idempotent and needs no host call, so the barrier's
 * slow path is four instructions and no call, which kept the register allocator from
 * spilling around it (a call clobbers every register, even on a cold path).
 */
export class CardTable {
  private readonly bytes: Uint8Array;
  /** The card table's first byte, as an index into guest memory's bytes. */
  private readonly first: number;

  constructor(
    memory: GuestMemory,
    /** The address card 0 covers: static data's start (static holders' cards are marked
     *  and never read: static objects are roots at every collection). */
    private readonly coveredBase: number,
    tableBase: number,
    private readonly tableBytes: number,
  ) {
    this.bytes = memory.u8;
    this.first = tableBase - memory.base;
  }

  /** Marks the holder's card (host code's barrier). */
  mark(holder: number): void {
    const card = (holder - this.coveredBase) >>> CARD_SHIFT;
    if (holder >= this.coveredBase && card < this.tableBytes) this.bytes[this.first + card] = 1;
  }

  /** Cleans the cards of [from, to). */
  clean(from: number, to: number): void {
    if (to <= from) return;
    const a = this.first + ((from - this.coveredBase) >>> CARD_SHIFT);
    const b = this.first + ((to - 1 - this.coveredBase) >>> CARD_SHIFT) + 1;
    this.bytes.fill(0, a, b);
  }

  private isDirty(addr: number): boolean {
    return this.bytes[this.first + ((addr - this.coveredBase) >>> CARD_SHIFT)] !== 0;
  }

  /**
   * Visits the ref slots of every object in [from, to) that starts in a dirty card, with
   * the object starts of that range; returns the number of dirty cards.
   */
  visitDirty(from: number, to: number, starts: ObjectStarts, walker: ObjectWalker, visit: RootVisitor): number {
    if (to <= from) return 0;
    let dirty = 0;
    const firstCard = (from - this.coveredBase) >>> CARD_SHIFT;
    const lastCard = (to - 1 - this.coveredBase) >>> CARD_SHIFT;
    for (let card = firstCard; card <= lastCard; card++) {
      if (this.bytes[this.first + card] === 0) continue;
      dirty++;
      const cardStart = Math.max(from, this.coveredBase + card * CARD_BYTES);
      const cardEnd = Math.min(to, this.coveredBase + (card + 1) * CARD_BYTES);
      let addr = cardStart;
      while (addr < cardEnd && !starts.has(addr)) addr += OBJECT_ALIGN;
      while (addr < cardEnd) addr += walker.updateRefs(addr, visit);
    }
    return dirty;
  }

  /**
   * The barrier's proof, run before a minor collection under verification: every old
   * object in [from, to) with a ref into [youngFrom, youngTo) starts in a dirty card.
   */
  checkComplete(walker: ObjectWalker, from: number, to: number, youngFrom: number, youngTo: number): void {
    for (let addr = from; addr < to; ) {
      const holder = addr;
      addr += walker.updateRefs(holder, (ref) => {
        if ((ref & 3) === 0 && ref >= youngFrom && ref < youngTo && !this.isDirty(holder)) {
          throw new HeapCorruption(
            `old object ${hex(holder)} (:${walker.typeAt(holder).name}) holds the young ${hex(ref)} ` +
              'but its card is not dirty: a ref store without a write barrier',
          );
        }
        return ref;
      });
    }
  }
}
