import type { Backend } from '#framework';
import { NativeEngine, TieredEngine } from '#framework/jit';
import { ARM_ISA } from './arm-isa.ts';

/** Calls + loop back-edges before a function is compiled when --jit-threshold is not given
 *  (measured: see docs/decisions.md). */
export const DEFAULT_JIT_THRESHOLD = 1;

export const armv7Backend: Backend = {
  name: 'armv7',
  description: 'ARMv7 A32 + VFP native code run in Unicorn, tiered behind the interpreter',
  requiresLowering: true,
  interpretsHugeFunctions: true,
  createEngine(program, options) {
    const threshold = options.jitThreshold ?? DEFAULT_JIT_THRESHOLD;
    // 0: everything compiled before the first call, no interpreter at all.
    return threshold === 0
      ? new NativeEngine(ARM_ISA, program, options)
      : new TieredEngine(ARM_ISA, program, options, threshold);
  },
  disassemble(program, options) {
    const engine = new NativeEngine(ARM_ISA, program, options);
    try {
      return engine.disassemble();
    } finally {
      engine.dispose();
    }
  },
};
