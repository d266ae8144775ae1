import type { GcHeap } from '#framework';
import type { HostFunction } from '#framework';
import { ALLOC, ALLOC_ARRAY, ALLOC_ARRAY_SIG, ALLOC_SIG } from './lowering.ts';

/** The allocation entry points lowered code calls. Both may collect; neither raises (out
 *  of memory and a negative length are traps, not guest exceptions). */
export function boehmHostFunctions(heap: GcHeap): HostFunction[] {
  return [
    {
      name: ALLOC,
      sig: ALLOC_SIG,
      collects: true,
      raises: false,
      impl: ([typeId, size], ctx) => {
        const type = ctx.types.byId[typeId!];
        // The size is there for a future inline fast path; a mismatch means the lowered
        // module and the run's type table disagree.
        if (!type || type.size !== size) throw new Error(`@${ALLOC}(${typeId}, ${size}) does not match the type table`);
        return heap.allocStruct(typeId!);
      },
    },
    {
      name: ALLOC_ARRAY,
      sig: ALLOC_ARRAY_SIG,
      collects: true,
      raises: false,
      impl: ([typeId, length]) => heap.allocArray(typeId!, length! | 0),
    },
  ];
}
