import {
  machInst,
  type CallLowering,
  type InstFlags,
  type LoweringContext,
  type LoweringEnv,
  type MachInst,
  type Operand,
} from '#framework';
import type { X86Data } from '../data/x86-data.ts';

export type Ctx = LoweringContext<X86Data>;

/** What every lowering rule gets: the context, program facts, and per-function state. */
export interface FunctionLowering {
  readonly ctx: Ctx;
  readonly env: LoweringEnv;
  /** Calls, entry and exits under the internal convention (the framework's protocol). */
  readonly calls: CallLowering<X86Data>;
  /** The value of each `iconst` of the function, by IR value id. */
  readonly constants: ReadonlyMap<number, number>;
}

export function inst(data: X86Data, operands: readonly Operand[] = [], flags: InstFlags = {}): MachInst<X86Data> {
  return machInst<X86Data>(data, operands, flags);
}
