import { machInst, type InstFlags, type LoweringContext, type MachBlock, type Operand, type PReg, type VReg } from '#framework';
import type { ArmData } from '../arm-data.ts';
import { LR, R0 } from '../arm-regs.ts';
import { fixedUse } from '#framework';
import type { ArmLoweringEnv } from './lowering-env.ts';

export type Ctx = LoweringContext<ArmData>;

/** What every lowering rule gets: the context, program facts, and per-function state. */
export interface FunctionLowering {
  readonly ctx: Ctx;
  readonly env: ArmLoweringEnv;
  /** Every register a call destroys (the internal convention saves none). */
  readonly callClobbers: readonly PReg[];
  /** Bytes of the function's own incoming stack arguments (a tail call's stack arguments must fit). */
  readonly incomingStackBytes: number;
  /** The block that returns an exception to the caller (made on first use). */
  propagateBlock(): MachBlock<ArmData>;
  /** lr as it was at entry: every call and every exit uses it in lr (see returnAddressUse). */
  readonly returnAddress: VReg;
  /** The value of each `iconst` of the function, by IR value id. */
  readonly constants: ReadonlyMap<number, number>;
  /** iconsts used only as raw load/store addresses (not materialized). */
  readonly onlyAddresses: ReadonlySet<number>;
}

/** The return address back in lr: before a return, a tail call, or a call (which keeps it
 *  live, so at every call it is in its spill slot for the stack maps). */
export const returnAddressUse = (fl: { returnAddress: VReg }): Operand => fixedUse(fl.returnAddress, LR);

export function inst(data: ArmData, operands: readonly Operand[] = [], flags: InstFlags = {}): ReturnType<typeof machInst<ArmData>> {
  return machInst<ArmData>(data, operands, flags);
}

/** The shared exception-propagation block: its parameter is the exception ref. */
export function makePropagateBlock(ctx: Ctx, returnAddress: () => VReg): () => MachBlock<ArmData> {
  let block: MachBlock<ArmData> | null = null;
  return () => {
    if (block) return block;
    const saved = ctx.current;
    block = ctx.newBlock('propagate', ['ref']);
    ctx.switchTo(block);
    ctx.emit(inst({ op: 'raise' }, [fixedUse(block.params[0]!, R0), fixedUse(returnAddress(), LR)], { terminator: true }));
    ctx.switchTo(saved);
    return block;
  };
}
