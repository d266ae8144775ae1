// Lowering of value-producing instructions: integers, compares, floats, refs, select, memory.
import { def, fixedDef, fixedUse, reuseDef, use, type Inst, type VReg } from '#framework';
import { RAX, RCX, RDX } from '../data/x86-regs.ts';
import type { IntAlu, Width, X86Data } from '../data/x86-data.ts';
import { ICMP_CC } from './conditions.ts';
import { inst, type FunctionLowering } from './lower-util.ts';

const ALU: Record<string, IntAlu> = { iadd: 'add', isub: 'sub', imul: 'imul', iand: 'and', ior: 'or', ixor: 'xor' };
const SHIFT: Record<string, 'shl' | 'sar' | 'shr'> = { ishl: 'shl', isar: 'sar', ishr: 'shr' };
const DIV: Record<string, { signed: boolean; rem: boolean }> = {
  sdiv: { signed: true, rem: false },
  srem: { signed: true, rem: true },
  udiv: { signed: false, rem: false },
  urem: { signed: false, rem: true },
};
const FALU: Record<string, 'addsd' | 'subsd' | 'mulsd' | 'divsd'> = {
  fadd: 'addsd',
  fsub: 'subsd',
  fmul: 'mulsd',
  fdiv: 'divsd',
};
const FUNARY: Record<string, 'neg' | 'abs' | 'sqrt'> = { fneg: 'neg', fabs: 'abs', fsqrt: 'sqrt' };
const FCMP: Record<string, 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'> = {
  'fcmp.eq': 'eq',
  'fcmp.ne': 'ne',
  'fcmp.lt': 'lt',
  'fcmp.le': 'le',
  'fcmp.gt': 'gt',
  'fcmp.ge': 'ge',
};

function widthOf(kind: string): Width {
  return kind === 'f64' ? 'd' : kind === 'i8' ? 'b' : 'w';
}

/** Lowers `ir` if it is a value instruction; returns false otherwise. */
export function lowerValue(fl: FunctionLowering, ir: Inst): boolean {
  const { ctx, env } = fl;
  const name = ir.op.name;
  const a = (i: number): VReg => ctx.vreg(ir.args[i]!);
  const dst = (): VReg => {
    if (ir.result < 0) throw new Error(`@${ctx.func.name}: ${name} without a result`);
    return ctx.vreg(ir.result);
  };
  const resultOr = (type: 'i32' | 'f64' | 'ref'): VReg => (ir.result >= 0 ? dst() : ctx.temp(type));
  const emit = (data: X86Data, ops: Parameters<typeof inst>[1], remat = false): void =>
    ctx.emit(inst(data, ops, { remat }));

  const constant = (imm: number): void => {
    if (ir.result >= 0) emit({ op: 'movi', imm: imm | 0 }, [def(dst())], true);
  };
  if (name === 'iconst') return (constant(ir.imm), true);
  if (name === 'rnull') return (constant(0), true);
  if (name === 'gaddr') return (constant(env.constAddress(ir.sym)), true);
  if (name === 'fref') return (constant(env.funcIndex(ir.sym)), true);
  if (name === 'fconst') {
    if (ir.result >= 0) emit({ op: 'fmovi', value: ir.imm }, [def(dst())], true);
    return true;
  }
  if (ir.result < 0 && ir.op.pure === true) return true;
  const falu = FALU[name];
  if (falu) return (emit({ op: 'falu', falu }, [reuseDef(dst(), 1), use(a(0)), use(a(1))]), true);
  const funary = FUNARY[name];
  if (funary) return (emit({ op: 'funary', funary }, [def(dst()), use(a(0))]), true);
  const fcmp = FCMP[name];
  if (fcmp !== undefined) return (emit({ op: 'fcmp', kind: fcmp }, [def(dst()), use(a(0)), use(a(1))]), true);
  if (name === 'i2f' || name === 'f2i') return (emit({ op: name }, [def(dst()), use(a(0))]), true);

  const alu = ALU[name];
  if (alu) return (emit({ op: 'alu', alu }, [reuseDef(dst(), 1), use(a(0)), use(a(1))]), true);
  const shift = SHIFT[name];
  if (shift) return (emit({ op: 'shift', shift }, [reuseDef(dst(), 1), use(a(0)), fixedUse(a(1), RCX)]), true);
  const div = DIV[name];
  if (div) {
    // idiv/div: the dividend in edx:eax, the quotient to eax, the remainder to edx.
    const [resultReg, otherReg] = div.rem ? [RDX, RAX] : [RAX, RDX];
    emit({ op: 'div', ...div }, [
      fixedDef(resultOr('i32'), resultReg),
      fixedUse(a(0), RAX),
      use(a(1)),
      fixedDef(ctx.temp('i32'), otherReg),
    ]);
    return true;
  }
  const cc = ICMP_CC[name];
  if (cc !== undefined) return (emit({ op: 'icmp', cc }, [def(dst()), use(a(0)), use(a(1))]), true);

  const types = env.types;
  switch (name) {
    case 'ref.bits':
    case 'ref.from_bits':
      ctx.emit(inst({ op: 'mov', float: false }, [def(dst()), use(a(0))], { move: true }));
      return true;
    case 'ref.is_ptr':
      emit({ op: 'isPtr' }, [def(dst()), use(a(0))]);
      return true;
    case 'ref.type_id':
      emit({ op: 'typeId' }, [def(resultOr('i32')), use(a(0))]);
      return true;
    case 'select':
      emit({ op: 'select', float: ctx.func.typeOf(ir.result) === 'f64' }, [
        def(dst()),
        use(a(0)),
        use(a(1)),
        use(a(2)),
      ]);
      return true;
    case 'get': {
      const f = types.field(ir.sym, ir.field);
      emit({ op: 'mem', width: widthOf(f.kind), load: true, offset: f.offset }, [
        def(resultOr(f.kind === 'f64' ? 'f64' : 'i32')),
        use(a(0)),
      ]);
      return true;
    }
    case 'set': {
      const f = types.field(ir.sym, ir.field);
      emit({ op: 'mem', width: widthOf(f.kind), load: false, offset: f.offset }, [use(a(0)), use(a(1))]);
      return true;
    }
    case 'alen':
      emit({ op: 'mem', width: 'w', load: true, offset: 4 }, [def(resultOr('i32')), use(a(0))]);
      return true;
    case 'aget':
    case 'aset': {
      const t = types.get(ir.sym);
      const kind = t.elem!;
      const data: X86Data = {
        op: 'elem',
        width: widthOf(kind),
        load: name === 'aget',
        scale: t.elemSize as 1 | 2 | 4 | 8,
        elemOffset: t.elemOffset,
      };
      if (name === 'aget')
        emit(data, [def(resultOr(kind === 'f64' ? 'f64' : kind === 'ref' ? 'ref' : 'i32')), use(a(0)), use(a(1))]);
      else emit(data, [use(a(0)), use(a(1)), use(a(2))]);
      return true;
    }
    case 'gget':
    case 'gset': {
      const g = env.module.global(ir.sym)!;
      const offset = env.globalAddress(ir.sym) - env.staticBase;
      const load = name === 'gget';
      emit({ op: 'memStatic', width: widthOf(g.type), load, offset }, [load ? def(dst()) : use(a(0))]);
      return true;
    }
  }
  const raw = /^(load|store)\.(i8|i32|f64|ref)$/.exec(name);
  if (!raw) return false;
  const width = widthOf(raw[2]!);
  const load = raw[1] === 'load';
  const loaded = (): VReg => resultOr(raw[2] === 'f64' ? 'f64' : 'i32');
  // A constant address (a global, a runtime word) is reached from the static-base register.
  const fixed = fl.constants.get(ir.args[0]!);
  if (fixed !== undefined) {
    const offset = ((fixed + ir.imm) | 0) - env.staticBase;
    emit({ op: 'memStatic', width, load, offset }, [load ? def(loaded()) : use(a(1))]);
    return true;
  }
  if (load) emit({ op: 'mem', width, load, offset: ir.imm }, [def(loaded()), use(a(0))]);
  else emit({ op: 'mem', width, load, offset: ir.imm }, [use(a(0)), use(a(1))]);
  return true;
}
