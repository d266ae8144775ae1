import type { Signature } from '../ir/types.ts';
import type { GcHeap } from '../gc/interface.ts';
import type { GuestMemory } from './guest-memory.ts';
import type { HandleScope } from './handle-scope.ts';
import type { TypeTable } from './object-layout.ts';

/** Thrown by a host function to raise a guest exception (the ref travels as the status). */
export class GuestException extends Error {
  constructor(readonly value: number) {
    super(`guest exception 0x${(value >>> 0).toString(16)}`);
    this.name = 'GuestException';
  }
}

export interface OutputSink {
  write(text: string): void;
  /** Hands what was written so far on (a guest's flush); a sink without a buffer has none. */
  flush?(): void;
}

/** What a host function may use while it runs. */
export interface HostContext {
  memory: GuestMemory;
  heap: GcHeap;
  /** Where host functions keep refs across an allocation (a collection may move objects). */
  handles: HandleScope;
  types: TypeTable;
  out: OutputSink;
  /** Addresses of the module's globals, by name. */
  globals: ReadonlyMap<string, number>;
  /** Loads code into the running program (absent where a run cannot take new code). */
  code?: CodeLoader;
}

/** Compiles IR text into the running program; see framework/src/jit/code-loader.ts. */
export interface CodeLoader {
  /** Parses, verifies, optimizes and (when the program is lowered) GC-lowers the text's
   *  functions and makes them callable; returns their table indices by name. Bad text
   *  throws (a SourceError or VerifyFailure) and leaves the program unchanged. */
  load(text: string, file: string): Map<string, number>;
}

export interface HostFunction {
  name: string;
  sig: Signature;
  collects: boolean;
  raises: boolean;
  /** Returns the result (i32/ref as int32, f64 as number), or undefined for none. A
   *  collecting function's ref arguments are held in the handle scope while it runs:
   *  `args[i]` is current after an allocation, a copy in a local is not. Refs it makes
   *  or reads from the heap go in `ctx.handles` when they must outlive an allocation, and
   *  a ref it stores into a heap object is followed by `ctx.heap.writeBarrier(object)`. */
  impl: (args: number[], ctx: HostContext) => number | undefined;
}

/** Host functions by name, filled by the framework, the GC and the frontends. */
export class HostRegistry {
  private readonly fns = new Map<string, HostFunction>();

  register(fn: HostFunction): void {
    if (this.fns.has(fn.name)) throw new Error(`host function @${fn.name} registered twice`);
    this.fns.set(fn.name, fn);
  }
  registerAll(fns: Iterable<HostFunction>): void {
    for (const f of fns) this.register(f);
  }
  get(name: string): HostFunction | undefined {
    return this.fns.get(name);
  }
  all(): HostFunction[] {
    return [...this.fns.values()];
  }
}
