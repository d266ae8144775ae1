import type { Backend } from '#framework';
import { NativeEngine, TieredEngine } from '#framework/jit';
import { X86_ISA } from './x86-isa.ts';

/** Calls + loop back-edges before a function is compiled when --jit-threshold is not given
 *  (armv7's measured default; the engine and its costs are the same). */
export const DEFAULT_JIT_THRESHOLD = 1;

export const x86RefBackend: Backend = {
  name: 'x86-ref',
  description: 'x86-64 + SSE2 native code run in Unicorn, tiered behind the interpreter',
  requiresLowering: true,
  interpretsHugeFunctions: true,
  createEngine(program, options) {
    const threshold = options.jitThreshold ?? DEFAULT_JIT_THRESHOLD;
    // 0: everything compiled before the first call, no interpreter at all.
    return threshold === 0
      ? new NativeEngine(X86_ISA, program, options)
      : new TieredEngine(X86_ISA, program, options, threshold);
  },
  disassemble(program, options) {
    const engine = new NativeEngine(X86_ISA, program, options);
    try {
      return engine.disassemble();
    } finally {
      engine.dispose();
    }
  },
};
