import { staticImageGlobalAddresses, type GarbageCollector, type GcHeap, type HostFunction } from '#framework';
import { GenerationalHeap } from './heap.ts';
import { ALLOC, ALLOC_ARRAY, lowerForGenerational } from './lowering.ts';

export function generationalCollector(): GarbageCollector {
  return {
    name: 'generational',
    description: 'bump-pointer nursery in line, copied to a mark-compact old generation; card-marking barrier',
    lower: (module, funcs) => lowerForGenerational(module, staticImageGlobalAddresses(module), funcs),
    hostFunctions: (heap) => generationalHostFunctions(heap),
    createHeap: (ctx) => new GenerationalHeap(ctx),
  };
}

/** The slow paths, which compiled code calls (its barrier marks cards in line). */
function generationalHostFunctions(heap: GcHeap): HostFunction[] {
  return [
    {
      name: ALLOC,
      sig: { params: ['i32'], result: 'ref' },
      collects: true,
      raises: true,
      impl: ([typeId]) => heap.allocStruct(typeId!),
    },
    {
      name: ALLOC_ARRAY,
      sig: { params: ['i32', 'i32'], result: 'ref' },
      collects: true,
      raises: true,
      impl: ([typeId, length]) => heap.allocArray(typeId!, length! | 0),
    },
  ];
}

export { GenerationalHeap, type GenerationalDetail } from './heap.ts';
export { lowerForGenerational } from './lowering.ts';
