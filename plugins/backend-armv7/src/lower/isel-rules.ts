// A32's instruction-selection patterns (the framework's rule engine picks the first that
// matches at each IR instruction; what no pattern covers is lowered one op at a time by
// lower-values.ts and lower-control.ts).
import { def, use, type Fold, type Inst, type IrFacts, type IselRule, type Selection } from '#framework';
import type { ImmAluOp, ShiftOp } from '../arm-data.ts';
import { isModifiedImmediate } from '../encoder/index.ts';
import { inst, type FunctionLowering } from './lower-util.ts';
import { lowerValue } from './lower-values.ts';

type Rule = IselRule<FunctionLowering>;

/** A32 condition codes of the integer compares. */
export const ICMP_COND: Readonly<Record<string, number>> = {
  'icmp.eq': 0,
  'icmp.ne': 1,
  'icmp.slt': 11,
  'icmp.sle': 13,
  'icmp.sgt': 12,
  'icmp.sge': 10,
  'icmp.ult': 3,
  'icmp.ule': 9,
  'icmp.ugt': 8,
  'icmp.uge': 2,
};
/** After vcmp + vmrs, unordered sets C and V: mi, ls, gt, ge and eq are then false, ne true. */
export const FCMP_COND: Readonly<Record<string, number>> = {
  'fcmp.eq': 0,
  'fcmp.ne': 1,
  'fcmp.lt': 4,
  'fcmp.le': 9,
  'fcmp.gt': 12,
  'fcmp.ge': 10,
};
/** The condition that holds for (b, a) when `cond` holds for (a, b). */
const SWAPPED: Readonly<Record<number, number>> = {
  0: 0,
  1: 1,
  11: 12,
  12: 11,
  13: 10,
  10: 13,
  3: 8,
  8: 3,
  9: 2,
  2: 9,
};
const EQ = 0,
  NE = 1;

const isIcmp = (name: string): boolean => name in ICMP_COND;
const isFcmp = (name: string): boolean => name in FCMP_COND;
const encodable = (k: number): boolean => isModifiedImmediate(k >>> 0);
/** `cmp` takes the immediate, or `cmn` its negation. */
const comparable = (k: number): boolean => encodable(k) || encodable(-k | 0);

/** A compare's operands with a constant moved to the right: [a, b, cond, imm or null]. */
interface Compare {
  readonly a: number;
  readonly b: number;
  readonly cond: number;
  readonly imm: number | null;
  readonly folds: Fold[];
}

function compareOf(cmp: Inst, facts: IrFacts): Compare {
  let [a, b] = cmp.args as [number, number];
  let cond = ICMP_COND[cmp.op.name]!;
  const folds: Fold[] = [];
  if (facts.constant(a) !== undefined && facts.constant(b) === undefined) {
    [a, b] = [b, a];
    cond = SWAPPED[cond]!;
  }
  // A fold spares every use of the value by the compare: not when it is also compared in a register.
  const k = a === b ? undefined : facts.constant(b);
  const imm = k !== undefined && comparable(k) ? k : null;
  if (imm !== null) folds.push({ user: cmp, value: b });
  return { a, b, cond, imm, folds };
}

const selection = (folds: Fold[], emit: () => void): Selection => ({ folds, emit });

const brifTargets = (fl: FunctionLowering, ir: Inst) => ({
  targets: [fl.ctx.edge(ir.targets[0]!), fl.ctx.edge(ir.targets[1]!)],
});

/** `brif (icmp.eq/ne (iand x, K), 0)` and `brif (iand x, K)`: a tag test is one `tst`. */
const testBranch: Rule = {
  name: 'tst-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const c = ir.args[0]!;
    let cond = NE;
    const folds: Fold[] = [{ user: ir, value: c }];
    let masked = facts.localDef(c, ir, (n) => n === 'iand');
    if (!masked) {
      const cmp = facts.localDef(c, ir, (n) => n === 'icmp.eq' || n === 'icmp.ne');
      if (!cmp || facts.constant(cmp.args[1]!) !== 0) return null;
      masked = facts.localDef(cmp.args[0]!, ir, (n) => n === 'iand');
      if (!masked) return null;
      cond = cmp.op.name === 'icmp.eq' ? EQ : NE;
      folds.push({ user: cmp, value: cmp.args[0]! }, { user: cmp, value: cmp.args[1]! });
    }
    const [x, m] = facts.constant(masked.args[0]!) !== undefined ? masked.args.slice().reverse() : masked.args;
    const k = facts.constant(m!);
    if (k === undefined || x === m || !encodable(k)) return null;
    folds.push({ user: masked, value: m! });
    return selection(folds, () =>
      fl.ctx.emit(inst({ op: 'branchCmp', test: 'tst', cond, imm: k }, [use(fl.ctx.vreg(x!))], brifTargets(fl, ir))),
    );
  },
};

/** `brif (ref.is_ptr x)`: two tests and branches, no boolean in between. */
const pointerBranch: Rule = {
  name: 'is-ptr-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const test = facts.localDef(ir.args[0]!, ir, (n) => n === 'ref.is_ptr');
    if (!test) return null;
    return selection([{ user: ir, value: ir.args[0]! }], () =>
      fl.ctx.emit(inst({ op: 'branchIsPtr' }, [use(fl.ctx.vreg(test.args[0]!))], brifTargets(fl, ir))),
    );
  },
};

/** `brif (icmp a, b)`: compare and branch on the condition, no boolean in between. */
const compareBranch: Rule = {
  name: 'cmp-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const cmp = facts.localDef(ir.args[0]!, ir, isIcmp);
    if (!cmp) return null;
    const c = compareOf(cmp, facts);
    return selection([{ user: ir, value: ir.args[0]! }, ...c.folds], () => {
      const { ctx } = fl;
      const ops = c.imm === null ? [use(ctx.vreg(c.a)), use(ctx.vreg(c.b))] : [use(ctx.vreg(c.a))];
      ctx.emit(inst({ op: 'branchCmp', test: 'cmp', cond: c.cond, imm: c.imm }, ops, brifTargets(fl, ir)));
    });
  },
};

/** `brif (fcmp a, b)`: vcmp, vmrs and the branch. */
const floatCompareBranch: Rule = {
  name: 'fcmp-branch',
  roots: ['brif'],
  match(ir, facts, fl) {
    const cmp = facts.localDef(ir.args[0]!, ir, isFcmp);
    if (!cmp) return null;
    return selection([{ user: ir, value: ir.args[0]! }], () => {
      const { ctx } = fl;
      const ops = [use(ctx.vreg(cmp.args[0]!)), use(ctx.vreg(cmp.args[1]!))];
      ctx.emit(inst({ op: 'branchFcmp', cond: FCMP_COND[cmp.op.name]! }, ops, brifTargets(fl, ir)));
    });
  },
};

/** `select (icmp a, b), x, y`: compare, then two conditional moves. */
const compareSelect: Rule = {
  name: 'cmp-select',
  roots: ['select'],
  match(ir, facts, fl) {
    const cmp = facts.localDef(ir.args[0]!, ir, isIcmp);
    if (!cmp || ir.result < 0) return null;
    const c = compareOf(cmp, facts);
    return selection([{ user: ir, value: ir.args[0]! }, ...c.folds], () => {
      const { ctx } = fl;
      const compared = c.imm === null ? [use(ctx.vreg(c.a)), use(ctx.vreg(c.b))] : [use(ctx.vreg(c.a))];
      const float = ctx.func.typeOf(ir.result) === 'f64';
      ctx.emit(
        inst({ op: 'selectCmp', cond: c.cond, imm: c.imm, float }, [
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
    const c = compareOf(ir, facts);
    if (c.imm === null) return null;
    return selection(c.folds, () =>
      fl.ctx.emit(
        inst({ op: 'icmpImm', cond: c.cond, imm: c.imm! }, [def(fl.ctx.vreg(ir.result)), use(fl.ctx.vreg(c.a))]),
      ),
    );
  },
};

const COMMUTES = new Set(['iadd', 'iand', 'ior', 'ixor']);
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
    if (ir.result < 0) return null;
    const [a, b] = ir.args as [number, number];
    if (a === b) return null;
    let x = a,
      k = facts.constant(b),
      kv = b;
    let form = k === undefined ? null : immediateForm(ir.op.name, k);
    if (!form && facts.constant(a) !== undefined) {
      const ka = facts.constant(a)!;
      if (COMMUTES.has(ir.op.name)) form = immediateForm(ir.op.name, ka);
      else if (ir.op.name === 'isub' && encodable(ka)) form = { alu: 'rsb', imm: ka };
      if (form) [x, kv] = [b, a];
    }
    if (!form) return null;
    const f = form;
    return selection([{ user: ir, value: kv }], () =>
      fl.ctx.emit(inst({ op: 'aluImm', ...f }, [def(fl.ctx.vreg(ir.result)), use(fl.ctx.vreg(x))])),
    );
  },
};

const SHIFTS: Readonly<Record<string, ShiftOp>> = { ishl: 'lsl', isar: 'asr', ishr: 'lsr' };

/** Shifts by a constant (the IR masks the count to 5 bits; by 0 the value is unchanged). */
const shiftImmediate: Rule = {
  name: 'shift-imm',
  roots: Object.keys(SHIFTS),
  match(ir, facts, fl) {
    const k = facts.constant(ir.args[1]!);
    if (k === undefined || ir.result < 0 || ir.args[0] === ir.args[1]) return null;
    const amount = k & 31;
    return selection([{ user: ir, value: ir.args[1]! }], () => {
      const { ctx } = fl;
      const [d, x] = [ctx.vreg(ir.result), ctx.vreg(ir.args[0]!)];
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
  floatCompareBranch,
  compareSelect,
  compareImmediate,
  aluImmediate,
  shiftImmediate,
  staticAccess,
];
