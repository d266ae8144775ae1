import type { GcHeap } from '#framework';
import type { HostFunction } from '#framework';
import { BoehmHeap } from './heap.ts';
import { ALLOC, ALLOC_ARRAY, ALLOC_ARRAY_SIG, ALLOC_SIG } from './lowering.ts';

/** The allocation slow paths lowered code calls when a free chain is empty (or the object
 *  is not small). Both may collect and refill the chain. Out of memory raises the module's
 *  memory error where it has one (the lowering then declares them `raises`), else traps;
 *  a negative length traps. */
export function boehmHostFunctions(gcHeap: GcHeap): HostFunction[] {
  if (!(gcHeap instanceof BoehmHeap)) throw new Error('boehm: the allocation slow paths need a BoehmHeap');
  const heap = gcHeap;
  return [
    {
      name: ALLOC,
      sig: ALLOC_SIG,
      collects: true,
      raises: true,
      impl: ([typeId, size], ctx) => {
        const type = ctx.types.byId[typeId!];
        // A size that differs from the type table's means the lowered module and the run
        // disagree on layouts, and the inline path would pop cells of the wrong class.
        if (!type || type.size !== size) throw new Error(`@${ALLOC}(${typeId}, ${size}) does not match the type table`);
        return heap.allocStructForGuest(typeId!);
      },
    },
    {
      name: ALLOC_ARRAY,
      sig: ALLOC_ARRAY_SIG,
      collects: true,
      raises: true,
      impl: ([typeId, length]) => heap.allocArrayForGuest(typeId!, length! | 0),
    },
  ];
}
