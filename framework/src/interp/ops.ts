import type { Inst, Module } from '../ir/module.ts';
import { Trap } from '../ir/traps.ts';
import { toMemoryError } from '../runtime/memory-error.ts';
import type { Program } from '../runtime/program.ts';
import { TYPE_ID_SHIFT as HEADER_SHIFT, kindSize } from '../runtime/object-layout.ts';
import type { Op } from './compiled.ts';

// A local copy: imported bindings are getter calls under the loader.
const TYPE_ID_SHIFT = HEADER_SHIFT;

/**
 * Turns one non-terminator, non-call instruction into a closure over the register file.
 * Semantics come from the opcode table's `evaluate` where it has one; the hottest ops get
 * hand-specialised closures because a call through `evaluate` is not inlined. The optimizer
 * property (constant folding uses `evaluate`, this runs the closures) keeps the two equal.
 */
export function compileOp(inst: Inst, m: Module, p: Program, R: Float64Array, fnIndex: (name: string) => number): Op {
  const d = inst.result;
  const [a = -1, b = -1, c = -1] = inst.args;
  const mem = p.memory;
  const name = inst.op.name;
  switch (name) {
    case 'iconst':
    case 'fconst': {
      const k = inst.imm;
      return (fp) => void (R[fp + d] = k);
    }
    case 'iadd':
      return (fp) => void (R[fp + d] = (R[fp + a]! + R[fp + b]!) | 0);
    case 'isub':
      return (fp) => void (R[fp + d] = (R[fp + a]! - R[fp + b]!) | 0);
    case 'iand':
      return (fp) => void (R[fp + d] = R[fp + a]! & R[fp + b]!);
    case 'imul':
      return (fp) => void (R[fp + d] = Math.imul(R[fp + a]!, R[fp + b]!));
    case 'ior':
      return (fp) => void (R[fp + d] = R[fp + a]! | R[fp + b]!);
    case 'ixor':
      return (fp) => void (R[fp + d] = R[fp + a]! ^ R[fp + b]!);
    case 'ishl':
      return (fp) => void (R[fp + d] = R[fp + a]! << (R[fp + b]! & 31));
    case 'isar':
      return (fp) => void (R[fp + d] = R[fp + a]! >> (R[fp + b]! & 31));
    case 'ishr':
      return (fp) => void (R[fp + d] = (R[fp + a]! >>> (R[fp + b]! & 31)) | 0);
    case 'icmp.sle':
      return (fp) => void (R[fp + d] = R[fp + a]! <= R[fp + b]! ? 1 : 0);
    case 'icmp.sgt':
      return (fp) => void (R[fp + d] = R[fp + a]! > R[fp + b]! ? 1 : 0);
    case 'fadd':
      return (fp) => void (R[fp + d] = R[fp + a]! + R[fp + b]!);
    case 'fsub':
      return (fp) => void (R[fp + d] = R[fp + a]! - R[fp + b]!);
    case 'fmul':
      return (fp) => void (R[fp + d] = R[fp + a]! * R[fp + b]!);
    case 'fdiv':
      return (fp) => void (R[fp + d] = R[fp + a]! / R[fp + b]!);
    case 'icmp.eq':
      return (fp) => void (R[fp + d] = R[fp + a] === R[fp + b] ? 1 : 0);
    case 'icmp.ne':
      return (fp) => void (R[fp + d] = R[fp + a] !== R[fp + b] ? 1 : 0);
    case 'icmp.slt':
      return (fp) => void (R[fp + d] = R[fp + a]! < R[fp + b]! ? 1 : 0);
    case 'icmp.sge':
      return (fp) => void (R[fp + d] = R[fp + a]! >= R[fp + b]! ? 1 : 0);
    case 'sdiv':
    case 'srem':
    case 'udiv':
    case 'urem': {
      const ev = inst.op.evaluate!;
      return (fp) => {
        const y = R[fp + b]!;
        if (y === 0) throw new Trap('div_by_zero');
        R[fp + d] = ev(R[fp + a]!, y);
      };
    }
    case 'select':
      return (fp) => void (R[fp + d] = R[fp + a] !== 0 ? R[fp + b]! : R[fp + c]!);
    case 'ref.type_id':
      return (fp) => void (R[fp + d] = mem.loadI32(nonNull(R[fp + a]!)) >>> TYPE_ID_SHIFT);
    case 'new': {
      const id = p.types.get(inst.sym).id;
      const heap = p.heap;
      const ctx = p.hostContext;
      return (fp) => {
        try {
          R[fp + d] = heap.allocStruct(id);
        } catch (err) {
          throw toMemoryError(err, ctx);
        }
      };
    }
    case 'new_array': {
      const id = p.types.get(inst.sym).id;
      const heap = p.heap;
      const ctx = p.hostContext;
      return (fp) => {
        try {
          R[fp + d] = heap.allocArray(id, R[fp + a]!);
        } catch (err) {
          throw toMemoryError(err, ctx);
        }
      };
    }
    case 'get':
    case 'set': {
      const f = p.types.field(inst.sym, inst.field);
      const off = f.offset;
      const load = loader(f.kind, p);
      const store = storer(f.kind, p);
      if (name === 'get') return (fp) => void (R[fp + d] = load(nonNull(R[fp + a]!) + off));
      if (f.kind !== 'ref') return (fp) => store(nonNull(R[fp + a]!) + off, R[fp + b]!);
      const heap = p.heap;
      return (fp) => {
        const object = nonNull(R[fp + a]!);
        store(object + off, R[fp + b]!);
        heap.writeBarrier(object);
      };
    }
    case 'aget':
    case 'aset': {
      const t = p.types.get(inst.sym);
      const kind = t.elem!;
      const size = kindSize(kind);
      const eoff = t.elemOffset;
      const load = loader(kind, p);
      const store = storer(kind, p);
      const addrOf = (arr: number, i: number): number => {
        const o = nonNull(arr);
        if (i >>> 0 >= mem.loadI32(o + 4) >>> 0) throw new Trap('index_out_of_bounds', `index ${i}`);
        return o + eoff + i * size;
      };
      if (name === 'aget') return (fp) => void (R[fp + d] = load(addrOf(R[fp + a]!, R[fp + b]!)));
      if (kind !== 'ref') return (fp) => store(addrOf(R[fp + a]!, R[fp + b]!), R[fp + c]!);
      const heap = p.heap;
      return (fp) => {
        const array = R[fp + a]!;
        store(addrOf(array, R[fp + b]!), R[fp + c]!);
        heap.writeBarrier(array);
      };
    }
    case 'alen':
      return (fp) => void (R[fp + d] = mem.loadI32(nonNull(R[fp + a]!) + 4));
    case 'gget':
    case 'gset': {
      const g = m.global(inst.sym)!;
      const addr = p.image.globalAddr.get(inst.sym)!;
      const load = loader(g.type, p);
      const store = storer(g.type, p);
      return name === 'gget' ? (fp) => void (R[fp + d] = load(addr)) : (fp) => store(addr, R[fp + a]!);
    }
    case 'gaddr': {
      const addr = p.image.constAddr.get(inst.sym)!;
      return (fp) => void (R[fp + d] = addr);
    }
    case 'fref': {
      const idx = fnIndex(inst.sym);
      return (fp) => void (R[fp + d] = idx);
    }
  }
  if (name.startsWith('load.') || name.startsWith('store.')) {
    const kind = name.slice(name.indexOf('.') + 1) as 'i8' | 'i32' | 'f64' | 'ref';
    const off = inst.imm;
    if (name.startsWith('load.')) {
      const load = loader(kind, p);
      return (fp) => void (R[fp + d] = load((R[fp + a]! + off) | 0));
    }
    const store = storer(kind, p);
    return (fp) => store((R[fp + a]! + off) | 0, R[fp + b]!);
  }
  const ev = inst.op.evaluate;
  if (!ev) throw new Error(`interpreter: no semantics for '${name}'`);
  switch (inst.args.length) {
    case 0:
      return (fp) => void (R[fp + d] = ev());
    case 1:
      return (fp) => void (R[fp + d] = ev(R[fp + a]!));
    case 2:
      return (fp) => void (R[fp + d] = ev(R[fp + a]!, R[fp + b]!));
    default:
      return (fp) => void (R[fp + d] = ev(R[fp + a]!, R[fp + b]!, R[fp + c]!));
  }
}

function nonNull(ref: number): number {
  if (ref === 0) throw new Trap('bad_pointer', 'null reference');
  return ref;
}

function loader(kind: string, p: Program): (addr: number) => number {
  const mem = p.memory;
  switch (kind) {
    case 'i8':
      return (x) => mem.loadU8(x);
    case 'f64':
      return (x) => mem.loadF64(x);
    default:
      return (x) => mem.loadI32(x);
  }
}

function storer(kind: string, p: Program): (addr: number, v: number) => void {
  const mem = p.memory;
  switch (kind) {
    case 'i8':
      return (x, v) => mem.storeU8(x, v & 0xff);
    case 'f64':
      return (x, v) => mem.storeF64(x, v);
    default:
      return (x, v) => mem.storeI32(x, v | 0);
  }
}
