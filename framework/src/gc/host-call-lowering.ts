import { uniqueName } from '../ir/builder.ts';
import { Inst, type Func, type Module } from '../ir/module.ts';
import { opcode } from '../ir/opcodes.ts';
import type { Signature, ValType } from '../ir/types.ts';
import { staticImageGlobalAddresses, type GlobalAddressOf } from '../runtime/global-addresses.ts';
import type { HostFunction } from '../runtime/host.ts';
import { MEMORY_ERROR_GLOBAL } from '../runtime/memory-error.ts';
import { TypeTable } from '../runtime/object-layout.ts';
import { ElementStoreFacts, lowerRefElementAddress } from './element-store.ts';
import type { GcHeap } from './interface.ts';

/** The host functions a host-call lowering calls: its collector's names for them. */
export interface HostCallNames {
  /** `(type id) -> ref` */
  readonly alloc: string;
  /** `(type id, length) -> ref` */
  readonly allocArray: string;
  /** `(holder ref)`, called after each ref store into a heap object; none when the
   *  collector needs no barrier. */
  readonly barrier?: string;
}

const ALLOC_SIG: Signature = { params: ['i32'], result: 'ref' };
const ALLOC_ARRAY_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };
const BARRIER_SIG: Signature = { params: ['ref'], result: null };

/**
 * The least a GC lowering can be: `new` and `new_array` become calls to the collector's
 * host functions with the type id as a constant, and stores of refs (which lowered IR
 * must write as raw stores) become `store.ref` at the field's, element's or global's
 * address, each store into a heap object followed by a call of the barrier, if any.
 * Collectors that are not about speed use it: the arena and the moving test collector.
 */
export function lowerToHostCalls(module: Module, names: HostCallNames, funcs?: readonly Func[]): void {
  if (module.lowered && !funcs) return;
  const types = TypeTable.forModule(module);
  const globalAddress = staticImageGlobalAddresses(module);
  const used = { allocates: false, stores: false };
  for (const func of funcs ?? module.funcs) new FuncLowering(module, func, types, globalAddress, names, used).run();
  if (used.allocates) {
    // Out of memory raises the module's memory error where it has one, else traps.
    const raises = module.global(MEMORY_ERROR_GLOBAL) !== undefined;
    declare(module, names.alloc, ALLOC_SIG, true, raises);
    declare(module, names.allocArray, ALLOC_ARRAY_SIG, true, raises);
  }
  if (used.stores && names.barrier) declare(module, names.barrier, BARRIER_SIG, false, false);
  module.lowered = true;
}

/** The host functions behind `names`, over `heap`. */
export function hostCallFunctions(heap: GcHeap, names: HostCallNames): HostFunction[] {
  const fns: HostFunction[] = [
    {
      name: names.alloc,
      sig: ALLOC_SIG,
      collects: true,
      raises: true,
      impl: ([typeId]) => heap.allocStruct(typeId!),
    },
    {
      name: names.allocArray,
      sig: ALLOC_ARRAY_SIG,
      collects: true,
      raises: true,
      impl: ([typeId, length]) => heap.allocArray(typeId!, length! | 0),
    },
  ];
  if (names.barrier) {
    fns.push({
      name: names.barrier,
      sig: BARRIER_SIG,
      collects: false,
      raises: false,
      impl: ([holder]) => void heap.writeBarrier(holder!),
    });
  }
  return fns;
}

class FuncLowering {
  private readonly names: Set<string>;
  private readonly suffixes = new Map<string, number>();
  private readonly facts: ElementStoreFacts;
  private out: Inst[] = [];

  constructor(
    private readonly module: Module,
    private readonly func: Func,
    private readonly types: TypeTable,
    private readonly globalAddress: GlobalAddressOf,
    private readonly calls: HostCallNames,
    private readonly used: { allocates: boolean; stores: boolean },
  ) {
    this.names = new Set(func.values.map((v) => v.name));
    this.facts = new ElementStoreFacts(func);
  }

  run(): void {
    for (const block of this.func.blocks) {
      this.out = [];
      for (const inst of block.insts) {
        if (inst.op.name === 'new' || inst.op.name === 'new_array') this.used.allocates = true;
        if (!this.rewrite(inst)) this.out.push(inst);
      }
      block.insts = this.out;
    }
  }

  /** Emits the lowered form of `inst`; false when it stays as it is. */
  private rewrite(inst: Inst): boolean {
    switch (inst.op.name) {
      case 'new':
        this.call(inst, this.calls.alloc, [this.iconst(this.types.get(inst.sym).id)]);
        return true;
      case 'new_array':
        this.call(inst, this.calls.allocArray, [this.iconst(this.types.get(inst.sym).id), inst.args[0]!]);
        return true;
      case 'set': {
        const field = this.types.field(inst.sym, inst.field);
        if (field.kind !== 'ref') return false;
        const [object, value] = inst.args as [number, number];
        this.store(this.emit('ref.bits', [object], 'i32'), field.offset, value);
        this.barrier(object);
        return true;
      }
      case 'aset': {
        const type = this.types.get(inst.sym);
        if (type.elem !== 'ref') return false;
        const [array, index, value] = inst.args as [number, number, number];
        const at = lowerRefElementAddress(this, this.facts, inst.sym, type.elemOffset, array, index);
        this.store(at.address, at.offset, value);
        this.barrier(array);
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

  private barrier(holder: number): void {
    this.used.stores = true;
    if (!this.calls.barrier) return;
    const call = new Inst(opcode('call'));
    call.sym = this.calls.barrier;
    call.args = [holder];
    this.out.push(call);
  }

  /** Public for lowerRefElementAddress (the ValueEmitter it takes). */
  emit(opName: string, args: number[], result: ValType | null, name = 'gc.v', sym = ''): number {
    const inst = new Inst(opcode(opName));
    inst.args = args;
    inst.sym = sym;
    if (result) inst.result = this.func.newValue(result, uniqueName(name, this.names, this.suffixes));
    this.out.push(inst);
    return inst.result;
  }

  iconst(n: number, name = 'gc.v'): number {
    const v = this.emit('iconst', [], 'i32', name);
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

function declare(module: Module, name: string, sig: Signature, collects: boolean, raises: boolean): void {
  if (module.extern(name)) return;
  module.externs.push({ name, sig, collects, raises });
}
