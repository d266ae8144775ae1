import type { Func } from '../ir/module.ts';
import type { ValType } from '../ir/types.ts';

/** What lowerRefElementAddress emits through: a GC lowering's LoweringWriter, or the host
 *  call lowering itself. */
export interface ValueEmitter {
  emit(opName: string, args: number[], result: ValType | null, name: string, sym?: string): number;
  iconst(n: number, name: string): number;
}

/** log2 of a ref element's size, to scale an index into a byte offset. */
const REF_SIZE_SHIFT = 2;
/** Constant indexes up to this become a store's immediate offset. */
const MAX_CONSTANT_INDEX = 1 << 16;

/** What a GC lowering knows of a function's values when it rewrites `aset`s of refs. */
export class ElementStoreFacts {
  /** The value of every `iconst`. */
  readonly constants = new Map<number, number>();
  /** Arrays this function allocates with a constant length: result → length. */
  readonly freshLengths = new Map<number, number>();

  constructor(func: Func) {
    for (const block of func.blocks) {
      for (const inst of block.insts) if (inst.op.name === 'iconst') this.constants.set(inst.result, inst.imm);
    }
    for (const block of func.blocks) {
      for (const inst of block.insts) {
        if (inst.op.name !== 'new_array') continue;
        const length = this.constants.get(inst.args[0]!);
        if (length !== undefined) this.freshLengths.set(inst.result, length);
      }
    }
  }
}

/**
 * Lowers the address part of `aset :T, %array, %index, %value` for a ref element: returns
 * the array's bits (for a barrier), and the address and offset to `store.ref` at, after the
 * bounds check. The check is
 * an `aget` of the same element, which traps exactly as the aset would (bad_pointer on
 * null, then index_out_of_bounds) without splitting the block. It is left out where it
 * cannot fail: a constant index within an array this function allocated with a constant
 * length (building a term or a tuple). A constant index needs no address arithmetic.
 */
export function lowerRefElementAddress(
  out: ValueEmitter,
  facts: ElementStoreFacts,
  sym: string,
  elemOffset: number,
  array: number,
  index: number,
): { arrayBits: number; address: number; offset: number } {
  const constant = facts.constants.get(index);
  const inRange = constant !== undefined && constant >= 0 && constant < MAX_CONSTANT_INDEX;
  const fresh = facts.freshLengths.get(array);
  if (!(inRange && fresh !== undefined && constant < fresh)) out.emit('aget', [array, index], 'ref', 'gc.checked', sym);
  const arrayBits = out.emit('ref.bits', [array], 'i32', 'gc.arr');
  if (inRange) return { arrayBits, address: arrayBits, offset: elemOffset + (constant << REF_SIZE_SHIFT) };
  const scaled = out.emit('ishl', [index, out.iconst(REF_SIZE_SHIFT, 'gc.shift')], 'i32', 'gc.off');
  const address = out.emit('iadd', [arrayBits, scaled], 'i32', 'gc.elem');
  return { arrayBits, address, offset: elemOffset };
}
