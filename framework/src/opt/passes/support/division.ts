import type { OpDef } from '../../../ir/opcodes.ts';

/** Integer divisions (`sdiv`, `urem`, ...): computed by `evaluate`, trapping exactly when
 *  the divisor, their second operand, is zero. Once the divisor is a non-zero constant
 *  they are as pure as any other op. */
export function isIntDivision(op: OpDef): boolean {
  return !op.pure && op.evaluate !== undefined && op.traps.length === 1 && op.traps[0] === 'div_by_zero';
}
