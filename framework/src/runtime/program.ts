import type { GarbageCollector, GcHeap } from '../gc/interface.ts';
import type { Module } from '../ir/module.ts';
import { builtinHostFunctions } from './builtin-hosts.ts';
import { GuestMemory } from './guest-memory.ts';
import { HostRegistry, type HostContext, type HostFunction, type OutputSink } from './host.ts';
import { MAX_FUNCTIONS, MiB, TABLE_SLOT_BYTES, makeLayout, type MemoryLayout } from './memory-map.ts';
import { TypeTable } from './object-layout.ts';
import { StaticImage, staticBytesFor } from './static-image.ts';

export interface ProgramOptions {
  gc: GarbageCollector;
  out: OutputSink;
  heapSize?: number;
  stackSize?: number;
  /** Collect every N allocations (0 = off). */
  gcStress?: number;
  gcStressSeed?: number;
  /** Heap verifier before and after each collection (on by default under stress). */
  verifyHeap?: boolean;
  /** Host functions of the frontend's runtime. */
  hosts?: HostFunction[];
}

/**
 * A module loaded into guest memory: layout, shared buffer, type table, static data,
 * heap and host functions. Every engine (interpreter or native) runs over one of these.
 */
export class Program {
  readonly layout: MemoryLayout;
  readonly memory: GuestMemory;
  readonly types: TypeTable;
  readonly image: StaticImage;
  readonly heap: GcHeap;
  readonly hosts = new HostRegistry();
  readonly hostContext: HostContext;

  constructor(
    readonly module: Module,
    readonly options: ProgramOptions,
  ) {
    this.types = TypeTable.forModule(module);
    this.layout = makeLayout({
      heapSize: options.heapSize,
      stackSize: options.stackSize,
      staticSize: staticRegionSize(staticBytesFor(module, this.types)),
    });
    this.memory = new GuestMemory(this.layout);
    this.image = new StaticImage(module, this.types, this.memory);
    const stress = options.gcStress ?? 0;
    this.heap = options.gc.createHeap({
      memory: this.memory,
      types: this.types,
      options: { stressEvery: stress, stressSeed: options.gcStressSeed, verify: options.verifyHeap ?? stress > 0 },
    });
    this.heap.addRoots(this.image);
    this.hosts.registerAll(builtinHostFunctions());
    this.hosts.registerAll(options.gc.hostFunctions(this.heap));
    for (const h of options.hosts ?? []) this.hosts.register(h);
    this.hostContext = { memory: this.memory, heap: this.heap, types: this.types, out: options.out };
  }

  /** The host function an extern binds to; a missing one is a link error naming it. */
  bindExtern(name: string): HostFunction {
    const h = this.hosts.get(name);
    if (!h) throw new Error(`extern @${name} has no host function (known: ${this.hosts.all().map((x) => x.name).join(', ')})`);
    return h;
  }
}

/** The static region holds the table at its maximum size plus what the module needs, with
 *  slack, in whole MiB: sized to the module so that small programs start fast (every
 *  byte of the shared buffer is zero-filled by the host). */
function staticRegionSize(moduleBytes: number): number {
  const needed = MAX_FUNCTIONS * TABLE_SLOT_BYTES + moduleBytes + 256 * 1024;
  return Math.ceil(needed / MiB) * MiB;
}
