// x86-64's instruction-selection patterns over the framework's shared matchers: every
// 32-bit constant is an immediate here, so only the shapes differ from A32's table.
import {
  conditionFrom,
  def,
  isIntCompare,
  matchCompare,
  matchConstantOperand,
  matchMaskTest,
  reuseDef,
  use,
  type Fold,
  type Inst,
  type IselRule,
  type Selection,
} from '#framework';
import { CC } from '../encoder/x64.ts';
import { ICMP_CC } from './conditions.ts';
import { inst, type FunctionLowering } from './lower-util.ts';
import { lowerValue } from './lower-values.ts';

type Rule = IselRule<FunctionLowering>;

const anyImmediate = (): boolean => true;
const selection = (folds: Fold[], emit: () => void): Selection => ({ folds, emit });
const brifTargets = (fl: FunctionLowering, ir: Inst) => ({
  targets: [fl.ctx.edge(ir.targets[0]!), fl.ctx.edge(ir.targets[1]!)],
});

/** `brif` on a mask test: `test x, imm` and the branch. */
const testBranch: Rule = {
  name: 'test-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const m = matchMaskTest(ir, facts, anyImmediate);
    if (!m) return null;
    const data = { op: 'branchCmp', test: 'test', cc: m.takenWhenZero ? CC.e : CC.ne, imm: m.mask } as const;
    return selection(m.folds, () => fl.ctx.emit(inst(data, [use(fl.ctx.vreg(m.x))], brifTargets(fl, ir))));
  },
};

/** `brif (ref.is_ptr x)`: two tests and branches. */
const pointerBranch: Rule = {
  name: 'is-ptr-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, (n) => n === 'ref.is_ptr');
    if (!c) return null;
    return selection([c.fold], () =>
      fl.ctx.emit(inst({ op: 'branchIsPtr' }, [use(fl.ctx.vreg(c.def.args[0]!))], brifTargets(fl, ir))),
    );
  },
};

/** `brif (icmp a, b)`: cmp and jcc. */
const compareBranch: Rule = {
  name: 'cmp-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, isIntCompare);
    if (!c) return null;
    const m = matchCompare(c.def, facts, anyImmediate);
    return selection([c.fold, ...m.folds], () => {
      const { ctx } = fl;
      const ops = m.imm === null ? [use(ctx.vreg(m.a)), use(ctx.vreg(m.b))] : [use(ctx.vreg(m.a))];
      const data = { op: 'branchCmp', test: 'cmp', cc: ICMP_CC[m.op]!, imm: m.imm } as const;
      ctx.emit(inst(data, ops, brifTargets(fl, ir)));
    });
  },
};

/** `select (icmp a, b), x, y` on ints: cmp and cmov. */
const compareSelect: Rule = {
  name: 'cmp-select',
  roots: ['select'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, isIntCompare);
    if (!c || ir.result < 0 || fl.ctx.func.typeOf(ir.result) === 'f64') return null;
    const m = matchCompare(c.def, facts, anyImmediate);
    return selection([c.fold, ...m.folds], () => {
      const { ctx } = fl;
      const compared = m.imm === null ? [use(ctx.vreg(m.a)), use(ctx.vreg(m.b))] : [use(ctx.vreg(m.a))];
      ctx.emit(
        inst({ op: 'selectCmp', cc: ICMP_CC[m.op]!, imm: m.imm }, [
          def(ctx.vreg(ir.result)),
          ...compared,
          use(ctx.vreg(ir.args[1]!)),
          use(ctx.vreg(ir.args[2]!)),
        ]),
      );
    });
  },
};

const IMM_ALU = { iadd: 'add', isub: 'sub', iand: 'and', ior: 'or', ixor: 'xor' } as const;

/** `op x, K` as `op dst, imm` (two-address: dst starts as x). */
const aluImmediate: Rule = {
  name: 'alu-imm',
  roots: Object.keys(IMM_ALU),
  match(ir, facts, fl) {
    const m = matchConstantOperand(ir, facts);
    if (!m) return null;
    const alu = IMM_ALU[ir.op.name as keyof typeof IMM_ALU];
    return selection([m.fold], () =>
      fl.ctx.emit(inst({ op: 'aluImm', alu, imm: m.k }, [reuseDef(fl.ctx.vreg(ir.result), 1), use(fl.ctx.vreg(m.x))])),
    );
  },
};

const SHIFTS = { ishl: 'shl', isar: 'sar', ishr: 'shr' } as const;

/** Shifts by a constant: no count in cl (by 0 the value is unchanged). */
const shiftImmediate: Rule = {
  name: 'shift-imm',
  roots: Object.keys(SHIFTS),
  match(ir, facts, fl) {
    const m = matchConstantOperand(ir, facts);
    if (!m || m.x !== ir.args[0]) return null;
    const amount = m.k & 31;
    return selection([m.fold], () => {
      const { ctx } = fl;
      const [d, x] = [ctx.vreg(ir.result), ctx.vreg(m.x)];
      if (amount === 0) ctx.emit(inst({ op: 'mov', float: false }, [def(d), use(x)], { move: true }));
      else {
        const shift = SHIFTS[ir.op.name as keyof typeof SHIFTS];
        ctx.emit(inst({ op: 'shiftImm', shift, amount }, [reuseDef(d, 1), use(x)]));
      }
    });
  },
};

/** Raw loads and stores at a constant address go through the static-base register. */
const staticAccess: Rule = {
  name: 'static-access',
  roots: ['load.i8', 'load.i32', 'load.f64', 'load.ref', 'store.i8', 'store.i32', 'store.f64', 'store.ref'],
  match(ir, facts, fl) {
    if (facts.constant(ir.args[0]!) === undefined) return null;
    return selection([{ user: ir, value: ir.args[0]! }], () => lowerValue(fl, ir));
  },
};

/** The patterns in priority order: the first that matches at an instruction wins. */
export const X86_ISEL_RULES: readonly Rule[] = [
  testBranch,
  pointerBranch,
  compareBranch,
  compareSelect,
  aluImmediate,
  shiftImmediate,
  staticAccess,
];
