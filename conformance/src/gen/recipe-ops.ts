import { OPCODE_LIST, type OpDef, type ResultRule } from '#framework';
import type { ValType } from '#framework';
import type { NumType } from './recipe.ts';

/**
 * The opcodes recipes draw from, read off the opcode table so that a new pure op is
 * generated as soon as it is added there.
 */
function isNum(t: ValType | 'any' | ResultRule): t is NumType {
  return t === 'i32' || t === 'f64';
}

/** Pure number ops with table semantics (`select` and constants have their own nodes). */
export const NUMBER_OPS: readonly OpDef[] = OPCODE_LIST.filter(
  (op) =>
    op.pure && op.evaluate !== undefined && op.operands.length > 0 && op.operands.every(isNum) && isNum(op.result),
);

export function numberOpsWithResult(t: NumType): OpDef[] {
  return NUMBER_OPS.filter((op) => op.result === t);
}

/** Integer divisions: they trap on a zero divisor, so recipes guard it. */
export const DIVISION_OPS: readonly OpDef[] = OPCODE_LIST.filter(
  (op) =>
    !op.pure &&
    op.evaluate !== undefined &&
    op.traps.includes('div_by_zero') &&
    op.operands.length === 2 &&
    op.operands.every((t) => t === 'i32'),
);

/** Overflow-checked ops, fused with an overflow edge. */
export const CHECKED_OPS: readonly OpDef[] = OPCODE_LIST.filter((op) => op.evaluateChecked !== undefined);

export function operandTypes(op: OpDef): NumType[] {
  return op.operands.map((t) => {
    if (!isNum(t)) throw new Error(`${op.name}: operand type ${t} is not a number type`);
    return t;
  });
}
