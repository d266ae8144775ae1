// Lowers one IR function to x86-64 machine instructions over virtual registers.
import { CallLowering, selectFunction, type Block, type Func, type LoweringEnv, type PReg } from '#framework';
import { X86_CONVENTION } from '../data/convention.ts';
import { X86_CALL_RULES } from './call-rules.ts';
import { lowerControl } from './lower-control.ts';
import { inst, type Ctx, type FunctionLowering } from './lower-util.ts';
import { lowerValue } from './lower-values.ts';
import { X86_ISEL_RULES } from './isel-rules.ts';

const CALLS = new Set(['call', 'call_indirect', 'tail_call', 'tail_call_indirect']);

export function lowerX86Function(env: LoweringEnv, callClobbers: readonly PReg[], func: Func, ctx: Ctx): void {
  // The call pushes the return address: it is no value here (frame policy 'pushed').
  const calls = new CallLowering({
    ctx,
    env,
    convention: X86_CONVENTION,
    rules: X86_CALL_RULES,
    callClobbers,
    returnAddressReg: null,
  });
  const fl: FunctionLowering = {
    ctx,
    env,
    calls,
    constants: integerConstants(func),
  };
  const selection = selectFunction(func, X86_ISEL_RULES, fl, env.patternCounts);
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
        throw new Error(`x86-ref: cannot lower ${ir.op.name} in @${func.name}`);
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
