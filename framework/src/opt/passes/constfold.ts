import type { Func, Inst } from '../../ir/module.ts';
import { functionPass, type Pass } from '../pass.ts';
import { isIntDivision } from './support/division.ts';
import { constantInst, jumpInst } from './support/make-inst.ts';
import { reachableInReversePostorder } from './support/reachable.ts';
import { Substitution } from './support/substitution.ts';

/**
 * Constant folding with the opcode table's own semantics (`evaluate`, `evaluateChecked`),
 * so the optimizer can never disagree with the interpreter about what an op computes.
 *
 * Folds: pure ops whose operands are all constants; divisions whose divisor is a
 * non-zero constant (a zero divisor must still trap at run time); `select`, `brif` and
 * `switch` on a constant; overflow-checked ops on constants into a jump to the edge they
 * would take; integer compares of a value with itself. Ref results fold only to `rnull`: no other ref constant has an opcode.
 */
export const constfold: Pass = functionPass(
  'constfold',
  'folds ops on constants and branches on constants, using the opcode table semantics',
  (f) => foldFunction(f),
);

function foldFunction(f: Func): boolean {
  const consts = new Map<number, number>();
  const subst = new Substitution();
  const constOf = (v: number): number | undefined => consts.get(subst.resolve(v));
  let changed = false;
  // Reverse postorder visits every definition before the uses it dominates, so a chain of
  // foldable ops folds in one sweep.
  for (const b of reachableInReversePostorder(f)) {
    for (let i = 0; i < b.insts.length; i++) {
      const inst = b.insts[i]!;
      const selected = inst.op.name === 'select' ? selectedOperand(inst, constOf) : undefined;
      if (selected !== undefined) {
        subst.replace(inst.result, selected);
        b.insts.splice(i--, 1);
        changed = true;
        continue;
      }
      const replacement = foldInst(f, inst, constOf) ?? foldSelfCompare(f, inst, subst);
      if (replacement) {
        b.insts.splice(i, 1, ...replacement);
        changed = true;
      }
      const now = b.insts[i]!;
      const k = constantValue(now);
      if (k !== undefined) consts.set(now.result, k);
    }
  }
  if (subst.applyTo(f)) changed = true;
  return changed;
}

type ConstOf = (v: number) => number | undefined;

function constantValue(inst: Inst): number | undefined {
  switch (inst.op.name) {
    case 'iconst':
    case 'fconst':
      return inst.imm;
    case 'rnull':
      return 0;
    default:
      return undefined;
  }
}

/** `select` on a constant condition is its chosen operand, whatever the operands are. */
function selectedOperand(inst: Inst, constOf: ConstOf): number | undefined {
  const c = constOf(inst.args[0]!);
  if (c === undefined) return undefined;
  return c !== 0 ? inst.args[1] : inst.args[2];
}

/** The instructions that replace `inst`, or undefined when it stays. */
function foldInst(f: Func, inst: Inst, constOf: ConstOf): Inst[] | undefined {
  const op = inst.op;
  if (op.name === 'brif') return foldBranch(inst, constOf);
  if (op.name === 'switch') return foldSwitch(inst, constOf);
  if (op.evaluateChecked && inst.targets.length === 2) return foldChecked(inst, op.evaluateChecked, constOf);
  if (inst.isTerminator || !op.evaluate || inst.result < 0 || inst.args.length === 0) return undefined;
  if (!op.pure && !isIntDivision(op)) return undefined;
  const xs: number[] = [];
  for (const a of inst.args) {
    const k = constOf(a);
    if (k === undefined) return undefined;
    xs.push(k);
  }
  if (isIntDivision(op) && xs[1] === 0) return undefined;
  const folded = constantInst(inst.result, f.typeOf(inst.result), op.evaluate(...xs));
  return folded ? [folded] : undefined;
}

/** An integer compare of a value with itself (the same SSA value) is known whatever the
 *  value: true for eq, sle, sge, ule, uge, false for the others. */
function foldSelfCompare(f: Func, inst: Inst, subst: Substitution): Inst[] | undefined {
  const op = inst.op;
  if (!op.name.startsWith('icmp.') || !op.evaluate || inst.result < 0) return undefined;
  if (subst.resolve(inst.args[0]!) !== subst.resolve(inst.args[1]!)) return undefined;
  const folded = constantInst(inst.result, f.typeOf(inst.result), op.evaluate(0, 0));
  return folded ? [folded] : undefined;
}

function foldBranch(inst: Inst, constOf: ConstOf): Inst[] | undefined {
  const c = constOf(inst.args[0]!);
  if (c === undefined) return undefined;
  return [jumpInst(inst.targets[c !== 0 ? 0 : 1]!)];
}

function foldSwitch(inst: Inst, constOf: ConstOf): Inst[] | undefined {
  const v = constOf(inst.args[0]!);
  if (v === undefined) return undefined;
  // Built the way the interpreter builds its case map, so duplicate cases resolve alike.
  const caseTarget = new Map(inst.cases.map((c, i) => [c | 0, i + 1]));
  return [jumpInst(inst.targets[caseTarget.get(v) ?? 0]!)];
}

/** The result of a fused overflow op exists only on its `to` edge; folded, it becomes a
 *  constant defined just before the jump that passes it. */
function foldChecked(
  inst: Inst,
  checked: (a: number, b: number) => number | null,
  constOf: ConstOf,
): Inst[] | undefined {
  const a = constOf(inst.args[0]!);
  const b = constOf(inst.args[1]!);
  if (a === undefined || b === undefined) return undefined;
  const r = checked(a, b);
  if (r === null) return [jumpInst(inst.targets[1]!)];
  const value = constantInst(inst.result, 'i32', r)!;
  return [value, jumpInst(inst.targets[0]!)];
}
