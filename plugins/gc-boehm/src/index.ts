import type { GarbageCollector } from '#framework';
import type { Module } from '#framework';
import { staticImageGlobalAddresses, type GlobalAddressOf } from '#framework';
import { BoehmHeap, type BoehmTuning } from './heap.ts';
import { boehmHostFunctions } from './host-functions.ts';
import { lowerForBoehm } from './lowering.ts';

export interface BoehmCollectorOptions {
  /** Global addresses for lowering `gset` of refs; by default the static image's placement. */
  globalAddresses?: (module: Module) => GlobalAddressOf;
  tuning?: BoehmTuning;
}

export function boehmCollector(options: BoehmCollectorOptions = {}): GarbageCollector {
  const globalAddresses = options.globalAddresses ?? staticImageGlobalAddresses;
  return {
    name: 'boehm',
    description:
      'Boehm-style non-moving mark-sweep: size-class pages, page runs for large objects, O(1) pointer recognition',
    lower: (module, funcs) => lowerForBoehm(module, globalAddresses(module), funcs),
    hostFunctions: (heap) => boehmHostFunctions(heap),
    createHeap: (ctx) => new BoehmHeap(ctx, options.tuning),
  };
}

export { BoehmHeap, type BoehmDetail, type BoehmTuning } from './heap.ts';
export { ALLOC, ALLOC_ARRAY, lowerForBoehm } from './lowering.ts';
export { staticImageGlobalAddresses, type GlobalAddressOf } from '#framework';
export { boehmHostFunctions } from './host-functions.ts';
