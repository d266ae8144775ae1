import { hostCallFunctions, lowerToHostCalls, type GarbageCollector, type HostCallNames } from '#framework';
import { SemispaceHeap } from './heap.ts';

/** Compiled code calls the heap for every allocation and after every ref store: this
 *  collector is about proving roots and barriers, not about speed. */
export const SEMISPACE_CALLS: HostCallNames = {
  alloc: 'semispace.alloc',
  allocArray: 'semispace.alloc_array',
  barrier: 'semispace.barrier',
};

export function semispaceCollector(): GarbageCollector {
  return {
    name: 'semispace',
    description: 'copying collector that moves every live object at every collection (the roots and barrier proof)',
    heapSpaceFactor: 2,
    lower: (module, funcs) => lowerToHostCalls(module, SEMISPACE_CALLS, funcs),
    hostFunctions: (heap) => hostCallFunctions(heap, SEMISPACE_CALLS),
    createHeap: (ctx) => new SemispaceHeap(ctx),
  };
}

export { SemispaceHeap } from './heap.ts';
