import {
  HeapCorruption,
  HeapVerifier,
  looksLikeStaticObject,
  OBJECT_ALIGN,
  ObjectStarts,
  ObjectWalker,
  stressPolicyFor,
  Trap,
  TYPE_ID_SHIFT,
  TypeTable,
  type GcHeap,
  type GuestMemory,
  type HeapContext,
  type HeapStats,
  type RootSource,
  type StressPolicy,
  type TypeLayout,
} from '#framework';
import { generationLayout, type GenerationLayout } from './layout.ts';
import { MarkCompact } from './mark-compact.ts';
import { CardTable, CARD_SHIFT } from './card-table.ts';
import { copyWords } from './copy-words.ts';
import { CARD_BIAS_WORD, FREE_WORD, LIMIT_WORD, NURSERY_BASE_WORD } from './nursery-words.ts';

/** A forwarded nursery object's header (type id 0, which no live object has); the next
 *  word holds its new address. */
const FORWARDED = 1;
/** What the evacuated nursery holds under verification: a header that names no type. */
const POISON = 0x7ead7ead;
/** Under stress, every this many collections is a major one, so both kinds run often. */
const MAJOR_EVERY_STRESSED = 4;
const NEARLY_FULL_FRACTION = 16;

export interface GenerationalDetail {
  minorCollections: number;
  majorCollections: number;
  promotedBytes: number;
  /** Dirty cards scanned, summed over minor collections. */
  dirtyCards: number;
}

/**
 * Two generations in one heap region. New objects are bumped into the nursery; when it is
 * full, a minor collection copies what the roots and the dirty cards reach into the
 * old generation (every survivor is promoted at once, so the nursery is empty afterwards
 * and no old-to-young ref survives a collection). When the old generation cannot take
 * the nursery's survivors, a major collection marks the whole heap and slides the live
 * objects down (MarkCompact). Objects larger than an eighth of the nursery are placed in
 * the old generation directly.
 */
export class GenerationalHeap implements GcHeap {
  readonly movesObjects = true;
  readonly detail: GenerationalDetail = {
    minorCollections: 0,
    majorCollections: 0,
    promotedBytes: 0,
    dirtyCards: 0,
  };
  private readonly totals: HeapStats = { allocations: 0, bytesAllocated: 0, collections: 0, liveBytes: 0, gcMillis: 0 };
  readonly layout: GenerationLayout;
  private readonly memory: GuestMemory;
  private readonly types: TypeTable;
  private readonly words: Int32Array;
  private readonly base: number;
  private readonly roots = new Set<RootSource>();
  private readonly starts: ObjectStarts;
  private readonly walker: ObjectWalker;
  private readonly cards: CardTable;
  private readonly compactor: MarkCompact;
  private readonly verifier: HeapVerifier;
  private readonly stress: StressPolicy | null;
  private readonly verifyOnCollect: boolean;
  private oldTop: number;
  /** The free-pointer and limit words' indexes in guest memory: compiled code bumps the
   *  nursery there, so it is the nursery's one state (see nursery-words.ts). */
  private readonly freeIndex: number;
  private readonly limitIndex: number;
  /** Compiled code records no object starts: the nursery's are set by walking it, up
   *  to here so far (see syncNurseryStarts). */
  private nurseryStartsTo: number;
  /** Nursery bytes counted into stats.bytesAllocated at collections so far. */
  private readonly counted = { bytes: 0 };

  constructor(ctx: HeapContext) {
    this.memory = ctx.memory;
    this.types = ctx.types;
    this.words = ctx.memory.i32;
    this.base = ctx.memory.base;
    const { heapBase, heapEnd } = ctx.memory.layout;
    this.layout = generationLayout(heapBase, heapEnd, ctx.memory.layout.staticBase);
    this.oldTop = this.layout.oldBase;
    this.freeIndex = (FREE_WORD - this.base) >> 2;
    this.limitIndex = (LIMIT_WORD - this.base) >> 2;
    this.words[(NURSERY_BASE_WORD - this.base) >> 2] = this.layout.nurseryBase;
    const { cardsFrom, cardTableBase, cardTableBytes } = this.layout;
    this.words[(CARD_BIAS_WORD - this.base) >> 2] = cardTableBase - (cardsFrom >>> CARD_SHIFT);
    this.starts = new ObjectStarts(heapBase, heapEnd);
    this.walker = new ObjectWalker(ctx.memory, ctx.types);
    this.cards = new CardTable(ctx.memory, cardsFrom, cardTableBase, cardTableBytes);
    this.compactor = new MarkCompact(ctx.memory, this.walker, this.starts);
    this.verifyOnCollect = ctx.options.verify;
    this.stress = stressPolicyFor(ctx.options);
    this.nurseryTop = this.layout.nurseryBase;
    this.nurseryStartsTo = this.layout.nurseryBase;
    this.verifier = new HeapVerifier({
      memory: ctx.memory,
      types: ctx.types,
      isHeapObject: (addr) => this.isObject(addr),
      isStaticObject: looksLikeStaticObject(ctx.memory, ctx.types),
    });
  }

  /**
   * `allocations` counts the objects the heap placed itself (the slow path, the
   * interpreter's `new`); compiled code's inline allocations show in `bytesAllocated`,
   * which counts every byte bumped in the nursery and placed in the old generation.
   */
  get stats(): HeapStats {
    return {
      ...this.totals,
      bytesAllocated: this.totals.bytesAllocated + this.counted.bytes + (this.nurseryTop - this.layout.nurseryBase),
      detail: { ...this.detail },
    };
  }

  allocStruct(typeId: number): number {
    const type = this.layoutOf(typeId, 'struct');
    const addr = this.place(type.size);
    this.words[(addr - this.base) >> 2] = typeId << TYPE_ID_SHIFT;
    return addr;
  }

  allocArray(typeId: number, length: number): number {
    const type = this.layoutOf(typeId, 'array');
    if (length < 0) throw new Trap('index_out_of_bounds', `array length ${length}`);
    const addr = this.place(TypeTable.arrayBytes(type, length));
    this.words[(addr - this.base) >> 2] = typeId << TYPE_ID_SHIFT;
    this.words[(addr + 4 - this.base) >> 2] = length;
    return addr;
  }

  /** Marks the card of an old holder (compiled code marks it in line). */
  writeBarrier(holder: number): void {
    if (holder < this.layout.nurseryBase) this.cards.mark(holder);
  }

  /** A full collection: what `collect` means to a caller is "free all garbage now". */
  collect(): void {
    this.major();
  }

  verify(): void {
    this.verifier.verify(this.roots);
  }

  addRoots(source: RootSource): void {
    this.roots.add(source);
  }

  removeRoots(source: RootSource): void {
    this.roots.delete(source);
  }

  isObject(addr: number): boolean {
    if (addr >= this.layout.nurseryBase) this.syncNurseryStarts();
    return this.starts.has(addr);
  }

  /** Sets the starts of the objects bumped into the nursery since the last call. */
  private syncNurseryStarts(): void {
    const top = this.nurseryTop;
    for (let addr = this.nurseryStartsTo; addr < top; addr += this.walker.sizeOf(addr)) this.starts.add(addr);
    this.nurseryStartsTo = top;
  }

  private get nurseryTop(): number {
    return this.words[this.freeIndex]!;
  }

  /** Also sets the limit compiled code bumps to: none under stress, where every
   *  allocation takes the slow path so that the stress policy sees it. */
  private set nurseryTop(top: number) {
    this.words[this.freeIndex] = top;
    this.words[this.limitIndex] = this.stress ? 0 : this.layout.nurseryEnd;
  }

  /** Bytes in use: both generations' bumped parts. */
  get usedBytes(): number {
    return this.oldTop - this.layout.oldBase + (this.nurseryTop - this.layout.nurseryBase);
  }

  private place(bytes: number): number {
    const size = Math.ceil(bytes / OBJECT_ALIGN) * OBJECT_ALIGN;
    if (this.stress?.shouldCollect()) this.stressCollect();
    const old = size > this.layout.largeObjectBytes;
    const addr = old ? this.placeOld(size) : this.placeYoung(size);
    this.memory.u8.fill(0, addr - this.base, addr - this.base + size);
    if (old) {
      this.starts.add(addr);
      // Compiled code stores into an object it has just allocated without a barrier (it
      // is young, or this): the minor collection scans this one once.
      this.cards.mark(addr);
    }
    this.totals.allocations++;
    if (size > this.layout.largeObjectBytes) this.totals.bytesAllocated += size;
    return addr;
  }

  private placeYoung(size: number): number {
    if (this.nurseryTop + size > this.layout.nurseryEnd) this.minor();
    const addr = this.nurseryTop;
    this.nurseryTop += size;
    return addr;
  }

  private placeOld(size: number): number {
    if (this.oldTop + size > this.layout.nurseryBase) {
      this.majorForRoom(size);
      if (this.oldTop + size > this.layout.nurseryBase) throw this.outOfMemory(size);
    }
    const addr = this.oldTop;
    this.oldTop += size;
    return addr;
  }

  private stressCollect(): void {
    if ((this.totals.collections + 1) % MAJOR_EVERY_STRESSED === 0) this.major();
    else this.minor();
  }

  /** Promotes every nursery survivor; falls back to a major collection when the old
   *  generation might not hold them all. */
  private minor(): void {
    const survivorsAtMost = this.nurseryTop - this.layout.nurseryBase;
    if (this.oldTop + survivorsAtMost > this.layout.nurseryBase) {
      this.majorForRoom(survivorsAtMost);
      return;
    }
    const started = performance.now();
    this.beforeCollection(true);
    const { nurseryBase } = this.layout;
    const nurseryTop = this.nurseryTop;
    const promotedFrom = this.oldTop;
    const forward = (ref: number): number => this.promote(ref, nurseryBase, nurseryTop);
    for (const source of this.roots) source.visitRoots(forward);
    this.detail.dirtyCards += this.cards.visitDirty(
      this.layout.oldBase,
      promotedFrom,
      this.starts,
      this.walker,
      forward,
    );
    // Every survivor is promoted: no old object holds a young ref any more.
    this.cards.clean(this.layout.oldBase, promotedFrom);
    for (let scan = promotedFrom; scan < this.oldTop; scan += this.walker.updateRefs(scan, forward));
    this.emptyNursery(nurseryTop);
    this.detail.minorCollections++;
    this.detail.promotedBytes += this.oldTop - promotedFrom;
    this.afterCollection(started);
  }

  /**
   * A major collection because the old generation is full. As boehm: one that leaves less
   * than 1/16 of the old generation free ends the run's use of the heap, rather than
   * compacting a nearly full heap again at every nursery's worth of allocation.
   */
  private majorForRoom(size: number): void {
    this.major();
    const capacity = this.layout.nurseryBase - this.layout.oldBase;
    if (this.layout.nurseryBase - this.oldTop < capacity / NEARLY_FULL_FRACTION) throw this.outOfMemory(size);
  }

  private major(): void {
    const started = performance.now();
    this.beforeCollection(false);
    // Afterwards the nursery is empty: no old object holds a young ref.
    this.cards.clean(this.layout.oldBase, this.oldTop);
    const spans = {
      oldBase: this.layout.oldBase,
      oldTop: this.oldTop,
      nurseryBase: this.layout.nurseryBase,
      nurseryTop: this.nurseryTop,
    };
    const top = this.compactor.collect(this.roots, spans);
    if (top === null) throw this.outOfMemory(this.compactor.liveBytes);
    const vacated = this.oldTop;
    this.oldTop = top;
    if (this.verifyOnCollect && top < vacated)
      this.words.fill(POISON, (top - this.base) >> 2, (vacated - this.base) >> 2);
    this.emptyNursery(spans.nurseryTop);
    this.detail.majorCollections++;
    this.afterCollection(started);
  }

  /** The object's address in the old generation, copied there on first sight; anything
   *  that is not a ref into the nursery is returned as it is. */
  private promote(ref: number, nurseryBase: number, nurseryTop: number): number {
    if ((ref & 3) !== 0 || ref < nurseryBase || ref >= nurseryTop) return ref;
    const at = (ref - this.base) >> 2;
    if (this.words[at] === FORWARDED) return this.words[at + 1]!;
    if (this.verifyOnCollect && !this.isObject(ref))
      throw new HeapCorruption(`a root or field holds 0x${ref.toString(16)}, which is not the start of an object`);
    const size = this.walker.sizeOf(ref);
    const copy = this.oldTop;
    this.oldTop += size;
    copyWords(this.words, (copy - this.base) >> 2, at, size >> 2);
    this.starts.add(copy);
    this.words[at] = FORWARDED;
    this.words[at + 1] = copy;
    return copy;
  }

  /** After a collection nothing lives in the nursery: forget its objects and zero it
   *  for compiled code, which writes only headers. Under stress compiled code never
   *  allocates there (the slow path zeroes each object), so the nursery is poisoned
   *  instead: a stale ref then reads a header that names no type. */
  private emptyNursery(nurseryTop: number): void {
    const { nurseryBase } = this.layout;
    this.starts.clear(nurseryBase, nurseryTop);
    const from = (nurseryBase - this.base) >> 2;
    const to = (nurseryTop - this.base) >> 2;
    this.words.fill(this.stress ? POISON : 0, from, to);
    this.counted.bytes += nurseryTop - nurseryBase;
    this.nurseryTop = nurseryBase;
    this.nurseryStartsTo = nurseryBase;
  }

  private beforeCollection(minor: boolean): void {
    if (!this.verifyOnCollect) return;
    this.verify();
    if (minor)
      this.cards.checkComplete(
        this.walker,
        this.layout.oldBase,
        this.oldTop,
        this.layout.nurseryBase,
        this.layout.nurseryEnd,
      );
  }

  private afterCollection(started: number): void {
    this.totals.collections++;
    this.totals.liveBytes = this.oldTop - this.layout.oldBase;
    if (this.verifyOnCollect) this.verify();
    this.totals.gcMillis += performance.now() - started;
  }

  private outOfMemory(size: number): Trap {
    const room = this.layout.nurseryBase - this.layout.oldBase;
    return new Trap('out_of_memory', `generational: ${size} bytes do not fit in a ${room}-byte old generation`);
  }

  private layoutOf(typeId: number, kind: TypeLayout['kind']): TypeLayout {
    const type = this.types.byId[typeId];
    if (!type || type.kind !== kind) throw new Error(`generational: type id ${typeId} is not a ${kind}`);
    return type;
  }
}
