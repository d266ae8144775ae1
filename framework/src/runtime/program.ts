import type { GarbageCollector, GcHeap } from '../gc/interface.ts';
import type { Func, Module } from '../ir/module.ts';
import { verifyFunctions, VerifyFailure } from '../ir/verify.ts';
import { builtinHostFunctions } from './builtin-hosts.ts';
import { GuestMemory } from './guest-memory.ts';
import { HandleScope } from './handle-scope.ts';
import { HostRegistry, type HostContext, type HostFunction, type OutputSink } from './host.ts';
import { DEFAULT_HEAP_SIZE, MiB, makeLayout, type MemoryLayout } from './memory-map.ts';
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
  /** Count calls per host function (`hostCallCounts`), for --stats. */
  countHostCalls?: boolean;
}

/** An engine that must learn of functions loaded while the program runs. */
export interface CodeListener {
  /** `funcs` are in module.funcs and have table slots `firstIndex`, `firstIndex + 1`, … */
  functionsAdded(funcs: readonly Func[], firstIndex: number): void;
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
  /** Calls per host function, when options.countHostCalls. */
  readonly hostCallCounts = new Map<string, number>();
  private readonly codeListeners: CodeListener[] = [];

  constructor(
    readonly module: Module,
    readonly options: ProgramOptions,
  ) {
    this.types = TypeTable.forModule(module);
    this.layout = makeLayout({
      heapSize: (options.heapSize ?? DEFAULT_HEAP_SIZE) * (options.gc.heapSpaceFactor ?? 1),
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
    const handles = new HandleScope();
    this.heap.addRoots(handles);
    this.hosts.registerAll(builtinHostFunctions());
    this.hosts.registerAll(options.gc.hostFunctions(this.heap));
    for (const h of options.hosts ?? []) this.hosts.register(h);
    this.hostContext = {
      memory: this.memory,
      heap: this.heap,
      handles,
      types: this.types,
      out: options.out,
      globals: this.image.globalAddr,
    };
  }

  /** GC-lowers the functions the driver left unlowered for the interpreter (Func.unlowered)
   *  before a native backend compiles them. An interpreter activation running one keeps
   *  its own compiled form: lowering rewrites blocks, never the instructions it kept. */
  lowerForNative(funcs: readonly Func[]): void {
    const pending = funcs.filter((f) => f.unlowered);
    if (pending.length === 0) return;
    this.options.gc.lower(this.module, pending);
    for (const f of pending) f.unlowered = false;
    const errors = verifyFunctions(this.module, pending);
    if (errors.length > 0) throw new VerifyFailure(errors);
  }

  addCodeListener(l: CodeListener): void {
    this.codeListeners.push(l);
  }

  removeCodeListener(l: CodeListener): void {
    const i = this.codeListeners.indexOf(l);
    if (i >= 0) this.codeListeners.splice(i, 1);
  }

  /** Makes functions just appended to module.funcs (loaded at run time) callable by every
   *  engine over this program: table slots first, then each listener. */
  addFunctions(funcs: readonly Func[]): number {
    const first = this.image.funcIndex.size;
    funcs.forEach((f, i) => {
      if (this.module.funcs[first + i] !== f) throw new Error(`@${f.name} is not the module's function #${first + i}`);
      this.image.addFunction(f);
    });
    for (const l of this.codeListeners) l.functionsAdded(funcs, first);
    return first;
  }

  /** The host function an extern binds to; a missing one is a link error naming it. */
  bindExtern(name: string): HostFunction {
    const h = this.hosts.get(name);
    if (!h)
      throw new Error(
        `extern @${name} has no host function (known: ${this.hosts
          .all()
          .map((x) => x.name)
          .join(', ')})`,
      );
    const scoped = h.collects ? this.scoped(h) : h;
    return this.options.countHostCalls ? this.counted(scoped) : scoped;
  }

  /** A collecting host function runs in its own handle scope, with its ref arguments held. */
  private scoped(h: HostFunction): HostFunction {
    const refIndices = h.sig.params.flatMap((p, i) => (p === 'ref' ? [i] : []));
    const handles = this.hostContext.handles;
    const impl = h.impl;
    return {
      ...h,
      impl: (args, ctx) => {
        const mark = handles.mark();
        if (refIndices.length > 0) handles.holdArray(args, refIndices);
        try {
          return impl(args, ctx);
        } finally {
          handles.release(mark);
        }
      },
    };
  }

  private counted(h: HostFunction): HostFunction {
    const counts = this.hostCallCounts;
    counts.set(h.name, counts.get(h.name) ?? 0);
    const impl = h.impl;
    return {
      ...h,
      impl: (args, ctx) => {
        counts.set(h.name, counts.get(h.name)! + 1);
        return impl(args, ctx);
      },
    };
  }
}

/** Room for the module's globals and constants after the table and the runtime words, with
 *  slack, in whole MiB: sized to the module so that small programs start fast (every
 *  byte of the shared buffer is zero-filled by the host). */
function staticRegionSize(moduleBytes: number): number {
  const needed = moduleBytes + 256 * 1024;
  return Math.ceil(needed / MiB) * MiB;
}
