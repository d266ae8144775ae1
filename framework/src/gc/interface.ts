import type { Func, Module } from '../ir/module.ts';
import type { GuestMemory } from '../runtime/guest-memory.ts';
import type { HostFunction } from '../runtime/host.ts';
import type { TypeTable } from '../runtime/object-layout.ts';

/** Visits one root ref; returns the value to store back (a moving collector's new address). */
export type RootVisitor = (ref: number) => number;

/** Anything that holds refs the collector must see: globals, interpreter frames,
 *  guest stacks, handles held by host functions. */
export interface RootSource {
  /** Calls `visit` once for every slot and stores what it returns there. Once: a sliding
   *  compactor maps old addresses to new ones, and a slot visited again would be mapped
   *  from an address that is already new. */
  visitRoots(visit: RootVisitor): void;
}

export interface HeapOptions {
  /** Collect every N allocations (1 = every allocation); 0 = off. */
  stressEvery: number;
  /** With stress: collect at random intervals (mean N) replayable from this seed. */
  stressSeed?: number;
  /** Run the heap verifier before and after every collection. */
  verify: boolean;
}

export interface HeapContext {
  memory: GuestMemory;
  types: TypeTable;
  options: HeapOptions;
}

export interface HeapStats {
  allocations: number;
  bytesAllocated: number;
  collections: number;
  /** Bytes live after the most recent collection. */
  liveBytes: number;
  gcMillis: number;
  /** The collector's own counters (e.g. minor and major collections, bytes copied), which
   *  `--stats` prints as they are named. */
  detail?: Readonly<Record<string, number>>;
}

/** A collector's runtime half: allocates and collects over guest memory. */
export interface GcHeap {
  /** Zeroed struct of the given type; throws Trap('out_of_memory') when the heap is exhausted. */
  allocStruct(typeId: number): number;
  /** Zeroed array with its length word set; negative lengths trap index_out_of_bounds. */
  allocArray(typeId: number, length: number): number;
  collect(): void;
  /** Checks every live object's header and ref fields; throws HeapCorruption. */
  verify(): void;
  addRoots(source: RootSource): void;
  removeRoots(source: RootSource): void;
  /** True when addr is the start of a live heap object. */
  isObject(addr: number): boolean;
  /**
   * The ref-store barrier: called after a ref is stored into a field or element of the heap
   * object `holder` by the interpreter (unlowered `set`/`aset`), a host function or the
   * runtime. Compiled code gets it inlined by the collector's lowering. Stores into
   * globals need none: the static image is a root at every collection.
   */
  writeBarrier(holder: number): void;
  /** True when a collection may move objects: roots must then be precise and written back. */
  readonly movesObjects: boolean;
  readonly stats: HeapStats;
}

export class HeapCorruption extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeapCorruption';
  }
}

/** A GC plugin supplies both halves: the IR→IR lowering (run after optimization) and the runtime. */
export interface GarbageCollector {
  readonly name: string;
  readonly description: string;
  /** Guest memory the heap takes per byte of the heap size asked for (--heap-size is what
   *  objects may use): 2 for a copier, which keeps half its space empty. Default 1. */
  readonly heapSpaceFactor?: number;
  /** Rewrites `new`/`new_array` and ref stores into raw memory operations and calls to
   *  the host functions below; sets module.lowered. With `funcs` (code loaded into a
   *  running program, whose module is lowered already) only those are rewritten. */
  lower(module: Module, funcs?: readonly Func[]): void;
  /** Host functions the lowered code calls (allocation slow paths, barriers). */
  hostFunctions(heap: GcHeap): HostFunction[];
  createHeap(ctx: HeapContext): GcHeap;
}
