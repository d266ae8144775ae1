export type OptLevel = 0 | 1 | 2;

/** Everything that decides how one program runs. */
export interface RunConfig {
  backend: string;
  gc: string;
  optLevel: OptLevel;
  heapSize?: number;
  stackSize?: number;
  fuel?: number;
  gcStress?: number;
  gcStressSeed?: number;
  verifyHeap?: boolean;
  jitThreshold?: number;
  cpu?: string;
  /** Run the GC's IR lowering before execution (native backends always do). */
  lower?: boolean;
  /** Print the module after these passes (--print-after). */
  printAfter?: string[];
  countInstructions?: boolean;
  /** Verify the IR after the optimizer and the GC lowering too (file tests do). */
  verifyPasses?: boolean;
}

export const DEFAULT_CONFIG: RunConfig = { backend: 'interp', gc: 'boehm', optLevel: 1 };
