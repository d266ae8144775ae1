import { Inst, type Target } from '../../../ir/module.ts';
import { opcode } from '../../../ir/opcodes.ts';
import type { ValType } from '../../../ir/types.ts';

/** A constant defining `result`, or undefined when the type has no constant opcode for the value. */
export function constantInst(result: number, type: ValType, value: number): Inst | undefined {
  let inst: Inst;
  if (type === 'i32') {
    inst = new Inst(opcode('iconst'));
    inst.imm = value | 0;
  } else if (type === 'f64') {
    inst = new Inst(opcode('fconst'));
    inst.imm = value;
  } else if (value === 0) {
    inst = new Inst(opcode('rnull'));
  } else {
    return undefined;
  }
  inst.result = result;
  return inst;
}

export function jumpInst(target: Target): Inst {
  const inst = new Inst(opcode('br'));
  inst.targets = [{ block: target.block, args: [...target.args] }];
  return inst;
}
