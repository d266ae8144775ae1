import { machInst, type CallLowering, type InstFlags, type LoweringContext, type Operand } from '#framework';
import type { ArmData } from '../arm-data.ts';
import type { ArmLoweringEnv } from './lowering-env.ts';

export type Ctx = LoweringContext<ArmData>;

/** What every lowering rule gets: the context, program facts, and per-function state. */
export interface FunctionLowering {
  readonly ctx: Ctx;
  readonly env: ArmLoweringEnv;
  /** Calls, entry and exits under the internal convention (the framework's protocol); lr as
   *  it was at entry is a value every call and every exit uses in lr. */
  readonly calls: CallLowering<ArmData>;
  /** The value of each `iconst` of the function, by IR value id. */
  readonly constants: ReadonlyMap<number, number>;
}

export function inst(
  data: ArmData,
  operands: readonly Operand[] = [],
  flags: InstFlags = {},
): ReturnType<typeof machInst<ArmData>> {
  return machInst<ArmData>(data, operands, flags);
}
