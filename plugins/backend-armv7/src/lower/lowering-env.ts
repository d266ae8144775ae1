import type { LoweringEnv } from '#framework';

/** The program facts of the framework's LoweringEnv, and what A32 lowering needs of the CPU. */
export interface ArmLoweringEnv extends LoweringEnv {
  /** The CPU has sdiv/udiv (Cortex-A15); otherwise division is an inline loop. */
  readonly hardwareDivide: boolean;
}
