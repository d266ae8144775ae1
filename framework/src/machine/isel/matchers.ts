// The IR side of patterns every target shares: which compare feeds a branch or a select,
// which operand of a compare or an ALU op is a constant, and mask tests. A target says
// which constants it can encode and maps IR conditions to its own condition codes.
import type { Inst } from '../../ir/module.ts';
import type { IrFacts } from './ir-facts.ts';
import type { Fold } from './rule.ts';

/** The compare that holds for (b, a) when the key holds for (a, b). */
export const SWAPPED_COMPARE: Readonly<Record<string, string>> = {
  'icmp.eq': 'icmp.eq',
  'icmp.ne': 'icmp.ne',
  'icmp.slt': 'icmp.sgt',
  'icmp.sgt': 'icmp.slt',
  'icmp.sle': 'icmp.sge',
  'icmp.sge': 'icmp.sle',
  'icmp.ult': 'icmp.ugt',
  'icmp.ugt': 'icmp.ult',
  'icmp.ule': 'icmp.uge',
  'icmp.uge': 'icmp.ule',
};

/** The float compare that holds for (b, a) when the key holds for (a, b). */
export const SWAPPED_FLOAT_COMPARE: Readonly<Record<string, string>> = {
  'fcmp.eq': 'fcmp.eq',
  'fcmp.ne': 'fcmp.ne',
  'fcmp.lt': 'fcmp.gt',
  'fcmp.gt': 'fcmp.lt',
  'fcmp.le': 'fcmp.ge',
  'fcmp.ge': 'fcmp.le',
};

export const isIntCompare = (name: string): boolean => name in SWAPPED_COMPARE;
export const isFloatCompare = (name: string): boolean => name.startsWith('fcmp.');

/** An integer compare with a constant moved to the right: `op` compares `a` with `b` (or
 *  with `imm` when the target encodes it, which `folds` then spares). */
export interface CompareMatch {
  readonly a: number;
  readonly b: number;
  readonly op: string;
  readonly imm: number | null;
  readonly folds: Fold[];
}

export function matchCompare(cmp: Inst, facts: IrFacts, encodable: (k: number) => boolean): CompareMatch {
  let [a, b] = cmp.args as [number, number];
  let op = cmp.op.name;
  if (facts.constant(a) !== undefined && facts.constant(b) === undefined) {
    [a, b] = [b, a];
    op = SWAPPED_COMPARE[op]!;
  }
  const k = a === b ? undefined : facts.constant(b);
  const imm = k !== undefined && encodable(k) ? k : null;
  return { a, b, op, imm, folds: imm === null ? [] : [{ user: cmp, value: b }] };
}

/** The compare (`ops`) computing `brif`/`select`'s condition in the same block, with the
 *  fold of the condition into its user. */
export function conditionFrom(
  user: Inst,
  facts: IrFacts,
  ops: (name: string) => boolean,
): { def: Inst; fold: Fold } | null {
  const c = user.args[0]!;
  const d = facts.localDef(c, user, ops);
  return d ? { def: d, fold: { user, value: c } } : null;
}

/** `brif (icmp.eq/ne (iand x, K), 0)` or `brif (iand x, K)`: the branch is taken when
 *  `(x & mask) == 0` if `takenWhenZero`, else when it is not 0. */
export interface MaskTest {
  readonly x: number;
  readonly mask: number;
  readonly takenWhenZero: boolean;
  readonly folds: Fold[];
}

export function matchMaskTest(brif: Inst, facts: IrFacts, encodable: (k: number) => boolean): MaskTest | null {
  const c = brif.args[0]!;
  const folds: Fold[] = [{ user: brif, value: c }];
  let takenWhenZero = false;
  let masked = facts.localDef(c, brif, (n) => n === 'iand');
  if (!masked) {
    const cmp = facts.localDef(c, brif, (n) => n === 'icmp.eq' || n === 'icmp.ne');
    if (!cmp || facts.constant(cmp.args[1]!) !== 0) return null;
    masked = facts.localDef(cmp.args[0]!, brif, (n) => n === 'iand');
    if (!masked) return null;
    takenWhenZero = cmp.op.name === 'icmp.eq';
    folds.push({ user: cmp, value: cmp.args[0]! }, { user: cmp, value: cmp.args[1]! });
  }
  const [p, q] = masked.args as [number, number];
  const [x, m] = facts.constant(p) !== undefined ? [q, p] : [p, q];
  const mask = facts.constant(m);
  if (mask === undefined || x === m || !encodable(mask)) return null;
  folds.push({ user: masked, value: m });
  return { x, mask, takenWhenZero, folds };
}

const COMMUTES = new Set(['iadd', 'imul', 'iand', 'ior', 'ixor', 'iadd_ovf', 'imul_ovf']);

/** `op x, K` (or `op K, x` for commutative ops): the register operand and the constant. */
export function matchConstantOperand(ir: Inst, facts: IrFacts): { x: number; k: number; fold: Fold } | null {
  const [a, b] = ir.args as [number, number];
  if (a === b || ir.result < 0) return null;
  const kb = facts.constant(b);
  if (kb !== undefined) return { x: a, k: kb, fold: { user: ir, value: b } };
  const ka = facts.constant(a);
  if (ka !== undefined && COMMUTES.has(ir.op.name)) return { x: b, k: ka, fold: { user: ir, value: a } };
  return null;
}
