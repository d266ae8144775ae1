import {
  HeapCorruption,
  HeapVerifier,
  looksLikeStaticObject,
  ObjectStarts,
  ObjectWalker,
  OBJECT_ALIGN,
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
import { BarrierCheck } from './barrier-check.ts';

/** A forwarded object's header: type id 0, which no live object has. Its next word holds
 *  the new address (every object has at least 8 bytes). */
const FORWARDED = 1;
/** What a vacated half is filled with: a header naming no type, so that a stale ref read
 *  after a collection fails loudly instead of reading the object's old, plausible data. */
const POISON = 0x7ead7ead;
/** Less than 1/16 of a half free after a collection is exhaustion. */
const NEARLY_FULL_FRACTION = 16;

/**
 * A Cheney copying collector that moves every live object at every collection: the heap
 * is two halves, allocation bumps a pointer through one, and a collection copies what
 * the roots reach into the other, breadth first, then poisons the half it left. It is
 * the proof that every root is precise: a ref the collector was not shown goes stale at
 * the first collection. With verification on it also checks the heap before and after
 * each collection, and that every ref store into an object that survived the previous
 * collection was followed by a write barrier (what a generational collector relies on).
 */
export class SemispaceHeap implements GcHeap {
  readonly movesObjects = true;
  readonly stats: HeapStats = { allocations: 0, bytesAllocated: 0, collections: 0, liveBytes: 0, gcMillis: 0 };
  private readonly memory: GuestMemory;
  private readonly types: TypeTable;
  private readonly words: Int32Array;
  private readonly base: number;
  private readonly roots = new Set<RootSource>();
  private readonly starts: ObjectStarts;
  private readonly walker: ObjectWalker;
  private readonly verifier: HeapVerifier;
  private readonly barriers: BarrierCheck | null;
  private readonly stress: StressPolicy | null;
  private readonly verifyOnCollect: boolean;
  private readonly halfBytes: number;
  /** The half allocation bumps through, and how far. */
  private spaceBase: number;
  private top: number;

  constructor(ctx: HeapContext) {
    this.memory = ctx.memory;
    this.types = ctx.types;
    this.words = ctx.memory.i32;
    this.base = ctx.memory.base;
    const { heapBase, heapEnd } = ctx.memory.layout;
    this.halfBytes = Math.floor((heapEnd - heapBase) / 2 / OBJECT_ALIGN) * OBJECT_ALIGN;
    this.spaceBase = heapBase;
    this.top = heapBase;
    this.starts = new ObjectStarts(heapBase, heapEnd);
    this.walker = new ObjectWalker(ctx.memory, ctx.types);
    this.verifyOnCollect = ctx.options.verify;
    this.stress = stressPolicyFor(ctx.options);
    this.verifier = new HeapVerifier({
      memory: ctx.memory,
      types: ctx.types,
      isHeapObject: (addr) => this.starts.has(addr),
      isStaticObject: looksLikeStaticObject(ctx.memory, ctx.types),
    });
    this.barriers = this.verifyOnCollect ? new BarrierCheck(ctx.memory, ctx.types) : null;
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

  writeBarrier(holder: number): void {
    this.barriers?.remember(holder);
  }

  collect(): void {
    const started = performance.now();
    if (this.verifyOnCollect) {
      this.verify();
      this.barriers!.check();
    }
    const from = this.spaceBase;
    const fromTop = this.top;
    const to = from === this.memory.layout.heapBase ? from + this.halfBytes : this.memory.layout.heapBase;
    this.spaceBase = to;
    this.top = to;
    const forward = (ref: number): number => this.forward(ref, from, fromTop);
    for (const source of this.roots) source.visitRoots(forward);
    for (let scan = to; scan < this.top; scan += this.walker.updateRefs(scan, forward));
    this.starts.clear(from, fromTop);
    this.memory.i32.fill(POISON, (from - this.base) >> 2, (fromTop - this.base) >> 2);
    this.stats.collections++;
    this.stats.liveBytes = this.top - to;
    if (this.verifyOnCollect) {
      this.verify();
      this.barriers!.snapshot(to, this.top);
    }
    this.stats.gcMillis += performance.now() - started;
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
    return this.starts.has(addr);
  }

  /** The new address of the object at `ref` (copied on first sight); anything that is not
   *  a ref into the half being vacated is returned as it is. */
  private forward(ref: number, from: number, fromTop: number): number {
    if ((ref & 3) !== 0 || ref < from || ref >= fromTop) return ref;
    const at = (ref - this.base) >> 2;
    const header = this.words[at]!;
    if (header === FORWARDED) return this.words[at + 1]!;
    if (!this.starts.has(ref))
      throw new HeapCorruption(`a root or field holds 0x${ref.toString(16)}, which is not the start of an object`);
    const size = this.walker.sizeOf(ref);
    const copy = this.top;
    this.top += size;
    this.memory.u8.copyWithin(copy - this.base, ref - this.base, ref - this.base + size);
    this.starts.add(copy);
    this.words[at] = FORWARDED;
    this.words[at + 1] = copy;
    return copy;
  }

  /** Bumps the pointer, collecting first when stress asks or the half is full. */
  private place(bytes: number): number {
    const size = Math.ceil(bytes / OBJECT_ALIGN) * OBJECT_ALIGN;
    if (size > this.halfBytes) throw this.outOfMemory(size);
    const limit = this.spaceBase + this.halfBytes;
    let collected = false;
    if (this.stress?.shouldCollect() || this.top + size > limit) {
      this.collect();
      collected = true;
    }
    if (this.top + size > this.spaceBase + this.halfBytes) throw this.outOfMemory(size);
    // As boehm: a collection forced by a full half that leaves little room ends the run's
    // use of the heap, rather than copying a nearly full half again at every allocation.
    if (collected && this.top + this.halfBytes / NEARLY_FULL_FRACTION > this.spaceBase + this.halfBytes)
      throw this.outOfMemory(size);
    const addr = this.top;
    this.top += size;
    this.memory.u8.fill(0, addr - this.base, addr - this.base + size);
    this.starts.add(addr);
    this.stats.allocations++;
    this.stats.bytesAllocated += size;
    return addr;
  }

  private outOfMemory(size: number): Trap {
    return new Trap('out_of_memory', `semispace: ${size} bytes do not fit in a ${this.halfBytes}-byte half`);
  }

  private layoutOf(typeId: number, kind: TypeLayout['kind']): TypeLayout {
    const type = this.types.byId[typeId];
    if (!type || type.kind !== kind) throw new Error(`semispace: type id ${typeId} is not a ${kind}`);
    return type;
  }
}
