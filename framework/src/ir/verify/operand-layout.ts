import type { OpDef } from '../opcodes.ts';

/**
 * How an opcode's value operands sit in `Inst.args`: `fixed` plain `v` slots, then an
 * optional `v?` slot, then, for `args` slots, any number of call arguments. The table
 * puts `args` after every `v` slot, so the typed operands are always a prefix of `args`.
 */
export interface OperandLayout {
  readonly fixed: number;
  readonly optional: boolean;
  readonly variadic: boolean;
}

const layouts = new WeakMap<OpDef, OperandLayout>();

export function operandLayout(op: OpDef): OperandLayout {
  let layout = layouts.get(op);
  if (!layout) {
    layout = {
      fixed: op.slots.filter((s) => s === 'v').length,
      optional: op.slots.includes('v?'),
      variadic: op.slots.includes('args'),
    };
    layouts.set(op, layout);
  }
  return layout;
}
