import { HeapCorruption, type GcHeap, type HeapContext, type HeapOptions, type HeapStats, type RootSource } from '#framework';
import { HeapVerifier, looksLikeStaticObject } from '#framework';
import { stressPolicyFor, type StressPolicy } from '#framework';
import { Trap } from '#framework';
import type { GuestMemory } from '#framework';
import { MiB } from '#framework';
import { TYPE_ID_SHIFT as HEADER_TYPE_SHIFT, TypeTable, type TypeLayout } from '#framework';
import { MarkBits } from './mark-bits.ts';
import { Marker } from './mark.ts';
import { ObjectFinder } from './object-finder.ts';
import { PageMap } from './page-map.ts';
import { PagePool } from './page-pool.ts';
import { PAGE_BYTES, PAGE_SHIFT, cellBytes, pagesFor, sizeClassOf } from './size-classes.ts';
import { SmallSpace } from './small-space.ts';
import { Sweeper } from './sweep.ts';

// A local copy: imported bindings cost a getter call per use under the TS loader (docs/decisions.md).
const TYPE_ID_SHIFT = HEADER_TYPE_SHIFT;

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
  readonly stats: HeapStats = { allocations: 0, bytesAllocated: 0, collections: 0, liveBytes: 0, gcMillis: 0 };
  readonly detail: BoehmDetail = { markedBytes: 0, sweptBytes: 0, freedObjects: 0, markMillis: 0, sweepMillis: 0 };
  readonly heapBytes: number;

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
    this.marker.markFrom(this.roots);
    const afterMark = performance.now();
    const swept = this.sweeper.sweep();
    const end = performance.now();
    this.stats.collections++;
    this.stats.liveBytes = swept.liveBytes;
    this.stats.gcMillis += end - start;
    this.detail.markedBytes += swept.liveBytes;
    this.detail.sweptBytes += swept.sweptBytes;
    this.detail.freedObjects += swept.freedObjects;
    this.detail.markMillis += afterMark - start;
    this.detail.sweepMillis += end - afterMark;
    this.bytesSinceCollection = 0;
    this.onCollection?.(this.stats.allocations);
    if (this.options.verify) this.verifyAround('after');
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
    return this.finder.isObject(addr);
  }

  /** The allocated object an interior pointer points into, or 0 (for conservative scanning). */
  objectContaining(addr: number): number {
    return this.finder.objectContaining(addr);
  }

  /** Bytes of free pages plus free cells in partly used pages. */
  freeBytes(): number {
    return this.pool.freePages * PAGE_BYTES + this.small.freeBytes;
  }

  private layoutOf(typeId: number, kind: 'struct' | 'array'): TypeLayout {
    const type = this.types.byId[typeId];
    if (!type || type.kind !== kind) throw new Error(`type id ${typeId} is not ${kind === 'struct' ? 'a struct' : 'an array'} type`);
    return type;
  }

  private allocate(bytes: number): number {
    const sizeClass = sizeClassOf(bytes);
    const blockBytes = sizeClass >= 0 ? cellBytes[sizeClass]! : pagesFor(bytes) * PAGE_BYTES;
    if (blockBytes > this.heapBytes) throw this.outOfMemory(bytes);
    let collected = false;
    if (this.stress?.shouldCollect() || this.bytesSinceCollection + blockBytes > Math.max(this.minInterval, this.stats.liveBytes)) {
      this.collect();
      collected = true;
    }
    let addr = this.tryAllocate(sizeClass, bytes);
    if (addr === 0 && !collected) {
      this.collect();
      addr = this.tryAllocate(sizeClass, bytes);
    }
    if (addr === 0) throw this.outOfMemory(bytes);
    this.stats.allocations++;
    this.stats.bytesAllocated += blockBytes;
    this.bytesSinceCollection += blockBytes;
    return addr;
  }

  /** A zeroed block, or 0 when no free page is left for it. */
  private tryAllocate(sizeClass: number, bytes: number): number {
    if (sizeClass < 0) return this.tryAllocateLarge(bytes);
    const cell = this.small.allocate(sizeClass);
    if (cell !== 0) return cell;
    const page = this.pool.take(1);
    if (page < 0) return 0;
    const addr = this.pages.pageAddress(page);
    this.memory.fill(addr, PAGE_BYTES);
    this.pages.markSmall(page, sizeClass);
    this.small.addPage(sizeClass, addr);
    return this.small.allocate(sizeClass);
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
    return new Trap('out_of_memory', `no room for ${bytes} bytes in a heap of ${this.heapBytes} (${this.stats.liveBytes} live)`);
  }

  private verifyAround(when: 'before' | 'after'): void {
    try {
      this.verify();
    } catch (e) {
      if (e instanceof HeapCorruption) throw new HeapCorruption(`${when} collection #${this.stats.collections + (when === 'before' ? 1 : 0)}: ${e.message}`);
      throw e;
    }
  }
}
