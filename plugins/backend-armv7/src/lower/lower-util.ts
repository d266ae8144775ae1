import { machInst, type InstFlags, type LoweringContext, type MachBlock, type Operand, type PReg } from '#framework';
import type { ArmData } from '../arm-data.ts';
import { R0 } from '../arm-regs.ts';
import { fixedUse } from '#framework';
import type { LoweringEnv } from './lowering-env.ts';

export type Ctx = LoweringContext<ArmData>;

/** What every lowering rule gets: the context, program facts, and per-function state. */
export interface FunctionLowering {
  readonly ctx: Ctx;
  readonly env: LoweringEnv;
  /** Every register a call destroys (the internal convention saves none). */
  readonly callClobbers: readonly PReg[];
  /** Bytes of the function's own incoming stack arguments (a tail call's stack arguments must fit). */
  readonly incomingStackBytes: number;
  /** The block that returns an exception to the caller (made on first use). */
  propagateBlock(): MachBlock<ArmData>;
}

export function inst(data: ArmData, operands: readonly Operand[] = [], flags: InstFlags = {}): ReturnType<typeof machInst<ArmData>> {
  return machInst<ArmData>(data, operands, flags);
}

/** The shared exception-propagation block: its parameter is the exception ref. */
export function makePropagateBlock(ctx: Ctx): () => MachBlock<ArmData> {
  let block: MachBlock<ArmData> | null = null;
  return () => {
    if (block) return block;
    const saved = ctx.current;
    block = ctx.newBlock('propagate', ['ref']);
    ctx.switchTo(block);
    ctx.emit(inst({ op: 'raise' }, [fixedUse(block.params[0]!, R0)], { terminator: true }));
    ctx.switchTo(saved);
    return block;
  };
}
