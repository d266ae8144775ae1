import {
  HeapCorruption,
  type GcHeap,
  type HeapContext,
  type HeapOptions,
  type HeapStats,
  type RootSource,
} from '#framework';
import { HeapVerifier, looksLikeStaticObject } from '#framework';
import { stressPolicyFor, type StressPolicy } from '#framework';
import { Trap } from '#framework';
import type { GuestMemory } from '#framework';
import { MiB } from '#framework';
import { TYPE_ID_SHIFT as HEADER_TYPE_SHIFT, TypeTable, type TypeLayout } from '#framework';
import { MarkBits } from './mark-bits.ts';
import { Marker } from './mark.ts';
import { ObjectFinder } from './object-finder.ts';
import { PAGE_SMALL, PageMap } from './page-map.ts';
import { PagePool } from './page-pool.ts';
import { GuestChains } from './guest-chains.ts';
import { PAGE_BYTES, PAGE_SHIFT, SIZE_CLASS_COUNT, cellBytes, pagesFor, sizeClassOf } from './size-classes.ts';
import { FREE_LINK_OFFSET, SmallSpace } from './small-space.ts';
import { Sweeper } from './sweep.ts';

// A local copy: imported bindings cost a getter call per use under the TS loader (docs/decisions.md).
const TYPE_ID_SHIFT = HEADER_TYPE_SHIFT;
/** Most bytes of cells one refill publishes: a host call per ~1000 small objects. */
const CHAIN_BYTES = 16 * 1024;

export interface BoehmTuning {
  /** Least allocation volume between two collections; the default is 1 MiB. */
  minCollectionInterval?: number;
  /** Exact const starts from the static image; by default any 8-aligned word in static
   *  data whose header names a known type is accepted. */
  isStaticObject?: (addr: number) => boolean;
  /** Told the number of allocations served so far at each collection (stress replay). */
  onCollection?: (allocations: number) => void;
}

/** Totals beyond HeapStats, for benchmarks and tuning. */
export interface BoehmDetail {
  markedBytes: number;
  sweptBytes: number;
  freedObjects: number;
  markMillis: number;
  sweepMillis: number;
}

/** A collection forced by a failed allocation that leaves less than this share of the
 *  heap free ends the run's use of it: heap exhaustion, raised at once. */
const NEARLY_FULL_FRACTION = 16;

/**
 * Boehm-style non-moving mark-sweep over [heapBase, heapEnd). Small objects go to size-class
 * cells, large ones to page runs. A collection starts when the bytes allocated since the
 * last one would exceed max(1 MiB, bytes live after it), when a request finds no free page,
 * or when stress mode says so. Byte counts are of the cells and page runs handed out.
 *
 * Zeroing happens on allocation, never on sweep: a page is zeroed when it leaves the pool
 * (for a size class: the whole page; for a large object: the object's bytes), a recycled
 * cell when the free list hands it out. Sweeping only writes header 0 and free-list links,
 * and dead memory that is never reused is never touched.
 */
export class BoehmHeap implements GcHeap {
  readonly detail: BoehmDetail = { markedBytes: 0, sweptBytes: 0, freedObjects: 0, markMillis: 0, sweepMillis: 0 };
  readonly heapBytes: number;
  readonly movesObjects = false;

  private readonly memory: GuestMemory;
  private readonly types: TypeTable;
  private readonly options: HeapOptions;
  private readonly words: Int32Array;
  private readonly roots = new Set<RootSource>();
  private readonly pages: PageMap;
  private readonly pool: PagePool;
  private readonly small: SmallSpace;
  private readonly finder: ObjectFinder;
  private readonly marker: Marker;
  private readonly sweeper: Sweeper;
  private readonly verifier: HeapVerifier;
  private readonly stress: StressPolicy | null;
  private readonly minInterval: number;
  private readonly onCollection: ((allocations: number) => void) | undefined;
  private readonly chains: GuestChains;
  private readonly chainPart = { head: 0, tail: 0 };
  private readonly totals: HeapStats = { allocations: 0, bytesAllocated: 0, collections: 0, liveBytes: 0, gcMillis: 0 };
  /** Bytes handed out since the last collection, counting published chains as handed out. */
  private bytesSinceCollection = 0;

  constructor(ctx: HeapContext, tuning: BoehmTuning = {}) {
    this.memory = ctx.memory;
    this.types = ctx.types;
    this.options = ctx.options;
    this.words = ctx.memory.i32;
    const { heapBase, heapEnd } = ctx.memory.layout;
    if ((heapBase & (PAGE_BYTES - 1)) !== 0) throw new RangeError('the heap must start on a page boundary');
    this.heapBytes = heapEnd - heapBase;
    this.pages = new PageMap(heapBase, this.heapBytes >>> PAGE_SHIFT);
    this.pool = new PagePool(this.pages.pageCount);
    this.small = new SmallSpace(ctx.memory);
    this.finder = new ObjectFinder(ctx.memory, this.pages);
    const bits = new MarkBits(heapBase, this.heapBytes);
    this.marker = new Marker(ctx.memory, ctx.types, this.pages, this.finder, bits);
    this.sweeper = new Sweeper(ctx.memory, this.pages, bits, this.small, this.pool);
    this.verifier = new HeapVerifier({
      memory: ctx.memory,
      types: ctx.types,
      isHeapObject: (addr) => this.finder.isObject(addr),
      isStaticObject: tuning.isStaticObject ?? looksLikeStaticObject(ctx.memory, ctx.types),
      capacityOf: (addr) => this.pages.blockBytes(addr),
    });
    this.stress = stressPolicyFor(ctx.options);
    this.minInterval = tuning.minCollectionInterval ?? MiB;
    this.onCollection = tuning.onCollection;
    this.chains = new GuestChains(ctx.memory);
  }

  /** Totals, counting what compiled code allocated off the chains so far. */
  get stats(): HeapStats {
    this.countChainUse();
    return this.totals;
  }

  /**
   * Compiled code's slow path for a struct (`gc.alloc`): allocates like allocStruct, then,
   * when the type's chain is empty, publishes a new one so that the next allocations of the
   * class stay in guest code.
   */
  allocStructForGuest(typeId: number): number {
    const addr = this.allocStruct(typeId);
    this.refillChain(this.types.byId[typeId]!.size);
    return addr;
  }

  /** Compiled code's slow path for an array (`gc.alloc_array`), as allocStructForGuest. */
  allocArrayForGuest(typeId: number, length: number): number {
    const addr = this.allocArray(typeId, length);
    this.refillChain(TypeTable.arrayBytes(this.types.byId[typeId]!, length));
    return addr;
  }

  allocStruct(typeId: number): number {
    const type = this.layoutOf(typeId, 'struct');
    const addr = this.allocate(type.size);
    this.words[(addr - this.memory.base) >> 2] = typeId << TYPE_ID_SHIFT;
    return addr;
  }

  allocArray(typeId: number, length: number): number {
    const type = this.layoutOf(typeId, 'array');
    if (length < 0) throw new Trap('index_out_of_bounds', `array length ${length}`);
    const addr = this.allocate(TypeTable.arrayBytes(type, length));
    const at = (addr - this.memory.base) >> 2;
    this.words[at] = typeId << TYPE_ID_SHIFT;
    this.words[at + 1] = length;
    return addr;
  }

  collect(): void {
    if (this.options.verify) this.verifyAround('before');
    const start = performance.now();
    // The chains' cells have zero headers, so the sweep finds them free.
    this.countChainUse();
    this.chains.withdrawAll();
    this.marker.markFrom(this.roots);
    const afterMark = performance.now();
    const swept = this.sweeper.sweep();
    const end = performance.now();
    this.totals.collections++;
    this.totals.liveBytes = swept.liveBytes;
    this.totals.gcMillis += end - start;
    this.detail.markedBytes += swept.liveBytes;
    this.detail.sweptBytes += swept.sweptBytes;
    this.detail.freedObjects += swept.freedObjects;
    this.detail.markMillis += afterMark - start;
    this.detail.sweepMillis += end - afterMark;
    this.bytesSinceCollection = 0;
    this.onCollection?.(this.totals.allocations);
    if (this.options.verify) this.verifyAround('after');
  }

  verify(): void {
    this.chains.verify((addr) => this.smallCellClass(addr));
    this.verifier.verify(this.roots);
  }

  /** Empty: a non-moving, non-generational collector remembers no stores. */
  writeBarrier(_holder: number): void {}

  addRoots(source: RootSource): void {
    this.roots.add(source);
  }

  removeRoots(source: RootSource): void {
    this.roots.delete(source);
  }

  isObject(addr: number): boolean {
    return this.finder.isObject(addr);
  }

  /** The allocated object an interior pointer points into, or 0 (for conservative scanning). */
  objectContaining(addr: number): number {
    return this.finder.objectContaining(addr);
  }

  /** Bytes of free pages plus free cells in partly used pages (chains included). */
  freeBytes(): number {
    return this.pool.freePages * PAGE_BYTES + this.small.freeBytes + this.chains.unusedBytes();
  }

  /** The size class of the small-object cell starting at addr, or -1. */
  private smallCellClass(addr: number): number {
    if (addr < this.pages.heapBase || addr >= this.pages.heapBase + this.heapBytes) return -1;
    const page = this.pages.pageOf(addr);
    if (this.pages.kind[page] !== PAGE_SMALL || this.pages.blockContaining(addr) !== addr) return -1;
    return this.pages.sizeClass[page]!;
  }

  private layoutOf(typeId: number, kind: 'struct' | 'array'): TypeLayout {
    const type = this.types.byId[typeId];
    if (!type || type.kind !== kind)
      throw new Error(`type id ${typeId} is not ${kind === 'struct' ? 'a struct' : 'an array'} type`);
    return type;
  }

  private allocate(bytes: number): number {
    const sizeClass = sizeClassOf(bytes);
    let blockBytes = sizeClass >= 0 ? cellBytes[sizeClass]! : pagesFor(bytes) * PAGE_BYTES;
    if (blockBytes > this.heapBytes) throw this.outOfMemory(bytes);
    let collected = false;
    if (this.stress?.shouldCollect() || this.bytesSinceCollection + blockBytes > this.collectionInterval()) {
      this.collect();
      collected = true;
    }
    let addr = this.tryAllocate(sizeClass, bytes);
    if (addr === 0 && !collected) {
      this.collect();
      // Near exhaustion each collection frees only the garbage made since the last one,
      // and the collections come ever closer: a run that fills the heap would spend
      // minutes marking it again and again (as the JVM's GC overhead limit, give up once
      // a collection leaves little room).
      if (this.freeBytes() < this.heapBytes / NEARLY_FULL_FRACTION) throw this.outOfMemory(bytes);
      addr = this.tryAllocate(sizeClass, bytes);
    }
    if (addr === 0) throw this.outOfMemory(bytes);
    // The block may be a larger class's cell (tryAllocate's fallback).
    if (sizeClass >= 0) blockBytes = this.pages.blockBytes(addr);
    this.totals.allocations++;
    this.totals.bytesAllocated += blockBytes;
    this.bytesSinceCollection += blockBytes;
    return addr;
  }

  /** Bytes to hand out between two collections. */
  private collectionInterval(): number {
    return Math.max(this.minInterval, this.totals.liveBytes);
  }

  private countChainUse(): void {
    const use = { objects: 0, bytes: 0 };
    this.chains.countAllUse(use);
    this.totals.allocations += use.objects;
    this.totals.bytesAllocated += use.bytes;
  }

  /**
   * Publishes a chain for the size class of `bytes` when it is empty: up to CHAIN_BYTES of
   * cells, within what may still be handed out before the next collection. Never in stress
   * mode, where every allocation must reach the host to be counted (and collect).
   */
  private refillChain(bytes: number): void {
    const c = sizeClassOf(bytes);
    if (c < 0 || this.stress || !this.chains.isEmpty(c)) return;
    const use = { objects: 0, bytes: 0 };
    this.chains.countUse(c, use);
    this.totals.allocations += use.objects;
    this.totals.bytesAllocated += use.bytes;
    const size = cellBytes[c]!;
    const cells = Math.floor(Math.min(CHAIN_BYTES, this.collectionInterval() - this.bytesSinceCollection) / size);
    // Recycled cells first, then fresh pages: after a sweep most pages are back in the pool.
    let head = 0;
    let tail = 0;
    let count = 0;
    while (count < cells && (this.small.hasCell(c) || this.addSmallPage(c))) {
      const part = this.chainPart;
      const taken = this.small.takeChain(c, cells - count, part);
      if (tail === 0) head = part.head;
      else this.memory.setWord(tail + FREE_LINK_OFFSET, part.head);
      tail = part.tail;
      count += taken;
    }
    if (count === 0) return;
    this.bytesSinceCollection += count * size;
    this.chains.publish(c, head, count);
  }

  /** A zeroed block, or 0 when no free page is left for it. */
  private tryAllocate(sizeClass: number, bytes: number): number {
    if (sizeClass < 0) return this.tryAllocateLarge(bytes);
    const cell = this.small.allocate(sizeClass);
    if (cell !== 0) return cell;
    if (this.addSmallPage(sizeClass)) return this.small.allocate(sizeClass);
    // No page is free, yet other classes' pages may have room: every one of them can hold a
    // survivor or two and none comes back to the pool. A free cell of a larger class holds
    // the object (the rest of the cell is wasted until it dies) rather than the run failing
    // with most of its heap free. The cell is zeroed whole, and an object may be smaller
    // than its block (the marker and the verifier go by the header's type).
    for (let c = sizeClass + 1; c < SIZE_CLASS_COUNT; c++) {
      const larger = this.small.allocate(c);
      if (larger !== 0) return larger;
    }
    return 0;
  }

  /** Gives class c a fresh zeroed page to carve, or returns false when no page is free. */
  private addSmallPage(c: number): boolean {
    const page = this.pool.take(1);
    if (page < 0) return false;
    const addr = this.pages.pageAddress(page);
    this.memory.fill(addr, PAGE_BYTES);
    this.pages.markSmall(page, c);
    this.small.addPage(c, addr);
    return true;
  }

  private tryAllocateLarge(bytes: number): number {
    const count = pagesFor(bytes);
    const first = this.pool.take(count);
    if (first < 0) return 0;
    const addr = this.pages.pageAddress(first);
    this.memory.fill(addr, bytes);
    this.pages.markLarge(first, count);
    return addr;
  }

  private outOfMemory(bytes: number): Trap {
    return new Trap(
      'out_of_memory',
      `no room for ${bytes} bytes in a heap of ${this.heapBytes} (${this.totals.liveBytes} live)`,
    );
  }

  private verifyAround(when: 'before' | 'after'): void {
    try {
      this.verify();
    } catch (e) {
      if (e instanceof HeapCorruption)
        throw new HeapCorruption(
          `${when} collection #${this.totals.collections + (when === 'before' ? 1 : 0)}: ${e.message}`,
        );
      throw e;
    }
  }
}
