import type { Func, Module, Signature } from '#framework';
import { MEMORY_ERROR_GLOBAL, TypeTable } from '#framework';
import type { GlobalAddressOf } from '#framework';
import { canInline, emitInlineAlloc } from './inline-alloc.ts';
import { ElementStoreFacts, LoweringWriter, lowerRefElementAddress } from '#framework';

export const ALLOC = 'gc.alloc';
export const ALLOC_ARRAY = 'gc.alloc_array';
export const ALLOC_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };
export const ALLOC_ARRAY_SIG: Signature = { params: ['i32', 'i32'], result: 'ref' };

/**
 * Boehm's GC lowering. The collector is non-moving and needs no barriers, so:
 *   %r = new :T            →  pop a cell off T's size-class chain in line, or on an empty
 *                             chain call @gc.alloc(<type id>, <size>) (inline-alloc.ts)
 *   %r = new_array :T, %n  →  the same for small arrays (constant or run-time length), else
 *                             call @gc.alloc_array(<type id>, %n)
 *   set :T.f, %o, %v (ref) →  %b = ref.bits %o; store.ref %b, <offset of f>, %v
 *   aset :T, %a, %i, %v    →  aget :T, %a, %i (checks only); address arithmetic; store.ref
 *                             (no check or arithmetic where they cannot matter: element-store.ts)
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

function lowerFunc(
  module: Module,
  func: Func,
  types: TypeTable,
  globalAddress: GlobalAddressOf,
  used: { alloc: boolean; allocArray: boolean },
): void {
  const out = new LoweringWriter(func);
  const facts = new ElementStoreFacts(func);
  const constants = facts.constants;
  for (const block of [...func.blocks]) {
    out.begin(block);
    for (const inst of block.insts) {
      switch (inst.op.name) {
        case 'new': {
          const type = types.get(inst.sym);
          const slow = {
            callee: ALLOC,
            args: (w: LoweringWriter) => [w.iconst(type.id, 'gc.type_id'), w.iconst(type.size, 'gc.size')],
          };
          used.alloc = true;
          if (canInline(type, null)) emitInlineAlloc(out, inst.result, type, slow, null);
          else out.callInto(inst.result, slow.callee, slow.args(out));
          continue;
        }
        case 'new_array': {
          const type = types.get(inst.sym);
          const length = { value: inst.args[0]!, constant: constants.get(inst.args[0]!) };
          const slow = {
            callee: ALLOC_ARRAY,
            args: (w: LoweringWriter) => [w.iconst(type.id, 'gc.type_id'), length.value],
          };
          used.allocArray = true;
          if (canInline(type, length)) emitInlineAlloc(out, inst.result, type, slow, length);
          else out.callInto(inst.result, slow.callee, slow.args(out));
          continue;
        }
        case 'set': {
          const field = types.field(inst.sym, inst.field);
          if (field.kind !== 'ref') break;
          const [object, value] = inst.args as [number, number];
          out.store('ref', out.emit('ref.bits', [object], 'i32', 'gc.obj'), field.offset, value);
          continue;
        }
        case 'aset': {
          const type = types.get(inst.sym);
          if (type.elem !== 'ref') break;
          const [array, index, value] = inst.args as [number, number, number];
          const at = lowerRefElementAddress(out, facts, inst.sym, type.elemOffset, array, index);
          out.store('ref', at.address, at.offset, value);
          continue;
        }
        case 'gset': {
          if (module.global(inst.sym)?.type !== 'ref') break;
          out.store('ref', out.iconst(globalAddress(inst.sym), 'gc.global'), 0, inst.args[0]!);
          continue;
        }
      }
      out.keep(inst);
    }
  }
  out.finish();
}

function declareExtern(module: Module, name: string, sig: Signature): void {
  const existing = module.extern(name);
  if (existing) {
    if (existing.sig.params.join() !== sig.params.join() || existing.sig.result !== sig.result) {
      throw new Error(`extern @${name} is declared with another signature than the collector's`);
    }
    return;
  }
  // A module that declares a memory-error global turns heap exhaustion into an exception:
  // only then do the slow paths raise (and callers pay for testing the status).
  const raises = module.global(MEMORY_ERROR_GLOBAL) !== undefined;
  module.externs.push({ name, sig, collects: true, raises });
}
