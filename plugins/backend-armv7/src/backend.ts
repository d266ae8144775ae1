import type { Backend } from '#framework';
import { ArmEngine } from './engine/arm-engine.ts';

export const armv7Backend: Backend = {
  name: 'armv7',
  description: 'ARMv7 A32 native code run in Unicorn (integers, memory, calls, exceptions)',
  requiresLowering: true,
  createEngine: (program, options) => new ArmEngine(program, options),
};
