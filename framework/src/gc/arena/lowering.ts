import { uniqueName } from '../../ir/builder.ts';
import { Inst, type Func, type Module } from '../../ir/module.ts';
import { opcode } from '../../ir/opcodes.ts';
import type { Signature, ValType } from '../../ir/types.ts';
import { staticImageGlobalAddresses, type GlobalAddressOf } from '../../runtime/global-addresses.ts';
import { TypeTable } from '../../runtime/object-layout.ts';

export const ARENA_ALLOC = 'arena.alloc';
export const ARENA_ALLOC_ARRAY = 'arena.alloc_array';
export const ARENA_ALLOC_SIG: Signature = { params: ['i32'], result: 'ref' };
export const ARENA_ALLOC_ARRAY_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };

/** log2 of a ref element's size, to scale an index into a byte offset. */
const REF_SIZE_SHIFT = 2;

/**
 * The arena's GC lowering, the least a lowering can be: `new` and `new_array` become
 * calls to the arena's host functions with the type id as a constant, and stores of refs
 * (which lowered IR must write as raw stores) become `store.ref` at the field's, element's
 * or global's address. The arena never moves nor frees, so no barrier is needed.
 */
export function lowerForArena(module: Module, funcs?: readonly Func[]): void {
  if (module.lowered && !funcs) return;
  const types = TypeTable.forModule(module);
  let used = false;
  const globalAddress = staticImageGlobalAddresses(module);
  for (const func of funcs ?? module.funcs) used = new FuncLowering(module, func, types, globalAddress).run() || used;
  if (used) {
    declare(module, ARENA_ALLOC, ARENA_ALLOC_SIG);
    declare(module, ARENA_ALLOC_ARRAY, ARENA_ALLOC_ARRAY_SIG);
  }
  module.lowered = true;
}

class FuncLowering {
  private readonly names: Set<string>;
  private readonly suffixes = new Map<string, number>();
  private out: Inst[] = [];

  constructor(
    private readonly module: Module,
    private readonly func: Func,
    private readonly types: TypeTable,
    private readonly globalAddress: GlobalAddressOf,
  ) {
    this.names = new Set(func.values.map((v) => v.name));
  }

  /** Rewrites the function; true when it allocates. */
  run(): boolean {
    let allocates = false;
    for (const block of this.func.blocks) {
      this.out = [];
      for (const inst of block.insts) {
        if (inst.op.name === 'new' || inst.op.name === 'new_array') allocates = true;
        if (!this.rewrite(inst)) this.out.push(inst);
      }
      block.insts = this.out;
    }
    return allocates;
  }

  /** Emits the lowered form of `inst`; false when it stays as it is. */
  private rewrite(inst: Inst): boolean {
    switch (inst.op.name) {
      case 'new':
        this.call(inst, ARENA_ALLOC, [this.iconst(this.types.get(inst.sym).id)]);
        return true;
      case 'new_array':
        this.call(inst, ARENA_ALLOC_ARRAY, [this.iconst(this.types.get(inst.sym).id), inst.args[0]!]);
        return true;
      case 'set': {
        const field = this.types.field(inst.sym, inst.field);
        if (field.kind !== 'ref') return false;
        const [object, value] = inst.args as [number, number];
        this.store(this.emit('ref.bits', [object], 'i32'), field.offset, value);
        return true;
      }
      case 'aset': {
        const type = this.types.get(inst.sym);
        if (type.elem !== 'ref') return false;
        const [array, index, value] = inst.args as [number, number, number];
        // The bounds check: aget traps exactly as the aset would.
        this.emit('aget', [array, index], 'ref', inst.sym);
        const offset = this.emit('ishl', [index, this.iconst(REF_SIZE_SHIFT)], 'i32');
        this.store(this.emit('iadd', [this.emit('ref.bits', [array], 'i32'), offset], 'i32'), type.elemOffset, value);
        return true;
      }
      case 'gset':
        if (this.module.global(inst.sym)?.type !== 'ref') return false;
        this.store(this.iconst(this.globalAddress(inst.sym)), 0, inst.args[0]!);
        return true;
      default:
        return false;
    }
  }

  private emit(opName: string, args: number[], result: ValType | null, sym = ''): number {
    const inst = new Inst(opcode(opName));
    inst.args = args;
    inst.sym = sym;
    if (result) inst.result = this.func.newValue(result, uniqueName('arena.v', this.names, this.suffixes));
    this.out.push(inst);
    return inst.result;
  }

  private iconst(n: number): number {
    const v = this.emit('iconst', [], 'i32');
    this.out[this.out.length - 1]!.imm = n | 0;
    return v;
  }

  private store(address: number, offset: number, value: number): void {
    this.emit('store.ref', [address, value], null);
    this.out[this.out.length - 1]!.imm = offset;
  }

  /** A call defining the very value the instruction did, so no use needs rewriting. */
  private call(inst: Inst, callee: string, args: number[]): void {
    const call = new Inst(opcode('call'));
    call.sym = callee;
    call.args = args;
    call.result = inst.result;
    call.pos = inst.pos;
    this.out.push(call);
  }
}

function declare(module: Module, name: string, sig: Signature): void {
  if (module.extern(name)) return;
  module.externs.push({ name, sig, collects: true, raises: false });
}
