import type { Backend } from '../engine.ts';
import { Interpreter } from './interpreter.ts';

export const interpreterBackend: Backend = {
  name: 'interp',
  description: 'reference interpreter (the oracle); runs unlowered and GC-lowered IR',
  requiresLowering: false,
  createEngine: (program, options) => new Interpreter(program, options),
};
