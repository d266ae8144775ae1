// Lowers one IR function to A32 machine instructions over virtual registers.
import { CallLowering, selectFunction, type Block, type Func, type PatternCounts, type PReg } from '#framework';
import { inst, type Ctx, type FunctionLowering } from './lower-util.ts';
import { ARM_CONVENTION } from '../convention.ts';
import { LR } from '../arm-regs.ts';
import { ARM_CALL_RULES } from './call-rules.ts';
import { lowerControl } from './lower-control.ts';
import { lowerValue } from './lower-values.ts';
import { ARM_ISEL_RULES } from './isel-rules.ts';
import type { ArmLoweringEnv } from './lowering-env.ts';

const CALLS = new Set(['call', 'call_indirect', 'tail_call', 'tail_call_indirect']);

export function lowerArmFunction(
  env: ArmLoweringEnv,
  callClobbers: readonly PReg[],
  func: Func,
  ctx: Ctx,
  patterns?: PatternCounts,
): void {
  const calls = new CallLowering({
    ctx,
    env,
    convention: ARM_CONVENTION,
    rules: ARM_CALL_RULES,
    callClobbers,
    returnAddressReg: LR,
  });
  const fl: FunctionLowering = {
    ctx,
    env,
    calls,
    constants: integerConstants(func),
  };
  const selection = selectFunction(func, ARM_ISEL_RULES, fl, patterns);
  // Fuel is counted at entry, before the arguments are defined.
  calls.lowerEntry(env.fuel ? [inst({ op: 'fuel' })] : []);
  const loopHeads = env.fuel ? loopHeaders(func) : new Set<Block>();
  for (const b of func.blocks) {
    ctx.switchTo(ctx.blockFor(b));
    if (loopHeads.has(b)) ctx.emit(inst({ op: 'fuel' }));
    for (const ir of b.insts) {
      if (selection.isFolded(ir)) continue;
      const selected = selection.selectionFor(ir);
      if (selected) selected.emit();
      else if (CALLS.has(ir.op.name)) calls.lowerCall(ir);
      else if (!lowerControl(fl, ir) && !lowerValue(fl, ir)) {
        throw new Error(`armv7: cannot lower ${ir.op.name} in @${func.name} (not supported yet)`);
      }
    }
  }
}

function integerConstants(func: Func): Map<number, number> {
  const constants = new Map<number, number>();
  for (const b of func.blocks) for (const ir of b.insts) if (ir.op.name === 'iconst') constants.set(ir.result, ir.imm);
  return constants;
}

/** Blocks entered by an edge from a block at the same or a later position: every cycle has
 *  one, so counting fuel there bounds every loop. */
function loopHeaders(func: Func): Set<Block> {
  const index = new Map(func.blocks.map((b, i) => [b, i]));
  const heads = new Set<Block>();
  func.blocks.forEach((b, i) => {
    for (const ir of b.insts) for (const t of ir.targets) if (index.get(t.block)! <= i) heads.add(t.block);
  });
  return heads;
}
