// Lowering of value-producing instructions: integers, compares, refs, select, memory.
import { def, earlyDef, use, type Inst, type VReg } from '#framework';
import type { ArmData, AluOp, ShiftOp, Width } from '../arm-data.ts';
import { FCMP_COND, ICMP_COND } from './conditions.ts';
import { inst, type FunctionLowering } from './lower-util.ts';

const ALU: Record<string, AluOp> = { iadd: 'add', isub: 'sub', imul: 'mul', iand: 'and', ior: 'orr', ixor: 'eor' };
const SHIFT: Record<string, ShiftOp> = { ishl: 'lsl', isar: 'asr', ishr: 'lsr' };
const DIV: Record<string, { signed: boolean; rem: boolean }> = {
  sdiv: { signed: true, rem: false },
  srem: { signed: true, rem: true },
  udiv: { signed: false, rem: false },
  urem: { signed: false, rem: true },
};

const FALU: Record<string, 'add' | 'sub' | 'mul' | 'div'> = { fadd: 'add', fsub: 'sub', fmul: 'mul', fdiv: 'div' };
const FUNARY: Record<string, 'neg' | 'abs' | 'sqrt'> = { fneg: 'neg', fabs: 'abs', fsqrt: 'sqrt' };

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
  const emit = (data: ArmData, ops: Parameters<typeof inst>[1], remat = false): void =>
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
  if (falu) return (emit({ op: 'falu', falu }, [def(dst()), use(a(0)), use(a(1))]), true);
  const funary = FUNARY[name];
  if (funary) return (emit({ op: 'funary', funary }, [def(dst()), use(a(0))]), true);
  const fcond = FCMP_COND[name];
  if (fcond !== undefined) return (emit({ op: 'fcmp', cond: fcond }, [def(dst()), use(a(0)), use(a(1))]), true);
  if (name === 'i2f' || name === 'f2i') return (emit({ op: name }, [def(dst()), use(a(0))]), true);

  const alu = ALU[name];
  if (alu) return (emit({ op: 'alu', alu }, [def(dst()), use(a(0)), use(a(1))]), true);
  const shift = SHIFT[name];
  if (shift) return (emit({ op: 'shift', shift }, [def(dst()), use(a(0)), use(a(1))]), true);
  const div = DIV[name];
  if (div) {
    const d = ir.result >= 0 ? dst() : ctx.temp('i32');
    const divisor = fl.constants.get(ir.args[1]!);
    const nonZero = divisor !== undefined && divisor !== 0;
    if (env.hardwareDivide)
      return (emit({ op: 'div', ...div, soft: false, nonZero }, [def(d), use(a(0)), use(a(1))]), true);
    const temps = (div.signed ? [0, 1] : [0]).map(() => earlyDef(ctx.temp('i32')));
    return (emit({ op: 'div', ...div, soft: true }, [earlyDef(d), use(a(0)), use(a(1)), ...temps]), true);
  }
  const cond = ICMP_COND[name];
  if (cond !== undefined) return (emit({ op: 'icmp', cond }, [def(dst()), use(a(0)), use(a(1))]), true);

  const types = env.types;
  switch (name) {
    case 'ref.bits':
      // A ref and its bits are the same 32-bit register. Sharing it is safe because the
      // verifier keeps a ref's bits from living across anything that may collect, so the
      // register holds the same bits wherever they are read. (Not `ref.from_bits`: a ref
      // in an integer register would be missing from the stack maps.)
      if (ctx.alias(ir.result, a(0))) return true;
      ctx.emit(inst({ op: 'mov', float: false }, [def(dst()), use(a(0))], { move: true }));
      return true;
    case 'ref.from_bits':
      ctx.emit(inst({ op: 'mov', float: false }, [def(dst()), use(a(0))], { move: true }));
      return true;
    case 'ref.is_ptr':
      emit({ op: 'isPtr' }, [def(dst()), use(a(0))]);
      return true;
    case 'ref.type_id':
      emit({ op: 'typeId' }, [def(ir.result >= 0 ? dst() : ctx.temp('i32')), use(a(0))]);
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
      const t = ir.result >= 0 ? dst() : ctx.temp(f.kind === 'f64' ? 'f64' : 'i32');
      emit({ op: 'mem', width: widthOf(f.kind), load: true, offset: f.offset }, [def(t), use(a(0))]);
      return true;
    }
    case 'set': {
      const f = types.field(ir.sym, ir.field);
      emit({ op: 'mem', width: widthOf(f.kind), load: false, offset: f.offset }, [use(a(0)), use(a(1))]);
      return true;
    }
    case 'alen':
      emit({ op: 'mem', width: 'w', load: true, offset: 4 }, [
        def(ir.result >= 0 ? dst() : ctx.temp('i32')),
        use(a(0)),
      ]);
      return true;
    case 'aget':
    case 'aset': {
      const t = types.get(ir.sym);
      const kind = t.elem!;
      const shift = Math.log2(t.elemSize);
      const data: ArmData = {
        op: 'elem',
        width: widthOf(kind),
        load: name === 'aget',
        shift,
        elemOffset: t.elemOffset,
      };
      const index = fl.constants.get(ir.args[1]!);
      if (index !== undefined && fitsConstantElement(index, t.elemOffset + (index << shift), data.width)) {
        const fixed: ArmData = { ...data, index };
        if (name === 'aget')
          emit(fixed, [
            def(ir.result >= 0 ? dst() : ctx.temp(kind === 'f64' ? 'f64' : kind === 'ref' ? 'ref' : 'i32')),
            use(a(0)),
          ]);
        else emit(fixed, [use(a(0)), use(a(2))]);
        return true;
      }
      if (name === 'aget')
        emit(data, [
          def(ir.result >= 0 ? dst() : ctx.temp(kind === 'f64' ? 'f64' : kind === 'ref' ? 'ref' : 'i32')),
          use(a(0)),
          use(a(1)),
        ]);
      else emit(data, [use(a(0)), use(a(1)), use(a(2))]);
      return true;
    }
    case 'gget': {
      const g = env.module.global(ir.sym)!;
      emit(
        { op: 'memStatic', width: widthOf(g.type), load: true, offset: env.globalAddress(ir.sym) - env.staticBase },
        [def(dst())],
      );
      return true;
    }
    case 'gset': {
      const g = env.module.global(ir.sym)!;
      emit(
        { op: 'memStatic', width: widthOf(g.type), load: false, offset: env.globalAddress(ir.sym) - env.staticBase },
        [use(a(0))],
      );
      return true;
    }
  }
  const raw = /^(load|store)\.(i8|i32|f64|ref)$/.exec(name);
  if (raw) {
    const width = widthOf(raw[2]!);
    // A constant address (a global, a runtime word) is reached from the static-base register.
    const fixed = fl.constants.get(ir.args[0]!);
    if (fixed !== undefined) {
      const offset = ((fixed + ir.imm) | 0) - env.staticBase;
      if (raw[1] === 'load')
        emit({ op: 'memStatic', width, load: true, offset }, [
          def(ir.result >= 0 ? dst() : ctx.temp(raw[2] === 'f64' ? 'f64' : 'i32')),
        ]);
      else emit({ op: 'memStatic', width, load: false, offset }, [use(a(1))]);
      return true;
    }
    if (raw[1] === 'load') {
      const t = ir.result >= 0 ? dst() : ctx.temp(raw[2] === 'f64' ? 'f64' : 'i32');
      emit({ op: 'mem', width, load: true, offset: ir.imm }, [def(t), use(a(0))]);
    } else {
      emit({ op: 'mem', width, load: false, offset: ir.imm }, [use(a(0)), use(a(1))]);
    }
    return true;
  }
  return false;
}

/** A constant index the bounds check can compare as an immediate (`cmp ip, #i`, encodable
 *  for 0..255) whose element a load or store reaches with an immediate offset. */
function fitsConstantElement(index: number, offset: number, width: 'w' | 'b' | 'd'): boolean {
  if (index < 0 || index > 255) return false;
  return width === 'd' ? offset <= 1020 && offset % 4 === 0 : offset <= 4095;
}
