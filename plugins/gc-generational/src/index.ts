import { hostCallFunctions, lowerToHostCalls, type GarbageCollector, type HostCallNames } from '#framework';
import { GenerationalHeap } from './heap.ts';

export const GENERATIONAL_CALLS: HostCallNames = {
  alloc: 'generational.alloc',
  allocArray: 'generational.alloc_array',
  barrier: 'generational.barrier',
};

export function generationalCollector(): GarbageCollector {
  return {
    name: 'generational',
    description: 'bump-pointer nursery promoted by copying, mark-compact old generation, remembered-set barrier',
    lower: (module, funcs) => lowerToHostCalls(module, GENERATIONAL_CALLS, funcs),
    hostFunctions: (heap) => hostCallFunctions(heap, GENERATIONAL_CALLS),
    createHeap: (ctx) => new GenerationalHeap(ctx),
  };
}

export { GenerationalHeap, type GenerationalDetail } from './heap.ts';
