// A32's instruction-selection patterns over the framework's shared matchers (the rule
// engine picks the first that matches at each IR instruction; what no pattern covers is
// lowered one op at a time by lower-values.ts and lower-control.ts).
import {
  conditionFrom,
  def,
  isFloatCompare,
  isIntCompare,
  matchCompare,
  matchConstantOperand,
  matchMaskTest,
  SWAPPED_FLOAT_COMPARE,
  use,
  type Fold,
  type Inst,
  type IrFacts,
  type IselRule,
  type Selection,
} from '#framework';
import type { ImmAluOp, ShiftOp } from '../arm-data.ts';
import { isModifiedImmediate } from '../encoder/index.ts';
import { FCMP_COND, ICMP_COND } from './conditions.ts';
import { overflowBranch } from './lower-control.ts';
import { inst, type FunctionLowering } from './lower-util.ts';
import { lowerValue } from './lower-values.ts';

type Rule = IselRule<FunctionLowering>;

const EQ = 0,
  NE = 1,
  VS = 6;

const encodable = (k: number): boolean => isModifiedImmediate(k >>> 0);
/** `cmp` takes the immediate, or `cmn` its negation. */
const comparable = (k: number): boolean => encodable(k) || encodable(-k | 0);

const selection = (folds: Fold[], emit: () => void): Selection => ({ folds, emit });

const brifTargets = (fl: FunctionLowering, ir: Inst) => ({
  targets: [fl.ctx.edge(ir.targets[0]!), fl.ctx.edge(ir.targets[1]!)],
});

/** `brif (icmp.eq/ne (iand x, K), 0)` and `brif (iand x, K)`: a tag test is one `tst`. */
const testBranch: Rule = {
  name: 'tst-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const m = matchMaskTest(ir, facts, encodable);
    if (!m) return null;
    return selection(m.folds, () =>
      fl.ctx.emit(
        inst(
          { op: 'branchCmp', test: 'tst', cond: m.takenWhenZero ? EQ : NE, imm: m.mask },
          [use(fl.ctx.vreg(m.x))],
          brifTargets(fl, ir),
        ),
      ),
    );
  },
};

/** `brif (ref.is_ptr x)`: two tests and branches, no boolean in between. */
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

/** `brif (icmp a, b)`: compare and branch on the condition, no boolean in between. */
const compareBranch: Rule = {
  name: 'cmp-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, isIntCompare);
    if (!c) return null;
    const m = matchCompare(c.def, facts, comparable);
    return selection([c.fold, ...m.folds], () => {
      const { ctx } = fl;
      const ops = m.imm === null ? [use(ctx.vreg(m.a)), use(ctx.vreg(m.b))] : [use(ctx.vreg(m.a))];
      ctx.emit(inst({ op: 'branchCmp', test: 'cmp', cond: ICMP_COND[m.op]!, imm: m.imm }, ops, brifTargets(fl, ir)));
    });
  },
};

/** `brif (fcmp a, b)`: vcmp, vmrs and the branch. */
const floatCompareBranch: Rule = {
  name: 'fcmp-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, isFloatCompare);
    if (!c) return null;
    return selection([c.fold], () => {
      const { ctx } = fl;
      const ops = [use(ctx.vreg(c.def.args[0]!)), use(ctx.vreg(c.def.args[1]!))];
      ctx.emit(inst({ op: 'branchFcmp', cond: FCMP_COND[c.def.op.name]! }, ops, brifTargets(fl, ir)));
    });
  },
};

const isFloatZero = (facts: IrFacts, v: number): boolean => {
  const d = facts.def(v);
  return d?.op.name === 'fconst' && d.imm === 0;
};

/** `brif (fcmp a, 0.0)`: `vcmp a, #0` (a zero divisor test), no 0.0 made in a register.
 *  -0.0 compares as 0.0 does. */
const floatZeroCompareBranch: Rule = {
  name: 'fcmp-zero-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, isFloatCompare);
    if (!c) return null;
    const [a, b] = c.def.args as [number, number];
    const zeroRight = isFloatZero(facts, b);
    if (a === b || (!zeroRight && !isFloatZero(facts, a))) return null;
    const [x, zero] = zeroRight ? [a, b] : [b, a];
    const op = zeroRight ? c.def.op.name : SWAPPED_FLOAT_COMPARE[c.def.op.name]!;
    return selection([c.fold, { user: c.def, value: zero }], () =>
      fl.ctx.emit(inst({ op: 'branchFcmp', cond: FCMP_COND[op]! }, [use(fl.ctx.vreg(x))], brifTargets(fl, ir))),
    );
  },
};

/** `select (icmp a, b), x, y`: compare, then two conditional moves. */
const compareSelect: Rule = {
  name: 'cmp-select',
  roots: ['select'],
  match(ir, facts, fl) {
    const c = conditionFrom(ir, facts, isIntCompare);
    if (!c || ir.result < 0) return null;
    const m = matchCompare(c.def, facts, comparable);
    return selection([c.fold, ...m.folds], () => {
      const { ctx } = fl;
      const compared = m.imm === null ? [use(ctx.vreg(m.a)), use(ctx.vreg(m.b))] : [use(ctx.vreg(m.a))];
      const float = ctx.func.typeOf(ir.result) === 'f64';
      ctx.emit(
        inst({ op: 'selectCmp', cond: ICMP_COND[m.op]!, imm: m.imm, float }, [
          def(ctx.vreg(ir.result)),
          ...compared,
          use(ctx.vreg(ir.args[1]!)),
          use(ctx.vreg(ir.args[2]!)),
        ]),
      );
    });
  },
};

/** `icmp a, K` as a boolean: `cmp a, #K` and the two moves. */
const compareImmediate: Rule = {
  name: 'cmp-imm',
  roots: Object.keys(ICMP_COND),
  match(ir, facts, fl) {
    if (ir.result < 0) return null;
    const m = matchCompare(ir, facts, comparable);
    if (m.imm === null) return null;
    const imm = m.imm;
    return selection(m.folds, () =>
      fl.ctx.emit(
        inst({ op: 'icmpImm', cond: ICMP_COND[m.op]!, imm }, [def(fl.ctx.vreg(ir.result)), use(fl.ctx.vreg(m.a))]),
      ),
    );
  },
};

const IMM_ALU: Readonly<Record<string, ImmAluOp>> = { iadd: 'add', isub: 'sub', iand: 'and', ior: 'orr', ixor: 'eor' };

/** The one-instruction immediate form of `op x, K`, if A32 has one. */
function immediateForm(op: string, k: number): { alu: ImmAluOp; imm: number } | null {
  const alu = IMM_ALU[op]!;
  if (encodable(k)) return { alu, imm: k };
  if ((alu === 'add' || alu === 'sub') && encodable(-k | 0)) return { alu: alu === 'add' ? 'sub' : 'add', imm: -k | 0 };
  if (alu === 'and' && encodable(~k)) return { alu: 'bic', imm: ~k };
  return null;
}

/** Integer ALU ops with a constant operand: the constant is an immediate (`K - x` is `rsb`). */
const aluImmediate: Rule = {
  name: 'alu-imm',
  roots: Object.keys(IMM_ALU),
  match(ir, facts, fl) {
    let m = matchConstantOperand(ir, facts);
    let form = m ? immediateForm(ir.op.name, m.k) : null;
    if (!form && ir.op.name === 'isub' && ir.result >= 0) {
      // K - x: reverse subtract.
      const k = facts.constant(ir.args[0]!);
      if (k !== undefined && ir.args[0] !== ir.args[1] && encodable(k)) {
        form = { alu: 'rsb', imm: k };
        m = { x: ir.args[1]!, k, fold: { user: ir, value: ir.args[0]! } };
      }
    }
    if (!m || !form) return null;
    const [x, f] = [m.x, form];
    return selection([m.fold], () =>
      fl.ctx.emit(inst({ op: 'aluImm', ...f }, [def(fl.ctx.vreg(ir.result)), use(fl.ctx.vreg(x))])),
    );
  },
};

const OVF_PLAIN: Readonly<Record<string, string>> = { iadd_ovf: 'iadd', isub_ovf: 'isub' };

/** Overflow-checked add or subtract of a constant: `adds`/`subs` with the immediate form of
 *  the plain op. A negated constant flips the op (x - K overflows exactly when x + (-K)
 *  does) except for K = INT_MIN, which has no negation; it is encodable itself, so
 *  immediateForm never negates it. */
const overflowImmediate: Rule = {
  name: 'ovf-imm',
  roots: Object.keys(OVF_PLAIN),
  match(ir, facts, fl) {
    const m = matchConstantOperand(ir, facts);
    const form = m ? immediateForm(OVF_PLAIN[ir.op.name]!, m.k) : null;
    if (!m || (form?.alu !== 'add' && form?.alu !== 'sub')) return null;
    const { alu, imm } = form;
    return selection([m.fold], () => {
      const { ctx } = fl;
      ctx.emit(inst({ op: 'aluOvf', alu, imm }, [def(ctx.vreg(ir.result)), use(ctx.vreg(m.x))]));
      overflowBranch(fl, ir, VS);
    });
  },
};

const SHIFTS: Readonly<Record<string, ShiftOp>> = { ishl: 'lsl', isar: 'asr', ishr: 'lsr' };

/** Shifts by a constant (the IR masks the count to 5 bits; by 0 the value is unchanged). */
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
      else ctx.emit(inst({ op: 'shiftImm', shift: SHIFTS[ir.op.name]!, amount }, [def(d), use(x)]));
    });
  },
};

/** Raw loads and stores at a constant address (a global, a runtime word) reach it from the
 *  static-base register: the address itself is never materialized. */
const staticAccess: Rule = {
  name: 'static-access',
  roots: ['load.i8', 'load.i32', 'load.f64', 'load.ref', 'store.i8', 'store.i32', 'store.f64', 'store.ref'],
  match(ir, facts, fl) {
    if (facts.constant(ir.args[0]!) === undefined) return null;
    return selection([{ user: ir, value: ir.args[0]! }], () => lowerValue(fl, ir));
  },
};

/** The patterns in priority order: the first that matches at an instruction wins. */
export const ARM_ISEL_RULES: readonly Rule[] = [
  testBranch,
  pointerBranch,
  compareBranch,
  floatZeroCompareBranch,
  floatCompareBranch,
  compareSelect,
  compareImmediate,
  aluImmediate,
  overflowImmediate,
  shiftImmediate,
  staticAccess,
];
