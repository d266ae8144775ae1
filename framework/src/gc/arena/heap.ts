import { Trap } from '../../ir/traps.ts';
import type { GuestMemory } from '../../runtime/guest-memory.ts';
import { OBJECT_ALIGN, TYPE_ID_SHIFT, TypeTable, type TypeLayout } from '../../runtime/object-layout.ts';
import { HeapVerifier, looksLikeStaticObject } from '../heap-verifier.ts';
import type { GcHeap, HeapContext, HeapStats, RootSource } from '../interface.ts';

/**
 * The arena's heap: objects are placed one after another and never freed. A collection
 * only counts (and, with verification on, checks every reachable object), so a program
 * that allocates more than the heap traps out_of_memory. Enough for the framework's own
 * tests, which must not depend on a GC plugin; a real collector is a plugin's job.
 */
export class ArenaHeap implements GcHeap {
  private readonly memory: GuestMemory;
  private readonly types: TypeTable;
  private readonly verifyOnCollect: boolean;
  private readonly roots = new Set<RootSource>();
  /** Start addresses of the objects, ascending: the arena only ever appends. */
  private readonly starts: number[] = [];
  private readonly verifier: HeapVerifier;
  private top: number;
  readonly movesObjects = false;
  readonly stats: HeapStats = { allocations: 0, bytesAllocated: 0, collections: 0, liveBytes: 0, gcMillis: 0 };

  constructor(ctx: HeapContext) {
    this.memory = ctx.memory;
    this.types = ctx.types;
    this.verifyOnCollect = ctx.options.verify;
    this.top = ctx.memory.layout.heapBase;
    this.verifier = new HeapVerifier({
      memory: ctx.memory,
      types: ctx.types,
      isHeapObject: (addr) => this.isObject(addr),
      isStaticObject: looksLikeStaticObject(ctx.memory, ctx.types),
    });
  }

  allocStruct(typeId: number): number {
    const type = this.layoutOf(typeId, 'struct');
    const addr = this.place(type.size);
    this.memory.setWord(addr, typeId << TYPE_ID_SHIFT);
    return addr;
  }

  allocArray(typeId: number, length: number): number {
    const type = this.layoutOf(typeId, 'array');
    if (length < 0) throw new Trap('index_out_of_bounds', `array length ${length}`);
    const addr = this.place(TypeTable.arrayBytes(type, length));
    this.memory.setWord(addr, typeId << TYPE_ID_SHIFT);
    this.memory.setWord(addr + 4, length);
    return addr;
  }

  collect(): void {
    this.stats.collections++;
    this.stats.liveBytes = this.stats.bytesAllocated;
    if (this.verifyOnCollect) this.verify();
  }

  verify(): void {
    this.verifier.verify(this.roots);
  }

  /** Nothing to remember: the arena never collects. */
  writeBarrier(_holder: number): void {}

  addRoots(source: RootSource): void {
    this.roots.add(source);
  }

  removeRoots(source: RootSource): void {
    this.roots.delete(source);
  }

  isObject(addr: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.starts[mid]!;
      if (at === addr) return true;
      if (at < addr) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private place(bytes: number): number {
    const size = (bytes + OBJECT_ALIGN - 1) & ~(OBJECT_ALIGN - 1);
    if (this.top + size > this.memory.layout.heapEnd)
      throw new Trap('out_of_memory', `arena: ${size} bytes do not fit`);
    const addr = this.top;
    this.top += size;
    this.starts.push(addr);
    this.stats.allocations++;
    this.stats.bytesAllocated += size;
    return addr;
  }

  private layoutOf(typeId: number, kind: TypeLayout['kind']): TypeLayout {
    const type = this.types.byId[typeId];
    if (!type || type.kind !== kind) throw new Error(`arena: type id ${typeId} is not a ${kind}`);
    return type;
  }
}
