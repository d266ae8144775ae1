import type { GarbageCollector } from '../interface.ts';
import { hostCallFunctions, lowerToHostCalls, type HostCallNames } from '../host-call-lowering.ts';
import { ArenaHeap } from './heap.ts';

/** The arena never moves nor frees, so it needs no barrier. */
const ARENA_CALLS: HostCallNames = { alloc: 'arena.alloc', allocArray: 'arena.alloc_array' };

/** The framework's own collector, `arena`: allocation only, nothing is ever freed. It lets
 *  the framework's tests (and a plugin's, through #framework/testing) run allocating and
 *  GC-lowered code without a GC plugin. */
export function arenaCollector(): GarbageCollector {
  return {
    name: 'arena',
    description: "allocates only and never frees: the framework tests' collector",
    lower: (module, funcs) => lowerToHostCalls(module, ARENA_CALLS, funcs),
    hostFunctions: (heap) => hostCallFunctions(heap, ARENA_CALLS),
    createHeap: (ctx) => new ArenaHeap(ctx),
  };
}

export { ArenaHeap } from './heap.ts';
