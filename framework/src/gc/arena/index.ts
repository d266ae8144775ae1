import type { GarbageCollector, GcHeap } from '../interface.ts';
import type { HostFunction } from '../../runtime/host.ts';
import { ArenaHeap } from './heap.ts';
import { ARENA_ALLOC, ARENA_ALLOC_ARRAY, ARENA_ALLOC_ARRAY_SIG, ARENA_ALLOC_SIG, lowerForArena } from './lowering.ts';

/** The framework's own collector, `arena`: allocation only, nothing is ever freed. It lets
 *  the framework's tests (and a plugin's, through #framework/testing) run allocating and
 *  GC-lowered code without a GC plugin. */
export function arenaCollector(): GarbageCollector {
  return {
    name: 'arena',
    description: "allocates only and never frees: the framework tests' collector",
    lower: (module, funcs) => lowerForArena(module, funcs),
    hostFunctions: (heap) => arenaHostFunctions(heap),
    createHeap: (ctx) => new ArenaHeap(ctx),
  };
}

function arenaHostFunctions(heap: GcHeap): HostFunction[] {
  return [
    {
      name: ARENA_ALLOC,
      sig: ARENA_ALLOC_SIG,
      collects: true,
      raises: false,
      impl: ([typeId]) => heap.allocStruct(typeId!),
    },
    {
      name: ARENA_ALLOC_ARRAY,
      sig: ARENA_ALLOC_ARRAY_SIG,
      collects: true,
      raises: false,
      impl: ([typeId, length]) => heap.allocArray(typeId!, length! | 0),
    },
  ];
}

export { ArenaHeap } from './heap.ts';
