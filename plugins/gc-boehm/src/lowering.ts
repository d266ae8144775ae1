import { Inst, type Func, type Module } from '#framework';
import { opcode } from '#framework';
import type { Signature, ValType } from '#framework';
import { TypeTable } from '#framework';
import type { GlobalAddressOf } from './global-addresses.ts';

export const ALLOC = 'gc.alloc';
export const ALLOC_ARRAY = 'gc.alloc_array';
export const ALLOC_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };
export const ALLOC_ARRAY_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };

/** log2 of a ref element's size, to scale an index into a byte offset. */
const REF_SIZE_SHIFT = 2;

/**
 * Boehm's GC lowering. The collector is non-moving and needs no barriers, so:
 *   %r = new :T            →  %r = call @gc.alloc(<type id>, <size>)
 *   %r = new_array :T, %n  →  %r = call @gc.alloc_array(<type id>, %n)
 *   set :T.f, %o, %v (ref) →  %b = ref.bits %o; store.ref %b, <offset of f>, %v
 *   aset :T, %a, %i, %v    →  aget :T, %a, %i (checks only); address arithmetic; store.ref
 *   gset @g, %v (ref)      →  store.ref <address of @g>, 0, %v
 * A null object still traps bad_pointer: 0 + offset lies in the null guard. The aset's
 * bounds check is an aget of the same element, which traps exactly as the aset would
 * (bad_pointer on null first, then index_out_of_bounds) without splitting the block.
 */
export function lowerForBoehm(module: Module, globalAddress: GlobalAddressOf, funcs?: readonly Func[]): void {
  if (module.lowered && !funcs) return;
  const types = TypeTable.forModule(module);
  const used = { alloc: false, allocArray: false };
  for (const func of funcs ?? module.funcs) lowerFunc(module, func, types, globalAddress, used);
  if (used.alloc) declareExtern(module, ALLOC, ALLOC_SIG);
  if (used.allocArray) declareExtern(module, ALLOC_ARRAY, ALLOC_ARRAY_SIG);
  module.lowered = true;
}

function lowerFunc(module: Module, func: Func, types: TypeTable, globalAddress: GlobalAddressOf, used: { alloc: boolean; allocArray: boolean }): void {
  const out = new InstWriter(func);
  for (const block of func.blocks) {
    out.begin();
    for (const inst of block.insts) {
      switch (inst.op.name) {
        case 'new': {
          const type = types.get(inst.sym);
          const typeId = out.iconst(type.id, 'gc.type_id');
          const size = out.iconst(type.size, 'gc.size');
          out.callInto(inst.result, ALLOC, [typeId, size]);
          used.alloc = true;
          continue;
        }
        case 'new_array': {
          const typeId = out.iconst(types.get(inst.sym).id, 'gc.type_id');
          out.callInto(inst.result, ALLOC_ARRAY, [typeId, inst.args[0]!]);
          used.allocArray = true;
          continue;
        }
        case 'set': {
          const field = types.field(inst.sym, inst.field);
          if (field.kind !== 'ref') break;
          const [object, value] = inst.args as [number, number];
          out.storeRef(out.emit('ref.bits', [object], 'i32', 'gc.obj'), field.offset, value);
          continue;
        }
        case 'aset': {
          const type = types.get(inst.sym);
          if (type.elem !== 'ref') break;
          const [array, index, value] = inst.args as [number, number, number];
          out.emit('aget', [array, index], 'ref', 'gc.checked', inst.sym);
          const base = out.emit('ref.bits', [array], 'i32', 'gc.arr');
          const offset = out.emit('ishl', [index, out.iconst(REF_SIZE_SHIFT, 'gc.shift')], 'i32', 'gc.off');
          out.storeRef(out.emit('iadd', [base, offset], 'i32', 'gc.elem'), type.elemOffset, value);
          continue;
        }
        case 'gset': {
          if (module.global(inst.sym)?.type !== 'ref') break;
          out.storeRef(out.iconst(globalAddress(inst.sym), 'gc.global'), 0, inst.args[0]!);
          continue;
        }
      }
      out.keep(inst);
    }
    block.insts = out.finish();
  }
}

/** Builds a block's new instruction list, giving new values names unused in the function. */
class InstWriter {
  private insts: Inst[] = [];
  private readonly names: Set<string>;

  constructor(private readonly func: Func) {
    this.names = new Set(func.values.map((v) => v.name));
  }

  begin(): void {
    this.insts = [];
  }

  finish(): Inst[] {
    return this.insts;
  }

  keep(inst: Inst): void {
    this.insts.push(inst);
  }

  emit(opName: string, args: number[], result: ValType | null, name: string, sym = ''): number {
    const inst = new Inst(opcode(opName));
    inst.args = args;
    inst.sym = sym;
    if (result) inst.result = this.func.newValue(result, this.freshName(name));
    this.insts.push(inst);
    return inst.result;
  }

  iconst(n: number, name: string): number {
    const v = this.emit('iconst', [], 'i32', name);
    this.insts[this.insts.length - 1]!.imm = n | 0;
    return v;
  }

  /** A call whose result is an existing value, so that its uses need no rewriting. */
  callInto(result: number, callee: string, args: number[]): void {
    const inst = new Inst(opcode('call'));
    inst.sym = callee;
    inst.args = args;
    inst.result = result;
    this.insts.push(inst);
  }

  storeRef(address: number, offset: number, value: number): void {
    this.emit('store.ref', [address, value], null, '');
    this.insts[this.insts.length - 1]!.imm = offset;
  }

  private freshName(base: string): string {
    let name = base;
    for (let i = 1; this.names.has(name); i++) name = `${base}.${i}`;
    this.names.add(name);
    return name;
  }
}

function declareExtern(module: Module, name: string, sig: Signature): void {
  const existing = module.extern(name);
  if (existing) {
    if (existing.sig.params.join() !== sig.params.join() || existing.sig.result !== sig.result) {
      throw new Error(`extern @${name} is declared with another signature than the collector's`);
    }
    return;
  }
  module.externs.push({ name, sig, collects: true, raises: false });
}
